import { NOT_KNOWN, SecureDsResourcePolicy, TYPES, isAwsManagedKeyRef, keyRef, propsOf } from "../common";

/** G9, E1: the Studio home backups are encrypted with a customer key, like the EFS they copy. */
export const backupVaultKms: SecureDsResourcePolicy = {
    name: "backup-vault-kms",
    description: "AWS Backup vaults must encrypt recovery points with a customer-managed KMS key (kmsKeyArn) (G9, E1).",
    controls: ["G9", "E1"],
    // Not critical, although a control it cites is: a backup vault's key (G9); the Studio EFS key itself is efs-encrypted-customer-key.
    severity: "high",
    remediation: "Set kmsKeyArn on the vault to a CustomerKey ARN (StudioHomeBackup does).",
    enforcementLevel: "mandatory",
    validateResource: (args, reportViolation) => {
        const p = propsOf(args, TYPES.backupVault);
        if (!p) return;
        const key = keyRef(() => p.kmsKeyArn);
        if (key !== NOT_KNOWN && (!key || isAwsManagedKeyRef(key)))
            reportViolation(
                `Backup vault ${args.name} uses ${key ? `the AWS-managed key ${key}` : "the default aws/backup key"}; set kmsKeyArn to a customer key (G9).`,
            );
    },
};
