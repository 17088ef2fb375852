/**
 * I12 and G11 for the audit archive: nobody but the archive's administrators changes its bucket
 * or its key, whichever account they are in and whatever their IAM policies allow. Written as
 * explicit denies under `Principal: "*"` in the resource policies, so an administrator of the
 * workload or shared-services account (or this account's own root-delegated roles) cannot
 * loosen the policy, switch off versioning or encryption, shorten retention, delete evidence or
 * schedule the key for deletion; an explicit deny in a resource policy overrides every allow
 * (IAM User Guide, "Policy evaluation logic").
 */
import { Statement, denyEveryone } from "./document";

/** Bucket settings and evidence that only the archive administrators touch. */
export const ARCHIVE_BUCKET_PROTECTED_ACTIONS = [
    "s3:PutBucketPolicy",
    "s3:DeleteBucketPolicy",
    "s3:DeleteBucket",
    "s3:PutBucketAcl",
    "s3:PutBucketOwnershipControls",
    "s3:PutBucketPublicAccessBlock",
    "s3:PutBucketVersioning",
    "s3:PutEncryptionConfiguration",
    "s3:PutLifecycleConfiguration",
    "s3:PutBucketLogging",
    "s3:PutBucketObjectLockConfiguration",
    "s3:PutReplicationConfiguration",
    "s3:PutBucketNotification",
    "s3:DeleteObject",
    "s3:DeleteObjectVersion",
    "s3:PutObjectRetention",
    "s3:PutObjectLegalHold",
    "s3:BypassGovernanceRetention",
    "s3:PutObjectAcl",
    "s3:PutObjectVersionAcl",
];

/** Key changes that only the archive administrators make. */
export const ARCHIVE_KEY_PROTECTED_ACTIONS = [
    "kms:PutKeyPolicy",
    "kms:ScheduleKeyDeletion",
    "kms:DisableKey",
    "kms:DisableKeyRotation",
    "kms:CreateGrant",
    "kms:RevokeGrant",
    "kms:RetireGrant",
    "kms:UpdateKeyDescription",
    "kms:CreateAlias",
    "kms:UpdateAlias",
    "kms:DeleteAlias",
    "kms:ImportKeyMaterial",
    "kms:DeleteImportedKeyMaterial",
    "kms:TagResource",
    "kms:UntagResource",
];

function requireAdministrators(what: string, administratorArns: string[]): void {
    if (administratorArns.length === 0 || administratorArns.some((a) => a === "*" || /:role\/\*$/.test(a))) {
        throw new Error(`${what}: name the archive administrators' roles; none or a wildcard would leave the archive to everyone or to nobody.`);
    }
}

/**
 * Bucket statement: the protected actions are denied to every principal whose ARN is not one of
 * the administrators'. AWS services delivering into the archive only PutObject, which is not
 * protected; S3 itself expires old versions by lifecycle without an API call.
 */
export function archiveBucketTamperDeny(bucketArn: string, administratorArns: string[]): Statement {
    requireAdministrators("archiveBucketTamperDeny", administratorArns);
    return denyEveryone("DenyArchiveChangesButAdministrators", ARCHIVE_BUCKET_PROTECTED_ACTIONS, [bucketArn, `${bucketArn}/*`], {
        ArnNotLike: { "aws:PrincipalArn": administratorArns },
    });
}

/**
 * Key statement, appended to the archive key's policy. Grants are protected too: a grant would give
 * another principal the key's use without a policy change. AWS services use the key through the
 * policy's service statements (CloudTrail, Config: GenerateDataKey), never through grants.
 */
export function archiveKeyTamperDeny(administratorArns: string[]): Statement {
    requireAdministrators("archiveKeyTamperDeny", administratorArns);
    return denyEveryone("DenyArchiveKeyChangesButAdministrators", ARCHIVE_KEY_PROTECTED_ACTIONS, "*", {
        ArnNotLike: { "aws:PrincipalArn": administratorArns },
    });
}
