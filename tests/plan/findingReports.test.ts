/**
 * The finding model and its CI formats: exemption files checked (critical policies refused),
 * findings described with severity, remediation, peer checks and exemption state, and the same
 * findings in the plan JSON, in SARIF 2.1.0 (validated against the vendored official schema,
 * tests/fixtures/sarif/SOURCE.md) and in JUnit XML (parsed back).
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import AjvDraft04 from "ajv-draft-04";
import addFormats from "ajv-formats";
import { XMLParser } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { describeFindings } from "../../plan/findings/describe";
import { ExemptionsError, loadExemptions } from "../../plan/findings/exemptionFiles";
import { configuredLevels, exemptionsInPackConfig, mergePackConfig, selectedPolicies } from "../../plan/findings/packConfigMerge";
import { toJunit } from "../../plan/findings/junit";
import { toSarif } from "../../plan/findings/sarif";
import { formatFindings } from "../../plan/findings/human";
import { summarise } from "../../plan/summary";
import { Plan, PlanFinding } from "../../plan/types";
import { policies } from "../../policy-pack/policies";
import { packPolicy, policySeverity } from "../../policy-pack/policies/common";
import { planResource } from "../harness/planResource";

const ROOT = path.resolve(__dirname, "../..");
const STACK = "dev";
const groupUrn = `urn:pulumi:${STACK}::secure-ds::aws:cloudwatch/logGroup:LogGroup::scratch-logs`;
const domainUrn = `urn:pulumi:${STACK}::secure-ds::aws:sagemaker/domain:Domain::studio`;

function exemptionsFile(body: string): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "exemptions-"));
    const file = path.join(dir, `${STACK}.yaml`);
    fs.writeFileSync(file, body);
    return file;
}

const entry = (o: Record<string, string>) =>
    `  - ${Object.entries(o)
        .map(([k, v]) => `${k}: ${JSON.stringify(v)}`)
        .join("\n    ")}\n`;

const live = {
    id: "scratch-retention",
    policy: "log-group-retention-minimum",
    resource: "scratch-*",
    justification: "Throw-away load-test logs.",
    expires: "2099-12-31",
    approver: "lead@example.com",
};
const expired = {
    id: "old-tags",
    policy: "mandatory-tags",
    resource: groupUrn,
    justification: "Tags came later.",
    expires: "2020-01-31",
    approver: "lead@example.com",
};
const unused = {
    id: "left-over",
    policy: "log-group-encrypted-retention",
    resource: "no-such-group",
    justification: "Left over.",
    expires: "2099-12-31",
    approver: "lead@example.com",
};

/** Findings as the pack reports them for a log group and a domain, with the exemptions above applied by the pack. */
const raw: PlanFinding[] = [
    { policy: "log-group-retention-minimum", level: "advisory", urn: groupUrn, message: "retention 1 day\n[exempted …]", controls: ["G4"] },
    { policy: "mandatory-tags", level: "mandatory", urn: groupUrn, message: "missing tags\n[exemption expired …]", controls: ["G1"] },
    { policy: "sagemaker-domain-vpc-only", level: "mandatory", urn: domainUrn, message: "Domain studio uses PublicInternetOnly (N1).", controls: ["N1"] },
    { policy: "mandatory-tags", level: "advisory", urn: domainUrn, message: 'missing tags <team> & "owner"', controls: ["G1"] },
];

function fixturePlan(): Plan {
    const exemptions = loadExemptions([exemptionsFile(`exemptions:\n${entry(live)}${entry(expired)}${entry(unused)}`)]);
    const packConfig = mergePackConfig({ all: "mandatory" }, exemptions);
    const described = describeFindings(raw, exemptionsInPackConfig(packConfig), new Set(), "2026-12-01");
    const resources = [
        planResource(STACK, "aws:cloudwatch/logGroup:LogGroup", "scratch-logs", {}),
        planResource(STACK, "aws:sagemaker/domain:Domain", "studio", {}),
    ];
    return {
        formatVersion: 2,
        project: "secure-ds",
        stack: STACK,
        mode: "preview",
        resources,
        outputs: {},
        findings: described.findings,
        undecided: [],
        deferred: [],
        quotas: [],
        manualSteps: [],
        contractViolations: [],
        packConfig,
        exemptions: described.exemptions,
        summary: summarise(STACK, "dev", resources, described.findings, {}, "preview"),
    };
}

const key = (policy: string, urn: string | undefined) => `${policy} ${urn ?? ""}`;

