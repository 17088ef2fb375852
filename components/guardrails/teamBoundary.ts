/**
 * The team's guardrail policies and permission boundary.
 *
 * - Guardrail policies: the SageMaker Denies from `sagemaker.ts` (the same statements the SCPs
 *   use), scoped to the team: its subnets and security groups (N3), its key for volumes and
 *   outputs (E2, E3, E6), inter-container encryption (E4), network isolation where configured
 *   (N4), instance-type allow-lists (G2), max runtime (G3), mandatory request tags (G1). Attached
 *   to every platform-made team role. Split in two because one managed policy holds at most
 *   6,144 characters.
 * - Permission boundary: caps every team role, including the ones the team admin creates (I3,
 *   I4): only the team's buckets, key, parameters and the runtime services; SageMaker creation
 *   only by the guardrailed creator roles, and never on another team's SageMaker resources;
 *   PassRole only to SageMaker and only the team's roles; roles only under this boundary; the
 *   boundary and guardrail policies cannot be changed or removed by the team.
 */
import { PolicyDocument, Statement, asArray, policyDocument } from "./document";
import {
    OUTPUT_KMS_ACTIONS,
    TAGGABLE_CREATE_ACTIONS,
    VOLUME_KMS_ACTIONS,
    VPC_CONFIGURABLE_ACTIONS,
    interContainerEncryptionGuardrails,
    jobGuardrails,
    maxRuntimeGuardrails,
    networkIsolationGuardrails,
    requestTagGuardrails,
    splitInstanceTypeGuardrails,
    studioRemoteAccessGuardrails,
} from "./sagemaker";
import { S3_OBJECT_DATA_ACTIONS } from "./teamBuckets";
import { sageMakerDistributionImageArns, unapprovedImageGuardrail } from "./studioAccess";
import { KMS_GRANT_ACTIONS, KMS_USAGE_ACTIONS } from "./kmsKeyPolicy";
import {
    STUDIO_APP_ACTIONS,
    STUDIO_SPACE_ACTIONS,
    TEAM_CREATE_ACTIONS,
    iamDelegationStatements,
    passTeamRolesStatement,
    sessionProfileArn,
    teamBudgetStatement,
    teamParameterStatement,
    workloadRuntimeStatements,
} from "./teamPolicies";
import { CREATOR_ROLE_KINDS, PLATFORM_TEAM, TeamDocumentScope } from "./teamScope";

/**
 * Actions that open a session on a Studio profile, space or notebook from outside SageMaker:
 * presigned URLs (CreatePresignedDomainUrl, ...NotebookInstanceUrl, the MLflow ones, which the
 * platform does not use) and SSM sessions into spaces (StartSession, remote access). Only the
 * human data-scientist role, which carries the presigned-URL perimeter (I1, N8), may call them.
 */
export const SESSION_ACTIONS = ["sagemaker:CreatePresigned*", "sagemaker:StartSession"];

/**
 * What a team role may do with the team's buckets and its data-lake access point: objects and
 * listings only. Bucket, access-point and replication settings (policy, logging, encryption,
 * lifecycle, ACLs) are left out, so no team role, however its admin writes its policy, can grant
 * the data to another account or switch logging off; the bucket policy denies the same
 * (teamBuckets.ts, DenyBucketConfigurationChanges).
 */
const TEAM_STORAGE_ACTIONS = [
    ...S3_OBJECT_DATA_ACTIONS.filter((a) => a !== "s3:ReplicateObject" && a !== "s3:ListMultipartUploadParts"),
    "s3:List*",
    "s3:GetBucketLocation",
];

/**
 * SageMaker create actions that start compute or deploy models: only the guardrailed creator roles
 * may call them. Patterns keep the boundary under the managed-policy limit and also cover the
 * compute-starting actions no guardrail key can scope (compilation, optimization, edge packaging,
 * inference recommendations, HyperPod clusters, inference components), which then no team role
 * may call at all, since the creators' policies do not grant them. tests/team/documents.test.ts
 * proves every action of the guardrail lists is matched.
 */
export const GUARDED_CREATE_ACTIONS = [
    "sagemaker:Create*Job",
    "sagemaker:Create*JobV2",
    "sagemaker:Create*JobDefinition",
    "sagemaker:CreateModel",
    "sagemaker:CreateEndpoint*",
    "sagemaker:CreateInferenceComponent",
    "sagemaker:CreateMonitoringSchedule",
    "sagemaker:CreateNotebookInstance*",
    "sagemaker:CreateCluster",
];

/** Every action a SageMaker guardrail or the team's create permission names. */
export const GUARDRAILED_ACTIONS = [
    ...new Set([
        ...VPC_CONFIGURABLE_ACTIONS,
        ...VOLUME_KMS_ACTIONS,
        ...OUTPUT_KMS_ACTIONS,
        ...TAGGABLE_CREATE_ACTIONS,
        ...Object.values(TEAM_CREATE_ACTIONS).flat(),
    ]),
].sort();

