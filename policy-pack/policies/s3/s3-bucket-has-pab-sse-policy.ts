import type { PolicyResource } from "@pulumi/policy";
import { SecureDsStackPolicy, TYPES, ofType, referencing } from "../common";

/**
 * N10, E7: every bucket has its three safety companions: a public access block, default
 * encryption and a bucket policy. Each check alone passes a bucket that simply lacks the resource;
 * this stack rule finds the gap. Correlated through property dependencies, which work in a
 * preview where bucket names may be unknown.
 */
export const s3BucketHasPabSsePolicy: SecureDsStackPolicy = {
    name: "s3-bucket-has-pab-sse-policy",
    description: "Every S3 bucket must have a public access block, a server-side encryption configuration and a bucket policy (N10, E7).",
    controls: ["N10", "E7"],
    remediation: "Create buckets with SecureBucket (components/storage/SecureBucket.ts), which adds all three.",
    enforcementLevel: "mandatory",
    validateStack: (args, reportViolation) => {
        const companions: [string, string[]][] = [
            ["public access block", [TYPES.s3PublicAccessBlock]],
            ["server-side encryption configuration", [TYPES.s3Sse, TYPES.s3SseV2]],
            ["bucket policy", [TYPES.s3BucketPolicy]],
        ];
        const byKind = companions.map(([what, types]) => [what, ofType(args.resources, ...types)] as [string, PolicyResource[]]);
        // Property dependencies first (they hold in a preview), then a known bucket name/ARN; an
        // unknown value belongs to some other resource's output, so it cannot name this bucket.
        // `referencing` looks the bucket up in an index of each list (not companions × buckets).
        const linked = (list: PolicyResource[], bucket: PolicyResource): boolean => referencing(list, "bucket", bucket).length > 0;
        for (const bucket of ofType(args.resources, TYPES.s3Bucket, TYPES.s3BucketV2)) {
            const missing = byKind.filter(([, list]) => !linked(list, bucket)).map(([what]) => what);
            if (missing.length > 0) {
                reportViolation(`Bucket ${bucket.name} has no ${missing.join(", ")} (N10, E7).`, bucket.urn);
            }
        }
    },
};
