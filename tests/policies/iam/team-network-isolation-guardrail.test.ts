import { it } from "vitest";
import { teamNetworkIsolationGuardrail } from "../../../policy-pack/policies/iam/team-network-isolation-guardrail";
import { StackCaseResource } from "../../harness/policyArgs";
import { describeRule, expectCompliant, expectViolations } from "../../harness/ruleTests";
import { doc, r } from "../fixtures";

const JOB_ACTIONS = ["sagemaker:CreateTrainingJob", "sagemaker:CreateProcessingJob", "sagemaker:CreateHyperParameterTuningJob", "sagemaker:CreateModel"];
const ISOLATION_DENIES = [
    {
        Sid: "DenyWithoutNetworkIsolation",
        Effect: "Deny",
        Action: JOB_ACTIONS,
        Resource: "*",
        Condition: { BoolIfExists: { "sagemaker:NetworkIsolation": "false" } },
    },
    { Sid: "DenyMissingNetworkIsolation", Effect: "Deny", Action: JOB_ACTIONS, Resource: "*", Condition: { Null: { "sagemaker:NetworkIsolation": "true" } } },
];

/** Guardrail policies of teams fraud and churn, and the detective Lambda's environment. */
const teamStack = (statements: Record<string, unknown>[], env: Record<string, string>): StackCaseResource[] => [
    r("aws:iam/policy:Policy", "team-fraud-guardrails-vpc-kms", { tags: { team: "fraud" }, policy: doc(...statements) }),
    r("aws:iam/policy:Policy", "team-churn-guardrails-vpc-kms", {
        tags: { team: "churn" },
        policy: doc({ Effect: "Deny", Action: "sagemaker:CreateApp", Resource: "*" }),
    }),
    r("aws:lambda/function:Function", "detective", { environment: { variables: env } }),
];

describeRule(teamNetworkIsolationGuardrail, () => {
    it("passes a required team whose guardrail denies jobs without network isolation", async () => {
        await expectCompliant(
            teamNetworkIsolationGuardrail,
            teamStack(ISOLATION_DENIES, { NETWORK_ISOLATION_TEAMS: "fraud", REQUIRE_NETWORK_ISOLATION: "false" }),
        );
    });
    it.each<[string, StackCaseResource[], Record<string, unknown>?]>([
        ["Null deny missing", teamStack([ISOLATION_DENIES[0]], { NETWORK_ISOLATION_TEAMS: "fraud" })],
        ["both denies missing", teamStack([], { NETWORK_ISOLATION_TEAMS: "fraud" })],
        ["required for every team", teamStack(ISOLATION_DENIES, { NETWORK_ISOLATION_TEAMS: "fraud", REQUIRE_NETWORK_ISOLATION: "true" })],
        ["team required by the pack config", teamStack(ISOLATION_DENIES, { NETWORK_ISOLATION_TEAMS: "fraud" }), { networkIsolationTeams: ["churn"] }],
        ["required team without guardrail policies", teamStack(ISOLATION_DENIES, { NETWORK_ISOLATION_TEAMS: "fraud,pricing" })],
    ])("reports %s", async (_label, resources, config) => {
        await expectViolations(teamNetworkIsolationGuardrail, resources, config);
    });
});
