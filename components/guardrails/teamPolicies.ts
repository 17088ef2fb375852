/**
 * Permission policies of a team's roles (I3, I4): one least-privilege inline policy per role.
 * Allows only; the SageMaker guardrail Denies (N3, N4, E2-E6, G1-G3) are in the team's
 * guardrail policy (`teamGuardrailPolicy`, attached to every team role) and the permission
 * boundary caps every team role, including those the team admin creates.
 *
 * Every ARN is the team's own (buckets, key, roles, parameters) or carries the team tag
 * condition, so a team's role never admits another team's resources.
 */
import { PolicyDocument, Statement, policyDocument } from "./document";
import { KMS_GRANT_ACTIONS, KMS_USAGE_ACTIONS } from "./kmsKeyPolicy";
import { servicePrincipal } from "./arns";
import { TeamBucketPurpose, TeamDocumentScope, TeamRoleKind, delegatedRoleArnPattern, executionRoleArns, parameterArns, sagemakerArn } from "./teamScope";

const sm = (actions: string[]) => actions.map((a) => `sagemaker:${a}`);

/** SageMaker resources a creator role may create, by resource type (ARN segment). */
export const TEAM_CREATE_ACTIONS: Record<string, string[]> = {
    "training-job": sm(["CreateTrainingJob"]),
    "processing-job": sm(["CreateProcessingJob"]),
    "hyper-parameter-tuning-job": sm(["CreateHyperParameterTuningJob"]),
    "transform-job": sm(["CreateTransformJob"]),
    model: sm(["CreateModel"]),
    "endpoint-config": sm(["CreateEndpointConfig"]),
    endpoint: sm(["CreateEndpoint"]),
};

/** Reading and stopping the team's own SageMaker resources (matched by the team tag). */
const TEAM_MANAGE_ACTIONS = sm([
    "DescribeTrainingJob",
    "StopTrainingJob",
    "DescribeProcessingJob",
    "StopProcessingJob",
    "DescribeHyperParameterTuningJob",
    "StopHyperParameterTuningJob",
    "DescribeTransformJob",
    "StopTransformJob",
    "DescribeModel",
    "DeleteModel",
    "DescribeEndpointConfig",
    "DeleteEndpointConfig",
    "DescribeEndpoint",
    "DeleteEndpoint",
    "UpdateEndpoint",
    "InvokeEndpoint",
    "ListTags",
]);

/** List actions: they support no resource type, so their Resource must be "*" (they return names only). */
const SAGEMAKER_LIST_ACTIONS = sm([
    "ListTrainingJobs",
    "ListProcessingJobs",
    "ListHyperParameterTuningJobs",
    "ListTransformJobs",
    "ListModels",
    "ListEndpointConfigs",
    "ListEndpoints",
    "ListDomains",
    "ListUserProfiles",
    "ListApps",
    "ListSpaces",
]);

const S3_READ_OBJECT = ["s3:GetObject", "s3:GetObjectVersion", "s3:GetObjectTagging"];
const S3_WRITE_OBJECT = ["s3:PutObject", "s3:PutObjectTagging", "s3:DeleteObject", "s3:AbortMultipartUpload", "s3:ListMultipartUploadParts"];
const S3_READ_BUCKET = ["s3:ListBucket", "s3:GetBucketLocation"];
const S3_WRITE_BUCKET = ["s3:ListBucketMultipartUploads"];

export type BucketAccess = Partial<Record<TeamBucketPurpose, "read" | "readwrite">>;

/** What each role may do with each team bucket (separate duties per role, as Data Science on AWS chapter 12 asks; docs/sources.md). */
export const BUCKET_ACCESS: Record<TeamRoleKind, BucketAccess> = {
    admin: {},
    scientist: {},
    studio: { data: "readwrite", models: "readwrite", outputs: "readwrite" },
    space: { data: "readwrite", models: "readwrite", outputs: "readwrite" },
    training: { data: "read", models: "readwrite", outputs: "readwrite" },
    processing: { data: "readwrite", models: "read", outputs: "readwrite" },
    hosting: { models: "read", outputs: "readwrite" },
};

