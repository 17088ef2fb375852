import type { PolicyResource } from "@pulumi/policy";
import {
    Deferrals,
    IamStatement,
    NOT_KNOWN,
    SecureDsStackPolicy,
    TYPES,
    known,
    ofType,
    propsOf,
    record,
    statementCovers,
    statementsOf,
    strings,
    tagOf,
    text,
} from "../common";

/** Actions whose requests carry sagemaker:NetworkIsolation (components/guardrails/sagemaker.ts). */
const DEFAULT_ACTIONS = ["sagemaker:CreateTrainingJob", "sagemaker:CreateProcessingJob", "sagemaker:CreateHyperParameterTuningJob", "sagemaker:CreateModel"];

interface Config {
    networkIsolationTeams: string[];
    actions: string[];
}

function conditionValue(s: IamStatement, operators: string[], key: string): string[] {
    const out: string[] = [];
    for (const [op, block] of Object.entries(record(s.Condition))) {
        if (!operators.includes(op)) continue;
        for (const [k, v] of Object.entries(record(block)))
            if (k.toLowerCase() === key.toLowerCase()) out.push(...strings(v).map((x) => x.toLowerCase()), ...(typeof v === "boolean" ? [String(v)] : []));
    }
    return out;
}

/** Deny when the request says NetworkIsolation false, and Deny when it does not say at all. */
function missingDenies(statements: IamStatement[], action: string): string[] {
    const denies = statements.filter((s) => s.Effect === "Deny" && statementCovers(s, action));
    const missing: string[] = [];
    if (!denies.some((s) => conditionValue(s, ["Bool", "BoolIfExists"], "sagemaker:NetworkIsolation").includes("false")))
        missing.push("a Deny when sagemaker:NetworkIsolation is false");
    if (!denies.some((s) => conditionValue(s, ["Null"], "sagemaker:NetworkIsolation").includes("true")))
        missing.push("a Deny when sagemaker:NetworkIsolation is absent (Null)");
    return missing;
}

/**
 * N4 where configured: a team whose config asks for network isolation (teams[].networkIsolation)
 * must get the NetworkIsolation Denies in its guardrail policies (the IAM layer of N4). The
 * config reaches a preview in two places the program creates: the team's guardrail policies
 * (aws:iam/policy tagged team=<name>) and the detective Lambda's NETWORK_ISOLATION_TEAMS /
 * REQUIRE_NETWORK_ISOLATION environment. This rule holds the first to the second, and to the
 * teams the pack config lists.
 */
export const teamNetworkIsolationGuardrail: SecureDsStackPolicy = {
    name: "team-network-isolation-guardrail",
    description:
        "Teams that require network isolation (pack config, or the detective Lambda's NETWORK_ISOLATION_TEAMS / REQUIRE_NETWORK_ISOLATION) must have guardrail policies denying SageMaker jobs and models without sagemaker:NetworkIsolation true (N4). When a document is unknown in a preview (it embeds a new ARN), the known ones are judged and the rest is left to the stack analysis of `pulumi up`.",
    controls: ["N4"],
    remediation:
        "Keep networkIsolationGuardrails() (components/guardrails/sagemaker.ts) in the team's vpc-kms guardrail policy when teams[].networkIsolation is true; TeamEnvironment does this.",
    enforcementLevel: "mandatory",
    previewDeferral: "Guardrail policies that name the team's roles or keys are unknown as a whole in a preview.",
    configSchema: {
        properties: {
            networkIsolationTeams: {
                type: "array",
                items: { type: "string" },
                default: [],
                description: "Teams that must have the NetworkIsolation guardrail in addition to those the detective Lambda names. Default: none.",
            },
            actions: {
                type: "array",
                items: { type: "string" },
                default: DEFAULT_ACTIONS,
                description:
                    "SageMaker actions the guardrail must deny without network isolation. Default: CreateTrainingJob, CreateProcessingJob, CreateHyperParameterTuningJob, CreateModel.",
            },
        },
    },
    validateStack: (args, reportViolation) => {
        const { networkIsolationTeams, actions } = args.getConfig<Config>();
        const policies = ofType(args.resources, TYPES.iamPolicy);
        const teamPolicies = new Map<string, PolicyResource[]>();
        for (const p of policies) {
            const team = tagOf(p, "team");
            if (team) teamPolicies.set(team, [...(teamPolicies.get(team) ?? []), p]);
        }
        const required = new Set(networkIsolationTeams);
        for (const fn of ofType(args.resources, TYPES.lambdaFunction)) {
            const vars = propsOf(fn, TYPES.lambdaFunction)?.environment?.variables;
            for (const t of (text(vars?.NETWORK_ISOLATION_TEAMS) ?? "").split(",")) if (t.trim()) required.add(t.trim());
            if (vars?.REQUIRE_NETWORK_ISOLATION === "true") for (const t of teamPolicies.keys()) required.add(t);
        }
        const deferrals = new Deferrals();
        for (const team of [...required].sort()) {
            const own = teamPolicies.get(team) ?? [];
            if (own.length === 0) {
                reportViolation(`Team ${team} requires network isolation but the stack has no guardrail policy tagged team=${team} (N4).`);
                continue;
            }
            const docs = own.map((p) => known(() => propsOf(p, TYPES.iamPolicy)?.policy));
            const statements = docs.flatMap((d) => (d === NOT_KNOWN ? [] : (statementsOf(d) ?? [])));
            // With a guardrail policy unknown in this preview, a missing Deny may be in it: left to `pulumi up` (settle below).
            const complete = docs.every((d) => d !== NOT_KNOWN);
            for (const action of actions) {
                const missing = missingDenies(statements, action);
                if (missing.length === 0) continue;
                if (complete)
                    reportViolation(
                        `Team ${team} requires network isolation, but its guardrail policies lack ${missing.join(" and ")} for ${action} (N4).`,
                        own[0].urn,
                    );
                else own.forEach((p, i) => docs[i] === NOT_KNOWN && deferrals.read(() => propsOf(p, TYPES.iamPolicy)?.policy, `${p.name}.policy`));
            }
        }
        deferrals.settle();
    },
};
