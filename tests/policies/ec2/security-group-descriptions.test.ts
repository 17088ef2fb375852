import { it } from "vitest";
import { securityGroupDescriptions } from "../../../policy-pack/policies/ec2/security-group-descriptions";
import { describeRule, expectCompliant, expectViolations } from "../../harness/ruleTests";
import { EC2 } from "./fixtures";

describeRule(securityGroupDescriptions, () => {
    it.each([
        [
            "a described group with described inline rules",
            { type: EC2.securityGroup, props: { description: "Studio user alice", ingress: [{ description: "self" }] } },
        ],
        ["a described rule resource", { type: EC2.ingressRule, props: { description: "HTTPS from the domain" } }],
    ])("passes %s", async (_label, c) => {
        await expectCompliant(securityGroupDescriptions, c);
    });
    it.each([
        ["group without description", { type: EC2.securityGroup, props: {} }],
        ["Pulumi's default description", { type: EC2.securityGroup, props: { description: "Managed by Pulumi" } }],
        ["inline rule without description", { type: EC2.securityGroup, props: { description: "d", egress: [{}] } }],
        ["rule resource without description", { type: "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule", props: {} }],
        ["classic rule without description", { type: "aws:ec2/securityGroupRule:SecurityGroupRule", props: { type: "ingress" } }],
    ])("reports %s", async (_label, c) => {
        await expectViolations(securityGroupDescriptions, c);
    });
});
