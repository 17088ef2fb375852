/** The plan summary: resources per account and component, finding counts, undecided checks. */
import { PlanFinding, PlanMode, PlanResource, PlanSummary, PlanUndecided } from "./types";

/** The component a custom resource belongs to: its top-most ancestor below the account layer. */
function componentOf(resource: PlanResource, byUrn: Map<string, PlanResource>): string {
    if (resource.type.startsWith("pulumi:providers:")) return "(layer provider)";
    let current: PlanResource | undefined = resource;
    let component = "(layer, no component)";
    while (current?.parent) {
        const parent = byUrn.get(current.parent);
        if (!parent || parent.type === "pulumi:pulumi:Stack" || parent.type.startsWith("secure-ds:stacks:")) break;
        component = parent.type;
        current = parent;
    }
    return component;
}

function undecidedSummary(undecided: PlanUndecided[]): PlanSummary["undecided"] {
    const byPolicy: PlanSummary["undecided"]["byPolicy"] = {};
    for (const u of undecided) {
        byPolicy[u.policy] ??= {};
        byPolicy[u.policy][u.level] = (byPolicy[u.policy][u.level] ?? 0) + 1;
    }
    return { total: undecided.length, byPolicy };
}

export function summarise(
    stack: string,
    environment: string | undefined,
    resources: PlanResource[],
    findings: PlanFinding[],
    outputs: Record<string, unknown>,
    mode: PlanMode = "up",
    undecided: PlanUndecided[] = [],
): PlanSummary {
    const byUrn = new Map(resources.map((r) => [r.urn, r]));
    const byAccount: PlanSummary["byAccount"] = {};
    for (const r of resources) {
        if (!r.custom) continue;
        const account = r.account ?? "(no provider account)";
        const component = componentOf(r, byUrn);
        byAccount[account] ??= {};
        byAccount[account][component] = (byAccount[account][component] ?? 0) + 1;
    }
    const sections: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(outputs)) {
        if (key.endsWith("Plan")) sections[key] = value;
    }
    return {
        stack,
        mode,
        environment,
        resourceCount: resources.length,
        customResourceCount: resources.filter((r) => r.custom).length,
        byAccount,
        findings: {
            mandatory: findings.filter((f) => f.level === "mandatory").length,
            advisory: findings.filter((f) => f.level === "advisory").length,
        },
        undecided: undecidedSummary(undecided),
        notVisible: resources.filter((r) => r.visible === false).map((r) => r.urn),
        sections,
    };
}
