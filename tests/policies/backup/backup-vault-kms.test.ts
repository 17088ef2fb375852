import { it } from "vitest";
import { backupVaultKms } from "../../../policy-pack/policies/backup/backup-vault-kms";
import { UNKNOWN } from "../../harness/policyArgs";
import { describeRule, expectCompliant, expectViolations } from "../../harness/ruleTests";
import { KEY } from "../fixtures";

const VAULT = "aws:backup/vault:Vault";

describeRule(backupVaultKms, () => {
    it("passes a customer key", async () => {
        await expectCompliant(backupVaultKms, { type: VAULT, props: { kmsKeyArn: KEY } });
    });
    it.each([
        ["the default key", { type: VAULT, props: {} }],
        ["the aws/backup alias", { type: VAULT, props: { kmsKeyArn: "arn:aws:kms:eu-west-1:111111111111:alias/aws/backup" } }],
    ])("reports %s", async (_label, c) => {
        await expectViolations(backupVaultKms, c);
    });
    it("judges a value unknown in a preview by its presence, not its value", async () => {
        await expectCompliant(backupVaultKms, { type: "aws:backup/vault:Vault", props: { kmsKeyArn: UNKNOWN } });
        await expectViolations(backupVaultKms, { type: "aws:backup/vault:Vault", props: {} });
    });
});
