/** Scanner fixtures in each tool's documented output format, and builders for many-findings cases. */
import * as fs from "node:fs";
import * as path from "node:path";
import { ScanOutputs } from "../../components/packages/decide/policy";
import { parseRequests } from "../../components/packages/decide/requests";
import { PackageRequest, ScanPolicy } from "../../components/packages/decide/types";

export const fixture = (name: string): string => fs.readFileSync(path.join(__dirname, "fixtures", name), "utf8");

export const WHEEL_SHA256 = "ba59926159d2aa256eb8739b8da7e2b574b960e1202c6d624cbe981cef996c91";

export const REQUEST: PackageRequest = parseRequests(
    'requests:\n  - name: requests\n    version: "2.32.3"\n    justification: HTTP client for the feature store\n    requester: alice@example.com\n',
)[0];

export const POLICY: ScanPolicy = {
    severityThreshold: "HIGH",
    licenseAllowList: ["MIT", "Apache-2.0", "BSD-3-Clause"],
    exceptions: [],
};

/** Every scanner ran and found nothing. */
export function cleanOutputs(overrides: Partial<ScanOutputs> = {}): ScanOutputs {
    return {
        download: { exitCode: "0\n" },
        hashes: { output: fixture("sha256.txt") },
        pipAudit: { output: fixture("pip-audit-clean.json"), exitCode: "0\n" },
        bandit: { output: fixture("bandit-clean.json"), exitCode: "0\n" },
        guarddog: { output: fixture("guarddog-clean.json"), exitCode: "0\n" },
        clamscan: { output: fixture("clamscan-clean.txt"), exitCode: "0\n" },
        license: { output: fixture("license-mit.json"), exitCode: "0\n" },
        ...overrides,
    };
}

/** A bandit document (bandit -f json) with `n` results of the given severity, totals consistent. */
export function banditWith(n: number, severity: "LOW" | "MEDIUM" | "HIGH", totalsOverride?: number): string {
    const results = Array.from({ length: n }, (_, i) => ({
        code: `${i} eval(x)\n`,
        filename: `requests-2.32.3-py3-none-any.whl/requests/m${i}.py`,
        issue_confidence: "HIGH",
        issue_severity: severity,
        issue_text: `finding ${i}`,
        line_number: i + 1,
        line_range: [i + 1],
        test_id: `B${300 + (i % 50)}`,
        test_name: "blacklist",
    }));
    const totals = { "SEVERITY.LOW": 0, "SEVERITY.MEDIUM": 0, "SEVERITY.HIGH": 0, "SEVERITY.UNDEFINED": 0, loc: 100, nosec: 0 };
    totals[`SEVERITY.${severity}`] = totalsOverride ?? n;
    return JSON.stringify({ errors: [], generated_at: "2026-09-30T10:00:00Z", metrics: { _totals: totals }, results });
}

/** A pip-audit document with `n` vulnerabilities of the requested release. */
export function pipAuditWith(n: number, severity?: string): string {
    const vulns = Array.from({ length: n }, (_, i) => ({
        id: `PYSEC-2026-${1000 + i}`,
        fix_versions: ["9.9.9"],
        aliases: [`CVE-2026-${2000 + i}`],
        description: `vuln ${i}`,
        ...(severity ? { severity } : {}),
    }));
    return JSON.stringify({ dependencies: [{ name: "requests", version: "2.32.3", vulns }], fixes: [] });
}
