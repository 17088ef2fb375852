/**
 * The human-readable summary printed by `npm run plan`: one screen (under 60 lines at 100
 * columns for the dev stack) of a resource tree, the components' plans as short tables, the
 * quotas and manual steps that need a person, the findings and the verdict. `verbose` prints
 * every component, field, quota, step and policy; the JSON (`--json`) holds everything.
 */
import { formatFindings } from "./findings/human";
import { formatSections } from "./summarySections";
import { formatResourceTree } from "./summaryTree";
import { count, cut, SCREEN_WIDTH } from "./text";
import { Plan, PlanFinding, PlanQuota } from "./types";

export interface FormatOptions {
    /** Every component, section field, quota, manual step and undecided policy. */
    verbose?: boolean;
}

export function formatPlan(plan: Plan, options: FormatOptions = {}): string {
    const verbose = options.verbose ?? false;
    const s = plan.summary;
    const lines: string[] = [];
    const mode =
        plan.mode === "preview" ? "mode preview: ids and ARNs unknown, as in a first `pulumi preview`" : "mode up: computed outputs fabricated, as if deployed";
    lines.push(cut(`secure-ds offline plan: stack ${plan.stack}${s.environment ? ` (${s.environment})` : ""}, ${mode}`, SCREEN_WIDTH));
    for (const urn of s.notVisible ?? [])
        lines.push(cut(`Not visible: ${urn} is built by its provider plugin; its resources are not in the plan.`, SCREEN_WIDTH));
    lines.push("", ...formatResourceTree(plan, verbose));
    const sections = formatSections(s.sections, verbose);
    if (sections.length > 0) lines.push("", ...sections);
    lines.push(...formatQuotas(plan.quotas ?? [], verbose));
    lines.push(...formatManualSteps(plan, verbose));
    lines.push(...formatUnjudged('Undecided in this preview ("can\'t run … during preview")', s.undecided, verbose));
    lines.push(...formatUnjudged("Deferred to `pulumi up` (a document unknown in a preview)", s.deferred, verbose));
    // Grouped by severity, with the remediation and the exemption state (plan/findings/human.ts).
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

/** A quota needs a look when its limit is unknown, was declared (is it still granted?) or is half used. */
const needsAttention = (q: PlanQuota): boolean => q.limit === undefined || q.limitFrom === "declared" || q.used * 2 >= q.limit;

/** A quota in full: use against its limit, the resource with the most, the code that raises it (verbose). */
function quotaLine(q: PlanQuota): string {
    const limit =
        q.limit === undefined
            ? " (the default varies per account: read it in Service Quotas and declare it)"
            : ` of ${q.limitFrom === "declared" ? "declared" : "default"} ${count(q.limit)}`;
    const raise = q.code ? `${q.service} ${q.code}` : `${q.service}, not adjustable`;
    return `    ${q.name} (per ${q.per}): ${count(q.used)}${limit}${q.where ? `; most: ${q.where}` : ""} [${raise}]`;
}

/** The quota plan: by default a table of the quotas to check; verbose, every quota in full per account. */
function formatQuotas(quotas: PlanQuota[], verbose: boolean): string[] {
    if (quotas.length === 0) return [];
    if (verbose) {
        const lines = ["", "Quota plan (use against the default, or the value declared under `quotas`):"];
        for (const account of [...new Set(quotas.map((q) => q.account))].sort()) {
            lines.push(`  account ${account}:`, ...quotas.filter((q) => q.account === account).map(quotaLine));
        }
        return lines;
    }
    const shown = quotas.filter(needsAttention);
    const rows = shown.map((q) => ({
        account: q.account,
        quota: q.name,
        use: count(q.used),
        limit: q.limit === undefined ? "? (varies per account)" : `${count(q.limit)} ${q.limitFrom}`,
        code: q.code ? `${q.service} ${q.code}` : `${q.service} (fixed)`,
    }));
    const lines = ["", `Quota plan: ${quotas.length} quotas, ${shown.length} to check (limit unknown, declared or half used)`];
    if (rows.length > 0) {
        const w = {
            use: Math.max(3, ...rows.map((r) => r.use.length)),
            limit: Math.max(5, ...rows.map((r) => r.limit.length)),
            code: Math.max(4, ...rows.map((r) => r.code.length)),
        };
        const quotaWidth = SCREEN_WIDTH - 2 - w.use - w.limit - w.code - 9;
        const multiAccount = new Set(rows.map((r) => r.account)).size > 1;
        for (const r of rows) {
            const name = cut(multiAccount ? `${r.account} ${r.quota}` : r.quota, quotaWidth).padEnd(quotaWidth);
            lines.push(`  ${name}  ${r.use.padStart(w.use)}  of ${r.limit.padEnd(w.limit)}  ${r.code}`);
        }
    }
    if (shown.length < quotas.length) lines.push(`  ${quotas.length - shown.length} more within their default limits (--verbose lists all)`);
    return lines;
}

/** What a person must do around `pulumi up`: the plan lists it so nobody finds it from a failed pipeline. */
function formatManualSteps(plan: Plan, verbose: boolean): string[] {
    const steps = plan.manualSteps ?? [];
    if (steps.length === 0) return [];
    // The quota checks are the quota table's rows to check: listed there unless verbose.
    const listed = verbose ? steps : steps.filter((step) => step.id !== "quota-request");
    const quotaChecks = steps.length - listed.length;
    const lines = [
        "",
        `Post-deploy manual steps: ${steps.length} (docs/operations.md, "Post-deploy manual steps")${quotaChecks > 0 ? `, ${quotaChecks} quota checks above` : ""}`,
    ];
    listed.forEach((step) => {
        const line = `  ${steps.indexOf(step) + 1}. [${step.when}${step.account ? `, account ${step.account}` : ""}] ${step.what} (${step.doc})`;
        lines.push(verbose ? line : cut(line, SCREEN_WIDTH));
    });
    return lines;
}

/** Undecided or deferred checks: the total and the policies (each with its counts when verbose). */
function formatUnjudged(title: string, summary: Plan["summary"]["undecided"] | undefined, verbose: boolean): string[] {
    if (!summary || summary.total === 0) return [];
    const policies = Object.entries(summary.byPolicy).sort(([a], [b]) => a.localeCompare(b));
    const lines = ["", `${title}: ${summary.total} checks, ${policies.length} policies${verbose ? "" : " (--verbose)"}`];
    if (verbose) {
        for (const [policy, levels] of policies) {
            lines.push(
                `  ${policy}: ${Object.entries(levels)
                    .map(([level, n]) => `${n} ${level}`)
                    .join(", ")}`,
            );
        }
    }
    return lines;
}

/** The inputs AWS would reject, one line each, with the rule's source. */
function formatContractViolations(plan: Plan, byUrn: Map<string, Plan["resources"][number]>): string[] {
    const violations = plan.contractViolations ?? [];
    const lines = [`AWS would reject: ${violations.length} input(s) (plan/contracts/)`];
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