/** S3 statements for the team buckets a role may use. */
function teamBucketStatements(s: TeamDocumentScope, access: BucketAccess): Statement[] {
    const purposes = Object.keys(access) as TeamBucketPurpose[];
    if (purposes.length === 0) return [];
    const read = purposes.map((p) => s.bucketArns[p]);
    const write = purposes.filter((p) => access[p] === "readwrite").map((p) => s.bucketArns[p]);
    const statements: Statement[] = [
        { Sid: "TeamBucketsList", Effect: "Allow", Action: [...S3_READ_BUCKET, ...(write.length > 0 ? S3_WRITE_BUCKET : [])], Resource: read },
        { Sid: "TeamBucketsRead", Effect: "Allow", Action: S3_READ_OBJECT, Resource: read.map((b) => `${b}/*`) },
    ];
    if (write.length > 0) {
        statements.push({ Sid: "TeamBucketsWrite", Effect: "Allow", Action: S3_WRITE_OBJECT, Resource: write.map((b) => `${b}/*`) });
    }
    return statements;
}

/** The shared data lake, only through the team's access point and only under the team's prefix. */
function teamDataLakeStatements(s: TeamDocumentScope): Statement[] {
    if (!s.dataLake) return [];
    const { accessPointArn, prefix } = s.dataLake;
    return [
        {
            Sid: "DataLakeListTeamPrefix",
            Effect: "Allow",
            Action: "s3:ListBucket",
            Resource: accessPointArn,
            Condition: { StringLike: { "s3:prefix": [prefix, `${prefix}*`] } },
        },
        {
            Sid: "DataLakeTeamObjects",
            Effect: "Allow",
            Action: [...S3_READ_OBJECT, ...S3_WRITE_OBJECT],
            Resource: `${accessPointArn}/object/${prefix}*`,
        },
        {
            Sid: "DataLakeKeyThroughS3",
            Effect: "Allow",
            Action: ["kms:Decrypt", "kms:GenerateDataKey*", "kms:DescribeKey"],
            Resource: s.dataLake.keyArn,
            Condition: { StringEquals: { "kms:ViaService": `s3.${s.region}.amazonaws.com${s.partition === "aws-cn" ? ".cn" : ""}` } },
        },
    ];
}

/** The team key, directly and for grants to AWS resources (EBS volumes of jobs and apps). */
function teamKeyStatements(s: TeamDocumentScope): Statement[] {
    return [
        { Sid: "TeamKeyUse", Effect: "Allow", Action: KMS_USAGE_ACTIONS, Resource: s.kmsKeyArn },
        {
            Sid: "TeamKeyGrantsForAwsResources",
            Effect: "Allow",
            Action: KMS_GRANT_ACTIONS,
            Resource: s.kmsKeyArn,
            Condition: { Bool: { "kms:GrantIsForAWSResource": "true" } },
        },
    ];
}

/** I4: pass only the team's execution roles (and the ones its admin creates), only to SageMaker. */
export function passTeamRolesStatement(s: TeamDocumentScope, roles: string[]): Statement {
    return {
        Sid: "PassTeamRolesToSageMakerOnly",
        Effect: "Allow",
        Action: "iam:PassRole",
        Resource: [...roles, delegatedRoleArnPattern(s)],
        Condition: { StringEquals: { "iam:PassedToService": servicePrincipal("sagemaker", s.partition) } },
    };
}

/** The team's parameters (VPC, subnets, key, buckets), read by the Studio lifecycle script. */
export function teamParameterStatement(s: TeamDocumentScope): Statement {
    return {
        Sid: "ReadTeamParameters",
        Effect: "Allow",
        Action: ["ssm:GetParameter", "ssm:GetParameters", "ssm:GetParametersByPath"],
        Resource: parameterArns(s),
    };
}

