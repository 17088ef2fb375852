/** AWS Backup: vaults, and the plans that must cover the Studio home EFS. One rule per file, named after its policy. */
import { SecureDsPolicy } from "../common";
import { backupVaultKms } from "./backup-vault-kms";
import { studioHomeBackedUp } from "./studio-home-backed-up";

export const rules: SecureDsPolicy[] = [backupVaultKms, studioHomeBackedUp];
