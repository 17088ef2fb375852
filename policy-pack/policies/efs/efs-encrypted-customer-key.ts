import { SecureDsResourcePolicy, TYPES, isAwsManagedKeyRef, propsOf, text } from "../common";

/** E1/E2: file systems the program declares are encrypted with a customer key. */
export const efsEncryptedCustomerKey: SecureDsResourcePolicy = {
    name: "efs-encrypted-customer-key",
    description: "EFS file systems must be encrypted (encrypted: true) with a customer-managed KMS key (kmsKeyId) (E1, E2).",
    controls: ["E1", "E2"],
    remediation: "Set encrypted: true and kmsKeyId to a CustomerKey ARN on the file system.",
    enforcementLevel: "mandatory",
    validateResource: (args, reportViolation) => {
        const p = propsOf(args, TYPES.efsFileSystem);
        if (!p) return;
        if (p.encrypted !== true) reportViolation(`EFS file system ${args.name} is not encrypted; set encrypted: true (E1).`);
        const key = text(p.kmsKeyId);
        if (!key || isAwsManagedKeyRef(key))
            reportViolation(`EFS file system ${args.name} has ${key ? `the AWS-managed key ${key}` : "no kmsKeyId"}; use a customer key (E1).`);
    },
};
