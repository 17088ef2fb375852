import { it } from "vitest";
import { ecrRepositoryKms } from "../../../policy-pack/policies/ecr/ecr-repository-kms";
import { UNKNOWN } from "../../harness/policyArgs";
import { describeRule, expectCompliant, expectViolations } from "../../harness/ruleTests";
import { ecr } from "./fixtures";

describeRule(ecrRepositoryKms, () => {
    it("passes KMS with a customer key", async () => {
        await expectCompliant(ecrRepositoryKms, ecr({}));
    });
    it.each([
        ["no configuration (AES256, the default)", ecr({ encryptionConfigurations: undefined })],
        ["AES256", ecr({ encryptionConfigurations: [{ encryptionType: "AES256" }] })],
        ["KMS without a key", ecr({ encryptionConfigurations: [{ encryptionType: "KMS" }] })],
        ["the AWS-managed key", ecr({ encryptionConfigurations: [{ encryptionType: "KMS", kmsKey: "alias/aws/ecr" }] })],
    ])("reports %s", async (_label, c) => {
        await expectViolations(ecrRepositoryKms, c);
    });
    it("judges a value unknown in a preview by its presence, not its value", async () => {
        await expectCompliant(ecrRepositoryKms, {
            type: "aws:ecr/repository:Repository",
            props: { encryptionConfigurations: [{ encryptionType: "KMS", kmsKey: UNKNOWN }] },
        });
        await expectViolations(ecrRepositoryKms, { type: "aws:ecr/repository:Repository", props: { encryptionConfigurations: [{ encryptionType: "KMS" }] } });
    });
});
