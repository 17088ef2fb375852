import { describe, expect, it } from "vitest";
import { decideAll, decidePackage, parsePolicy } from "../../components/packages/decide/policy";
import { renderApprovedList, renderMarkdown } from "../../components/packages/decide/report";
import { expressionAllowed } from "../../components/packages/decide/scanners";
import { ScanPolicy } from "../../components/packages/decide/types";
import { POLICY, REQUEST, WHEEL_SHA256, banditWith, cleanOutputs, fixture, pipAuditWith } from "./fixtures";

const TODAY = "2026-10-01";
const decide = (overrides: Parameters<typeof cleanOutputs>[0] = {}, policy: ScanPolicy = POLICY, req = REQUEST) =>
    decidePackage(req, cleanOutputs(overrides), policy, TODAY);

describe("scan decision: clean package (S2)", () => {
    it("approves a package every scanner passed, with the recorded SHA256", () => {
        const d = decide();
        expect(d.reasons).toEqual([]);
        expect(d.errors).toEqual([]);
        expect(d.verdict).toBe("approved");
        expect(d.artifacts).toEqual([{ file: "requests-2.32.3-py3-none-any.whl", sha256: WHEEL_SHA256 }]);
    });
    it("hands exactly the approved artifacts to the publish stage", () => {
        const report = decideAll([REQUEST], () => cleanOutputs(), POLICY, new Date(`${TODAY}T12:00:00Z`));
        expect(renderApprovedList(report)).toBe(`requests\t2.32.3\trequests-2.32.3-py3-none-any.whl\t${WHEEL_SHA256}\n`);
        expect(renderMarkdown(report)).toContain("requests==2.32.3: APPROVED");
    });
});

describe("scan decision: vulnerabilities (pip-audit)", () => {
    it("rejects known vulnerabilities; pip-audit gives no severity, so they count as CRITICAL", () => {
        const d = decide({ pipAudit: { output: fixture("pip-audit-vulnerable.json"), exitCode: "1" } });
        expect(d.verdict).toBe("rejected");
        expect(d.findings.filter((f) => f.scanner === "pip-audit").map((f) => [f.id, f.severity, f.blocking])).toEqual([
            ["PYSEC-2024-0001", "CRITICAL", true],
            ["GHSA-aaaa-bbbb-cccc", "CRITICAL", true],
        ]);
    });
    it.each(["HIGH", "CRITICAL", "critical"])("rejects a %s vulnerability (the reference implementation ignored Critical)", (severity) => {
        const d = decide({ pipAudit: { output: pipAuditWith(1, severity), exitCode: "1" } });
        expect(d.verdict).toBe("rejected");
        expect(d.counts.blocking).toBe(1);
    });
    it("lets a LOW vulnerability below the threshold through, and rejects it when the threshold is LOW", () => {
        expect(decide({ pipAudit: { output: pipAuditWith(1, "LOW"), exitCode: "1" } }).verdict).toBe("approved");
        expect(decide({ pipAudit: { output: pipAuditWith(1, "LOW"), exitCode: "1" } }, { ...POLICY, severityThreshold: "LOW" }).verdict).toBe("rejected");
    });
    it("fails closed when pip-audit did not audit the requested release, or skipped it", () => {
        const other = JSON.stringify({ dependencies: [{ name: "requests", version: "2.0.0", vulns: [] }], fixes: [] });
        expect(decide({ pipAudit: { output: other, exitCode: "0" } }).errors).toEqual(["pip-audit did not audit requests==2.32.3"]);
        const skipped = JSON.stringify({ dependencies: [{ name: "requests", version: "2.32.3", skip_reason: "could not be audited" }], fixes: [] });
        expect(decide({ pipAudit: { output: skipped, exitCode: "0" } }).verdict).toBe("rejected");
    });
});

