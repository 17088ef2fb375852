/**
 * Evaluates a scenario with @cloud-copilot/iam-simulate: identity policies, permission boundary,
 * SCPs (under FullAWSAccess, as AWS attaches it), the resource policy and VPC endpoint policies,
 * combined as AWS does. AGPL: imported only by tests, never by shipped code.
 */
import { runSimulation } from "@cloud-copilot/iam-simulate";
import { policyDocument } from "../../components/guardrails";
import { Decision, Scenario } from "../../tools/iam/scenarios";

export interface Outcome {
    decision: Decision;
    /** Sids of the explicit Deny statements that applied (identity, boundary, SCP, resource, endpoint). */
    denySids: string[];
    /** Context keys the simulator dropped as not applicable to the action: a broken row. */
    ignoredContextKeys: string[];
    error?: string;
}

const FULL_AWS_ACCESS = policyDocument([{ Effect: "Allow", Action: "*", Resource: "*" }]);

interface Explained {
    explain?: { identifier?: string };
    statement?: { sid?: () => string | undefined };
}

function sidsOf(list: unknown): string[] {
    if (!Array.isArray(list)) return [];
    return (list as Explained[]).map((s) => s.explain?.identifier ?? s.statement?.sid?.() ?? "").filter((s) => s !== "");
}

export async function simulate(s: Scenario): Promise<Outcome> {
    const response = await runSimulation(
        {
            request: {
                principal: s.request.principal,
                action: s.request.action,
                resource: { resource: s.request.resource, accountId: s.request.resourceAccount },
                // AWS always sets aws:ResourceAccount; the simulator does not derive it.
                contextVariables: { "aws:ResourceAccount": s.request.resourceAccount, ...s.request.context },
            },
            identityPolicies: s.identity.map((p) => ({ name: p.name, policy: p.document })),
            serviceControlPolicies: s.scps
                ? [
                      {
                          orgIdentifier: "ou-workloads",
                          policies: [{ name: "FullAWSAccess", policy: FULL_AWS_ACCESS }, ...s.scps.map((p) => ({ name: p.name, policy: p.document }))],
                      },
                  ]
                : [],
            // RCPs are Deny-only; the simulator supplies RCPFullAWSAccess itself.
            resourceControlPolicies: s.rcps ? [{ orgIdentifier: "r-root", policies: s.rcps.map((p) => ({ name: p.name, policy: p.document })) }] : [],
            resourcePolicy: s.resourcePolicy?.document,
            permissionBoundaryPolicies: s.boundary?.map((p) => ({ name: p.name, policy: p.document })),
            vpcEndpointPolicies:
                s.endpointPolicies && s.endpointPolicies.length > 0 ? s.endpointPolicies.map((p) => ({ name: p.name, policy: p.document })) : undefined,
        },
        {},
    );
    if (response.resultType === "error") {
        return { decision: "ImplicitlyDenied", denySids: [], ignoredContextKeys: [], error: JSON.stringify(response.errors) };
    }
    if (response.resultType !== "single") {
        return {
            decision: response.overallResult as Decision,
            denySids: [],
            ignoredContextKeys: [],
            error: `expected a single-resource result, got ${response.resultType}`,
        };
    }
    const a = response.result.analysis as unknown as Record<string, { denyStatements?: unknown } | undefined>;
    const denySids = ["identityAnalysis", "permissionBoundaryAnalysis", "resourceAnalysis", "endpointAnalysis"].flatMap((k) => sidsOf(a[k]?.denyStatements));
    const scp = a.scpAnalysis as unknown as { ouAnalysis?: { denyStatements?: unknown }[] } | undefined;
    for (const ou of scp?.ouAnalysis ?? []) denySids.push(...sidsOf(ou.denyStatements));
    const rcp = a.rcpAnalysis as unknown as { ouAnalysis?: { denyStatements?: unknown }[] } | undefined;
    for (const ou of rcp?.ouAnalysis ?? []) denySids.push(...sidsOf(ou.denyStatements));
    return { decision: response.overallResult as Decision, denySids, ignoredContextKeys: response.result.ignoredContextKeys ?? [] };
}