describe("exemption files (docs/configuration.md, Exemptions)", () => {
    it("refuses a critical policy, an unknown policy with a did-you-mean, and missing or malformed fields — every problem, one line each", () => {
        const file = exemptionsFile(
            `exemptions:\n${entry({ ...live, id: "a", policy: "sagemaker-domain-vpc-only" })}${entry({ ...live, id: "b", policy: "log-group-retention-minimun" })}${entry({ ...live, id: "c", justification: " " })}${entry({ ...live, id: "d", expires: "2027-02-30" })}`,
        );
        let error: unknown;
        try {
            loadExemptions([file]);
        } catch (err) {
            error = err;
        }
        expect(error).toBeInstanceOf(ExemptionsError);
        const problems = (error as ExemptionsError).problems.join("\n");
        expect(problems).toMatch(/exemptions\.0 \(a\): policy "sagemaker-domain-vpc-only" is critical \(controls N1\) and cannot be exempted/);
        expect(problems).toMatch(
            /exemptions\.1 \(b\): policy "log-group-retention-minimun" is not a policy of the pack \(did you mean log-group-retention-minimum\?\)/,
        );
        expect(problems).toMatch(/justification must not be empty/);
        expect(problems).toMatch(/expires is not a calendar date/);
        expect(() =>
            loadExemptions([exemptionsFile(`exemptions:\n  - id: x\n    policy: mandatory-tags\n    resource: y\n    expires: 2027-01-01\n    approver: z\n`)]),
        ).toThrow(/justification is required/);
        expect(() => loadExemptions([exemptionsFile("exemptions:\n  - id: [unclosed\n")])).toThrow(/\.yaml:\d+:\d+: /);
    });

    it("every policy citing a core control (N1, N2, N5, N6, S1, E1, E7) is critical unless it says why not, and critical ones declare no exemptions property", () => {
        for (const p of policies.map(packPolicy)) {
            const exemptable = "exemptions" in (p.configSchema?.properties ?? {});
            expect(exemptable, p.name).toBe(policySeverity(p) !== "critical");
        }
        expect(policySeverity(policies.find((p) => p.name === "isolated-vpc-no-internet-path")!)).toBe("critical");
        expect(policySeverity(policies.find((p) => p.name === "mandatory-tags")!)).toBe("low");
    });

    it("--only and --skip name policies of the pack, with a did-you-mean", () => {
        expect([...selectedPolicies({ only: ["mandatory-tags", "no-default-vpc"], skip: ["no-default-vpc"] })]).toEqual(["mandatory-tags"]);
        expect(() => selectedPolicies({ skip: ["mandatory-tag"] })).toThrow(/--skip mandatory-tag: not a policy of the pack \(did you mean mandatory-tags\?\)/);
        const merged = mergePackConfig({ "mandatory-tags": "advisory" }, [], selectedPolicies({ only: ["mandatory-tags"] }));
        expect(configuredLevels(merged)["mandatory-tags"]).toBe("advisory");
        expect(configuredLevels(merged)["no-default-vpc"]).toBe("disabled");
    });
});

