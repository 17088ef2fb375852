/** Helpers shared by the S3 rules. */
import type { PolicyResource } from "@pulumi/policy";
import { TYPES, references } from "../common";

/** Both bucket resources: aws v7's Bucket and the deprecated BucketV2 that still exists. */
export const BUCKET_TYPES: string[] = [TYPES.s3Bucket, TYPES.s3BucketV2];

/** Buckets that receive server access logs (a logging target): they cannot log to themselves. */
export function logTargetBuckets(resources: PolicyResource[], buckets: PolicyResource[]): Set<string> {
    const targets = new Set<string>();
    for (const logging of resources.filter((r) => r.type === TYPES.s3Logging || r.type === TYPES.s3LoggingV2)) {
        for (const b of buckets) if (references(logging, "targetBucket", b)) targets.add(b.urn);
    }
    return targets;
}
