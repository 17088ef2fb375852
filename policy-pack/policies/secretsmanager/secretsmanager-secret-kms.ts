import { SecureDsResourcePolicy, TYPES, isAwsManagedKeyRef, propsOf, text } from "../common";

/** E10, S6: secrets are encrypted with a customer key (the default aws/secretsmanager key cannot be scoped by key policy). */
export const secretsmanagerSecretKms: SecureDsResourcePolicy = {
    name: "secretsmanager-secret-kms",
    description: "Secrets Manager secrets must be encrypted with a customer-managed KMS key (kmsKeyId), not the aws/secretsmanager key (E10, S6).",
    controls: ["E10", "S6"],
    remediation: "Set kmsKeyId on the secret to a CustomerKey ARN whose policy admits secretsmanager via kms:ViaService.",
    enforcementLevel: "mandatory",
    validateResource: (args, reportViolation) => {
        const p = propsOf(args, TYPES.secretsmanagerSecret);
        if (!p) return;
        const key = text(p.kmsKeyId);
        if (!key || isAwsManagedKeyRef(key))
            reportViolation(
                `Secret ${args.name} uses ${key ? `the AWS-managed key ${key}` : "the default aws/secretsmanager key"}; set kmsKeyId to a customer key (E10).`,
            );
    },
};
