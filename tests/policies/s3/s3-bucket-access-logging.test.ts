import { it } from "vitest";
import { s3BucketAccessLogging } from "../../../policy-pack/policies/s3/s3-bucket-access-logging";
import { describeRule, expectCompliant, expectViolations } from "../../harness/ruleTests";
import { edit, previewed, r, without } from "../fixtures";
import { BUCKET, bucketStack } from "./fixtures";

describeRule(s3BucketAccessLogging, () => {
    it("passes a bucket logging to the stack's log bucket (which is exempt itself)", async () => {
        await expectCompliant(s3BucketAccessLogging, bucketStack());
    });
    it.each([
        ["no logging", without(bucketStack(), "data-logging")],
        ["logs to a bucket outside the stack", edit(bucketStack(), "data-logging", (x) => (x.propertyDependencies = { bucket: ["data"] }))],
        ["second bucket without logging", [...bucketStack(), r(BUCKET, "other")]],
    ])("reports %s", async (_label, resources) => {
        await expectViolations(s3BucketAccessLogging, resources);
    });
    it("judges the same stacks in a preview: ids unknown, relations only through propertyDependencies", async () => {
        await expectCompliant(s3BucketAccessLogging, previewed(bucketStack()));
        await expectViolations(s3BucketAccessLogging, previewed(edit(bucketStack(), "data-logging", (x) => (x.propertyDependencies = { bucket: ["data"] }))));
    });
});
