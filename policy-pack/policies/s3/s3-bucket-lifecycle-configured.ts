import { SecureDsStackPolicy, TYPES, list, ofType, propsOf, referencing } from "../common";
import { BUCKET_TYPES } from "./common";

/** E7: versioned buckets need a lifecycle configuration, or noncurrent versions and incomplete uploads pile up forever. */
export const s3BucketLifecycleConfigured: SecureDsStackPolicy = {
    name: "s3-bucket-lifecycle-configured",
    description: "Every S3 bucket must have a lifecycle configuration with at least one rule (E7).",
    controls: ["E7"],
    // Not critical, although a control it cites is: lifecycle rules bound cost and retention; E7 is cited for the noncurrent versions they expire, not for encryption.
    severity: "medium",
    remediation: "Create buckets with SecureBucket, which expires noncurrent versions and aborts incomplete multipart uploads.",
    enforcementLevel: "mandatory",
    validateStack: (args, reportViolation) => {
        const lifecycles = ofType(args.resources, TYPES.s3Lifecycle, TYPES.s3LifecycleV2);
        for (const bucket of ofType(args.resources, ...BUCKET_TYPES)) {
            const mine = referencing(lifecycles, "bucket", bucket);
            if (!mine.some((l) => list(propsOf(l, TYPES.s3Lifecycle, TYPES.s3LifecycleV2)?.rules).length > 0))
                reportViolation(`Bucket ${bucket.name} has no lifecycle configuration with rules (E7).`, bucket.urn);
        }
    },
};
