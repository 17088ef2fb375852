/** The plan summary: resources per account and component, finding counts, undecided checks. */
import { DEFERRED_TO_UP } from "../policy-pack/policies/common/preview";
import { PlanContractViolation, PlanDeferred, PlanFinding, PlanMode, PlanResource, PlanSummary, PlanUndecided } from "./types";

/** The engine's own resources (stack references and their builtin provider) are not cloud resources. */
export const isEngineBuiltin = (r: PlanResource): boolean => r.type === "pulumi:pulumi:StackReference" || r.type === "pulumi:providers:pulumi";
const isCloudResource = (r: PlanResource): boolean => r.custom && !isEngineBuiltin(r);

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

/**
 * Splits the pack's "can't run … during preview" diagnostics: a check its policy deferred to
 * `pulumi up` (its message carries DEFERRED_TO_UP and the policy has `previewDeferral`
 * metadata, whose reason it gets) is deferred; any other is undecided.
 */
export function splitDeferred(
    all: PlanUndecided[],
    deferralOf: (policy: string) => string | undefined,
): { undecided: PlanUndecided[]; deferred: PlanDeferred[] } {
    const undecided: PlanUndecided[] = [];
    const deferred: PlanDeferred[] = [];
    for (const u of all) {
        const reason = deferralOf(u.policy);
        if (reason !== undefined && u.message.startsWith(DEFERRED_TO_UP)) deferred.push({ ...u, reason });
        else undecided.push(u);
    }
    return { undecided, deferred };
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
    deferred: PlanDeferred[] = [],
    contractViolations: PlanContractViolation[] = [],
): PlanSummary {
    const byUrn = new Map(resources.map((r) => [r.urn, r]));
    const byAccount: PlanSummary["byAccount"] = {};
    for (const r of resources) {
        if (!isCloudResource(r)) continue;
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
        customResourceCount: resources.filter(isCloudResource).length,
        byAccount,
        findings: {
            mandatory: findings.filter((f) => f.level === "mandatory").length,
            advisory: findings.filter((f) => f.level === "advisory").length,
            exempted: findings.filter((f) => f.exemption?.state === "exempted").length,
        },
        contractViolations: contractViolations.length,
        undecided: undecidedSummary(undecided),
        deferred: undecidedSummary(deferred),
        notVisible: resources.filter((r) => r.visible === false).map((r) => r.urn),
        sections,
    };
}
