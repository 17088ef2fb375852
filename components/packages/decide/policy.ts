/**
 * The decision (S2): a package is approved only when every scanner ran to completion and no
 * blocking finding remains after current exceptions. Fail closed everywhere: a scanner error,
 * timeout, missing, empty or truncated output rejects, whatever the findings say.
 */
import { normaliseName } from "./requests";
import { ScannerOutput, readBandit, readClamscan, readDownload, readGuarddog, readLicense, readPipAudit } from "./scanners";
import { DecisionReport, Finding, PackageDecision, PackageRequest, SEVERITY_ORDER, ScanPolicy, Severity, severityRank } from "./types";

/** What the scan stage recorded for one package. */
export interface ScanOutputs {
    download: ScannerOutput;
    hashes: ScannerOutput;
    pipAudit: ScannerOutput;
    bandit: ScannerOutput;
    guarddog: ScannerOutput;
    clamscan: ScannerOutput;
    license: ScannerOutput;
}

/** Kinds of finding an exception can never waive: a malware hit or a wrong artifact is not a risk to accept. */
const NOT_WAIVABLE = new Set(["malware", "integrity"]);

function blocksByItself(f: Finding, threshold: Severity): boolean {
    if (f.kind === "vulnerability" || f.kind === "static-analysis") return severityRank(f.severity) >= severityRank(threshold);
    return true;
}

/** Applies the policy's exceptions to one package's findings (in place). */
function applyExceptions(req: PackageRequest, findings: Finding[], policy: ScanPolicy, today: string): void {
    const mine = policy.exceptions.filter((e) => normaliseName(e.package) === req.normalisedName && (e.version === undefined || e.version === req.version));
    for (const f of findings) {
        if (!f.blocking || NOT_WAIVABLE.has(f.kind)) continue;
        const ids = [f.id, ...f.aliases].map((i) => i.toLowerCase());
        const matching = mine.filter((e) => ids.includes(e.finding.toLowerCase()));
        // Dates are YYYY-MM-DD, so string order is date order; the expiry day itself still counts.
        const current = matching.find((e) => e.expires >= today);
        if (current) {
            f.waivedBy = { finding: current.finding, expires: current.expires, justification: current.justification };
        } else if (matching.length > 0) {
            f.expiredException = matching
                .map((e) => e.expires)
                .sort()
                .pop();
        }
    }
}

export function decidePackage(req: PackageRequest, outputs: ScanOutputs, policy: ScanPolicy, today: string): PackageDecision {
    const download = readDownload(req, outputs.download, outputs.hashes);
    const license = readLicense(req, outputs.license, policy.licenseAllowList);
    const results = [
        download,
        readPipAudit(req, outputs.pipAudit),
        readBandit(outputs.bandit),
        readGuarddog(outputs.guarddog),
        readClamscan(outputs.clamscan),
        license,
    ];
    const findings = results.flatMap((r) => r.findings);
    const errors = results.flatMap((r) => r.errors);
    for (const f of findings) f.blocking = blocksByItself(f, policy.severityThreshold);
    applyExceptions(req, findings, policy, today);

    const reasons: string[] = [];
    for (const e of errors) reasons.push(`scanner error: ${e}`);
    for (const f of findings.filter((x) => x.blocking && !x.waivedBy)) {
        const expired = f.expiredException ? ` (its exception expired on ${f.expiredException})` : "";
        reasons.push(`${f.scanner} ${f.kind} ${f.id} [${f.severity}]${f.location ? ` at ${f.location}` : ""}: ${f.title}${expired}`);
    }
    if (download.artifacts.length === 0 && !errors.some((e) => e.includes("no artifact"))) reasons.push("no artifact to publish");

    const bySeverity = Object.fromEntries(SEVERITY_ORDER.map((s) => [s, 0])) as Record<Severity, number>;
    const byScanner: Record<string, number> = {};
    for (const f of findings) {
        bySeverity[f.severity] += 1;
        byScanner[f.scanner] = (byScanner[f.scanner] ?? 0) + 1;
    }
    return {
        name: req.name,
        normalisedName: req.normalisedName,
        version: req.version,
        requester: req.requester,
        justification: req.justification,
        verdict: reasons.length === 0 ? "approved" : "rejected",
        reasons,
        errors,
        findings,
        artifacts: download.artifacts,
        counts: {
            findings: findings.length,
            blocking: findings.filter((f) => f.blocking && !f.waivedBy).length,
            waived: findings.filter((f) => f.waivedBy).length,
            bySeverity,
            byScanner,
        },
    };
}

export function decideAll(requests: PackageRequest[], outputsOf: (req: PackageRequest) => ScanOutputs, policy: ScanPolicy, now: Date): DecisionReport {
    const today = now.toISOString().slice(0, 10);
    const packages = requests.map((r) => decidePackage(r, outputsOf(r), policy, today));
    const approved = packages.filter((p) => p.verdict === "approved").length;
    return {
        tool: "secure-ds-scan-decision",
        formatVersion: 1,
        generatedAt: now.toISOString(),
        evaluationDate: today,
        policy,
        packages,
        summary: { requested: packages.length, approved, rejected: packages.length - approved },
    };
}

/** Validates the policy handed to the decision code (SCAN_POLICY); a bad policy approves nothing. */
export function parsePolicy(json: string | undefined): ScanPolicy {
    if (json === undefined || json.trim() === "") throw new Error("SCAN_POLICY is not set; refusing to decide without a policy");
    const p = JSON.parse(json) as Partial<ScanPolicy>;
    if (!p || typeof p !== "object") throw new Error("SCAN_POLICY is not a JSON object");
    if (!SEVERITY_ORDER.includes(p.severityThreshold as Severity))
        throw new Error(`SCAN_POLICY.severityThreshold ${String(p.severityThreshold)} is not one of ${SEVERITY_ORDER.join(", ")}`);
    if (!Array.isArray(p.licenseAllowList) || p.licenseAllowList.some((l) => typeof l !== "string"))
        throw new Error("SCAN_POLICY.licenseAllowList must be a list of licence names");
    if (!Array.isArray(p.exceptions)) throw new Error("SCAN_POLICY.exceptions must be a list");
    for (const e of p.exceptions as unknown[]) {
        const x = (e ?? {}) as Record<string, unknown>;
        if (
            typeof x.package !== "string" ||
            typeof x.finding !== "string" ||
            typeof x.justification !== "string" ||
            (x.version !== undefined && typeof x.version !== "string") ||
            typeof x.expires !== "string" ||
            !/^\d{4}-\d{2}-\d{2}$/.test(x.expires)
        ) {
            throw new Error(`SCAN_POLICY.exceptions has an invalid entry: ${JSON.stringify(e)}`);
        }
    }
    return { severityThreshold: p.severityThreshold as Severity, licenseAllowList: p.licenseAllowList, exceptions: p.exceptions };
}
