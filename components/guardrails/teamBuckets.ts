/**
 * Bucket and access-point statements of a team (N10, E7, I4). SecureBucket adds the TLS and
 * encryption-header Denies; these add the network rule and the team rule.
 */
import { Statement, PolicyDocument, policyDocument } from "./document";
import { denyBucketConfigurationChanges, denyOutsideNetwork } from "./s3";
import { TeamDocumentScope, delegatedRoleArnPattern, executionRoleArns } from "./teamScope";

/** Object actions: what "reading or writing the team's data" means. */
export const S3_OBJECT_DATA_ACTIONS = [
    "s3:GetObject*",
    "s3:PutObject*",
    "s3:DeleteObject*",
    "s3:ListMultipartUploadParts",
    "s3:AbortMultipartUpload",
    "s3:RestoreObject",
    "s3:ReplicateObject",
];

/**
 * Listing a bucket (object names, versions, uploads). `s3:ListBucket` also authorises HeadBucket,
 * which the deployer's provider calls after creating the bucket and on every read, so the bucket
 * administrators keep it; they still read no object.
 */
const S3_LIST_ACTIONS = ["s3:ListBucket*"];

/**
 * The data actions that can come through an access point (they carry s3:DataAccessPointAccount);
 * the lake needs no others (torrents and replication are never allowed to anyone).
 */
const S3_ACCESS_POINT_DATA_ACTIONS = [
    "s3:GetObject",
    "s3:GetObjectVersion",
    "s3:GetObjectTagging",
    "s3:GetObjectAttributes",
    "s3:PutObject",
    "s3:PutObjectTagging",
    "s3:DeleteObject",
    "s3:DeleteObjectVersion",
    "s3:ListBucket",
    "s3:ListBucketVersions",
    "s3:ListBucketMultipartUploads",
    "s3:ListMultipartUploadParts",
    "s3:AbortMultipartUpload",
    "s3:RestoreObject",
];

/** Principals that may touch the team's data: its execution roles and the roles its admin creates. */
function teamDataPrincipalPatterns(s: TeamDocumentScope): string[] {
    return [...executionRoleArns(s), delegatedRoleArnPattern(s)];
}

/**
 * Data of a team bucket is for the team only. Denies object access by any other principal of the
 * account, whatever its IAM policy says (another team's role, the deployer, an account admin), and
 * listing by anyone but the team and the bucket administrators (HeadBucket is a ListBucket: without
 * it the deployer could not read the bucket it manages).
 * AWS services acting as themselves (log delivery, replication) are exempt; services acting for a
 * caller use the caller's identity and are judged by it.
 */
function denyDataOutsideTeam(s: TeamDocumentScope, bucketArn: string): Statement[] {
    // Data inspectors (Macie) read to classify; their AWS-managed policies allow no writes.
    const team = [...teamDataPrincipalPatterns(s), ...s.dataInspectorArns];
    const notTeam = (patterns: string[]) => ({
        ArnNotLike: { "aws:PrincipalArn": patterns },
        BoolIfExists: { "aws:PrincipalIsAWSService": "false" },
    });
    return [
        {
            Sid: "DenyDataAccessOutsideTeam",
            Effect: "Deny",
            Principal: "*",
            Action: S3_OBJECT_DATA_ACTIONS,
            Resource: `${bucketArn}/*`,
            Condition: notTeam(team),
        },
        {
            Sid: "DenyListingOutsideTeam",
            Effect: "Deny",
            Principal: "*",
            Action: S3_LIST_ACTIONS,
            Resource: bucketArn,
            Condition: notTeam([...team, ...s.bucketAdminArns]),
        },
    ];
}

/**
 * The team-specific statements of a team bucket's policy:
 * - N10: only through the platform's S3 gateway endpoint or VPC. Exempt (minimal, each needed):
 *   the deployer/key-admin roles (`bucketAdminArns`), because they manage the bucket's settings and
 *   this very policy from outside the VPC, and without the exemption the next `pulumi up` could
 *   not update it; AWS services (see denyOutsideNetwork). The deployer still cannot read data:
 *   the team rule below denies it.
 * - team rule: data only for the team's roles.
 * - settings (policy, logging, encryption, replication, ...) only by the bucket administrators (I3).
 */
