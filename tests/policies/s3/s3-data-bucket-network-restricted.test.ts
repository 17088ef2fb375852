import { it } from "vitest";
import { s3DataBucketNetworkRestricted } from "../../../policy-pack/policies/s3/s3-data-bucket-network-restricted";
import { describeRule, expectCompliant, expectViolations } from "../../harness/ruleTests";
import { doc, edit, previewed, without } from "../fixtures";
import { DENY_HEADER, DENY_NETWORK, bucketStack } from "./fixtures";

describeRule(s3DataBucketNetworkRestricted, () => {
    it("passes a data bucket whose policy denies access outside the platform network", async () => {
        await expectCompliant(s3DataBucketNetworkRestricted, bucketStack());
    });
    it.each([
        ["network statement removed", edit(bucketStack(), "data-BucketPolicy", (x) => (x.props.policy = doc(DENY_HEADER)))],
        ["only GetObject denied", edit(bucketStack(), "data-BucketPolicy", (x) => (x.props.policy = doc({ ...DENY_NETWORK, Action: "s3:GetObject" })))],
        ["no bucket policy", without(bucketStack(), "data-BucketPolicy")],
    ])("reports %s", async (_label, resources) => {
        await expectViolations(s3DataBucketNetworkRestricted, resources);
    });
    it("judges the same stacks in a preview: ids unknown, relations only through propertyDependencies", async () => {
        await expectCompliant(s3DataBucketNetworkRestricted, previewed(bucketStack()));
        await expectViolations(s3DataBucketNetworkRestricted, previewed(edit(bucketStack(), "data-BucketPolicy", (x) => (x.props.policy = doc(DENY_HEADER)))));
    });
});
