/** EFS file systems. One rule per file, named after its policy. */
import { SecureDsPolicy } from "../common";
import { efsEncryptedCustomerKey } from "./efs-encrypted-customer-key";

export const rules: SecureDsPolicy[] = [efsEncryptedCustomerKey];
