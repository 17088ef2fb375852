/** S3 buckets and their companion resources (policy, public access block, encryption, versioning, ownership, lifecycle, logging, Object Lock, access points). One rule per file, named after its policy. */
import { SecureDsPolicy } from "../common";
import { auditArchiveObjectLock } from "./audit-archive-object-lock";
import { s3AccessPointRestricted } from "./s3-access-point-restricted";
import { s3BucketAccessLogging } from "./s3-bucket-access-logging";
import { s3BucketAclsDisabled } from "./s3-bucket-acls-disabled";
import { s3BucketHasPabSsePolicy } from "./s3-bucket-has-pab-sse-policy";
import { s3BucketLifecycleConfigured } from "./s3-bucket-lifecycle-configured";
import { s3BucketPolicyDeniesInsecureTransport } from "./s3-bucket-policy-denies-insecure-transport";
import { s3BucketPolicyRequiresKmsUploads } from "./s3-bucket-policy-requires-kms-uploads";
import { s3BucketSseKms } from "./s3-bucket-sse-kms";
import { s3BucketVersioningEnabled } from "./s3-bucket-versioning-enabled";
import { s3DataBucketNetworkRestricted } from "./s3-data-bucket-network-restricted";
import { s3PublicAccessBlockAll } from "./s3-public-access-block-all";

export const rules: SecureDsPolicy[] = [
    auditArchiveObjectLock,
    s3AccessPointRestricted,
    s3BucketAccessLogging,
    s3BucketAclsDisabled,
    s3BucketHasPabSsePolicy,
    s3BucketLifecycleConfigured,
    s3BucketPolicyDeniesInsecureTransport,
    s3BucketPolicyRequiresKmsUploads,
    s3BucketSseKms,
    s3BucketVersioningEnabled,
    s3DataBucketNetworkRestricted,
    s3PublicAccessBlockAll,
];