describe("scan decision: static analysis (bandit)", () => {
    it("rejects a HIGH finding and keeps the LOW one as non-blocking", () => {
        const d = decide({ bandit: { output: fixture("bandit-high.json"), exitCode: "1" } });
        expect(d.verdict).toBe("rejected");
        const bandit = d.findings.filter((f) => f.scanner === "bandit");
        expect(bandit.map((f) => [f.id, f.severity, f.blocking])).toEqual([
            ["B602", "HIGH", true],
            ["B101", "LOW", false],
        ]);
        expect(d.reasons.join("\n")).toContain("B602");
    });
    it("treats an unknown severity (UNDEFINED) as CRITICAL", () => {
        const doc = JSON.parse(banditWith(1, "LOW"));
        doc.results[0].issue_severity = "UNDEFINED";
        expect(decide({ bandit: { output: JSON.stringify(doc), exitCode: "1" } }).findings.find((f) => f.scanner === "bandit")?.severity).toBe("CRITICAL");
    });
    it("counts every finding, far beyond one page of 20", () => {
        const d = decide({ bandit: { output: banditWith(137, "MEDIUM"), exitCode: "1" }, pipAudit: { output: pipAuditWith(45, "LOW"), exitCode: "1" } });
        expect(d.counts.byScanner).toEqual({ bandit: 137, "pip-audit": 45 });
        expect(d.counts.bySeverity.MEDIUM).toBe(137);
        expect(d.verdict).toBe("approved");
        const high = decide({ bandit: { output: banditWith(60, "HIGH"), exitCode: "1" } });
        expect(high.counts.blocking).toBe(60);
        expect(high.reasons).toHaveLength(60);
    });
    it("rejects a list shorter than bandit's own totals (a cut-off list)", () => {
        const d = decide({ bandit: { output: banditWith(20, "LOW", 21), exitCode: "1" } });
        expect(d.verdict).toBe("rejected");
        expect(d.errors.join()).toContain("totals but listed 20");
    });
    it("rejects files bandit could not analyse", () => {
        const doc = JSON.parse(fixture("bandit-clean.json"));
        doc.errors = [{ filename: "x.py", reason: "syntax error while parsing AST from file" }];
        expect(decide({ bandit: { output: JSON.stringify(doc), exitCode: "0" } }).verdict).toBe("rejected");
    });
});

describe("scan decision: malicious heuristics and malware", () => {
    it("rejects every guarddog hit (metadata rules and source rules)", () => {
        const d = decide({ guarddog: { output: fixture("guarddog-malicious.json"), exitCode: "0" } });
        expect(d.verdict).toBe("rejected");
        expect(
            d.findings
                .filter((f) => f.kind === "malicious-heuristic")
                .map((f) => f.id)
                .sort(),
        ).toEqual(["exec-base64", "exfiltrate-sensitive-data", "typosquatting"]);
    });
    it("rejects a guarddog rule error and an issue count that disagrees with the list", () => {
        const doc = JSON.parse(fixture("guarddog-clean.json"));
        expect(
            decide({ guarddog: { output: JSON.stringify({ ...doc, errors: { "rules-all": "failed to run rule: semgrep" } }), exitCode: "0" } }).verdict,
        ).toBe("rejected");
        expect(decide({ guarddog: { output: JSON.stringify({ ...doc, issues: 2 }), exitCode: "0" } }).errors.join()).toContain("counted 2 issues");
    });
    it("rejects malware found by ClamAV", () => {
        const d = decide({ clamscan: { output: fixture("clamscan-infected.txt"), exitCode: "1" } });
        expect(d.verdict).toBe("rejected");
        expect(d.findings.find((f) => f.kind === "malware")?.id).toBe("Win.Test.EICAR_HDB-1");
    });
    it("rejects a ClamAV run without signatures, an error exit and a summary-less (cut) output", () => {
        expect(
            decide({ clamscan: { output: fixture("clamscan-clean.txt").replace("Known viruses: 8712345", "Known viruses: 0"), exitCode: "0" } }).verdict,
        ).toBe("rejected");
        expect(decide({ clamscan: { output: fixture("clamscan-clean.txt"), exitCode: "2" } }).errors).toContain("clamscan reported an error (exit 2)");
        expect(decide({ clamscan: { output: "/x/a.py: OK\n", exitCode: "0" } }).errors.join()).toContain("no SCAN SUMMARY");
    });
    it("rejects a file ClamAV could not scan completely as a scanner error, not as malware", () => {
        const out = fixture("clamscan-infected.txt").replace("Win.Test.EICAR_HDB-1 FOUND", "Heuristics.Limits.Exceeded.MaxFileSize FOUND");
        const d = decide({ clamscan: { output: out, exitCode: "1" } });
        expect(d.verdict).toBe("rejected");
        expect(d.findings.filter((f) => f.kind === "malware")).toEqual([]);
        expect(d.errors).toEqual([expect.stringMatching(/^clamscan could not scan .*payload\.bin completely \(Heuristics\.Limits\.Exceeded\.MaxFileSize\)$/)]);
    });
    it("never lets an exception waive malware", () => {
        const policy = { ...POLICY, exceptions: [{ package: "requests", finding: "Win.Test.EICAR_HDB-1", expires: "2099-01-01", justification: "test" }] };
        expect(decide({ clamscan: { output: fixture("clamscan-infected.txt"), exitCode: "1" } }, policy).verdict).toBe("rejected");
    });
});

