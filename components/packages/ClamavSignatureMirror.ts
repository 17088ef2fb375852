import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { AccountContext } from "../guardrails/arns";
import { toPolicyJson } from "../guardrails/document";
import { serviceTrustPolicy } from "../guardrails/governance";
import { signatureMirrorBucketStatements, signatureUpdaterPolicy, startBuildPolicy } from "../guardrails/packages";
import { DEFAULT_LOG_RETENTION_DAYS } from "../logRetention";
import { SecureBucket } from "../storage/SecureBucket";
import { loadBuildspec } from "./buildspecFiles";
import { plaintextVariables } from "./scanPipelineActions";
import { toolchainEnvironment } from "./toolchainImage";

/** Where the signatures live in the bucket; the scan stage syncs this prefix. */
export const SIGNATURE_PREFIX = "clamav/";

export interface ClamavSignatureMirrorArgs {
    account: AccountContext;
    /** Bucket, project, log group and rule names (scanPipelineNames). Required. */
    names: { bucket: string; project: string; projectArn: string; logGroup: string; scheduleRule: string; startRole: string };
    /** The updater's role (created first: the key policy names it). Required. */
    role: aws.iam.Role;
    /** The pipeline key: the bucket is encrypted with it. Required. */
    keyArn: pulumi.Input<string>;
    /** The layer's CloudWatch Logs key (E8). Required. */
    logsKeyArn: pulumi.Input<string>;
    /** The digest-pinned toolchain image (cvdupdate is in it) and its repository ARN. Required. */
    toolchain: { image: string; repositoryArn: string };
    /** The scanning VPC's NAT side: the updater downloads from ClamAV's CDN, nothing else does. Required. */
    network: { vpcId: pulumi.Input<string>; subnetIds: pulumi.Input<string>[]; subnetArns: pulumi.Input<string[]>; securityGroupId: pulumi.Input<string> };
    /** Hours between updates (1 to 24). Required. */
    updateHours: number;
    /** Bucket (name) receiving the bucket's access logs. Default none. */
    accessLogBucket?: pulumi.Input<string>;
}

/**
 * The private ClamAV signature mirror (S2, S7): a bucket only the updater writes, an updater build in
 * the scanning VPC that runs cvdupdate (ClamAV's own mirroring tool) against the CDN on a
 * schedule, and nothing else. The scan stage loads its signatures from the bucket and never calls
 * freshclam, so a scan neither waits for nor is rate-limited by the CDN, and every scan of an
 * update period uses the same databases (the report names their versions).
 */
export class ClamavSignatureMirror extends pulumi.ComponentResource {
    readonly bucket: SecureBucket;
    readonly project: aws.codebuild.Project;

    constructor(name: string, args: ClamavSignatureMirrorArgs, opts?: pulumi.ComponentResourceOptions) {
        super("secure-ds:packages:ClamavSignatureMirror", name, {}, opts);
        if (!Number.isInteger(args.updateHours) || args.updateHours < 1 || args.updateHours > 24) {
            throw new Error(`ClamavSignatureMirror ${name}: updateHours ${args.updateHours} must be a whole number from 1 to 24.`);
        }
        const { account, names } = args;
        const child = { parent: this };
        this.bucket = new SecureBucket(
            `${name}-bucket`,
            {
                bucketName: names.bucket,
                account,
                kmsKeyArn: args.keyArn,
                accessLogBucket: args.accessLogBucket,
                // The daily database changes every update: old versions are only kept for a week.
                noncurrentVersionDays: 7,
                policyStatements: args.role.arn.apply((arn) => signatureMirrorBucketStatements(account.partition, names.bucket, arn)),
            },
            child,
        );
        const logGroup = new aws.cloudwatch.LogGroup(
            `${name}-logs`,
            { name: names.logGroup, kmsKeyId: args.logsKeyArn, retentionInDays: DEFAULT_LOG_RETENTION_DAYS },
            { parent: this, protect: true, retainOnDelete: true },
        );
        const policy = new aws.iam.RolePolicy(
            `${name}-policy`,
            {
                role: args.role.id,
                policy: pulumi.all([logGroup.arn, args.keyArn, args.network.subnetArns]).apply(([lg, key, subnets]) =>
                    toPolicyJson(
                        signatureUpdaterPolicy({
                            account,
                            logGroupArn: lg,
                            mirrorBucket: names.bucket,
                            mirrorKeyArn: key,
                            toolchainRepositoryArn: args.toolchain.repositoryArn,
                            subnetArns: subnets,
                        }),
                    ),
                ),
            },
            child,
        );
        this.project = new aws.codebuild.Project(
            `${name}-updater`,
            {
                name: names.project,
                description: "Package scan pipeline: updates the private ClamAV signature mirror",
                serviceRole: args.role.arn,
                encryptionKey: args.keyArn,
                buildTimeout: 30,
                queuedTimeout: 60,
                source: { type: "NO_SOURCE", buildspec: loadBuildspec("signatures") },
                artifacts: { type: "NO_ARTIFACTS" },
                environment: {
                    ...toolchainEnvironment(args.toolchain.image, "BUILD_GENERAL1_SMALL"),
                    environmentVariables: plaintextVariables({
                        SIGNATURES_BUCKET: names.bucket,
                        SIGNATURES_PREFIX: SIGNATURE_PREFIX,
                        SIGNATURES_KEY_ARN: args.keyArn,
                    }),
                },
                logsConfig: { cloudwatchLogs: { status: "ENABLED", groupName: logGroup.name }, s3Logs: { status: "DISABLED" } },
                vpcConfig: { vpcId: args.network.vpcId, subnets: args.network.subnetIds, securityGroupIds: [args.network.securityGroupId] },
            },
            { parent: this, dependsOn: [policy, this.bucket.policy] },
        );
        this.schedule(name, args);
        this.registerOutputs({ bucket: this.bucket.name, project: this.project.name });
    }

    /** EventBridge starts the updater every `updateHours` hours through a role that may start this project only. */
    private schedule(name: string, args: ClamavSignatureMirrorArgs): void {
        const { account, names } = args;
        const child = { parent: this };
        const startRole = new aws.iam.Role(
            `${name}-start-role`,
            {
                name: names.startRole,
                description: "Starts the ClamAV signature mirror update on its schedule",
                assumeRolePolicy: toPolicyJson(serviceTrustPolicy("events", account.partition, account.accountId)),
            },
            child,
        );
        new aws.iam.RolePolicy(`${name}-start-policy`, { role: startRole.id, policy: toPolicyJson(startBuildPolicy(names.projectArn)) }, child);
        const rule = new aws.cloudwatch.EventRule(
            `${name}-schedule`,
            {
                name: names.scheduleRule,
                description: "Updates the private ClamAV signature mirror",
                // EventBridge rate expressions: a positive whole number and minute(s) | hour(s) | day(s), singular for 1 (EventBridge user guide, "Rate expressions").
                scheduleExpression: `rate(${args.updateHours} ${args.updateHours === 1 ? "hour" : "hours"})`,
            },
            child,
        );
        new aws.cloudwatch.EventTarget(`${name}-start`, { rule: rule.name, arn: this.project.arn, roleArn: startRole.arn }, child);
    }
}
