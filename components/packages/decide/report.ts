/** Human-readable report of a decision (Markdown), and the hand-over file for the publish stage. */
import { DecisionReport } from "./types";

const cell = (s: string) => s.replace(/\|/g, "\\|").replace(/\r?\n/g, " ");

export function renderMarkdown(report: DecisionReport): string {
    const out: string[] = [];
    out.push(`# Package scan decision`, "");
    out.push(`Generated ${report.generatedAt}; exceptions evaluated for ${report.evaluationDate}.`);
    out.push(`Policy: reject at ${report.policy.severityThreshold} or above; licences allowed: ${report.policy.licenseAllowList.join(", ")}.`, "");
    out.push(`**${report.summary.approved} approved, ${report.summary.rejected} rejected** of ${report.summary.requested} requested.`, "");
    for (const p of report.packages) {
        out.push(`## ${p.name}==${p.version}: ${p.verdict.toUpperCase()}`, "");
        out.push(`Requested by ${p.requester}: ${p.justification}`, "");
        const sev = Object.entries(p.counts.bySeverity)
            .map(([s, n]) => `${s} ${n}`)
            .join(", ");
        out.push(`Findings: ${p.counts.findings} (${sev}); blocking ${p.counts.blocking}; waived ${p.counts.waived}.`, "");
        for (const a of p.artifacts) out.push(`- artifact \`${a.file}\` sha256 \`${a.sha256}\``);
        if (p.artifacts.length > 0) out.push("");
        if (p.reasons.length > 0) {
            out.push("Rejected because:", "");
            for (const r of p.reasons) out.push(`- ${r}`);
            out.push("");
        }
        if (p.findings.length > 0) {
            out.push("| scanner | id | severity | blocking | where | what |", "|---|---|---|---|---|---|");
            for (const f of p.findings) {
                const state = f.waivedBy ? `waived until ${f.waivedBy.expires}` : f.blocking ? "yes" : "no";
                out.push(`| ${f.scanner} | ${cell(f.id)} | ${f.severity} | ${state} | ${cell(f.location ?? "")} | ${cell(f.title)} |`);
            }
            out.push("");
        }
    }
    return `${out.join("\n")}\n`;
}

/**
 * The publish stage's input: one line per artifact of an approved package,
 * `<name>\t<version>\t<file>\t<sha256>`. Names, versions and files were validated by the parser
 * (no tabs or newlines), so the shell reads them safely with `IFS=$'\t' read -r`.
 */
export function renderApprovedList(report: DecisionReport): string {
    const lines = report.packages
        .filter((p) => p.verdict === "approved")
        .flatMap((p) => p.artifacts.map((a) => [p.normalisedName, p.version, a.file, a.sha256].join("\t")));
    return lines.length > 0 ? `${lines.join("\n")}\n` : "";
}