/**
 * Guardrails on networks and keys: jobs and models in the team's subnets and security groups
 * with the team key (N3, E2, E3, E6), encrypted inter-container traffic (E4), network isolation
 * (N4) when the team asks for it.
 */
export function teamNetworkKeyGuardrails(s: TeamDocumentScope): PolicyDocument {
    return policyDocument([
        ...jobGuardrails({ subnetIds: s.subnetIds, securityGroupIds: s.securityGroupIds, kmsKeyArns: [s.kmsKeyArn] }),
        {
            // CreateEndpointConfig lists the VPC keys, but its request has no VPC of its own (the
            // model's applies, and CreateModel is held to the VPC above). A Null test could
            // therefore deny every endpoint config; ForAnyValue denies only foreign subnets.
            Sid: "DenyEndpointConfigOutsidePlatformSubnets",
            Effect: "Deny",
            Action: "sagemaker:CreateEndpointConfig",
            Resource: "*",
            Condition: { "ForAnyValue:StringNotEquals": { "sagemaker:VpcSubnets": s.subnetIds } },
        },
        ...interContainerEncryptionGuardrails(),
        ...(s.networkIsolation ? networkIsolationGuardrails() : []),
    ]);
}

/**
 * Guardrails on cost, attribution and Studio: instance types (G2), max runtime (G3), mandatory tags
 * (G1); on the execution roles, because Studio calls CreateSpace and CreateApp with them: approved
 * images only (I7, the SageMaker Distribution and the account's own images, which only the
 * platform registers), no remote access (N8), and no one else's private space (I1).
 */
export function teamCostTagGuardrails(s: TeamDocumentScope): PolicyDocument {
    return policyDocument([
        ...splitInstanceTypeGuardrails(s.jobInstanceTypes, s.appInstanceTypes),
        unapprovedImageGuardrail([...sageMakerDistributionImageArns(s.partition, s.region), `arn:${s.partition}:sagemaker:${s.region}:${s.accountId}:image/*`]),
        ...studioRemoteAccessGuardrails(),
        {
            // The Allows (OwnSpaces, AppsInOwnPrivateSpaces) already require the caller's own
            // profile; the Deny keeps it so when another policy on the role allows more.
            Sid: "DenyOtherUsersPrivateSpaces",
            Effect: "Deny",
            Action: [...STUDIO_SPACE_ACTIONS, ...STUDIO_APP_ACTIONS],
            Resource: "*",
            Condition: { StringEquals: { "sagemaker:SpaceSharingType": "Private" }, ArnNotLike: { "sagemaker:OwnerUserProfileArn": sessionProfileArn(s) } },
        },
        ...maxRuntimeGuardrails(s.maxJobRuntimeSeconds),
        ...requestTagGuardrails(s.mandatoryTagKeys),
    ]);
}

/** The guardrail policies by short name (`<prefix>-<team>-guardrails-<name>`). */
export function teamGuardrailPolicies(s: TeamDocumentScope): Record<"vpc-kms" | "cost-tags", PolicyDocument> {
    return { "vpc-kms": teamNetworkKeyGuardrails(s), "cost-tags": teamCostTagGuardrails(s) };
}

