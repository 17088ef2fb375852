import { SecureDsStackPolicy, TYPES, ofType, references, referencing } from "../common";
import { BUCKET_TYPES, logTargetBuckets } from "./common";

/**
 * G4: every bucket logs server access to a log bucket of the stack (who read the data, including
 * the log archive). Buckets that receive access logs are exempt: logging to themselves loops.
 */
export const s3BucketAccessLogging: SecureDsStackPolicy = {
    name: "s3-bucket-access-logging",
    description: "Every S3 bucket except access-log targets must log server access (aws:s3/bucketLogging) to another bucket of the stack (G4).",
    controls: ["G4"],
    remediation: "Create buckets with SecureBucket and pass accessLogBucket (the layer's access-log bucket).",
    enforcementLevel: "mandatory",
    validateStack: (args, reportViolation) => {
        const buckets = ofType(args.resources, ...BUCKET_TYPES);
        const loggings = ofType(args.resources, TYPES.s3Logging, TYPES.s3LoggingV2);
        const targets = logTargetBuckets(args.resources, buckets);
        for (const bucket of buckets) {
            if (targets.has(bucket.urn)) continue;
            const mine = referencing(loggings, "bucket", bucket);
            if (mine.length === 0) {
                reportViolation(`Bucket ${bucket.name} has no server access logging (G4).`, bucket.urn);
                continue;
            }
            for (const l of mine) {
                if (!buckets.some((t) => t !== bucket && references(l, "targetBucket", t))) {
                    reportViolation(`Bucket ${bucket.name} logs access to a bucket outside the stack or to itself (G4).`, l.urn);
                }
            }
        }
    },
};
