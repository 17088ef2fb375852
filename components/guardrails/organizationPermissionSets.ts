/**
 * IAM Identity Center permission sets for the team groups of the multi-account foundations post (docs/sources.md) (TeamLead, DataScientist,
 * MLEngineer, DataEngineer), as inline policies (I3). The blog gives TeamLead AdministratorAccess
 * and the platform groups PowerUserAccess; here every persona gets only what its work needs, and
 * every set carries the SageMaker guardrail denies of sagemaker.ts, so a permission set can never
 * grant what the SCP and the team boundaries forbid (defence in depth where SCPs do not apply,
 * e.g. a workload account outside the Workloads OU).
 */
import { Statement, PolicyDocument, policyDocument } from "./document";
import { documentSize } from "./organization";
import {
    TAGGABLE_CREATE_ACTIONS,
    interContainerEncryptionGuardrails,
    jobGuardrails,
    notebookInstanceGuardrails,
    instanceTypeGuardrails,
    splitInstanceTypeGuardrails,
} from "./sagemaker";
import { STUDIO_USER_TAG, presignedUrlNetworkDeny, profileBindingDenies } from "./studioAccess";

/**
 * A permission set's inline policy becomes an inline policy of the IAM role Identity Center
 * provisions in each account, so the IAM limit on a role's inline policies (10,240 characters)
 * is the binding one.
 */
export const PERMISSION_SET_POLICY_MAX_CHARS = 10240;

export const PERMISSION_SET_NAMES = ["TeamLead", "DataScientist", "MLEngineer", "DataEngineer"] as const;
export type PermissionSetName = (typeof PERMISSION_SET_NAMES)[number];

export interface PermissionSetScope {
    partition: string;
    region: string;
    /** Physical-name prefix of the platform (`acme-prod`): roles and buckets the personas may touch. */
    namePrefix: string;
    /** Instance types allowed (G2): jobs and endpoints, and apps unless appInstanceTypes is set. */
    allowedInstanceTypes: string[];
    /** Instance types of Studio apps and spaces (G2). Default: allowedInstanceTypes. */
    appInstanceTypes?: string[];
    /**
     * Corporate ranges from which a persona may open Studio (N8). A permission set is provisioned
     * into every account and cannot name the accounts' VPC endpoints, so the range is the only
     * network test; without one, no persona opens Studio (users go through the team's scientist
     * role and its perimeter).
     */
    studioSourceIps?: string[];
}

/** Team tag of the caller: Identity Center passes the `team` user attribute as a session tag (ABAC). */
const CALLER_TEAM = "${aws:PrincipalTag/team}";

const JOB_ACTIONS = [
    "sagemaker:CreateTrainingJob",
    "sagemaker:CreateProcessingJob",
    "sagemaker:CreateTransformJob",
    "sagemaker:CreateHyperParameterTuningJob",
    "sagemaker:CreateAutoMLJob",
    "sagemaker:CreateAutoMLJobV2",
    "sagemaker:StopTrainingJob",
    "sagemaker:StopProcessingJob",
    "sagemaker:StopTransformJob",
    "sagemaker:StopHyperParameterTuningJob",
    "sagemaker:StopAutoMLJob",
    "sagemaker:CreateExperiment",
];

const HOSTING_ACTIONS = [
    "sagemaker:CreateModel",
    "sagemaker:DeleteModel",
    "sagemaker:CreateEndpointConfig",
    "sagemaker:DeleteEndpointConfig",
    "sagemaker:CreateEndpoint",
    "sagemaker:UpdateEndpoint",
    "sagemaker:DeleteEndpoint",
    "sagemaker:CreateModelPackage",
    "sagemaker:CreateModelPackageGroup",
    "sagemaker:UpdateModelPackage",
    "sagemaker:CreatePipeline",
    "sagemaker:UpdatePipeline",
    "sagemaker:StartPipelineExecution",
];

function readSageMaker(): Statement {
    return {
        Sid: "ReadSageMaker",
        Effect: "Allow",
        Action: ["sagemaker:Describe*", "sagemaker:List*", "sagemaker:Search", "sagemaker:Get*"],
        Resource: "*",
    };
}

/**
 * I1, N8: a user opens only the Studio profile tagged with their own studiouserid (an ABAC
 * attribute of Identity Center), of their own team, from the corporate ranges: the perimeter's
 * denies (studioAccess.ts), less the endpoint test a permission set cannot name.
 */
