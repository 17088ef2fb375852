/**
 * Bucket policy statements (E7, N10). One builder per rule so that team buckets, pipeline
 * buckets and the audit archive use the same statements, and the IAM proofs test them once.
 */
import { Statement, denyEveryone } from "./document";

const objects = (bucketArn: string) => `${bucketArn}/*`;

/** E7: every request must use TLS. */
export function denyInsecureTransport(bucketArn: string): Statement {
    return denyEveryone("DenyInsecureTransport", "s3:*", [bucketArn, objects(bucketArn)], { Bool: { "aws:SecureTransport": "false" } });
}

/**
 * E7: uploads may not ask for another algorithm or another key. A request without the header
 * is encrypted by the bucket default (the team key), so only a header that is present and wrong
 * is denied: `Null: false` makes each statement apply to present headers only (an ...IfExists
 * operator would be TRUE for an absent header and deny default-encrypted uploads).
 */
export function denyWrongEncryption(bucketArn: string, kmsKeyArn: string): Statement[] {
    return [
        denyEveryone("DenyNonKmsEncryptionHeader", "s3:PutObject", objects(bucketArn), {
            StringNotEquals: { "s3:x-amz-server-side-encryption": "aws:kms" },
            Null: { "s3:x-amz-server-side-encryption": "false" },
        }),
        denyEveryone("DenyOtherKmsKey", "s3:PutObject", objects(bucketArn), {
            StringNotEquals: { "s3:x-amz-server-side-encryption-aws-kms-key-id": kmsKeyArn },
            Null: { "s3:x-amz-server-side-encryption-aws-kms-key-id": "false" },
        }),
    ];
}

export interface NetworkRestriction {
    /** VPC endpoint ids (vpce-...) through which access is allowed. */
    vpcEndpointIds: string[];
    /** VPC ids from which access is allowed (requests through an endpoint in these VPCs). */
    vpcIds?: string[];
    /**
     * Principals exempt from the network rule, each justified by the caller (e.g. the pipeline's
     * publish role runs in CodeBuild outside the data VPC). Matched with ArnNotLike, so role
     * session ARNs of these roles are covered by the `aws:PrincipalArn` key.
     */
    exemptPrincipalArns?: string[];
}

/**
 * N10: data is reachable only through the platform's S3 endpoint or VPC. AWS services acting on
 * their own behalf (log delivery, replication) are exempt through aws:PrincipalIsAWSService, and
 * services acting for a caller (e.g. SageMaker reading training data) through aws:ViaAWSService,
 * because neither arrives through a VPC endpoint.
 */
export function denyOutsideNetwork(bucketArn: string, restriction: NetworkRestriction): Statement {
    if (restriction.vpcEndpointIds.length === 0 && (restriction.vpcIds ?? []).length === 0) {
        throw new Error("denyOutsideNetwork: no VPC endpoint or VPC given; the statement would deny every request.");
    }
    const notFrom: Record<string, string[]> = {};
    if (restriction.vpcEndpointIds.length > 0) notFrom["aws:SourceVpce"] = restriction.vpcEndpointIds;
    if ((restriction.vpcIds ?? []).length > 0) notFrom["aws:SourceVpc"] = restriction.vpcIds ?? [];
    const exempt = restriction.exemptPrincipalArns ?? [];
    return denyEveryone("DenyAccessOutsidePlatformNetwork", "s3:*", [bucketArn, objects(bucketArn)], {
        StringNotEqualsIfExists: notFrom,
        BoolIfExists: { "aws:PrincipalIsAWSService": "false", "aws:ViaAWSService": "false" },
        ...(exempt.length > 0 ? { ArnNotLikeIfExists: { "aws:PrincipalArn": exempt } } : {}),
    });
}

/**
 * Bucket settings that decide who reaches the data and what is recorded about it: the bucket
 * policy and ACLs (grant the bucket to another account), logging, encryption, versioning, object
 * lock, lifecycle, replication (copy the data out), ownership, the public access block, and
 * deleting the bucket. `s3:Put*Configuration` covers the settings not named PutBucket*
 * (PutEncryptionConfiguration, PutLifecycleConfiguration, PutReplicationConfiguration, ...).
 */
export const S3_BUCKET_CONFIGURATION_ACTIONS = ["s3:PutBucket*", "s3:DeleteBucket*", "s3:Put*Configuration"];

/**
 * Only the bucket administrators (the deployer, which owns these settings in code) change them.
 * Repeats the team boundary's allow-list (which grants no team role a setting) in the resource
 * policy, so a principal outside the boundary, e.g. an account administrator, is stopped too. The
 * account's root user can always delete a bucket policy, which keeps a way back from a mistake.
 */
export function denyBucketConfigurationChanges(bucketArn: string, administratorArns: string[]): Statement {
    if (administratorArns.length === 0) {
        throw new Error("denyBucketConfigurationChanges: no bucket administrators; nobody could change the bucket's settings, not even the deployer.");
    }
    return denyEveryone("DenyBucketConfigurationChanges", S3_BUCKET_CONFIGURATION_ACTIONS, bucketArn, {
        ArnNotLike: { "aws:PrincipalArn": administratorArns },
    });
}
