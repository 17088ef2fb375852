import { describe, expect, it } from "vitest";
import { parsePlatformConfig } from "../../stacks/config";
import { RawConfig, configProblems, rawStackConfig } from "../harness/configCases";

type Raw = RawConfig;
const dev = (): Raw => rawStackConfig("dev");
const problems = configProblems;
const DIGEST = "sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
/** dev's own toolchain image: the shared-services account, the region, the repository the program creates. */
const TOOLCHAIN = `111111111111.dkr.ecr.eu-west-1.amazonaws.com/acme-dev/package-gate-toolchain@${DIGEST}`;

describe("packages config", () => {
    it("applies the documented defaults", () => {
        const raw = dev();
        raw.packages = { toolchainImage: TOOLCHAIN };
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
            firstSeenApproval: true,
            clamavUpdateHours: 6,
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
        raw.packages = { toolchainImage: TOOLCHAIN, conda: { enabled: true }, intake: { mode: "codestar" } };
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
        raw.packages = { toolchainImage: TOOLCHAIN, scanVpcCidr: dataCidr };
        expect(problems(raw)).toEqual([
            `secure-ds:platform.packages.scanVpcCidr: "${dataCidr}" overlaps the data VPC's network.cidr ${dataCidr}; the egress-only scanning VPC must use a separate block (e.g. 10.250.0.0/22)`,
        ]);
        raw.packages = { toolchainImage: TOOLCHAIN, scanVpcCidr: "10.250.0.0/27" };
        expect(problems(raw)).toEqual([
            `secure-ds:platform.packages.scanVpcCidr: "10.250.0.0/27" is a /27; the scanning VPC needs a /16 to /24 block (AWS allows at most /16, and two private subnets and the NAT's public subnet need room)`,
        ]);
        raw.packages = { toolchainImage: TOOLCHAIN, scanVpcCidr: "10.250.0.0/24" };
        expect(problems(raw)).toEqual([]);
    });
    it("requires the gate's toolchain image where the shared-services layer is built, pinned by digest in the platform's own repository", () => {
        const raw = dev();
        raw.packages = {};
        expect(problems(raw)).toEqual([
            expect.stringMatching(
                /^secure-ds:platform\.packages\.toolchainImage: missing; .*111111111111\.dkr\.ecr\.eu-west-1\.amazonaws\.com\/acme-dev\/package-gate-toolchain@sha256:<digest>/,
            ),
        ]);
        const cases: [string, RegExp][] = [
            [TOOLCHAIN.replace(`@${DIGEST}`, ":1.0"), /names "1\.0"; pin the image by digest/],
            [TOOLCHAIN.replace(`@${DIGEST}`, ""), /names no digest; pin the image by digest/],
            [TOOLCHAIN.replace("111111111111", "999999999999"), /is in account 999999999999; .*shared-services account's registry \(111111111111\)/],
            [TOOLCHAIN.replace("eu-west-1", "eu-west-2"), /is in region eu-west-2/],
            [TOOLCHAIN.replace("acme-dev/package-gate-toolchain", "acme-dev/studio-images"), /push the image to acme-dev\/package-gate-toolchain/],
            [`docker.io/library/python@${DIGEST}`, /is not an ECR image reference/],
            [TOOLCHAIN.replace(DIGEST, "sha256:ABC"), /pin the image by digest/],
        ];
        for (const [image, message] of cases) {
            raw.packages = { toolchainImage: image };
            const found = problems(raw);
            expect(found, image).toHaveLength(1);
            expect(found[0], image).toMatch(/^secure-ds:platform\.packages\.toolchainImage: /);
            expect(found[0], image).toMatch(message);
        }
        raw.packages = { toolchainImage: TOOLCHAIN, clamavUpdateHours: 25 };
        expect(problems(raw)).toEqual([expect.stringMatching(/clamavUpdateHours: .*more than 24 hours/)]);
    });
    it("does not ask a stack without the shared-services layer for the toolchain image", () => {
        const raw = rawStackConfig("prod");
        delete (raw.packages as { toolchainImage?: string }).toolchainImage;
        expect(problems(raw)).toEqual([]);
    });
});
