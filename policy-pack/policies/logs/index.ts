/** CloudWatch Logs log groups. One rule per file, named after its policy. */
import { SecureDsPolicy } from "../common";
import { logGroupEncryptedRetention } from "./log-group-encrypted-retention";
import { logGroupRetentionMinimum } from "./log-group-retention-minimum";

export const rules: SecureDsPolicy[] = [logGroupEncryptedRetention, logGroupRetentionMinimum];
