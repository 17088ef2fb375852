import { describe, expect, it } from "vitest";
import { PlanResource } from "../../plan/types";
import { loadStackPlan } from "../harness/stackPlans";

const plan = loadStackPlan("dev");
const named = (type: string, name: string): PlanResource => {
    const r = plan.resources.find((x) => x.type === type && x.name === name);
    if (!r) throw new Error(`${type} ${name} is not in the plan`);
    return r;
};

describe("team jobs run in the team's own job security group (N3, E4)", () => {
    for (const team of ["fraud", "churn"]) {
        it(`${team}: the SDK defaults and the guardrail name the team's job group, not the domain's`, () => {
            const group = named("aws:ec2/securityGroup:SecurityGroup", `data-science-jobs-${team}-sg`);
            const param = named("aws:ssm/parameter:Parameter", `team-${team}-param-security-group-ids`);
            expect(param.inputs.insecureValue).toBe(group.id);
            expect(param.propertyDependencies.insecureValue).toEqual([group.urn]);
            const guardrails = plan.resources.filter((r) => r.type === "aws:iam/policy:Policy" && r.name.startsWith(`team-${team}-guardrails`));
            const policyText = guardrails.map((r) => String(r.inputs.policy)).join("\n");
            expect(policyText).toContain(String(group.id));
        });
    }

    it("gives each team a different job group", () => {
        expect(named("aws:ec2/securityGroup:SecurityGroup", "data-science-jobs-fraud-sg").id).not.toBe(
            named("aws:ec2/securityGroup:SecurityGroup", "data-science-jobs-churn-sg").id,
        );
    });
});
