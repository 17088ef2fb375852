import { it } from "vitest";
import { vpcDefaultSecurityGroupClosed } from "../../../policy-pack/policies/ec2/vpc-default-security-group-closed";
import { describeRule, expectCompliant, expectViolations } from "../../harness/ruleTests";
import { previewed, r } from "../fixtures";
import { EC2, VPC } from "./fixtures";

describeRule(vpcDefaultSecurityGroupClosed, () => {
    it("passes an adopted default security group without rules", async () => {
        await expectCompliant(vpcDefaultSecurityGroupClosed, [VPC, r(EC2.defaultSecurityGroup, "dsg", { ingress: [], egress: [] }, { vpcId: ["vpc"] })]);
    });
    it.each([
        ["not adopted", [VPC]],
        ["inline egress", [VPC, r(EC2.defaultSecurityGroup, "dsg", { egress: [{ cidrBlocks: ["10.0.0.0/8"] }] }, { vpcId: ["vpc"] })]],
        [
            "rule resource on it",
            [VPC, r(EC2.defaultSecurityGroup, "dsg", {}, { vpcId: ["vpc"] }), r(EC2.ingressRule, "rule", { description: "x" }, { securityGroupId: ["dsg"] })],
        ],
    ])("reports %s", async (_label, resources) => {
        await expectViolations(vpcDefaultSecurityGroupClosed, resources);
    });
    it("judges the same stacks in a preview: ids unknown, relations only through propertyDependencies", async () => {
        await expectCompliant(
            vpcDefaultSecurityGroupClosed,
            previewed([VPC, r(EC2.defaultSecurityGroup, "dsg", { ingress: [], egress: [] }, { vpcId: ["vpc"] })]),
        );
        await expectViolations(
            vpcDefaultSecurityGroupClosed,
            previewed([
                VPC,
                r(EC2.defaultSecurityGroup, "dsg", {}, { vpcId: ["vpc"] }),
                r(EC2.ingressRule, "rule", { description: "x" }, { securityGroupId: ["dsg"] }),
            ]),
        );
    });
});
