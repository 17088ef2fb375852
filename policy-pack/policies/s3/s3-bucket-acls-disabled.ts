import { SecureDsStackPolicy, TYPES, ofType, propsOf, referencing, text } from "../common";
import { BUCKET_TYPES } from "./common";

/** N10: ACLs are off (BucketOwnerEnforced): access is decided by policies only, which the pack can read. */
export const s3BucketAclsDisabled: SecureDsStackPolicy = {
    name: "s3-bucket-acls-disabled",
    description: "Every S3 bucket must have ownership controls with objectOwnership BucketOwnerEnforced, which disables ACLs (N10).",
    controls: ["N10"],
    remediation: "Create buckets with SecureBucket, which sets BucketOwnerEnforced; grant access with bucket policies, never ACLs.",
    enforcementLevel: "mandatory",
    validateStack: (args, reportViolation) => {
        const controls = ofType(args.resources, TYPES.s3OwnershipControls);
        for (const bucket of ofType(args.resources, ...BUCKET_TYPES)) {
            const mine = referencing(controls, "bucket", bucket);
            if (mine.length === 0) {
                reportViolation(`Bucket ${bucket.name} has no ownership controls; ACLs stay enabled (N10).`, bucket.urn);
                continue;
            }
            for (const c of mine) {
                const ownership = text(propsOf(c, TYPES.s3OwnershipControls)?.rule?.objectOwnership) ?? "unset";
                if (ownership !== "BucketOwnerEnforced")
                    reportViolation(`Bucket ${bucket.name} has objectOwnership ${ownership}; it must be BucketOwnerEnforced (N10).`, c.urn);
            }
        }
    },
};
