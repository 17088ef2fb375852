import { SecureDsResourcePolicy, TYPES, isAwsManagedKeyRef, propsOf, text } from "../common";

/** E2: notebook instance volumes are encrypted with a customer key. */
export const sagemakerNotebookKms: SecureDsResourcePolicy = {
    name: "sagemaker-notebook-kms",
    description: "SageMaker notebook instances must encrypt their ML storage volume with a customer-managed KMS key (kmsKeyId) (E2).",
    controls: ["E2"],
    remediation: "Set kmsKeyId on the notebook instance to the team's CustomerKey ARN.",
    enforcementLevel: "mandatory",
    validateResource: (args, reportViolation) => {
        const p = propsOf(args, TYPES.sagemakerNotebookInstance);
        if (!p) return;
        const key = text(p.kmsKeyId);
        if (!key || isAwsManagedKeyRef(key))
            reportViolation(`Notebook instance ${args.name} has ${key ? `the AWS-managed key ${key}` : "no kmsKeyId"}; use a customer key (E2).`);
    },
};