describe("scan decision: licences", () => {
    it("rejects a licence not on the allow-list", () => {
        const d = decide({ license: { output: fixture("license-gpl.json"), exitCode: "0" } });
        expect(d.verdict).toBe("rejected");
        expect(d.findings.find((f) => f.kind === "license")?.id).toBe("license:GPL-3.0-only");
    });
    it("rejects a package whose licence cannot be read", () => {
        const doc = JSON.parse(fixture("license-mit.json"));
        doc.artifacts[0] = { ...doc.artifacts[0], license: null, classifiers: [] };
        expect(decide({ license: { output: JSON.stringify(doc), exitCode: "0" } }).findings.find((f) => f.kind === "license")?.id).toBe("license:UNKNOWN");
    });
    it("evaluates SPDX expressions: one OR branch with every AND term allowed", () => {
        expect(expressionAllowed("MIT OR GPL-3.0-only", ["MIT"])).toBe(true);
        expect(expressionAllowed("(MIT AND GPL-3.0-only)", ["MIT"])).toBe(false);
        expect(expressionAllowed("Apache-2.0 AND (MIT OR GPL-2.0)", ["MIT", "Apache-2.0"])).toBe(true);
    });
    it("rejects metadata that names another package (a swapped artifact)", () => {
        const doc = JSON.parse(fixture("license-mit.json"));
        doc.artifacts[0].name = "reqeusts";
        expect(decide({ license: { output: JSON.stringify(doc), exitCode: "0" } }).findings.some((f) => f.id === "metadata-mismatch")).toBe(true);
    });
});

describe("scan decision: fails closed on scanner failures", () => {
    const cases: [string, Parameters<typeof cleanOutputs>[0], string][] = [
        ["pip-audit crash", { pipAudit: { output: "Traceback (most recent call last):", exitCode: "2" } }, "pip-audit failed with exit code 2"],
        ["bandit output missing", { bandit: { exitCode: "0" } }, "bandit output is missing"],
        ["guarddog empty output", { guarddog: { output: "", exitCode: "0" } }, "guarddog output is empty"],
        [
            "truncated pip-audit JSON",
            { pipAudit: { output: fixture("pip-audit-clean.json").slice(0, 40), exitCode: "0" } },
            "pip-audit output is not valid JSON",
        ],
        ["truncated bandit JSON", { bandit: { output: fixture("bandit-high.json").slice(0, 500), exitCode: "1" } }, "bandit output is not valid JSON"],
        ["scanner timeout", { guarddog: { output: fixture("guarddog-clean.json"), exitCode: "124" } }, "guarddog timed out"],
        ["no exit code (stage killed)", { clamscan: { output: fixture("clamscan-clean.txt") } }, "clamscan recorded no exit code"],
        ["licence check crash", { license: { output: "", exitCode: "1" } }, "license check failed with exit code 1"],
        ["download failure", { download: { exitCode: "1" }, hashes: { output: "" } }, "pip download failed with exit code 1"],
        ["inconsistent exit code", { pipAudit: { output: pipAuditWith(2), exitCode: "0" } }, "pip-audit exited 0 but reported 2"],
    ];
    it.each(cases)("%s rejects", (_name, overrides, message) => {
        const d = decide(overrides);
        expect(d.verdict).toBe("rejected");
        expect(d.errors.join("\n")).toContain(message);
        expect(d.reasons.some((r) => r.startsWith("scanner error:"))).toBe(true);
    });
    it("rejects when the scan stage recorded nothing at all for a package", () => {
        const d = decidePackage(REQUEST, { download: {}, hashes: {}, pipAudit: {}, bandit: {}, guarddog: {}, clamscan: {}, license: {} }, POLICY, TODAY);
        expect(d.verdict).toBe("rejected");
        expect(d.errors.length).toBeGreaterThanOrEqual(6);
    });
});

