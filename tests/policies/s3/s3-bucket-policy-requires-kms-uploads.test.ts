import { it } from "vitest";
import { s3BucketPolicyRequiresKmsUploads } from "../../../policy-pack/policies/s3/s3-bucket-policy-requires-kms-uploads";
import { describeRule, expectCompliant, expectViolations } from "../../harness/ruleTests";
import { doc, edit, previewed, without } from "../fixtures";
import { DENY_HEADER, DENY_NETWORK, bucketStack } from "./fixtures";

describeRule(s3BucketPolicyRequiresKmsUploads, () => {
    it("passes a data bucket policy with the header Deny (the log target is exempt)", async () => {
        await expectCompliant(s3BucketPolicyRequiresKmsUploads, bucketStack());
    });
    it.each([
        ["header statement removed", edit(bucketStack(), "data-BucketPolicy", (x) => (x.props.policy = doc(DENY_NETWORK)))],
        [
            "header accepts AES256",
            edit(
                bucketStack(),
                "data-BucketPolicy",
                (x) => (x.props.policy = doc({ ...DENY_HEADER, Condition: { StringNotEquals: { "s3:x-amz-server-side-encryption": ["aws:kms", "AES256"] } } })),
            ),
        ],
        ["a log bucket that is no longer a target must have it", without(bucketStack(), "data-logging")],
    ])("reports %s", async (_label, resources) => {
        await expectViolations(s3BucketPolicyRequiresKmsUploads, resources);
    });
    it("judges the same stacks in a preview: ids unknown, relations only through propertyDependencies", async () => {
        await expectCompliant(s3BucketPolicyRequiresKmsUploads, previewed(bucketStack()));
        await expectViolations(
            s3BucketPolicyRequiresKmsUploads,
            previewed(edit(bucketStack(), "data-BucketPolicy", (x) => (x.props.policy = doc(DENY_NETWORK)))),
        );
    });
});