/** What any SageMaker-run workload needs: logs, metrics, images, packages, VPC network interfaces. */
export function workloadRuntimeStatements(s: TeamDocumentScope): Statement[] {
    const logGroup = `arn:${s.partition}:logs:${s.region}:${s.accountId}:log-group:/aws/sagemaker/*`;
    const ecrRepos = [s.sharedServicesAccountId, s.accountId].map((a) => `arn:${s.partition}:ecr:${s.region}:${a}:repository/*`);
    const ec2 = `arn:${s.partition}:ec2:${s.region}:${s.accountId}`;
    const vpcArn = `${ec2}:vpc/${s.vpcId}`;
    const codeartifact = (resource: string) => `arn:${s.partition}:codeartifact:${s.region}:${s.sharedServicesAccountId}:${resource}`;
    return [
        {
            Sid: "SageMakerLogs",
            Effect: "Allow",
            Action: ["logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"],
            Resource: [logGroup, `${logGroup}:log-stream:*`],
        },
        {
            // PutMetricData supports no resource type; the namespace condition scopes it.
            Sid: "SageMakerMetrics",
            Effect: "Allow",
            Action: "cloudwatch:PutMetricData",
            Resource: "*",
            Condition: { StringLike: { "cloudwatch:namespace": ["/aws/sagemaker/*", "aws/sagemaker/*"] } },
        },
        {
            // GetAuthorizationToken supports no resource type; the token alone reads nothing.
            Sid: "EcrToken",
            Effect: "Allow",
            Action: "ecr:GetAuthorizationToken",
            Resource: "*",
        },
        {
            Sid: "EcrPullPlatformImages",
            Effect: "Allow",
            Action: ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer", "ecr:BatchCheckLayerAvailability"],
            Resource: ecrRepos,
        },
        {
            // S1: packages only from the approved CodeArtifact repository.
            Sid: "CodeArtifactApprovedRead",
            Effect: "Allow",
            Action: ["codeartifact:GetAuthorizationToken", "codeartifact:GetRepositoryEndpoint", "codeartifact:ReadFromRepository"],
            Resource: [codeartifact("domain/*"), codeartifact("repository/*/approved")],
        },
        {
            Sid: "CodeArtifactBearerToken",
            Effect: "Allow",
            Action: "sts:GetServiceBearerToken",
            Resource: "*",
            Condition: { StringEquals: { "sts:AWSServiceName": "codeartifact.amazonaws.com" } },
        },
        {
            // SageMaker places the job's network interfaces in the platform VPC (N3) with the role's
            // credentials. A new interface has no VPC key yet; its subnet and security group do.
            Sid: "VpcNetworkInterfaceCreate",
            Effect: "Allow",
            Action: "ec2:CreateNetworkInterface",
            Resource: `${ec2}:network-interface/*`,
        },
        {
            Sid: "VpcNetworkInterfaceInPlatformVpc",
            Effect: "Allow",
            Action: "ec2:CreateNetworkInterface",
            Resource: [`${ec2}:subnet/*`, `${ec2}:security-group/*`],
            Condition: { ArnEquals: { "ec2:Vpc": vpcArn } },
        },
        {
            Sid: "VpcNetworkInterfaceManage",
            Effect: "Allow",
            Action: ["ec2:DeleteNetworkInterface", "ec2:CreateNetworkInterfacePermission", "ec2:DeleteNetworkInterfacePermission"],
            Resource: `${ec2}:network-interface/*`,
            Condition: { ArnEquals: { "ec2:Vpc": vpcArn } },
        },
        {
            // Describe actions support no resource type.
            Sid: "VpcDescribe",
            Effect: "Allow",
            Action: ["ec2:DescribeNetworkInterfaces", "ec2:DescribeVpcs", "ec2:DescribeDhcpOptions", "ec2:DescribeSubnets", "ec2:DescribeSecurityGroups"],
            Resource: "*",
        },
    ];
}

