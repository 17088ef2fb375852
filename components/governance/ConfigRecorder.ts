import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { AccountContext, configServiceLinkedRoleArn, servicePrincipal } from "../guardrails/arns";
import { NamingContext, namePrefix } from "../naming";
import { CONFIG_RECORDER_DEFAULTS } from "./defaults";

/**
 * The AWS managed Config rules the platform deploys. Each identifier was checked against the AWS
 * Config developer guide's managed-rule pages (https://docs.aws.amazon.com/config/latest/developerguide/<rule-name>.html,
 * "Identifier:" line) — note that the identifier differs from the rule name for some rules
 * (cloudtrail-enabled is CLOUD_TRAIL_ENABLED, sagemaker-notebook-instance-kms-key-configured is
 * SAGEMAKER_NOTEBOOK_KMS_CONFIGURED).
 */
export const MANAGED_RULES: { name: string; identifier: string; controls: string[]; doc: string }[] = [
    {
        name: "sagemaker-notebook-no-direct-internet-access",
        identifier: "SAGEMAKER_NOTEBOOK_NO_DIRECT_INTERNET_ACCESS",
        controls: ["N5"],
        doc: "sagemaker-notebook-no-direct-internet-access.html",
    },
    {
        name: "sagemaker-notebook-instance-kms-key-configured",
        identifier: "SAGEMAKER_NOTEBOOK_KMS_CONFIGURED",
        controls: ["E2"],
        doc: "sagemaker-notebook-instance-kms-key-configured.html",
    },
    {
        name: "sagemaker-notebook-instance-root-access-check",
        identifier: "SAGEMAKER_NOTEBOOK_INSTANCE_ROOT_ACCESS_CHECK",
        controls: ["I9"],
        doc: "sagemaker-notebook-instance-root-access-check.html",
    },
    {
        name: "sagemaker-endpoint-configuration-kms-key-configured",
        identifier: "SAGEMAKER_ENDPOINT_CONFIGURATION_KMS_KEY_CONFIGURED",
        controls: ["E2"],
        doc: "sagemaker-endpoint-configuration-kms-key-configured.html",
    },
    { name: "s3-bucket-ssl-requests-only", identifier: "S3_BUCKET_SSL_REQUESTS_ONLY", controls: ["E7"], doc: "s3-bucket-ssl-requests-only.html" },
    { name: "s3-default-encryption-kms", identifier: "S3_DEFAULT_ENCRYPTION_KMS", controls: ["E7"], doc: "s3-default-encryption-kms.html" },
    { name: "vpc-flow-logs-enabled", identifier: "VPC_FLOW_LOGS_ENABLED", controls: ["G5"], doc: "vpc-flow-logs-enabled.html" },
    { name: "cloudtrail-enabled", identifier: "CLOUD_TRAIL_ENABLED", controls: ["G4"], doc: "cloudtrail-enabled.html" },
    {
        name: "cmk-backing-key-rotation-enabled",
        identifier: "CMK_BACKING_KEY_ROTATION_ENABLED",
        controls: ["E9"],
        doc: "cmk-backing-key-rotation-enabled.html",
    },
    { name: "required-tags", identifier: "REQUIRED_TAGS", controls: ["G1"], doc: "required-tags.html" },
];

export interface ConfigRecorderArgs {
    /** Organization and environment: prefix of the recorder, channel and rule names. Required. */
    naming: NamingContext;
    /** Partition, region and id of the recorded account. Required. */
    account: AccountContext;
    /** Create the recorder and the delivery channel. False when the account already records. Default true. */
    createRecorder?: boolean;
    /**
     * The account already has AWS Config's service-linked role (AWSServiceRoleForConfig), so it is
     * referenced by ARN instead of created. Default false.
     */
    serviceLinkedRoleExists?: boolean;
    /** Create the managed rules. Default true. */
    createRules?: boolean;
    /** The audit archive's Config delivery bucket (required with createRecorder). */
    archiveBucketName?: pulumi.Input<string>;
    /** Tag keys for the required-tags rule (1 to 6, the rule's limit). Default: MANDATORY_TAG_KEYS (components/tags.ts). */
    requiredTagKeys?: readonly string[];
    /** Resources delivery must wait for (the archive's bucket policy). Default none. */
    dependsOn?: pulumi.Input<pulumi.Resource>[];
}

