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
import { interContainerEncryptionGuardrails, jobGuardrails, notebookInstanceGuardrails, instanceTypeGuardrails } from "./sagemaker";

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
    /** Instance types allowed (G2). */
    allowedInstanceTypes: string[];
}

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
    "sagemaker:AddTags",
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

/** I1: a user opens only the Studio profile tagged with their own studiouserid (an ABAC attribute of Identity Center). */
function openOwnStudioProfile(): Statement {
    return {
        Sid: "OpenOwnStudioProfile",
        Effect: "Allow",
        Action: "sagemaker:CreatePresignedDomainUrl",
        Resource: "*",
        Condition: { StringEquals: { "sagemaker:ResourceTag/studiouserid": "${aws:PrincipalTag/studiouserid}" } },
    };
}

/** I4: pass only the platform's roles, and only to SageMaker. */
function passPlatformRolesToSageMaker(scope: PermissionSetScope): Statement {
    return {
        Sid: "PassPlatformRolesToSageMaker",
        Effect: "Allow",
        Action: "iam:PassRole",
        Resource: `arn:${scope.partition}:iam::*:role/${scope.namePrefix}-*`,
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
            Action: [
                "sagemaker:CreateUserProfile",
                "sagemaker:UpdateUserProfile",
                "sagemaker:DeleteUserProfile",
                "sagemaker:CreateSpace",
                "sagemaker:UpdateSpace",
                "sagemaker:DeleteSpace",
                "sagemaker:DeleteApp",
            ],
            Resource: "*",
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
        ...instanceTypeGuardrails(scope.allowedInstanceTypes),
    ];
}

/** The inline policy of each permission set. Throws, naming the set, when one exceeds the size limit. */
export function permissionSetPolicies(scope: PermissionSetScope): Record<PermissionSetName, PolicyDocument> {
    const scientist = [
        readSageMaker(),
        openOwnStudioProfile(),
        { Sid: "RunJobs", Effect: "Allow" as const, Action: JOB_ACTIONS, Resource: "*" },
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
