import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { toPolicyJson } from "../guardrails/document";
import { configDeliveryRolePolicy, serviceTrustPolicy } from "../guardrails/governance";
import { NamingContext, iamRoleName, namePrefix } from "../naming";

/**
 * The AWS managed Config rules the platform deploys. Each identifier was checked against the AWS
 * Config developer guide's managed-rule pages (https://docs.aws.amazon.com/config/latest/developerguide/<rule-name>.html,
 * "Identifier:" line) — note that the identifier differs from the rule name for some rules
 * (cloudtrail-enabled is CLOUD_TRAIL_ENABLED, sagemaker-notebook-instance-kms-key-configured is
 * SAGEMAKER_NOTEBOOK_KMS_CONFIGURED).
 */
export const MANAGED_RULES: { name: string; identifier: string; controls: string[]; doc: string }[] = [
    { name: "sagemaker-notebook-no-direct-internet-access", identifier: "SAGEMAKER_NOTEBOOK_NO_DIRECT_INTERNET_ACCESS", controls: ["N5"], doc: "sagemaker-notebook-no-direct-internet-access.html" },
    { name: "sagemaker-notebook-instance-kms-key-configured", identifier: "SAGEMAKER_NOTEBOOK_KMS_CONFIGURED", controls: ["E2"], doc: "sagemaker-notebook-instance-kms-key-configured.html" },
    { name: "sagemaker-notebook-instance-root-access-check", identifier: "SAGEMAKER_NOTEBOOK_INSTANCE_ROOT_ACCESS_CHECK", controls: ["I9"], doc: "sagemaker-notebook-instance-root-access-check.html" },
    { name: "sagemaker-endpoint-configuration-kms-key-configured", identifier: "SAGEMAKER_ENDPOINT_CONFIGURATION_KMS_KEY_CONFIGURED", controls: ["E2"], doc: "sagemaker-endpoint-configuration-kms-key-configured.html" },
    { name: "s3-bucket-ssl-requests-only", identifier: "S3_BUCKET_SSL_REQUESTS_ONLY", controls: ["E7"], doc: "s3-bucket-ssl-requests-only.html" },
    { name: "s3-default-encryption-kms", identifier: "S3_DEFAULT_ENCRYPTION_KMS", controls: ["E7"], doc: "s3-default-encryption-kms.html" },
    { name: "vpc-flow-logs-enabled", identifier: "VPC_FLOW_LOGS_ENABLED", controls: ["G5"], doc: "vpc-flow-logs-enabled.html" },
    { name: "cloudtrail-enabled", identifier: "CLOUD_TRAIL_ENABLED", controls: ["G4"], doc: "cloudtrail-enabled.html" },
    { name: "cmk-backing-key-rotation-enabled", identifier: "CMK_BACKING_KEY_ROTATION_ENABLED", controls: ["E9"], doc: "cmk-backing-key-rotation-enabled.html" },
    { name: "required-tags", identifier: "REQUIRED_TAGS", controls: ["G1"], doc: "required-tags.html" },
];

/** The recorder role's name: deterministic, so the archive key can admit it before it exists. */
export function configRecorderRoleName(naming: NamingContext): string {
    return iamRoleName(naming, "config-recorder");
}

export interface ConfigRecorderArgs {
    naming: NamingContext;
    partition: string;
    accountId: string;
    /** Create the recorder, its role and the delivery channel. False when the account already records. Default true. */
    createRecorder?: boolean;
    /** Create the managed rules. Default true. */
    createRules?: boolean;
    /** The audit archive's Config delivery bucket (required with createRecorder). */
    archiveBucketName?: pulumi.Input<string>;
    /** The audit archive's key, the delivery bucket's default encryption (required with createRecorder). */
    archiveKeyArn?: pulumi.Input<string>;
    /** Tag keys for the required-tags rule (at most 6, the rule's limit). */
    requiredTagKeys: readonly string[];
    /** Resources delivery must wait for (the archive's bucket policy). Default none. */
    dependsOn?: pulumi.Input<pulumi.Resource>[];
}

/**
 * AWS Config in the workload account (G10, detective layer): a recorder of all supported resource
 * types delivering to the central archive, and the managed rules for the platform's controls.
 */
