import { it } from "vitest";
import { s3BucketVersioningEnabled } from "../../../policy-pack/policies/s3/s3-bucket-versioning-enabled";
import { describeRule, expectCompliant, expectViolations } from "../../harness/ruleTests";
import { edit, previewed, without } from "../fixtures";
import { bucketStack } from "./fixtures";

describeRule(s3BucketVersioningEnabled, () => {
    it("passes buckets with versioning Enabled", async () => {
        await expectCompliant(s3BucketVersioningEnabled, bucketStack());
    });
    it.each([
        ["suspended", edit(bucketStack(), "data-BucketVersioning", (x) => (x.props.versioningConfiguration = { status: "Suspended" }))],
        ["missing", without(bucketStack(), "data-BucketVersioning")],
    ])("reports %s", async (_label, resources) => {
        await expectViolations(s3BucketVersioningEnabled, resources);
    });
    it("judges the same stacks in a preview: ids unknown, relations only through propertyDependencies", async () => {
        await expectCompliant(s3BucketVersioningEnabled, previewed(bucketStack()));
        await expectViolations(s3BucketVersioningEnabled, previewed(without(bucketStack(), "data-BucketVersioning")));
    });
});
