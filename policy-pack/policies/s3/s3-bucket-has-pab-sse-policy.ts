import type { PolicyResource } from "@pulumi/policy";
import { SecureDsStackPolicy, TYPES, ofType, references } from "../common";

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
        // Property dependencies first (they hold in a preview); a value that is still unknown
        // belongs to some other resource's output, so it cannot name this bucket.
        const linked = (c: PolicyResource, bucket: PolicyResource): boolean => {
            if ((c.propertyDependencies?.bucket ?? []).some((d) => d.urn === bucket.urn)) return true;
            try {
                return references(c, "bucket", bucket);
            } catch {
                return false;
            }
        };
        for (const bucket of ofType(args.resources, TYPES.s3Bucket, TYPES.s3BucketV2)) {
            const missing = byKind.filter(([, list]) => !list.some((c) => linked(c, bucket))).map(([what]) => what);
            if (missing.length > 0) {
                reportViolation(`Bucket ${bucket.name} has no ${missing.join(", ")} (N10, E7).`, bucket.urn);
            }
        }
    },
};