/**
 * AWS Config in the workload account (G10, detective layer): a recorder of all supported resource
 * types, recording with AWS Config's service-linked role and delivering to the central archive,
 * and the managed rules for the platform's controls.
 */
export class ConfigRecorder extends pulumi.ComponentResource {
    readonly recorder?: aws.cfg.Recorder;
    readonly rules: aws.cfg.Rule[] = [];

    constructor(name: string, args: ConfigRecorderArgs, opts?: pulumi.ComponentResourceOptions) {
        super("secure-ds:governance:ConfigRecorder", name, {}, opts);
        const D = CONFIG_RECORDER_DEFAULTS;
        const createRecorder = args.createRecorder ?? D.createRecorder;
        const serviceLinkedRoleExists = args.serviceLinkedRoleExists ?? D.serviceLinkedRoleExists;
        const createRules = args.createRules ?? D.createRules;
        const requiredTagKeys = args.requiredTagKeys ?? D.requiredTagKeys;
        if (createRecorder && args.archiveBucketName === undefined) {
            throw new Error(`ConfigRecorder ${name}: archiveBucketName is required to create the recorder; the delivery channel writes to the audit archive.`);
        }
        if (requiredTagKeys.length === 0 || requiredTagKeys.length > 6) {
            throw new Error(`ConfigRecorder ${name}: requiredTagKeys has ${requiredTagKeys.length} keys; the required-tags rule checks 1 to 6.`);
        }
        const prefix = namePrefix(args.naming);
        const child = { parent: this };
        let ready: pulumi.Resource | undefined;
        if (createRecorder) {
            // Config.1: record with AWS Config's service-linked role, whose permissions AWS maintains
            // (AWSConfigServiceRolePolicy) instead of a customer role that can drift. An account holds
            // one such role; when it already exists (another recorder, the console), creating it
            // again fails, hence awsConfig.serviceLinkedRoleExists.
            const slr = serviceLinkedRoleExists
                ? undefined
                : new aws.iam.ServiceLinkedRole(
                      `${name}-service-linked-role`,
                      { awsServiceName: servicePrincipal("config", args.account.partition), description: "AWS Config recorder (secure-ds)" },
                      child,
                  );
            this.recorder = new aws.cfg.Recorder(
                `${name}-recorder`,
                {
                    name: prefix,
                    // The ARN is fixed by AWS: naming it keeps it known in a preview, where the pack checks it.
                    roleArn: configServiceLinkedRoleArn(args.account),
                    recordingGroup: { allSupported: true, includeGlobalResourceTypes: true },
                },
                { parent: this, dependsOn: slr ? [slr] : [] },
            );
            // The service-linked role holds no S3 or KMS rights: with it, AWS Config delivers to the
            // bucket as the service principal config.amazonaws.com, in this account as in another
            // ("Required Permissions for the Amazon S3 Bucket When Using Service-Linked Roles",
            // https://docs.aws.amazon.com/config/latest/developerguide/s3-bucket-policy.html). The
            // archive's bucket and key policies admit that principal for this account only
            // (aws:SourceAccount, archiveBucketStatements / archiveKeyServiceUsers).
            // No key prefix: the archive's policy admits Config under AWSLogs/<account>/Config/ only.
            const channel = new aws.cfg.DeliveryChannel(
                `${name}-delivery`,
                {
                    name: prefix,
                    s3BucketName: args.archiveBucketName as pulumi.Input<string>,
                    snapshotDeliveryProperties: { deliveryFrequency: "TwentyFour_Hours" },
                },
                { parent: this, dependsOn: [this.recorder, ...(args.dependsOn ?? [])] },
            );
            ready = new aws.cfg.RecorderStatus(`${name}-status`, { name: this.recorder.name, isEnabled: true }, { parent: this, dependsOn: [channel] });
        }
        if (createRules) {
            for (const rule of MANAGED_RULES) {
                const input =
                    rule.identifier === "REQUIRED_TAGS" ? JSON.stringify(Object.fromEntries(requiredTagKeys.map((k, i) => [`tag${i + 1}Key`, k]))) : undefined;
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