describe("findings described", () => {
    const plan = fixturePlan();

    it("carry severity, remediation, controls, peer checks and the exemption that matched", () => {
        const vpc = plan.findings.find((f) => f.policy === "sagemaker-domain-vpc-only")!;
        expect(vpc).toMatchObject({ severity: "critical", name: "studio", controls: ["N1"] });
        expect(vpc.remediation).toMatch(/VpcOnly/);
        expect(vpc.peerChecks).toContainEqual({ source: "prowler", id: "sagemaker_domain_vpc_only_enabled" });
        const [retention, tags] = plan.findings;
        expect(retention!.exemption).toMatchObject({ state: "exempted", id: "scratch-retention", approver: "lead@example.com" });
        expect(tags!.exemption).toMatchObject({ state: "expired", id: "old-tags" });
        expect(plan.findings[3]!.exemption).toBeUndefined();
        expect(plan.summary.findings).toEqual({ mandatory: 2, advisory: 2, exempted: 1 });
        expect(plan.exemptions!.expired.map((e) => e.id)).toEqual(["old-tags"]);
        expect(plan.exemptions!.unused.map((e) => e.id)).toEqual(["left-over"]);
    });

    it("the summary groups them by severity, shows the exempted one as exempted and names expired and unused exemptions", () => {
        const text = formatFindings(plan).join("\n");
        expect(text.indexOf("critical (1)")).toBeLessThan(text.indexOf("low (2)"));
        expect(text).toMatch(/\[exempted until 2099-12-31\] log-group-retention-minimum: aws:cloudwatch\/logGroup:LogGroup scratch-logs/);
        expect(text).toMatch(/\[mandatory, exemption expired 2020-01-31\] mandatory-tags/);
        expect(text).toMatch(/unused \(matches no finding; remove it\): .*#left-over/);
    });

    it("SARIF validates against the SARIF 2.1.0 schema, one rule per judged policy, results as in the JSON", () => {
        const sarif = toSarif(plan, { version: "0.1.0", informationUri: "https://example.com/secure-ds", levels: configuredLevels(plan.packConfig) });
        const schema = JSON.parse(fs.readFileSync(path.join(ROOT, "tests/fixtures/sarif/sarif-2.1.0-rtm.5.json"), "utf8")) as object;
        // The schema's `language` pattern is not valid with the `u` flag (a stray `]`), hence unicodeRegExp: false; formats (uri, date-time) are checked.
        const ajv = new AjvDraft04({ allErrors: true, strict: false, unicodeRegExp: false });
        addFormats(ajv);
        const validate = ajv.compile(schema);
        expect(validate(sarif), JSON.stringify(validate.errors, null, 1)).toBe(true);
        // The validator is not vacuous: a result without a message is refused.
        const broken = structuredClone(sarif) as { runs: { results: Record<string, unknown>[] }[] };
        delete broken.runs[0]!.results[0]!.message;
        expect(validate(broken)).toBe(false);
        const badUri = structuredClone(sarif) as { runs: { tool: { driver: { informationUri: string } } }[] };
        badUri.runs[0]!.tool.driver.informationUri = "not a uri";
        expect(validate(badUri)).toBe(false);

        const run = (sarif as { runs: { tool: { driver: { rules: { id: string; help: { text: string } }[] } }; results: Record<string, unknown>[] }[] })
            .runs[0]!;
        expect(run.tool.driver.rules.map((r) => r.id)).toEqual(policies.map((p) => p.name));
        expect(run.tool.driver.rules.find((r) => r.id === "mandatory-tags")!.help.text).toBe(policies.find((p) => p.name === "mandatory-tags")!.remediation);
        const results = run.results as {
            ruleId: string;
            level: string;
            locations: { logicalLocations: { fullyQualifiedName: string }[] }[];
            suppressions?: unknown[];
            partialFingerprints: Record<string, string>;
        }[];
        expect(results.map((r) => key(r.ruleId, r.locations[0]!.logicalLocations[0]!.fullyQualifiedName)).sort()).toEqual(
            plan.findings.map((f) => key(f.policy, f.urn)).sort(),
        );
        expect(results[0]).toMatchObject({ level: "error", suppressions: [{ kind: "external", status: "accepted" }] });
        expect(results[1]!.suppressions).toBeUndefined();
        expect(new Set(results.map((r) => r.partialFingerprints["secureDsFinding/v1"])).size).toBe(results.length);
    });

    it("JUnit parses: a suite per judged policy, failures for mandatory findings, skipped for exempted ones, the same findings", () => {
        const xml = toJunit(plan, configuredLevels(plan.packConfig));
        const doc = new XMLParser({
            ignoreAttributes: false,
            attributeNamePrefix: "",
            isArray: (name) => ["testsuite", "testcase", "property"].includes(name),
        }).parse(xml) as {
            testsuites: {
                failures: string;
                skipped: string;
                testsuite: {
                    name: string;
                    testcase: { name: string; failure?: unknown; skipped?: unknown; properties: { property: { name: string; value: string }[] } }[];
                }[];
            };
        };
        expect(doc.testsuites.testsuite.map((s) => s.name)).toEqual(policies.map((p) => p.name));
        expect(doc.testsuites).toMatchObject({ failures: "2", skipped: "1" });
        const cases = doc.testsuites.testsuite.flatMap((s) => s.testcase.filter((c) => c.properties).map((c) => ({ suite: s.name, c })));
        const urnOf = (c: (typeof cases)[number]["c"]) => c.properties.property.find((p) => p.name === "urn")!.value;
        expect(cases.map(({ suite, c }) => key(suite, urnOf(c))).sort()).toEqual(plan.findings.map((f) => key(f.policy, f.urn)).sort());
        const retention = cases.find(({ suite }) => suite === "log-group-retention-minimum")!.c;
        expect(retention.skipped).toBeDefined();
        expect(cases.find(({ suite }) => suite === "sagemaker-domain-vpc-only")!.c.failure).toBeDefined();
    });
});
