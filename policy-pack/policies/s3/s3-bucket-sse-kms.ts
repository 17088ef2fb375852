import { NOT_KNOWN, SecureDsResourcePolicy, TYPES, isAwsManagedKeyRef, keyRef, list, propsOf, text } from "../common";

/** E7: buckets encrypt by default with SSE-KMS under a customer key, with bucket keys on. */
export const s3BucketSseKms: SecureDsResourcePolicy = {
    name: "s3-bucket-sse-kms",
    description: "S3 default encryption must be SSE-KMS (or DSSE-KMS) with a customer-managed key, and bucket keys enabled for SSE-KMS (E7).",
    controls: ["E7"],
    remediation:
        "Give the bucket a BucketServerSideEncryptionConfiguration with sseAlgorithm aws:kms, kmsMasterKeyId set to a customer key, and bucketKeyEnabled: true.",
    enforcementLevel: "mandatory",
    validateResource: (args, reportViolation) => {
        const p = propsOf(args, TYPES.s3Sse, TYPES.s3SseV2);
        if (!p) return;
        const rules = list(p.rules);
        if (rules.length === 0) {
            reportViolation(`${args.name} has no encryption rule (E7).`);
            return;
        }
        for (const rule of rules) {
            const byDefault = rule?.applyServerSideEncryptionByDefault;
            const algorithm = text(byDefault?.sseAlgorithm);
            const key = keyRef(() => byDefault?.kmsMasterKeyId);
            if (algorithm !== "aws:kms" && algorithm !== "aws:kms:dsse") {
                reportViolation(`${args.name} encrypts with ${algorithm ?? "no algorithm"}; use aws:kms with a customer key (E7).`);
            } else if (key === undefined || (key !== NOT_KNOWN && isAwsManagedKeyRef(key))) {
                reportViolation(`${args.name} uses ${key ?? "the AWS-managed aws/s3 key"}; name a customer-managed key (E7).`);
            }
            // S3 Bucket Keys do not apply to DSSE-KMS (each object gets its own data keys), so the
            // flag is required for single-layer SSE-KMS only.
            if (algorithm !== "aws:kms:dsse" && rule?.bucketKeyEnabled !== true) {
                reportViolation(`${args.name} does not enable S3 bucket keys; set bucketKeyEnabled: true (E7).`);
            }
        }
    },
};