describe("scan decision: integrity", () => {
    it("approves when the requested SHA256 matches, rejects when it does not", () => {
        expect(decide({}, POLICY, { ...REQUEST, sha256: WHEEL_SHA256 }).verdict).toBe("approved");
        const d = decide({}, POLICY, { ...REQUEST, sha256: "0".repeat(64) });
        expect(d.verdict).toBe("rejected");
        expect(d.findings.map((f) => f.id)).toContain("sha256-mismatch");
    });
    it("rejects a download of another release or package", () => {
        const d = decide({ hashes: { output: `${WHEEL_SHA256}  requests-2.31.0-py3-none-any.whl\n` } });
        expect(d.findings.map((f) => f.id)).toContain("unexpected-artifact");
    });
    it("rejects file names a PyPI artifact never has (they would reach the publish shell)", () => {
        expect(decide({ hashes: { output: `${WHEEL_SHA256}  requests-2.32.3'$(id).whl\n` } }).verdict).toBe("rejected");
    });
});

describe("scan decision: exceptions with expiry dates", () => {
    const vulnerable = { pipAudit: { output: fixture("pip-audit-vulnerable.json"), exitCode: "1" } };
    const waive = (expires: string, finding = "CVE-2024-35195"): ScanPolicy => ({
        ...POLICY,
        exceptions: [
            { package: "requests", version: "2.32.3", finding, expires, justification: "accepted by security, SEC-1" },
            { package: "Requests", finding: "GHSA-aaaa-bbbb-cccc", expires, justification: "accepted by security, SEC-2" },
        ],
    });
    it("approves when every blocking finding has a current exception (matched by alias too, until the expiry day inclusive)", () => {
        const d = decide(vulnerable, waive(TODAY));
        expect(d.verdict).toBe("approved");
        expect(d.counts.waived).toBe(2);
    });
    it("rejects when the exception has expired, and says so", () => {
        const d = decide(vulnerable, waive("2026-09-30"));
        expect(d.verdict).toBe("rejected");
        expect(d.reasons.join("\n")).toContain("its exception expired on 2026-09-30");
    });
    it("does not apply an exception for another version", () => {
        const policy: ScanPolicy = {
            ...POLICY,
            exceptions: [{ package: "requests", version: "2.0.0", finding: "B602", expires: "2099-01-01", justification: "other release" }],
        };
        expect(decide({ bandit: { output: fixture("bandit-high.json"), exitCode: "1" } }, policy).verdict).toBe("rejected");
    });
});

describe("scan policy from the environment", () => {
    it("parses a valid policy and refuses a missing or invalid one", () => {
        expect(parsePolicy(JSON.stringify(POLICY))).toEqual(POLICY);
        expect(() => parsePolicy(undefined)).toThrow(/SCAN_POLICY is not set/);
        expect(() => parsePolicy(JSON.stringify({ ...POLICY, severityThreshold: "SEVERE" }))).toThrow(/severityThreshold/);
        expect(() => parsePolicy(JSON.stringify({ ...POLICY, exceptions: [{ package: "x", finding: "y", expires: "soon" }] }))).toThrow(/invalid entry/);
        const valid = { package: "x", finding: "y", expires: "2099-01-01", justification: "accepted by security" };
        expect(parsePolicy(JSON.stringify({ ...POLICY, exceptions: [valid] })).exceptions).toEqual([valid]);
        expect(() => parsePolicy(JSON.stringify({ ...POLICY, exceptions: [{ ...valid, justification: undefined }] }))).toThrow(/invalid entry/);
        expect(() => parsePolicy(JSON.stringify({ ...POLICY, exceptions: [{ ...valid, version: 2 }] }))).toThrow(/invalid entry/);
        expect(() => parsePolicy(JSON.stringify({ ...POLICY, exceptions: [null] }))).toThrow(/invalid entry/);
        expect(() => parsePolicy("{")).toThrow();
    });
});
