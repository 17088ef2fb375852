/** Secrets Manager secrets. One rule per file, named after its policy. */
import { SecureDsPolicy } from "../common";
import { secretsmanagerSecretKms } from "./secretsmanager-secret-kms";

export const rules: SecureDsPolicy[] = [secretsmanagerSecretKms];
