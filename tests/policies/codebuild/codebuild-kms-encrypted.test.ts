import { it } from "vitest";
import { codebuildKmsEncrypted } from "../../../policy-pack/policies/codebuild/codebuild-kms-encrypted";
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
});
