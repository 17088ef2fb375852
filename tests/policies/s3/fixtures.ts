/** A data bucket and its access-log target with every companion resource, as SecureBucket builds them. */
import { StackCaseResource } from "../../harness/policyArgs";
import { doc, r } from "../fixtures";

export const BUCKET = "aws:s3/bucket:Bucket";
export const BUCKET_POLICY = "aws:s3/bucketPolicy:BucketPolicy";

/** A companion resource of `bucket`, named `<bucket>-<Type>`. */
export const of = (type: string, bucket: string, props: Record<string, unknown>, name = `${bucket}-${type.split(":").pop()}`) =>
    r(type, name, { bucket: "b", ...props }, { bucket: [bucket] });

export const DENY_HEADER = {
    Sid: "DenyNonKmsEncryptionHeader",
    Effect: "Deny",
    Principal: "*",
    Action: "s3:PutObject",
    Resource: "arn:aws:s3:::b/*",
    Condition: { StringNotEqualsIfExists: { "s3:x-amz-server-side-encryption": "aws:kms" } },
};
export const DENY_NETWORK = {
    Sid: "DenyAccessOutsidePlatformNetwork",
    Effect: "Deny",
    Principal: "*",
    Action: "s3:*",
    Resource: ["arn:aws:s3:::b", "arn:aws:s3:::b/*"],
    Condition: { StringNotEqualsIfExists: { "aws:SourceVpce": ["vpce-1"] } },
};

/** A well-formed data bucket, its companions and its access-log target. */
export function bucketStack(): StackCaseResource[] {
    return [
        r(BUCKET, "data", { tags: { team: "fraud" } }, undefined, true),
        r(BUCKET, "logs", {}, undefined, true),
        of("aws:s3/bucketVersioning:BucketVersioning", "data", { versioningConfiguration: { status: "Enabled" } }),
        of("aws:s3/bucketVersioning:BucketVersioning", "logs", { versioningConfiguration: { status: "Enabled" } }),
        of("aws:s3/bucketOwnershipControls:BucketOwnershipControls", "data", { rule: { objectOwnership: "BucketOwnerEnforced" } }),
        of("aws:s3/bucketOwnershipControls:BucketOwnershipControls", "logs", { rule: { objectOwnership: "BucketOwnerEnforced" } }),
        of("aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration", "data", { rules: [{ id: "x" }] }),
        of("aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration", "logs", { rules: [{ id: "x" }] }),
        r("aws:s3/bucketLogging:BucketLogging", "data-logging", { bucket: "b", targetBucket: "l" }, { bucket: ["data"], targetBucket: ["logs"] }),
        of(BUCKET_POLICY, "data", { policy: doc(DENY_HEADER, DENY_NETWORK) }),
        of(BUCKET_POLICY, "logs", { policy: doc({ Effect: "Allow", Principal: { Service: "logging.s3.amazonaws.com" }, Action: "s3:PutObject" }) }),
    ];
}
