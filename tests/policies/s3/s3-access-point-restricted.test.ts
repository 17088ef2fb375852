import { it } from "vitest";
import { s3AccessPointRestricted } from "../../../policy-pack/policies/s3/s3-access-point-restricted";
import { UNKNOWN } from "../../harness/policyArgs";
import { describeRule, expectCompliant, expectViolations } from "../../harness/ruleTests";

const ACCESS_POINT = "aws:s3/accessPoint:AccessPoint";

describeRule(s3AccessPointRestricted, () => {
    it.each([
        ["a VPC access point with the default public access block", { type: ACCESS_POINT, props: { vpcConfiguration: { vpcId: "vpc-1" } } }],
        ["an internet origin when the config allows it", { type: ACCESS_POINT, props: {}, config: { requireVpcOrigin: false } }],
    ])("passes %s", async (_label, c) => {
        await expectCompliant(s3AccessPointRestricted, c);
    });
    it.each([
        [
            "PAB field off",
            { type: ACCESS_POINT, props: { vpcConfiguration: { vpcId: "vpc-1" }, publicAccessBlockConfiguration: { restrictPublicBuckets: false } } },
        ],
        ["internet origin", { type: ACCESS_POINT, props: {} }],
    ])("reports %s", async (_label, c) => {
        await expectViolations(s3AccessPointRestricted, c);
    });
    it("judges a value unknown in a preview by its presence, not its value", async () => {
        await expectCompliant(s3AccessPointRestricted, { type: "aws:s3/accessPoint:AccessPoint", props: { vpcConfiguration: { vpcId: UNKNOWN } } });
        await expectViolations(s3AccessPointRestricted, {
            type: "aws:s3/accessPoint:AccessPoint",
            props: { vpcConfiguration: { vpcId: UNKNOWN }, publicAccessBlockConfiguration: { blockPublicAcls: false } },
        });
    });
});