/** The permission boundary of every team role. */
export function teamPermissionBoundary(s: TeamDocumentScope): PolicyDocument {
    const bucketResources = Object.values(s.bucketArns).flatMap((b) => [b, `${b}/*`]);
    const lake = s.dataLake ? [s.dataLake.accessPointArn, `${s.dataLake.accessPointArn}/object/${s.dataLake.prefix}*`] : [];
    // Patterns, not lists: a managed policy holds 6,144 characters and teams grow.
    const perUser = Object.keys(s.userRoleArns).length > 0 ? [s.userRoleArnPattern] : [];
    const creators = [...CREATOR_ROLE_KINDS.map((k) => s.roleArns[k]), ...perUser];
    const runtime = workloadRuntimeStatements(s);
    return policyDocument([
        {
            // A boundary only caps: nothing here grants. SageMaker as a whole is the team's
            // workspace; the Denies below and the guardrail policies scope it.
            Sid: "SageMakerCapJustifiedWildcard",
            Effect: "Allow",
            Action: "sagemaker:*",
            Resource: "*",
        },
        {
            // Only the team's buckets (and its data-lake access point), never another team's; only
            // their objects and listings, never their settings.
            Sid: "TeamStorageCap",
            Effect: "Allow",
            Action: TEAM_STORAGE_ACTIONS,
            Resource: [...bucketResources, ...lake],
        },
        {
            // The team key and the lake's key in one cap: each key's policy still decides who uses
            // it and for what (the lake's admits no grants).
            Sid: "TeamKeyCap",
            Effect: "Allow",
            Action: [...KMS_USAGE_ACTIONS, ...KMS_GRANT_ACTIONS],
            Resource: s.dataLake ? [s.kmsKeyArn, s.dataLake.keyArn] : s.kmsKeyArn,
        },
        {
            // The runtime's plumbing, coarse on purpose: a boundary only caps, and the identity
            // policies scope these to SageMaker log groups, namespaces, repositories and the VPC.
            Sid: "RuntimeCap",
            Effect: "Allow",
            Action: [...new Set(runtime.filter((st) => !st.Sid?.startsWith("CodeArtifact")).flatMap((st) => asArray(st.Action)))],
            Resource: "*",
        },
        ...runtime.filter((st) => st.Sid?.startsWith("CodeArtifact")),
        teamParameterStatement(s),
        ...iamDelegationStatements(s),
        {
            // A cap, so a pattern: the team's own role path (never another team's: the path ends in
            // `/<team>/`). The identity policies name the exact execution roles, and the human
            // roles under the path trust no service, so SageMaker could not assume them anyway.
            ...passTeamRolesStatement(s, []),
            Resource: `arn:${s.partition}:iam::${s.accountId}:role${s.rolePath}*`,
        },
        teamBudgetStatement(s),
        {
            // Roles the admin creates run jobs; they never create SageMaker resources, because only
            // the creator roles carry the guardrail policies. The scientist opens Studio
            // (CreatePresignedDomainUrl, not matched here) and creates nothing either.
            Sid: "DenyCreateExceptGuardrailedRoles",
            Effect: "Deny",
            Action: GUARDED_CREATE_ACTIONS,
            Resource: "*",
            Condition: { ArnNotLike: { "aws:PrincipalArn": creators } },
        },
        {
            // I3: `sagemaker:*` above would otherwise reach other teams' domains, profiles, spaces,
            // apps, jobs and endpoints, e.g. a role the admin creates opening another team's user
            // profile (CreatePresignedDomainUrl) and so working as that team's execution role.
            // Every team resource carries the team tag; the platform's shared ones carry "platform".
            // Untagged resources and list calls (no resource tag) are not affected.
            Sid: "DenyOtherTeamsSageMakerResources",
            Effect: "Deny",
            Action: "sagemaker:*",
            Resource: "*",
            Condition: {
                StringNotEquals: { "aws:ResourceTag/team": [s.team, PLATFORM_TEAM] },
                Null: { "aws:ResourceTag/team": "false" },
            },
        },
        {
            // I1, N8: a role the admin creates (or an execution role) opening a teammate's profile
            // would skip the perimeter, which binds only the scientist role to the user's own
            // profile and to the corporate network or the platform's endpoints.
            Sid: "DenySessionsExceptScientistRole",
            Effect: "Deny",
            Action: SESSION_ACTIONS,
            Resource: "*",
            Condition: { ArnNotLike: { "aws:PrincipalArn": s.roleArns.scientist } },
        },
        {
            // I1, I2: the studiouserid tag decides who opens a profile; the team tag, which team owns
            // it. No team role re-tags a profile (the platform tags them at creation, as deployer).
            Sid: "DenyUserProfileTagChanges",
            Effect: "Deny",
            Action: ["sagemaker:AddTags", "sagemaker:DeleteTags"],
            Resource: `arn:${s.partition}:sagemaker:*:*:user-profile/*`,
        },
        // G2 for Studio apps and spaces: a role the admin creates carries no guardrail policy, and
        // CreateApp/CreateSpace are not creator-only. Job types need no cap here: only the
        // guardrailed creator roles may create jobs (DenyCreateExceptGuardrailedRoles).
        splitInstanceTypeGuardrails(s.jobInstanceTypes, s.appInstanceTypes)[1],
        // No Deny for passing roles to another service: PassTeamRolesToSageMakerOnly allows PassRole
        // only with iam:PassedToService = SageMaker, and the boundary is an allow-list. No Deny for
        // remote access to spaces either: StartSession is denied above to every role but the
        // scientist's, which no policy allows it; the execution roles' guardrails deny
        // RemoteAccess ENABLED (DenySpaceRemoteAccess).
        // No Deny for removing the boundary, changing the team's policies or creating roles without
        // the boundary: a boundary is an allow-list, and it allows none of iam:DeleteRolePermissionsBoundary,
        // iam:CreatePolicyVersion/DeletePolicy/DeletePolicyVersion/SetDefaultPolicyVersion, and
        // iam:CreateRole/PutRolePermissionsBoundary only with `iam:PermissionsBoundary` = this policy
        // (DelegatedRolesUnderBoundary). Explicit Denies of the same would cost 600 of its 6,144 characters.
    ] satisfies Statement[]);
}
