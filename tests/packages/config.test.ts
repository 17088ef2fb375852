import { describe, expect, it } from "vitest";
import { parsePlatformConfig } from "../../stacks/config";
import { RawConfig, configProblems, rawStackConfig } from "../harness/configCases";

type Raw = RawConfig;
const dev = (): Raw => rawStackConfig("dev");
const problems = configProblems;

describe("packages config", () => {
    it("applies the documented defaults", () => {
        const raw = dev();
        delete raw.packages;
        const p = parsePlatformConfig(raw).packages;
        expect(p).toMatchObject({
            enabled: true,
            severityThreshold: "HIGH",
            exceptions: [],
            notificationEmails: [],
            intake: { mode: "s3" },
            scanVpcCidr: "10.250.0.0/22",
            pythonVersion: "3.11",
            npm: { enabled: false },
            conda: { enabled: false },
        });
        expect(p.licenseAllowList).toContain("Apache-2.0");
    });
    it("names the key of a bad severity, e-mail and expiry date", () => {
        const raw = dev();
        raw.packages = {
            // @ts-expect-error a severity that is not one of the schema's values
            severityThreshold: "SEVERE",
            notificationEmails: ["nobody"],
            exceptions: [{ package: "x", finding: "B602", expires: "2026-02-30", justification: "accepted by security" }],
        };
        const p = problems(raw);
        expect(p).toHaveLength(3);
        expect(p).toEqual(
            expect.arrayContaining([
                'secure-ds:platform.packages.severityThreshold: "SEVERE" is not one of LOW, MEDIUM, HIGH, CRITICAL',
                'secure-ds:platform.packages.notificationEmails[0]: "nobody" is not an e-mail address',
                'secure-ds:platform.packages.exceptions[0].expires: "2026-02-30" is not a calendar date',
            ]),
        );
    });
    it("refuses conda with an explanation, and codestar intake without a repository", () => {
        const raw = dev();
        raw.packages = { conda: { enabled: true }, intake: { mode: "codestar" } };
        expect(problems(raw)).toEqual([
            "secure-ds:platform.packages.conda.enabled: true is not supported: AWS CodeArtifact has no conda package format or conda upstream; set it to false and request the PyPI wheels instead",
            "secure-ds:platform.packages.intake.repository: missing; intake mode codestar needs the request repository as owner/name",
        ]);
    });
    it("refuses an empty licence allow-list and unknown keys", () => {
        const raw = dev();
        // @ts-expect-error a misspelt key, which the schema must reject too
        raw.packages = { licenseAllowList: [], severity: "HIGH" };
        const p = problems(raw);
        expect(p).toContain('secure-ds:platform.packages.severity: unknown key; did you mean "severityThreshold"? (docs/configuration.md)');
        expect(p.some((x) => x.startsWith("secure-ds:platform.packages.licenseAllowList:") && x.includes("is empty"))).toBe(true);
    });
    it("keeps the scanning VPC out of the data VPC's address space and within a usable size", () => {
        const raw = dev();
        const dataCidr = (raw.network as { cidr: string }).cidr;
        raw.packages = { scanVpcCidr: dataCidr };
        expect(problems(raw)).toEqual([
            `secure-ds:platform.packages.scanVpcCidr: "${dataCidr}" overlaps the data VPC's network.cidr ${dataCidr}; the egress-only scanning VPC must use a separate block (e.g. 10.250.0.0/22)`,
        ]);
        raw.packages = { scanVpcCidr: "10.250.0.0/27" };
        expect(problems(raw)).toEqual([
            `secure-ds:platform.packages.scanVpcCidr: "10.250.0.0/27" is a /27; the scanning VPC needs a /16 to /24 block (AWS allows at most /16, and two private subnets and the NAT's public subnet need room)`,
        ]);
        raw.packages = { scanVpcCidr: "10.250.0.0/24" };
        expect(problems(raw)).toEqual([]);
    });
});
