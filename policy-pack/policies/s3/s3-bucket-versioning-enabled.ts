import { SecureDsStackPolicy, TYPES, ofType, propsOf, referencing, text } from "../common";
import { BUCKET_TYPES } from "./common";

/** E7: every bucket keeps object versions, so an overwrite or delete can be undone. */
export const s3BucketVersioningEnabled: SecureDsStackPolicy = {
    name: "s3-bucket-versioning-enabled",
    description: "Every S3 bucket must have a versioning configuration with status Enabled (E7).",
    controls: ["E7"],
    // Not critical, although a control it cites is: versioning protects against overwrites; it is not the encryption core of E7.
    severity: "high",
    remediation: "Create buckets with SecureBucket, which enables versioning.",
    enforcementLevel: "mandatory",
    validateStack: (args, reportViolation) => {
        const versionings = ofType(args.resources, TYPES.s3Versioning, TYPES.s3VersioningV2);
        for (const bucket of ofType(args.resources, ...BUCKET_TYPES)) {
            const mine = referencing(versionings, "bucket", bucket);
            if (mine.length === 0) {
                reportViolation(`Bucket ${bucket.name} has no versioning configuration (E7).`, bucket.urn);
                continue;
            }
            for (const v of mine) {
                const status = text(propsOf(v, TYPES.s3Versioning, TYPES.s3VersioningV2)?.versioningConfiguration?.status) ?? "unset";
                if (status !== "Enabled") reportViolation(`Bucket ${bucket.name} has versioning ${status}; it must be Enabled (E7).`, v.urn);
            }
        }
    },
};