export function teamBucketPolicyStatements(s: TeamDocumentScope, bucketArn: string): Statement[] {
    return [
        // Data inspectors (Macie) read from the service's own network, never through the endpoint.
        denyOutsideNetwork(bucketArn, {
            vpcEndpointIds: [s.s3EndpointId],
            vpcIds: [s.vpcId],
            exemptPrincipalArns: [...s.bucketAdminArns, ...s.dataInspectorArns],
        }),
        ...denyDataOutsideTeam(s, bucketArn),
        denyBucketConfigurationChanges(bucketArn, s.bucketAdminArns),
    ];
}

/**
 * Policy of the team's access point on the shared data lake: the team's roles, the team's prefix.
 * The access point's own VPC configuration keeps requests inside the platform VPC (N10).
 */
export function teamAccessPointPolicy(s: TeamDocumentScope, accessPointArn: string, prefix: string): PolicyDocument {
    const principals = teamDataPrincipalPatterns(s);
    return policyDocument([
        {
            Sid: "DenyPrincipalsOutsideTeam",
            Effect: "Deny",
            Principal: "*",
            Action: "s3:*",
            Resource: [accessPointArn, `${accessPointArn}/object/*`],
            Condition: { ArnNotLike: { "aws:PrincipalArn": principals } },
        },
        {
            Sid: "DenyObjectsOutsideTeamPrefix",
            Effect: "Deny",
            Principal: "*",
            Action: ["s3:GetObject*", "s3:PutObject*", "s3:DeleteObject*", "s3:RestoreObject", "s3:AbortMultipartUpload", "s3:ListMultipartUploadParts"],
            NotResource: `${accessPointArn}/object/${prefix}*`,
        },
        {
            Sid: "DenyListingOutsideTeamPrefix",
            Effect: "Deny",
            Principal: "*",
            Action: "s3:ListBucket",
            Resource: accessPointArn,
            Condition: { StringNotLike: { "s3:prefix": [prefix, `${prefix}*`] } },
        },
    ]);
}

/**
 * The shared data lake's bucket statements: data only through an access point of this account
 * (each team's is limited to its prefix and the VPC), and only from the platform network.
 */
export function dataLakeBucketStatements(args: {
    bucketArn: string;
    accountId: string;
    s3EndpointId: string;
    vpcId: string;
    bucketAdminArns: string[];
}): Statement[] {
    return [
        denyOutsideNetwork(args.bucketArn, { vpcEndpointIds: [args.s3EndpointId], vpcIds: [args.vpcId], exemptPrincipalArns: args.bucketAdminArns }),
        {
            Sid: "DenyDataAccessNotThroughAccessPoints",
            Effect: "Deny",
            Principal: "*",
            Action: S3_ACCESS_POINT_DATA_ACTIONS.filter((a) => !a.startsWith("s3:ListBucket")),
            Resource: `${args.bucketArn}/*`,
            Condition: {
                StringNotEqualsIfExists: { "s3:DataAccessPointAccount": args.accountId },
                BoolIfExists: { "aws:PrincipalIsAWSService": "false" },
            },
        },
        {
            // The bucket administrators may list the bucket directly: HeadBucket is a ListBucket,
            // and the deployer reads the bucket it manages. They read no object.
            Sid: "DenyListingNotThroughAccessPoints",
            Effect: "Deny",
            Principal: "*",
            Action: S3_ACCESS_POINT_DATA_ACTIONS.filter((a) => a.startsWith("s3:ListBucket")),
            Resource: args.bucketArn,
            Condition: {
                StringNotEqualsIfExists: { "s3:DataAccessPointAccount": args.accountId },
                BoolIfExists: { "aws:PrincipalIsAWSService": "false" },
                ArnNotLikeIfExists: { "aws:PrincipalArn": args.bucketAdminArns },
            },
        },
        denyBucketConfigurationChanges(args.bucketArn, args.bucketAdminArns),
    ];
}
