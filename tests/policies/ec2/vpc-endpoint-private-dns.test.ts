import { expect, it } from "vitest";
import { vpcEndpointPrivateDns } from "../../../policy-pack/policies/ec2/vpc-endpoint-private-dns";
import { ResourceCase } from "../../harness/policyArgs";
import { describeRule, expectCompliant, expectViolations } from "../../harness/ruleTests";
import { EC2 } from "./fixtures";

const ep = (props: Record<string, unknown>): ResourceCase => ({ type: EC2.vpcEndpoint, props: { serviceName: "com.amazonaws.eu-west-1.sts", ...props } });

describeRule(vpcEndpointPrivateDns, () => {
    it("passes interface endpoints with private DNS and gateway endpoints", async () => {
        await expectCompliant(vpcEndpointPrivateDns, ep({ vpcEndpointType: "Interface", privateDnsEnabled: true }));
        await expectCompliant(vpcEndpointPrivateDns, ep({ vpcEndpointType: "Gateway", serviceName: "com.amazonaws.eu-west-1.s3" }));
        await expectCompliant(vpcEndpointPrivateDns, ep({ serviceName: "com.amazonaws.eu-west-1.s3" }));
    });
    it("reports interface endpoints with private DNS off or unset", async () => {
        expect(await expectViolations(vpcEndpointPrivateDns, ep({ vpcEndpointType: "Interface", privateDnsEnabled: false }))).toEqual([
            "Interface endpoint test (com.amazonaws.eu-west-1.sts) has private DNS off; set privateDnsEnabled: true (N7).",
        ]);
        expect(await expectViolations(vpcEndpointPrivateDns, ep({ vpcEndpointType: "Interface" }))).toHaveLength(1);
    });
});
