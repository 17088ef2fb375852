/** Helpers shared by the S3 rules. */
import type { PolicyResource } from "@pulumi/policy";
import { TYPES, linked, ofType } from "../common";

/** Both bucket resources: aws v7's Bucket and the deprecated BucketV2 that still exists. */
export const BUCKET_TYPES: string[] = [TYPES.s3Bucket, TYPES.s3BucketV2];

/** Buckets that receive server access logs (a logging target): they cannot log to themselves. */
export function logTargetBuckets(resources: PolicyResource[], buckets: PolicyResource[]): Set<string> {
    const targets = new Set<string>();
    // `linked` finds the buckets `references` would accept, through the list's index (not loggings × buckets).
    for (const logging of ofType(resources, TYPES.s3Logging, TYPES.s3LoggingV2)) {
        for (const b of linked(logging, "targetBucket", buckets)) targets.add(b.urn);
    }
    return targets;
}
