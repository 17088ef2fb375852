import { it } from "vitest";
import { s3BucketAclsDisabled } from "../../../policy-pack/policies/s3/s3-bucket-acls-disabled";
import { describeRule, expectCompliant, expectViolations } from "../../harness/ruleTests";
import { edit, previewed, without } from "../fixtures";
import { bucketStack } from "./fixtures";

describeRule(s3BucketAclsDisabled, () => {
    it("passes buckets with BucketOwnerEnforced", async () => {
        await expectCompliant(s3BucketAclsDisabled, bucketStack());
    });
    it.each([
        ["ObjectWriter", edit(bucketStack(), "data-BucketOwnershipControls", (x) => (x.props.rule = { objectOwnership: "ObjectWriter" }))],
        ["BucketOwnerPreferred", edit(bucketStack(), "logs-BucketOwnershipControls", (x) => (x.props.rule = { objectOwnership: "BucketOwnerPreferred" }))],
        ["missing", without(bucketStack(), "data-BucketOwnershipControls")],
    ])("reports %s", async (_label, resources) => {
        await expectViolations(s3BucketAclsDisabled, resources);
    });
    it("judges the same stacks in a preview: ids unknown, relations only through propertyDependencies", async () => {
        await expectCompliant(s3BucketAclsDisabled, previewed(bucketStack()));
        await expectViolations(
            s3BucketAclsDisabled,
            previewed(edit(bucketStack(), "data-BucketOwnershipControls", (x) => (x.props.rule = { objectOwnership: "ObjectWriter" }))),
        );
    });
});
