import { it } from "vitest";
import { efsEncryptedCustomerKey } from "../../../policy-pack/policies/efs/efs-encrypted-customer-key";
import { describeRule, expectCompliant, expectViolations } from "../../harness/ruleTests";
import { KEY } from "../fixtures";

const FILE_SYSTEM = "aws:efs/fileSystem:FileSystem";

describeRule(efsEncryptedCustomerKey, () => {
    it("passes encryption with a customer key", async () => {
        await expectCompliant(efsEncryptedCustomerKey, { type: FILE_SYSTEM, props: { encrypted: true, kmsKeyId: KEY } });
    });
    it.each([
        ["unencrypted", { type: FILE_SYSTEM, props: { kmsKeyId: KEY } }],
        ["no key", { type: FILE_SYSTEM, props: { encrypted: true } }],
        ["AWS-managed key", { type: FILE_SYSTEM, props: { encrypted: true, kmsKeyId: "alias/aws/elasticfilesystem" } }],
    ])("reports %s", async (_label, c) => {
        await expectViolations(efsEncryptedCustomerKey, c);
    });
});