/**
 * Creating SageMaker resources: only with the team tag (G1; the guardrail policy denies the
 * other mandatory tags missing), and AddTags only while creating (`extraTaggingActions`: the
 * Studio roles' CreateSpace and CreateApp, which Studio tags because the domain propagates tags).
 */
function sagemakerCreateStatements(s: TeamDocumentScope, extraTaggingActions: string[] = []): Statement[] {
    const resources = Object.keys(TEAM_CREATE_ACTIONS).map((type) => sagemakerArn(s, `${type}/*`));
    return [
        {
            Sid: "CreateTeamTaggedSageMakerResources",
            Effect: "Allow",
            Action: Object.values(TEAM_CREATE_ACTIONS).flat(),
            Resource: resources,
            Condition: { StringEquals: { "aws:RequestTag/team": s.team } },
        },
        {
            // CreateEndpoint also authorises the endpoint configuration it deploys: the team's only.
            Sid: "DeployTeamTaggedEndpointConfigs",
            Effect: "Allow",
            Action: "sagemaker:CreateEndpoint",
            Resource: sagemakerArn(s, "endpoint-config/*"),
            Condition: { StringEquals: { "aws:ResourceTag/team": s.team } },
        },
        {
            // Any resource of the account, but only while one of the named actions creates it:
            // sagemaker:TaggingAction binds the tags to the creating call, which is itself scoped.
            Sid: "TagOnCreateOnly",
            Effect: "Allow",
            Action: "sagemaker:AddTags",
            Resource: sagemakerArn(s, "*"),
            Condition: {
                StringEquals: {
                    "sagemaker:TaggingAction": [...Object.values(TEAM_CREATE_ACTIONS).flat(), ...extraTaggingActions].map((a) => a.replace("sagemaker:", "")),
                },
            },
        },
    ];
}

/** Reading, stopping and deleting the team's SageMaker resources, by team tag. */
function sagemakerManageStatements(s: TeamDocumentScope): Statement[] {
    return [
        {
            Sid: "ManageTeamTaggedSageMakerResources",
            Effect: "Allow",
            Action: TEAM_MANAGE_ACTIONS,
            Resource: Object.keys(TEAM_CREATE_ACTIONS).map((type) => sagemakerArn(s, `${type}/*`)),
            Condition: { StringEquals: { "aws:ResourceTag/team": s.team } },
        },
        { Sid: "ListSageMakerResources", Effect: "Allow", Action: SAGEMAKER_LIST_ACTIONS, Resource: "*" },
    ];
}

/**
 * The user profile of the Studio session that makes the request. The domains set the profile name
 * as the session's source identity (`executionRoleIdentityConfig: USER_PROFILE_NAME`, I5), a global
 * key on every request of the session, so `${aws:SourceIdentity}` names the caller's profile. AWS's
 * example uses `${sagemaker:DomainId}/${sagemaker:UserProfileName}` instead; those keys are set
 * only by Studio itself and are no action's condition keys, so no simulator can evaluate them and
 * the IAM proofs could not show the owner rule holds. The scope has no domain id (the domain is
 * made after the roles), hence the domain wildcard: a same-named profile in another team's domain
 * would match, but a space runs as its owner's role and opens only for its owner (I1).
 */
const SESSION_PROFILE = "${aws:SourceIdentity}";

/** ARN pattern of the user profile whose Studio session makes the request: the owner a private space must have. */
export function sessionProfileArn(s: Pick<TeamDocumentScope, "partition" | "region" | "accountId">): string {
    return `arn:${s.partition}:sagemaker:${s.region}:${s.accountId}:user-profile/*/${SESSION_PROFILE}`;
}

/** Actions Studio calls with the execution role to create and run a user's spaces and apps. */
export const STUDIO_SPACE_ACTIONS = sm(["CreateSpace", "UpdateSpace", "DeleteSpace"]);
export const STUDIO_APP_ACTIONS = sm(["CreateApp", "DeleteApp"]);
/** The Studio creations that Studio tags with the execution role. */
const STUDIO_TAGGING_ACTIONS = sm(["CreateSpace", "CreateApp"]);

