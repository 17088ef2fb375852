import { it } from "vitest";
import { codebuildKmsEncrypted } from "../../../policy-pack/policies/codebuild/codebuild-kms-encrypted";
import { UNKNOWN } from "../../harness/policyArgs";
import { describeRule, expectCompliant, expectViolations } from "../../harness/ruleTests";
import { project } from "./fixtures";

describeRule(codebuildKmsEncrypted, () => {
    it("passes a customer key", async () => {
        await expectCompliant(codebuildKmsEncrypted, project({}));
    });
    it.each([
        ["a missing key", project({ encryptionKey: undefined })],
        ["the AWS-managed key", project({ encryptionKey: "alias/aws/s3" })],
    ])("reports %s", async (_label, c) => {
        await expectViolations(codebuildKmsEncrypted, c);
    });
    it("judges a value unknown in a preview by its presence, not its value", async () => {
        await expectCompliant(codebuildKmsEncrypted, { type: "aws:codebuild/project:Project", props: { encryptionKey: UNKNOWN } });
        await expectViolations(codebuildKmsEncrypted, { type: "aws:codebuild/project:Project", props: { encryptionKey: "alias/aws/s3" } });
    });
});
