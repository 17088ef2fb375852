import { NOT_KNOWN, SecureDsResourcePolicy, TYPES, isAwsManagedKeyRef, keyRef, propsOf } from "../common";

/**
 * E8: CloudWatch log groups are encrypted with a customer key and expire. Logs carry request data,
 * file paths and addresses; a group without a key is readable by anyone with logs:GetLogEvents in
 * the account, one without retention keeps that forever.
 */
export const logGroupEncryptedRetention: SecureDsResourcePolicy = {
    name: "log-group-encrypted-retention",
    description: "CloudWatch log groups must be encrypted with a customer KMS key and have a retention of at least the configured days (E8).",
    controls: ["E8"],
    remediation:
        "Set kmsKeyId to the layer's logs key (stacks/layerKeys.ts createLogsKey; its policy admits logs.<region> for this account) and retentionInDays to a CloudWatch retention value.",
    enforcementLevel: "mandatory",
    configSchema: {
        properties: {
            minimumRetentionDays: { type: "number", default: 1, description: "Shortest retention accepted, in days." },
        },
    },
    validateResource: (args, reportViolation) => {
        const p = propsOf(args, TYPES.cloudwatchLogGroup);
        if (!p) return;
        const { minimumRetentionDays } = args.getConfig<{ minimumRetentionDays: number }>();
        const key = keyRef(() => p.kmsKeyId);
        if (key === undefined) {
            reportViolation(`Log group ${args.name} has no kmsKeyId; encrypt it with the layer's logs key (E8).`);
        } else if (key !== NOT_KNOWN && isAwsManagedKeyRef(key)) {
            reportViolation(`Log group ${args.name} uses the AWS-managed key ${key}; use a customer key (E8).`);
        }
        const retention = p.retentionInDays;
        if (typeof retention !== "number" || retention <= 0) {
            reportViolation(
                `Log group ${args.name} never expires (retentionInDays ${retention === undefined ? "not set" : String(retention)}); set a retention (E8).`,
            );
        } else if (retention < minimumRetentionDays) {
            reportViolation(`Log group ${args.name} keeps logs ${retention} days, less than the required ${minimumRetentionDays} (E8).`);
        }
    },
};
