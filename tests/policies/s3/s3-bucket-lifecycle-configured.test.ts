import { it } from "vitest";
import { s3BucketLifecycleConfigured } from "../../../policy-pack/policies/s3/s3-bucket-lifecycle-configured";
import { describeRule, expectCompliant, expectViolations } from "../../harness/ruleTests";
import { edit, previewed, without } from "../fixtures";
import { bucketStack } from "./fixtures";

describeRule(s3BucketLifecycleConfigured, () => {
    it("passes buckets with a lifecycle rule", async () => {
        await expectCompliant(s3BucketLifecycleConfigured, bucketStack());
    });
    it.each([
        ["missing", without(bucketStack(), "data-BucketLifecycleConfiguration")],
        ["no rules", edit(bucketStack(), "logs-BucketLifecycleConfiguration", (x) => (x.props.rules = []))],
    ])("reports %s", async (_label, resources) => {
        await expectViolations(s3BucketLifecycleConfigured, resources);
    });
    it("judges the same stacks in a preview: ids unknown, relations only through propertyDependencies", async () => {
        await expectCompliant(s3BucketLifecycleConfigured, previewed(bucketStack()));
        await expectViolations(s3BucketLifecycleConfigured, previewed(without(bucketStack(), "data-BucketLifecycleConfiguration")));
    });
});