/**
 * What the Studio UI does with the execution role of a profile or space, after AWS's owner model
 * ("Give your users access to spaces", docs/sources.md): a user creates, changes and deletes only
 * spaces their own profile owns (`sagemaker:OwnerUserProfileArn`), runs apps in their own private
 * spaces and in the team's shared spaces (`sagemaker:SpaceSharingType`), and Studio tags what it
 * creates (the domain propagates tags, so CreateSpace and CreateApp each call AddTags with
 * `sagemaker:TaggingAction`; without it the first launch fails with AccessDenied: TagOnCreateOnly
 * with STUDIO_TAGGING_ACTIONS).
 * A session without a source identity (not a Studio session) matches none of the owner Allows.
 */
function studioAppStatements(s: TeamDocumentScope): Statement[] {
    const owner = sessionProfileArn(s);
    const apps = sagemakerArn(s, "app/*/*/*/*");
    return [
        {
            // The four actions each take only their own resource type: the account's ARNs are the scope.
            Sid: "StudioDescribe",
            Effect: "Allow",
            Action: sm(["DescribeDomain", "DescribeUserProfile", "DescribeSpace", "DescribeApp"]),
            Resource: sagemakerArn(s, "*"),
        },
        {
            Sid: "OwnSpaces",
            Effect: "Allow",
            Action: STUDIO_SPACE_ACTIONS,
            Resource: sagemakerArn(s, "space/*/*"),
            Condition: { ArnLike: { "sagemaker:OwnerUserProfileArn": owner } },
        },
        {
            Sid: "AppsInOwnPrivateSpaces",
            Effect: "Allow",
            Action: STUDIO_APP_ACTIONS,
            Resource: apps,
            Condition: { ArnLike: { "sagemaker:OwnerUserProfileArn": owner }, StringEquals: { "sagemaker:SpaceSharingType": "Private" } },
        },
        {
            Sid: "AppsInSharedSpaces",
            Effect: "Allow",
            Action: STUDIO_APP_ACTIONS,
            Resource: apps,
            Condition: { StringEquals: { "sagemaker:SpaceSharingType": "Shared" } },
        },
    ];
}

/** Execution role of Studio user profiles (team-wide or per user) and of the team's shared space. */
function studioExecutionPolicy(s: TeamDocumentScope, kind: "studio" | "space"): PolicyDocument {
    const jobRoles = [s.roleArns.training, s.roleArns.processing, s.roleArns.hosting];
    return policyDocument([
        ...teamBucketStatements(s, BUCKET_ACCESS[kind]),
        ...teamDataLakeStatements(s),
        ...teamKeyStatements(s),
        ...sagemakerCreateStatements(s, STUDIO_TAGGING_ACTIONS),
        ...sagemakerManageStatements(s),
        ...studioAppStatements(s),
        passTeamRolesStatement(s, jobRoles),
        teamParameterStatement(s),
        ...workloadRuntimeStatements(s),
    ]);
}

/** Training, processing and hosting roles: data, key and runtime only; they create nothing. */
function jobExecutionPolicy(s: TeamDocumentScope, kind: "training" | "processing" | "hosting"): PolicyDocument {
    return policyDocument([
        ...teamBucketStatements(s, BUCKET_ACCESS[kind]),
        ...(kind === "hosting" ? [] : teamDataLakeStatements(s)),
        ...teamKeyStatements(s),
        ...workloadRuntimeStatements(s),
    ]);
}

/**
 * The human data-scientist role: sees and stops only their own Studio apps and profile, keyed on
 * the `studiouserid` session tag. Opening Studio (CreatePresignedDomainUrl, I1/N8) is added by the
 * Studio domain's perimeter policy; work happens in Studio under the execution roles.
 */