export class ConfigRecorder extends pulumi.ComponentResource {
    readonly recorder?: aws.cfg.Recorder;
    readonly rules: aws.cfg.Rule[] = [];

    constructor(name: string, args: ConfigRecorderArgs, opts?: pulumi.ComponentResourceOptions) {
        super("secure-ds:governance:ConfigRecorder", name, {}, opts);
        const createRecorder = args.createRecorder ?? true;
        const createRules = args.createRules ?? true;
        if (createRecorder && (args.archiveBucketName === undefined || args.archiveKeyArn === undefined)) {
            throw new Error(`ConfigRecorder ${name}: archiveBucketName and archiveKeyArn are required to create the recorder; the delivery channel writes to the audit archive.`);
        }
        if (args.requiredTagKeys.length === 0 || args.requiredTagKeys.length > 6) {
            throw new Error(`ConfigRecorder ${name}: requiredTagKeys has ${args.requiredTagKeys.length} keys; the required-tags rule checks 1 to 6.`);
        }
        const prefix = namePrefix(args.naming);
        const child = { parent: this };
        let ready: pulumi.Resource | undefined;
        if (createRecorder) {
            const role = new aws.iam.Role(
                `${name}-role`,
                {
                    name: configRecorderRoleName(args.naming),
                    description: "AWS Config recorder",
                    assumeRolePolicy: toPolicyJson(serviceTrustPolicy("config", args.partition, args.accountId)),
                },
                child,
            );
            const attachment = new aws.iam.RolePolicyAttachment(
                `${name}-role-managed`,
                { role: role.name, policyArn: `arn:${args.partition}:iam::aws:policy/service-role/AWS_ConfigRole` },
                child,
            );
            const deliveryPolicy = new aws.iam.RolePolicy(
                `${name}-role-delivery`,
                {
                    role: role.name,
                    policy: pulumi
                        .all([args.archiveBucketName as pulumi.Input<string>, args.archiveKeyArn as pulumi.Input<string>])
                        .apply(([bucketName, kmsKeyArn]) => toPolicyJson(configDeliveryRolePolicy({ partition: args.partition, accountId: args.accountId, bucketName, kmsKeyArn }))),
                },
                child,
            );
            this.recorder = new aws.cfg.Recorder(
                `${name}-recorder`,
                { name: prefix, roleArn: role.arn, recordingGroup: { allSupported: true, includeGlobalResourceTypes: true } },
                { parent: this, dependsOn: [attachment, deliveryPolicy] },
            );
            // No key prefix: the archive's policy admits Config under AWSLogs/<account>/Config/ only.
            const channel = new aws.cfg.DeliveryChannel(
                `${name}-delivery`,
                { name: prefix, s3BucketName: args.archiveBucketName as pulumi.Input<string>, snapshotDeliveryProperties: { deliveryFrequency: "TwentyFour_Hours" } },
                { parent: this, dependsOn: [this.recorder, ...(args.dependsOn ?? [])] },
            );
            ready = new aws.cfg.RecorderStatus(`${name}-status`, { name: this.recorder.name, isEnabled: true }, { parent: this, dependsOn: [channel] });
        }
        if (createRules) {
            for (const rule of MANAGED_RULES) {
                const input =
                    rule.identifier === "REQUIRED_TAGS" ? JSON.stringify(Object.fromEntries(args.requiredTagKeys.map((k, i) => [`tag${i + 1}Key`, k]))) : undefined;
                this.rules.push(
                    new aws.cfg.Rule(
                        `${name}-${rule.name}`,
                        {
                            name: `${prefix}-${rule.name}`,
                            description: `secure-ds ${rule.controls.join(", ")}: AWS managed rule ${rule.identifier}`,
                            source: { owner: "AWS", sourceIdentifier: rule.identifier },
                            ...(input ? { inputParameters: input } : {}),
                        },
                        { parent: this, dependsOn: ready ? [ready] : [] },
                    ),
                );
            }
        }
        this.registerOutputs({ recorderName: this.recorder?.name, ruleNames: this.rules.map((r) => r.name) });
    }
}
