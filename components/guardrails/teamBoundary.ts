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
    INSTANCE_TYPE_ACTIONS,
    OUTPUT_KMS_ACTIONS,
    TAGGABLE_CREATE_ACTIONS,
    VOLUME_KMS_ACTIONS,
    VPC_CONFIGURABLE_ACTIONS,
    instanceTypeGuardrails,
    interContainerEncryptionGuardrails,
    jobGuardrails,
    maxRuntimeGuardrails,
    networkIsolationGuardrails,
    requestTagGuardrails,
} from "./sagemaker";
import { servicePrincipal } from "./arns";
import { KMS_GRANT_ACTIONS, KMS_USAGE_ACTIONS } from "./kmsKeyPolicy";
import {
    TEAM_CREATE_ACTIONS,
    iamDelegationStatements,
    passTeamRolesStatement,
    teamBudgetStatement,
    teamParameterStatement,
    workloadRuntimeStatements,
} from "./teamPolicies";
import { CREATOR_ROLE_KINDS, PLATFORM_TEAM, TeamDocumentScope } from "./teamScope";

/** Studio app actions: their instance types come from the Studio allow-list, not the job list. */
const APP_INSTANCE_TYPE_ACTIONS = ["sagemaker:CreateApp", "sagemaker:CreateSpace", "sagemaker:UpdateSpace"].filter((a) => INSTANCE_TYPE_ACTIONS.includes(a));

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

/** Guardrails on cost and attribution: instance types (G2), max runtime (G3), mandatory tags (G1). */
export function teamCostTagGuardrails(s: TeamDocumentScope): PolicyDocument {
    const [jobs] = instanceTypeGuardrails(s.jobInstanceTypes);
    const [apps] = instanceTypeGuardrails(s.appInstanceTypes);
    return policyDocument([
        { ...jobs, Sid: "DenyJobInstanceTypesOffAllowList", Action: asArray(jobs.Action).filter((a) => !APP_INSTANCE_TYPE_ACTIONS.includes(a)) },
        { ...apps, Sid: "DenyAppInstanceTypesOffAllowList", Action: APP_INSTANCE_TYPE_ACTIONS },
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
            // Only the team's buckets (and its data-lake access point), never another team's.
            Sid: "TeamStorageCapJustifiedWildcard",
            Effect: "Allow",
            Action: "s3:*",
            Resource: [...bucketResources, ...lake],
        },
        { Sid: "TeamKeyCap", Effect: "Allow", Action: [...KMS_USAGE_ACTIONS, ...KMS_GRANT_ACTIONS], Resource: s.kmsKeyArn },
        ...(s.dataLake ? [{ Sid: "DataLakeKeyCap", Effect: "Allow" as const, Action: KMS_USAGE_ACTIONS, Resource: s.dataLake.keyArn }] : []),
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
            // Redundant with the PassedToService condition of the Allow above (kept: the IAM proofs
            // name it as the deciding statement, and it survives a later widening of that Allow).
            Sid: "DenyPassRoleExceptToSageMaker",
            Effect: "Deny",
            Action: "iam:PassRole",
            Resource: "*",
            Condition: { StringNotEquals: { "iam:PassedToService": servicePrincipal("sagemaker", s.partition) } },
        },
        // No Deny for removing the boundary, changing the team's policies or creating roles without
        // the boundary: a boundary is an allow-list, and it allows none of iam:DeleteRolePermissionsBoundary,
        // iam:CreatePolicyVersion/DeletePolicy/DeletePolicyVersion/SetDefaultPolicyVersion, and
        // iam:CreateRole/PutRolePermissionsBoundary only with `iam:PermissionsBoundary` = this policy
        // (DelegatedRolesUnderBoundary). Explicit Denies of the same would cost 600 of its 6,144 characters.
    ] satisfies Statement[]);
}
