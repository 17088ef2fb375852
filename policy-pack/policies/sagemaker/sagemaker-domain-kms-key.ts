import { NOT_KNOWN, SecureDsResourcePolicy, TYPES, isAwsManagedKeyRef, keyRef, propsOf } from "../common";

/** E1: the domain's home EFS is encrypted with a customer-managed key. */
export const sagemakerDomainKmsKey: SecureDsResourcePolicy = {
    name: "sagemaker-domain-kms-key",
    description: "SageMaker Studio domains must encrypt the home EFS with a customer-managed KMS key (E1).",
    controls: ["E1"],
    remediation: "Set kmsKeyId on the domain to a customer-managed key ARN (SecureStudioDomain creates one).",
    enforcementLevel: "mandatory",
    validateResource: (args, reportViolation) => {
        const p = propsOf(args, TYPES.sagemakerDomain);
        if (!p) return;
        const key = keyRef(() => p.kmsKeyId);
        if (key === undefined) {
            reportViolation(`Domain ${args.name} has no kmsKeyId; its home EFS would use an AWS-managed key (E1).`);
        } else if (key !== NOT_KNOWN && isAwsManagedKeyRef(key)) {
            reportViolation(`Domain ${args.name} uses the AWS-managed key ${key}; use a customer-managed key (E1).`);
        }
    },
};
