/** The human-readable summary printed by `npm run plan`. */
import { formatFindings } from "./findings/human";
import { Plan, PlanFinding } from "./types";

export function formatPlan(plan: Plan): string {
    const lines: string[] = [];
    const s = plan.summary;
    lines.push(`secure-ds offline plan: stack ${plan.stack}${s.environment ? ` (environment ${s.environment})` : ""}`);
    lines.push(`${s.resourceCount} resources, ${s.customResourceCount} of them cloud resources`);
    lines.push(
        plan.mode === "preview"
            ? "Mode preview: provider-computed outputs (ids, ARNs) are unknown, as in a first `pulumi preview`."
            : "Mode up: provider-computed outputs are fabricated, as if the stack were deployed.",
    );
    for (const urn of s.notVisible ?? []) lines.push(`Not visible: ${urn} is built by its provider plugin; its resources are not in the plan.`);
    lines.push("");
    lines.push("Resources per account and component:");
    for (const [account, components] of Object.entries(s.byAccount).sort()) {
        const total = Object.values(components).reduce((a, b) => a + b, 0);
        lines.push(`  account ${account}: ${total}`);
        const width = Math.max(...Object.keys(components).map((c) => c.length));
        for (const [component, count] of Object.entries(components).sort()) {
            lines.push(`    ${component.padEnd(width)}  ${String(count).padStart(4)}`);
        }
    }
    for (const [name, section] of Object.entries(s.sections)) {
        lines.push("");
        lines.push(`${name}:`);
        lines.push(
            ...JSON.stringify(section, null, 2)
                .split("\n")
                .map((l) => `  ${l}`),
        );
    }
    lines.push(...formatQuotas(plan));
    lines.push(...formatManualSteps(plan));
    const undecided = s.undecided ?? { total: 0, byPolicy: {} };
    if (undecided.total > 0) {
        lines.push("");
        lines.push(`Undecided in this preview ("can't run … during preview"): ${undecided.total}`);
        for (const [policy, levels] of Object.entries(undecided.byPolicy).sort()) {
            lines.push(
                `  ${policy}: ${Object.entries(levels)
                    .map(([level, n]) => `${n} ${level}`)
                    .join(", ")}`,
            );
        }
    }
    const deferred = s.deferred ?? { total: 0, byPolicy: {} };
    if (deferred.total > 0) {
        lines.push("");
        lines.push(`Deferred to \`pulumi up\` (a document unknown in this preview): ${deferred.total}`);
        for (const [policy, levels] of Object.entries(deferred.byPolicy).sort()) {
            lines.push(
                `  ${policy}: ${Object.entries(levels)
                    .map(([level, n]) => `${n} ${level}`)
                    .join(", ")}`,
            );
        }
    }
    lines.push(...formatFindings(plan));
    const byUrn = new Map(plan.resources.map((r) => [r.urn, r]));
    lines.push(...formatContractViolations(plan, byUrn));
    lines.push("");
    lines.push(verdict(s.findings.mandatory, plan.contractViolations?.length ?? 0));
    return lines.join("\n");
}

/** The environment's summary after its stacks' own: accounts per stack, and the cross-stack judgement. */
export function formatEnvironmentFindings(plans: Plan[], findings: PlanFinding[]): string {
    const lines = [`secure-ds environment: ${plans.map((p) => p.stack).join(" -> ")} (dependency order)`];
    for (const p of plans) {
        const accounts = Object.keys(p.summary.byAccount).sort();
        lines.push(
            `  ${p.stack} (${p.mode}): ${p.summary.customResourceCount} cloud resources in account ${accounts.join(", ")}; ${p.summary.findings.mandatory} mandatory finding(s)`,
        );
    }
    lines.push(`Judged over the whole environment: ${findings.length === 0 ? "no finding" : `${findings.length} finding(s)`}`);
    for (const f of findings) lines.push(`  [${f.level}] ${f.policy}: ${f.message}`);
    return lines.join("\n");
}

const fmt = (n: number): string => n.toLocaleString("en-US");

/** The quota plan: per account, each quota's use against its limit, and the code that raises it. */
function formatQuotas(plan: Plan): string[] {
    const quotas = plan.quotas ?? [];
    if (quotas.length === 0) return [];
    const lines = ["", "Quota plan (use against the default, or the value declared under `quotas`):"];
    for (const account of [...new Set(quotas.map((q) => q.account))].sort()) {
        lines.push(`  account ${account}:`);
        for (const q of quotas.filter((row) => row.account === account)) {
            const limit =
                q.limit === undefined
                    ? " (the default varies per account: read it in Service Quotas and declare it)"
                    : ` of ${q.limitFrom === "declared" ? "declared" : "default"} ${fmt(q.limit)}`;
            const raise = q.code ? `${q.service} ${q.code}` : `${q.service}, not adjustable`;
            lines.push(`    ${q.name} (per ${q.per}): ${fmt(q.used)}${limit}${q.where ? `; most: ${q.where}` : ""} [${raise}]`);
        }
    }
    return lines;
}

/** What a person must do around `pulumi up`: the plan lists it so nobody finds it from a failed pipeline. */
function formatManualSteps(plan: Plan): string[] {
    const steps = plan.manualSteps ?? [];
    if (steps.length === 0) return [];
    const lines = ["", `Post-deploy manual steps: ${steps.length} (docs/operations.md, "Post-deploy manual steps")`];
    steps.forEach((step, i) => lines.push(`  ${i + 1}. [${step.when}${step.account ? `, account ${step.account}` : ""}] ${step.what} (${step.doc})`));
    return lines;
}

/** The inputs AWS would reject, one line each, with the rule's source. */
function formatContractViolations(plan: Plan, byUrn: Map<string, Plan["resources"][number]>): string[] {
    const violations = plan.contractViolations ?? [];
    const lines = ["", `AWS would reject: ${violations.length} input(s) (plan/contracts/)`];
    for (const v of violations) {
        const name = byUrn.get(v.urn)?.name ?? v.urn;
        lines.push(`  ${v.type} ${name} ${v.path} = ${JSON.stringify(v.value)}: ${v.field} must be ${v.expected} (${v.source})`);
    }
    return lines;
}

function verdict(mandatory: number, rejected: number): string {
    const failures = [
        ...(mandatory > 0 ? [`${mandatory} mandatory policy violation(s)`] : []),
        ...(rejected > 0 ? [`${rejected} input(s) AWS would reject`] : []),
    ];
    return failures.length > 0 ? `FAILED: ${failures.join(", ")}` : "OK: no input AWS would reject, no mandatory policy violation";
}
