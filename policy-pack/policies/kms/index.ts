/** KMS keys, and the keys the data holders use. One rule per file, named after its policy. */
import { SecureDsPolicy } from "../common";
import { dataKeysRotate } from "./data-keys-rotate";
import { kmsKeyEnabledWithPolicy } from "./kms-key-enabled-with-policy";
import { kmsKeyPolicyAdministrators } from "./kms-key-policy-administrators";
import { kmsKeyRotation } from "./kms-key-rotation";

export const rules: SecureDsPolicy[] = [dataKeysRotate, kmsKeyEnabledWithPolicy, kmsKeyPolicyAdministrators, kmsKeyRotation];
