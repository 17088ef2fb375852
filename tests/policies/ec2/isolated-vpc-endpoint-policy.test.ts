import { expect, it } from "vitest";
import { isolatedVpcEndpointPolicy } from "../../../policy-pack/policies/ec2/isolated-vpc-endpoint-policy";
import { StackCaseResource } from "../../harness/policyArgs";
import { describeRule, expectCompliant, expectViolations } from "../../harness/ruleTests";
import { doc, previewed } from "../fixtures";
import { EC2, egressVpc, isolatedVpc } from "./fixtures";

const scoped = doc({ Effect: "Allow", Principal: "*", Action: "*", Resource: "*", Condition: { StringEquals: { "aws:PrincipalAccount": ["111111111111"] } } });
const s3 = doc({ Effect: "Allow", Principal: "*", Action: "s3:GetObject", Resource: ["arn:aws:s3:::prod-eu-west-1-starport-layer-bucket/*"] });
const open = doc({ Sid: "Open", Effect: "Allow", Principal: { AWS: "*" }, Action: "*", Resource: "*" });
const endpoint = (name: string, policy: unknown, vpc = "vpc"): StackCaseResource => ({
    type: EC2.vpcEndpoint,
    name,
    props: { policy },
    propertyDependencies: { vpcId: [vpc] },
});

describeRule(isolatedVpcEndpointPolicy, () => {
    it("passes scoped policies, and endpoints of other VPCs", async () => {
        await expectCompliant(isolatedVpcEndpointPolicy, [
            ...isolatedVpc([endpoint("sts", scoped), endpoint("s3", s3)]),
            ...egressVpc,
            endpoint("scan-sts", undefined, "scan-vpc"),
        ]);
    });
    it("reports a missing policy, a full-access policy and a policy that is not JSON", async () => {
        const v = await expectViolations(
            isolatedVpcEndpointPolicy,
            isolatedVpc([endpoint("none", undefined), endpoint("open", open), endpoint("bad", "{not json")]),
        );
        expect(v).toEqual([
            "Endpoint none in the isolated VPC has no policy, so it allows any principal full access (N7).",
            "Endpoint open in the isolated VPC: statement Open allows any principal on every resource without a condition (N7).",
            "Endpoint bad has a policy that is not JSON (N7).",
        ]);
    });
    it("judges the same stacks in a preview: ids unknown, relations only through propertyDependencies", async () => {
        await expectCompliant(
            isolatedVpcEndpointPolicy,
            previewed([...isolatedVpc([endpoint("sts", scoped), endpoint("s3", s3)]), ...egressVpc, endpoint("scan-sts", undefined, "scan-vpc")]),
        );
        await expectViolations(isolatedVpcEndpointPolicy, previewed(isolatedVpc([endpoint("open", open)])));
    });
});
