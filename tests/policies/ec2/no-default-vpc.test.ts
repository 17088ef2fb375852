import { it } from "vitest";
import { noDefaultVpc } from "../../../policy-pack/policies/ec2/no-default-vpc";
import { describeRule, expectCompliant, expectViolations } from "../../harness/ruleTests";
import { EC2 } from "./fixtures";

describeRule(noDefaultVpc, () => {
    it("passes a VPC of the program", async () => {
        await expectCompliant(noDefaultVpc, { type: EC2.vpc, props: {} });
    });
    it.each([
        ["default VPC", { type: "aws:ec2/defaultVpc:DefaultVpc", props: {} }],
        ["default subnet", { type: "aws:ec2/defaultSubnet:DefaultSubnet", props: {} }],
    ])("reports %s", async (_label, c) => {
        await expectViolations(noDefaultVpc, c);
    });
});