function openOwnStudioProfile(scope: PermissionSetScope): Statement[] {
    const ips = scope.studioSourceIps ?? [];
    if (ips.length === 0) {
        return [{ Sid: "DenyStudioWithoutCorporateRange", Effect: "Deny", Action: "sagemaker:CreatePresignedDomainUrl", Resource: "*" }];
    }
    return [
        {
            Sid: "OpenOwnStudioProfile",
            Effect: "Allow",
            Action: "sagemaker:CreatePresignedDomainUrl",
            Resource: `arn:${scope.partition}:sagemaker:${scope.region}:*:user-profile/*/*`,
            Condition: {
                StringEquals: {
                    [`sagemaker:ResourceTag/${STUDIO_USER_TAG}`]: `\${aws:PrincipalTag/${STUDIO_USER_TAG}}`,
                    "aws:ResourceTag/team": CALLER_TEAM,
                },
            },
        },
        ...profileBindingDenies(),
        presignedUrlNetworkDeny(ips, []),
    ];
}

/**
 * I3: another team's SageMaker resources are out of reach (the team tag decides; a caller without a
 * team tag reaches no tagged resource), new resources carry the caller's team, and tags change only
 * while creating (`sagemaker:TaggingAction`), never on an existing resource: re-tagging a profile's
 * studiouserid would open it.
 */
function teamScopeStatements(): Statement[] {
    return [
        {
            Sid: "TagOnCreateOnly",
            Effect: "Allow",
            Action: "sagemaker:AddTags",
            Resource: "*",
            Condition: { Null: { "sagemaker:TaggingAction": "false" }, StringEquals: { "aws:RequestTag/team": CALLER_TEAM } },
        },
        {
            Sid: "DenyOtherTeamsSageMakerResources",
            Effect: "Deny",
            Action: "sagemaker:*",
            Resource: "*",
            Condition: { StringNotEquals: { "aws:ResourceTag/team": CALLER_TEAM }, Null: { "aws:ResourceTag/team": "false" } },
        },
        {
            Sid: "DenyCreateForOtherTeams",
            Effect: "Deny",
            Action: TAGGABLE_CREATE_ACTIONS,
            Resource: "*",
            Condition: { StringNotEquals: { "aws:RequestTag/team": CALLER_TEAM } },
        },
        {
            Sid: "DenyTagChangesOutsideCreate",
            Effect: "Deny",
            Action: "sagemaker:AddTags",
            Resource: "*",
            Condition: { Null: { "sagemaker:TaggingAction": "true" } },
        },
        // Removing a tag is never part of creating: no persona removes tags (a profile without its
        // team tag falls out of every team's reach, including the deny above).
        { Sid: "DenyTagRemoval", Effect: "Deny", Action: "sagemaker:DeleteTags", Resource: "*" },
    ];
}

/**
 * I4: pass only the caller's team's roles, only to SageMaker. Team roles live under
 * `/secure-ds/<org>-<env>/<team>/` (components/team/names.ts).
 */
function passPlatformRolesToSageMaker(scope: PermissionSetScope): Statement {
    return {
        Sid: "PassPlatformRolesToSageMaker",
        Effect: "Allow",
        Action: "iam:PassRole",
        Resource: `arn:${scope.partition}:iam::*:role/secure-ds/${scope.namePrefix}/${CALLER_TEAM}/*`,
        Condition: { StringEquals: { "iam:PassedToService": "sagemaker.amazonaws.com" } },
    };
}

function readSageMakerLogs(scope: PermissionSetScope): Statement {
    return {
        Sid: "ReadSageMakerLogs",
        Effect: "Allow",
        Action: ["logs:DescribeLogStreams", "logs:GetLogEvents", "logs:FilterLogEvents"],
        Resource: `arn:${scope.partition}:logs:${scope.region}:*:log-group:/aws/sagemaker/*`,
    };
}

function platformData(scope: PermissionSetScope, write: boolean): Statement[] {
    const buckets = `arn:${scope.partition}:s3:::${scope.namePrefix}-*`;
    return [
        {
            Sid: write ? "ReadWritePlatformData" : "ReadPlatformData",
            Effect: "Allow",
            Action: ["s3:ListBucket", "s3:GetObject", "s3:GetObjectVersion", ...(write ? ["s3:PutObject", "s3:DeleteObject"] : [])],
            Resource: [buckets, `${buckets}/*`],
        },
        {
            // Team keys are used only by S3 on the caller's behalf, never directly. A permission set
            // is provisioned into every member account and cannot name their key ARNs, hence key/*
            // (I3 exception, iam-no-decrypt-on-all-keys): kms:ViaService limits it to S3 requests,
            // the platform-data statement above limits those to the platform's buckets, and each
            // key policy still has to admit the caller.
            Sid: "UseKeysThroughS3JustifiedWildcard",
            Effect: "Allow",
            Action: ["kms:Decrypt", "kms:GenerateDataKey"],
            Resource: `arn:${scope.partition}:kms:${scope.region}:*:key/*`,
            Condition: { StringEquals: { "kms:ViaService": `s3.${scope.region}.amazonaws.com` } },
        },
    ];
}