function dataScientistPolicy(s: TeamDocumentScope): PolicyDocument {
    return policyDocument([
        {
            Sid: "OwnUserProfile",
            Effect: "Allow",
            Action: "sagemaker:DescribeUserProfile",
            Resource: sagemakerArn(s, "user-profile/*/*"),
            Condition: { StringEquals: { "sagemaker:ResourceTag/studiouserid": "${aws:PrincipalTag/studiouserid}" } },
        },
        {
            Sid: "OwnApps",
            Effect: "Allow",
            Action: sm(["DescribeApp", "DeleteApp"]),
            Resource: sagemakerArn(s, "app/*/${aws:PrincipalTag/studiouserid}/*/*"),
        },
        { Sid: "DescribeDomains", Effect: "Allow", Action: "sagemaker:DescribeDomain", Resource: sagemakerArn(s, "domain/*") },
        { Sid: "ListStudio", Effect: "Allow", Action: sm(["ListDomains", "ListUserProfiles", "ListApps", "ListSpaces"]), Resource: "*" },
        teamParameterStatement(s),
    ]);
}

/** IAM actions the team admin needs to create roles, always under the boundary. */
const DELEGATION_BOUNDED_ACTIONS = [
    "iam:CreateRole",
    "iam:PutRolePermissionsBoundary",
    "iam:PutRolePolicy",
    "iam:AttachRolePolicy",
    "iam:DetachRolePolicy",
    "iam:DeleteRolePolicy",
];

/**
 * Role delegation: the team admin creates roles only under the team's delegated path and only
 * with the team's permission boundary, so nothing it creates exceeds the boundary.
 */
export function iamDelegationStatements(s: TeamDocumentScope): Statement[] {
    const delegated = delegatedRoleArnPattern(s);
    return [
        {
            Sid: "DelegatedRolesUnderBoundary",
            Effect: "Allow",
            Action: DELEGATION_BOUNDED_ACTIONS,
            Resource: delegated,
            Condition: { StringEquals: { "iam:PermissionsBoundary": s.boundaryPolicyArn } },
        },
        {
            Sid: "DelegatedRolesLifecycle",
            Effect: "Allow",
            Action: ["iam:DeleteRole", "iam:TagRole", "iam:UntagRole", "iam:UpdateRole", "iam:UpdateRoleDescription"],
            Resource: delegated,
        },
        {
            Sid: "ReadTeamRoles",
            Effect: "Allow",
            Action: ["iam:GetRole", "iam:GetRolePolicy", "iam:ListRolePolicies", "iam:ListAttachedRolePolicies"],
            Resource: `arn:${s.partition}:iam::${s.accountId}:role${s.rolePath}*`,
        },
    ];
}

export function teamBudgetStatement(s: TeamDocumentScope): Statement {
    return {
        Sid: "ReadTeamBudget",
        Effect: "Allow",
        Action: "budgets:ViewBudget",
        Resource: `arn:${s.partition}:budgets::${s.accountId}:budget/${s.budgetName}`,
    };
}

/**
 * The team admin: manages the team's SageMaker resources, creates roles for the team only under
 * the team's permission boundary and path, reads the team's budget and parameters.
 */
function teamAdminPolicy(s: TeamDocumentScope): PolicyDocument {
    return policyDocument([
        ...sagemakerCreateStatements(s),
        ...sagemakerManageStatements(s),
        ...iamDelegationStatements(s),
        passTeamRolesStatement(s, executionRoleArns(s)),
        teamBudgetStatement(s),
        teamParameterStatement(s),
    ]);
}

/** Permission policy of a role kind. */
export function teamRolePolicy(s: TeamDocumentScope, kind: TeamRoleKind): PolicyDocument {
    switch (kind) {
        case "admin":
            return teamAdminPolicy(s);
        case "scientist":
            return dataScientistPolicy(s);
        case "studio":
        case "space":
            return studioExecutionPolicy(s, kind);
        default:
            return jobExecutionPolicy(s, kind);
    }
}
