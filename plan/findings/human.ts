/**
 * The findings section of `npm run plan`'s summary: grouped by severity, most severe first, one
 * line per finding with the resource's type and name, the policy's remediation once per policy
 * and group, exempted findings marked (never left out), then what became of the exemptions.
 */
import { SEVERITIES } from "../../policy-pack/policies/common";
import { Plan, PlanExemption, PlanFinding } from "../types";

const exemptionRef = (e: PlanExemption): string => `${e.source ? `${e.source}#` : ""}${e.id} (${e.policy} on ${e.resource})`;

function tag(f: PlanFinding): string {
    if (f.exemption?.state === "exempted") return `exempted until ${f.exemption.expires}`;
    if (f.exemption?.state === "expired") return `${f.level}, exemption expired ${f.exemption.expires}`;
    return f.level;
}

export function formatFindings(plan: Plan): string[] {
    const s = plan.summary.findings;
    const lines = ["", `Findings: ${s.mandatory} mandatory, ${s.advisory} advisory${s.exempted ? ` (${s.exempted} of them exempted)` : ""}`];
    const byUrn = new Map(plan.resources.map((r) => [r.urn, r]));
    for (const severity of [...SEVERITIES, undefined]) {
        const group = plan.findings.filter((f) => f.severity === severity);
        if (group.length === 0) continue;
        lines.push(`  ${severity ?? "unrated"} (${group.length}):`);
        const ordered = [...group].sort((a, b) => Number(b.level === "mandatory") - Number(a.level === "mandatory") || a.policy.localeCompare(b.policy));
        let lastPolicy: string | undefined;
        for (const f of ordered) {
            const resource = f.urn ? byUrn.get(f.urn) : undefined;
            const what = resource ? `${resource.type} ${resource.name}` : f.name ? f.name : "(stack)";
            // The SDK puts the policy's description on the first line and the pack an exemption's note on the last.
            const parts = f.message.split("\n");
            const message = (f.exemption ? parts[parts.length - 2] : parts[parts.length - 1]) ?? f.message;
            lines.push(
                `    [${tag(f)}] ${f.policy}: ${what}: ${f.exemption?.state === "exempted" ? `${message} — ${f.exemption.justification} (approved by ${f.exemption.approver})` : message}`,
            );
            if (f.remediation && f.policy !== lastPolicy) lines.push(`      fix: ${f.remediation}`);
            lastPolicy = f.policy;
        }
    }
    const report = plan.exemptions;
    if (report && (report.applied > 0 || report.expired.length > 0 || report.unused.length > 0)) {
        lines.push(`Exemptions: ${report.applied} finding(s) exempted, ${report.expired.length} expired, ${report.unused.length} unused`);
        for (const e of report.expired) lines.push(`  expired ${e.expires} (enforced again): ${exemptionRef(e)}`);
        for (const e of report.unused) lines.push(`  unused (matches no finding; remove it): ${exemptionRef(e)}`);
    }
    return lines;
}