function dataEngineering(): Statement {
    return {
        Sid: "CatalogAndQueries",
        Effect: "Allow",
        Action: [
            "glue:GetDatabase",
            "glue:GetDatabases",
            "glue:GetTable",
            "glue:GetTables",
            "glue:GetPartitions",
            "glue:CreateTable",
            "glue:UpdateTable",
            "athena:StartQueryExecution",
            "athena:GetQueryExecution",
            "athena:GetQueryResults",
            "athena:StopQueryExecution",
        ],
        Resource: "*",
    };
}

function readImages(): Statement {
    return {
        Sid: "ReadApprovedImages",
        Effect: "Allow",
        Action: ["ecr:DescribeImages", "ecr:ListImages", "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"],
        Resource: "*",
    };
}

function teamAdministration(): Statement[] {
    return [
        {
            Sid: "ManageTeamStudio",
            Effect: "Allow",
            // No CreateUserProfile: a profile created without an execution role runs as the domain's
            // default role, so a lead could work as any team's role without PassRole. Profiles come
            // from the stack config (StudioUserProfile). Update and delete only the team's
            // (DenyOtherTeamsSageMakerResources).
            Action: ["sagemaker:UpdateUserProfile", "sagemaker:DeleteUserProfile", "sagemaker:DeleteSpace", "sagemaker:DeleteApp"],
            Resource: "*",
            Condition: { StringEquals: { "aws:ResourceTag/team": CALLER_TEAM } },
        },
        { Sid: "ViewTeamCost", Effect: "Allow", Action: ["budgets:ViewBudget", "ce:GetCostAndUsage"], Resource: "*" },
        {
            // I6: image configurations are the platform's, even for team leads.
            Sid: "DenyImageConfigChanges",
            Effect: "Deny",
            Action: ["sagemaker:CreateAppImageConfig", "sagemaker:UpdateAppImageConfig", "sagemaker:DeleteAppImageConfig"],
            Resource: "*",
        },
    ];
}

function denyInsecureTransport(): Statement {
    return { Sid: "DenyInsecureTransport", Effect: "Deny", Action: "*", Resource: "*", Condition: { Bool: { "aws:SecureTransport": "false" } } };
}

/** The SageMaker denies every persona carries. */
function guardrailDenies(scope: PermissionSetScope): Statement[] {
    return [
        ...jobGuardrails(),
        ...interContainerEncryptionGuardrails(),
        ...notebookInstanceGuardrails(),
        ...(scope.appInstanceTypes
            ? splitInstanceTypeGuardrails(scope.allowedInstanceTypes, scope.appInstanceTypes)
            : instanceTypeGuardrails(scope.allowedInstanceTypes)),
    ];
}

/** The inline policy of each permission set. Throws, naming the set, when one exceeds the size limit. */
export function permissionSetPolicies(scope: PermissionSetScope): Record<PermissionSetName, PolicyDocument> {
    const scientist = [
        readSageMaker(),
        ...openOwnStudioProfile(scope),
        { Sid: "RunJobs", Effect: "Allow" as const, Action: JOB_ACTIONS, Resource: "*" },
        ...teamScopeStatements(),
        passPlatformRolesToSageMaker(scope),
        readSageMakerLogs(scope),
    ];
    const engineer = [...scientist, { Sid: "HostModels", Effect: "Allow" as const, Action: HOSTING_ACTIONS, Resource: "*" }, readImages()];
    const docs: Record<PermissionSetName, PolicyDocument> = {
        DataScientist: policyDocument([...scientist, ...platformData(scope, false), denyInsecureTransport(), ...guardrailDenies(scope)]),
        MLEngineer: policyDocument([...engineer, ...platformData(scope, false), denyInsecureTransport(), ...guardrailDenies(scope)]),
        DataEngineer: policyDocument([readSageMaker(), ...platformData(scope, true), dataEngineering(), denyInsecureTransport()]),
        TeamLead: policyDocument([...engineer, ...platformData(scope, true), ...teamAdministration(), denyInsecureTransport(), ...guardrailDenies(scope)]),
    };
    for (const [name, doc] of Object.entries(docs)) {
        const size = documentSize(doc);
        if (size > PERMISSION_SET_POLICY_MAX_CHARS) {
            throw new Error(
                `permission set ${name}: inline policy is ${size} characters; the limit is ${PERMISSION_SET_POLICY_MAX_CHARS}. Shorten the instance-type allow-list.`,
            );
        }
    }
    return docs;
}
