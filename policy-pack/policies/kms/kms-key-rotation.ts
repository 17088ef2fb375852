import { SecureDsResourcePolicy, TYPES, propsOf, record } from "../common";

/** E9: customer keys rotate automatically and wait the longest window before deletion. */
export const kmsKeyRotation: SecureDsResourcePolicy = {
    name: "kms-key-rotation",
    description: "Customer-managed symmetric KMS keys must rotate automatically and have a deletion window of at least the configured days (E9).",
    controls: ["E9"],
    remediation: "Set enableKeyRotation: true and deletionWindowInDays: 30 (CustomerKey does both).",
    enforcementLevel: "mandatory",
    configSchema: {
        properties: {
            minimumDeletionWindowInDays: {
                type: "integer",
                minimum: 7,
                maximum: 30,
                default: 30,
                description: "Shortest deletion window accepted, in days.",
            },
        },
    },
    validateResource: (args, reportViolation) => {
        const p = propsOf(args, TYPES.kmsKey);
        if (!p) return;
        const { minimumDeletionWindowInDays } = args.getConfig<{ minimumDeletionWindowInDays: number }>();
        // keySpec is no input of the aws v7 Key (so it is read untyped); a program that passes it is
        // judged by it as before.
        const spec = p.customerMasterKeySpec ?? record(args.props).keySpec ?? "SYMMETRIC_DEFAULT";
        // Automatic rotation exists only for symmetric encryption keys.
        if (spec === "SYMMETRIC_DEFAULT" && p.enableKeyRotation !== true) {
            reportViolation(`KMS key ${args.name} does not rotate; set enableKeyRotation: true (E9).`);
        }
        const window = typeof p.deletionWindowInDays === "number" ? p.deletionWindowInDays : 30;
        if (window < minimumDeletionWindowInDays) {
            reportViolation(`KMS key ${args.name} has a ${window}-day deletion window; the minimum is ${minimumDeletionWindowInDays} days (E9).`);
        }
    },
};
