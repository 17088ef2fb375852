import { it } from "vitest";
import { isolatedVpcRequiredEndpoints } from "../../../policy-pack/policies/ec2/isolated-vpc-required-endpoints";
import { StackCaseResource } from "../../harness/policyArgs";
import { describeRule, expectCompliant, expectViolations } from "../../harness/ruleTests";
import { r } from "../fixtures";
import { ALL_ENDPOINTS, EC2, VPC } from "./fixtures";

describeRule(isolatedVpcRequiredEndpoints, () => {
    it("passes an isolated VPC with every required endpoint, and a VPC that is not isolated", async () => {
        await expectCompliant(isolatedVpcRequiredEndpoints, [VPC, ...ALL_ENDPOINTS]);
        await expectCompliant(isolatedVpcRequiredEndpoints, [r(EC2.vpc, "scan-vpc", { tags: { Name: "scan" } })]);
    });
    it.each<[string, StackCaseResource[], Record<string, unknown>?]>([
        ["ecr.dkr missing", [VPC, ...ALL_ENDPOINTS.filter((e) => e.name !== "vpce-ecr.dkr")]],
        [
            "endpoint of another VPC",
            [VPC, r(EC2.vpc, "other"), ...ALL_ENDPOINTS.map((e) => (e.name === "vpce-ssm" ? { ...e, propertyDependencies: { vpcId: ["other"] } } : e))],
        ],
        ["configured extra service", [VPC, ...ALL_ENDPOINTS], { requiredServices: ["codeartifact.api"] }],
    ])("reports %s", async (_label, resources, config) => {
        await expectViolations(isolatedVpcRequiredEndpoints, resources, config);
    });
});
