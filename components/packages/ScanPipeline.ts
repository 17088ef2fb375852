import * as aws from "@pulumi/aws";
import * as awsx from "@pulumi/awsx";
import * as pulumi from "@pulumi/pulumi";
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import { AccountContext, servicePrincipal } from "../guardrails/arns";
import { PolicyDocument, toPolicyJson } from "../guardrails/document";
import { keyPolicy } from "../guardrails/kmsKeyPolicy";
import {
    codeBuildStageTrustPolicy,
    decideStagePolicy,
    notificationTopicPolicy,
    pipelineRolePolicy,
    publishStagePolicy,
    scanStagePolicy,
    startPipelinePolicy,
} from "../guardrails/packages";
import { serviceTrustPolicy } from "../guardrails/governance";
import { CustomerKey } from "../kms/CustomerKey";
import { NamingContext, bucketName, iamRoleName, namePrefix } from "../naming";
import { VpcFlowLogs } from "../network/VpcFlowLogs";
import { SecureBucket } from "../storage/SecureBucket";
import { bundleDecisionCode } from "./decide/bundle";
import { CodeStarProvider, PYTHON_VERSION_PATTERN, SCAN_PIPELINE_DEFAULTS, SCAN_TIMEOUT_MINUTES_RANGE } from "./defaults";
import { DEFAULT_LOG_RETENTION_DAYS } from "../logRetention";
import { ScanPolicy } from "./decide/types";
import { MirrorNames } from "./PackageMirror";

/** The buildspecs are repository files, reviewed like code; the component only loads them. */
export function loadBuildspec(stage: "scan" | "decide" | "publish"): string {
    return fs.readFileSync(path.join(__dirname, "buildspecs", `${stage}.yml`), "utf8");
}

function loadScanHelpers(): string {
    return fs.readFileSync(path.join(__dirname, "buildspecs", "scan_helpers.py"), "utf8");
}

export interface ScanPipelineArgs {
    /** Partition, region and id of the shared-services account. Required. */
    account: AccountContext;
    /** Organization and environment: prefix of every name. Required. */
    naming: NamingContext;
    /** Names and ARNs of the mirror (mirrorNames()): the pipeline reads the upstream and publishes to approved. Required. */
    mirror: MirrorNames;
    /** Administrators of the pipeline's customer keys; they also upload the pipeline's tool objects. Required. */
    keyAdministrators: string[];
    /** The layer's CloudWatch Logs key (E8): CodeBuild logs are encrypted with it. Required. */
    logsKeyArn: pulumi.Input<string>;
    /** Severity threshold, licence allow-list and exceptions handed to the decision code. Default: HIGH, permissive licences, no exceptions (SCAN_POLICY_DEFAULTS). */
    policy?: ScanPolicy;
    /** Availability zones of the scanning VPC (from config; the first two are used). Required. */
    availabilityZones: string[];
    /** CIDR of the scanning VPC. Default 10.250.0.0/22. Never the data VPC's block. */
    scanVpcCidr?: string;
    /** Intake: `s3` (versioned KMS bucket, upload requests.zip) or `codestar` (git through a connection). Default s3. */
    intake?: { mode: "s3" | "codestar"; provider?: CodeStarProvider; repository?: string; branch?: string };
    /** E-mail addresses subscribed to the notification topic. Default none. */
    notificationEmails?: string[];
    /** Minutes a scan build may run. Default 60. */
    scanTimeoutMinutes?: number;
    /** Python version the wheels are chosen for (Studio's Python). Default 3.11. */
    pythonVersion?: string;
    /** Bucket (name) receiving S3 access logs of the pipeline's buckets. Default none. */
    accessLogBucket?: pulumi.Input<string>;
    /** Days reports and pipeline artifacts' old versions are kept. Default 365. */
    reportRetentionDays?: number;
}

/**
 * The scan pipeline (S2–S6): reviewed requests in, scanned and approved packages out. CodePipeline
 * V2 with a KMS-encrypted artifact store and four stages: Source (S3 bucket or CodeStar
 * connection), Scan (CodeBuild in an egress-only scanning VPC), Decide (this repository's
 * decision code), Publish (a role that can only publish to `approved`). Failures are e-mailed
 * through a KMS-encrypted SNS topic. Each stage has its own role, log group and buildspec.
 *
 * No secret exists to store: CodeArtifact tokens are short-lived and written by
 * `aws codeartifact login` straight into pip's and twine's config, and the CodeStar connection is
 * an AWS-held OAuth installation (no personal access token).
 */
export class ScanPipeline extends pulumi.ComponentResource {
    readonly pipeline: aws.codepipeline.Pipeline;
    readonly key: CustomerKey;
    readonly notificationKey: CustomerKey;
    readonly topic: aws.sns.Topic;
    readonly artifactBucket: SecureBucket;
    readonly reportsBucket: SecureBucket;
    readonly sourceBucket?: SecureBucket;
    readonly connection?: aws.codestarconnections.Connection;
    readonly scanVpc: awsx.ec2.Vpc;
    readonly projects: Record<"scan" | "decide" | "publish", aws.codebuild.Project>;
    readonly roles: Record<"pipeline" | "scan" | "decide" | "publish", aws.iam.Role>;
    readonly scanRoleArn: pulumi.Output<string>;
    readonly publishRoleArn: pulumi.Output<string>;

    constructor(name: string, args: ScanPipelineArgs, opts?: pulumi.ComponentResourceOptions) {
        super("secure-ds:packages:ScanPipeline", name, {}, opts);
        const D = SCAN_PIPELINE_DEFAULTS;
        const policy = args.policy ?? D.policy;
        const intake = { ...D.intake, ...args.intake };
        const emails = args.notificationEmails ?? D.notificationEmails;
        const scanTimeout = args.scanTimeoutMinutes ?? D.scanTimeoutMinutes;
        const pythonVersion = args.pythonVersion ?? D.pythonVersion;
        const scanVpcCidr = args.scanVpcCidr ?? D.scanVpcCidr;
        const retention = args.reportRetentionDays ?? D.reportRetentionDays;
        if (intake.mode === "codestar" && !intake.repository) {
            throw new Error(`ScanPipeline ${name}: intake mode codestar needs intake.repository (owner/name of the request repository).`);
        }
        if (args.availabilityZones.length < 2) {
            throw new Error(`ScanPipeline ${name}: availabilityZones has ${args.availabilityZones.length} zone(s); the scanning VPC needs 2.`);
        }
        const { min, max } = SCAN_TIMEOUT_MINUTES_RANGE;
        if (!Number.isInteger(scanTimeout) || scanTimeout < min || scanTimeout > max) {
            throw new Error(`ScanPipeline ${name}: scanTimeoutMinutes ${scanTimeout} must be a whole number from ${min} to ${max} (the CodeBuild limits).`);
        }
        if (!PYTHON_VERSION_PATTERN.test(pythonVersion)) {
            throw new Error(`ScanPipeline ${name}: pythonVersion "${pythonVersion}" must look like 3.11.`);
        }
        const { account, naming, mirror } = args;
        const prefix = namePrefix(naming);
        const child = { parent: this };

        const projectName = (stage: string) => `${prefix}-package-${stage}`;
        const projectArn = (stage: string) => `arn:${account.partition}:codebuild:${account.region}:${account.accountId}:project/${projectName(stage)}`;

        // Roles first: key and bucket policies name them, and KMS refuses principals that do not exist.
        // Each stage role trusts its own project only (aws:SourceArn), so no other build can run as
        // the publish role (S3).
        const role = (stage: "pipeline" | "scan" | "decide" | "publish", trust: PolicyDocument) =>
            new aws.iam.Role(
                `${name}-${stage}-role`,
                {
                    name: iamRoleName(naming, `pkg-${stage}`),
                    description: `Package scan pipeline: ${stage} stage`,
                    assumeRolePolicy: toPolicyJson(trust),
                    maxSessionDuration: 3600,
                },
                child,
            );
        const stageRole = (stage: "scan" | "decide" | "publish") => role(stage, codeBuildStageTrustPolicy(account, projectArn(stage)));
        this.roles = {
            pipeline: role("pipeline", serviceTrustPolicy("codepipeline", account.partition, account.accountId)),
            scan: stageRole("scan"),
            decide: stageRole("decide"),
            publish: stageRole("publish"),
        };
        this.scanRoleArn = this.roles.scan.arn;
        this.publishRoleArn = this.roles.publish.arn;
        const roleArns = Object.values(this.roles).map((r) => r.arn);

        this.key = new CustomerKey(
            `${name}-key`,
            {
                description: `${prefix} package pipeline: artifacts, requests, reports`,
                alias: `${prefix}-package-pipeline`,
                policy: pulumi.all(roleArns).apply((arns) =>
                    keyPolicy({
                        administrators: args.keyAdministrators,
                        // The deployer writes the tool objects; the stage roles read and write artifacts, only through S3.
                        users: [...arns, ...args.keyAdministrators],
                        viaServices: [`s3.${account.region}.amazonaws.com`],
                    }),
                ),
            },
            child,
        );

        const bucket = (purpose: string) =>
            new SecureBucket(
                `${name}-${purpose}`,
                {
                    bucketName: bucketName(naming, `pkg-${purpose}`, account.accountId),
                    account,
                    kmsKeyArn: this.key.arn,
                    accessLogBucket: args.accessLogBucket,
                    noncurrentVersionDays: retention,
                },
                child,
            );
        this.artifactBucket = bucket("artifacts");
        this.reportsBucket = bucket("reports");
        const artifactBucketName = bucketName(naming, "pkg-artifacts", account.accountId);
        const reportsBucketName = bucketName(naming, "pkg-reports", account.accountId);

        // The decision code and the scan helpers, pinned by SHA256 in the projects (see decide/bundle.ts).
        const bundle = bundleDecisionCode();
        const helpers = loadScanHelpers();
        const helpersSha256 = createHash("sha256").update(helpers).digest("hex");
        const decideKey = `tools/decide-${bundle.sha256.slice(0, 16)}.js`;
        const helpersKey = `tools/scan_helpers-${helpersSha256.slice(0, 16)}.py`;
        const tool = (role: string, key: string, content: string) =>
            new aws.s3.BucketObjectv2(
                `${name}-${role}`,
                {
                    bucket: this.reportsBucket.name,
                    key,
                    content,
                    contentType: key.endsWith(".js") ? "application/javascript" : "text/x-python",
                    serverSideEncryption: "aws:kms",
                    kmsKeyId: this.key.arn,
                },
                { parent: this, dependsOn: [this.reportsBucket.policy] },
            );
        tool("decide-bundle", decideKey, bundle.code);
        tool("scan-helpers", helpersKey, helpers);

        // Intake (S6: no personal access token anywhere).
        let sourceAction: aws.types.input.codepipeline.PipelineStageAction;
        if (intake.mode === "s3") {
            this.sourceBucket = bucket("requests");
            sourceAction = {
                name: "Requests",
                category: "Source",
                owner: "AWS",
                provider: "S3",
                version: "1",
                outputArtifacts: ["source"],
                configuration: { S3Bucket: this.sourceBucket.name, S3ObjectKey: "requests.zip", PollForSourceChanges: "false" },
            };
        } else {
            this.connection = new aws.codestarconnections.Connection(
                `${name}-connection`,
                { name: `${prefix}-pkg-requests`.slice(0, 32), providerType: intake.provider },
                child,
            );
            sourceAction = {
                name: "Requests",
                category: "Source",
                owner: "AWS",
                provider: "CodeStarSourceConnection",
                version: "1",
                outputArtifacts: ["source"],
                configuration: {
                    ConnectionArn: this.connection.arn,
                    FullRepositoryId: intake.repository as string,
                    BranchName: intake.branch,
                    OutputArtifactFormat: "CODE_ZIP",
                    DetectChanges: "true",
                },
            };
        }

        // Egress-only scanning VPC: private subnets behind one NAT, nothing inbound. It is not the data
        // VPC (which has no internet path at all, S1); awsx fits here because egress is wanted.
        this.scanVpc = new awsx.ec2.Vpc(
            `${name}-scan-vpc`,
            {
                cidrBlock: scanVpcCidr,
                availabilityZoneNames: args.availabilityZones.slice(0, 2),
                natGateways: { strategy: "Single" },
                subnetStrategy: "Auto",
                subnetSpecs: [{ type: "Private" }, { type: "Public" }],
                enableDnsHostnames: true,
                enableDnsSupport: true,
                tags: { Name: `${prefix}-package-scanning` },
            },
            child,
        );
        new VpcFlowLogs(
            `${name}-scan-vpc-flow-logs`,
            {
                vpcId: this.scanVpc.vpcId,
                account,
                logGroupName: `/secure-ds/${prefix}/vpc-flow-logs/package-scanning`,
                roleName: iamRoleName(naming, "pkg-scan-flowlogs"),
                kmsKeyArn: args.logsKeyArn,
            },
            child,
        );
        const scanSg = new aws.ec2.SecurityGroup(
            `${name}-scan-sg`,
            {
                vpcId: this.scanVpc.vpcId,
                description: "Package scan builds: outbound HTTP(S) only, nothing inbound",
                egress: [
                    {
                        description: "HTTPS to package indexes, vulnerability databases, AWS APIs",
                        protocol: "tcp",
                        fromPort: 443,
                        toPort: 443,
                        cidrBlocks: ["0.0.0.0/0"],
                    },
                    { description: "HTTP for OS package mirrors (signed packages)", protocol: "tcp", fromPort: 80, toPort: 80, cidrBlocks: ["0.0.0.0/0"] },
                ],
            },
            child,
        );

        const logGroup = (stage: string) =>
            new aws.cloudwatch.LogGroup(
                `${name}-${stage}-logs`,
                { name: `/secure-ds/${prefix}/codebuild/package-${stage}`, kmsKeyId: args.logsKeyArn, retentionInDays: DEFAULT_LOG_RETENTION_DAYS },
                { parent: this, protect: true, retainOnDelete: true },
            );
        const logs = { scan: logGroup("scan"), decide: logGroup("decide"), publish: logGroup("publish") };

        const stagePolicy = (stage: "scan" | "decide" | "publish", doc: pulumi.Output<PolicyDocument>) =>
            new aws.iam.RolePolicy(`${name}-${stage}-policy`, { role: this.roles[stage].id, policy: doc.apply(toPolicyJson) }, child);
        const base = (stage: "scan" | "decide" | "publish", logGroupArn: string, keyArn: string) => ({
            account,
            logGroupArn,
            artifactBucket: artifactBucketName,
            artifactKeyArn: keyArn,
            ...(stage !== "publish" ? { tools: { bucket: reportsBucketName, keys: stage === "scan" ? [decideKey, helpersKey] : [decideKey] } } : {}),
        });
        const subnetArns = this.scanVpc.privateSubnetIds.apply((ids) =>
            ids.map((id) => `arn:${account.partition}:ec2:${account.region}:${account.accountId}:subnet/${id}`),
        );
        const policies = {
            scan: stagePolicy(
                "scan",
                pulumi.all([logs.scan.arn, this.key.arn, subnetArns]).apply(([lg, k, subnets]) =>
                    scanStagePolicy({
                        ...base("scan", lg, k),
                        domainArn: mirror.domainArn,
                        upstreamRepositoryArn: mirror.pypi.upstreamRepositoryArn,
                        upstreamPackagesArn: mirror.pypi.upstreamPackagesArn,
                        subnetArns: subnets,
                    }),
                ),
            ),
            decide: stagePolicy(
                "decide",
                pulumi
                    .all([logs.decide.arn, this.key.arn])
                    .apply(([lg, k]) => decideStagePolicy({ ...base("decide", lg, k), reportsBucket: reportsBucketName, reportsKeyArn: k })),
            ),
            publish: stagePolicy(
                "publish",
                pulumi.all([logs.publish.arn, this.key.arn]).apply(([lg, k]) =>
                    publishStagePolicy({
                        ...base("publish", lg, k),
                        domainArn: mirror.domainArn,
                        approvedRepositoryArn: mirror.pypi.approvedRepositoryArn,
                        approvedPackagesArn: mirror.pypi.approvedPackagesArn,
                    }),
                ),
            ),
        };

        const env = (vars: Record<string, pulumi.Input<string>>) => Object.entries(vars).map(([n, value]) => ({ name: n, value, type: "PLAINTEXT" }));
        const project = (
            stage: "scan" | "decide" | "publish",
            computeType: string,
            timeout: number,
            vars: Record<string, pulumi.Input<string>>,
            vpc: boolean,
        ) =>
            new aws.codebuild.Project(
                `${name}-${stage}`,
                {
                    name: projectName(stage),
                    description: `Package scan pipeline: ${stage}`,
                    serviceRole: this.roles[stage].arn,
                    encryptionKey: this.key.arn,
                    buildTimeout: timeout,
                    queuedTimeout: 60,
                    source: { type: "CODEPIPELINE", buildspec: loadBuildspec(stage) },
                    artifacts: { type: "CODEPIPELINE" },
                    environment: {
                        type: "LINUX_CONTAINER",
                        computeType,
                        image: "aws/codebuild/standard:7.0",
                        imagePullCredentialsType: "CODEBUILD",
                        // No Docker daemon: nothing here builds images, and privileged mode is root on the host.
                        privilegedMode: false,
                        environmentVariables: env(vars),
                    },
                    logsConfig: { cloudwatchLogs: { status: "ENABLED", groupName: logs[stage].name }, s3Logs: { status: "DISABLED" } },
                    ...(vpc ? { vpcConfig: { vpcId: this.scanVpc.vpcId, subnets: this.scanVpc.privateSubnetIds, securityGroupIds: [scanSg.id] } } : {}),
                },
                // A build must not start before its role may write its logs and reach its inputs.
                { parent: this, dependsOn: [policies[stage]] },
            );
        this.projects = {
            scan: project(
                "scan",
                "BUILD_GENERAL1_MEDIUM",
                scanTimeout,
                {
                    TOOLS_BUCKET: this.reportsBucket.name,
                    DECIDE_KEY: decideKey,
                    DECIDE_SHA256: bundle.sha256,
                    HELPERS_KEY: helpersKey,
                    HELPERS_SHA256: helpersSha256,
                    CODEARTIFACT_DOMAIN: mirror.domainName,
                    CODEARTIFACT_OWNER: mirror.domainOwner,
                    UPSTREAM_REPOSITORY: mirror.pypi.upstreamRepository,
                    PYTHON_VERSION: pythonVersion,
                },
                true,
            ),
            decide: project(
                "decide",
                "BUILD_GENERAL1_SMALL",
                15,
                {
                    TOOLS_BUCKET: this.reportsBucket.name,
                    DECIDE_KEY: decideKey,
                    DECIDE_SHA256: bundle.sha256,
                    SCAN_POLICY: JSON.stringify(policy),
                    REPORTS_BUCKET: this.reportsBucket.name,
                    REPORTS_KEY_ARN: this.key.arn,
                },
                false,
            ),
            publish: project(
                "publish",
                "BUILD_GENERAL1_SMALL",
                30,
                { CODEARTIFACT_DOMAIN: mirror.domainName, CODEARTIFACT_OWNER: mirror.domainOwner, APPROVED_REPOSITORY: mirror.pypi.approvedRepository },
                false,
            ),
        };

        const pipelineName = `${prefix}-package-scan`;
        const pipelineArn = `arn:${account.partition}:codepipeline:${account.region}:${account.accountId}:${pipelineName}`;
        const pipelinePolicy = new aws.iam.RolePolicy(
            `${name}-pipeline-policy`,
            {
                role: this.roles.pipeline.id,
                policy: pulumi.all([this.key.arn, this.connection?.arn ?? pulumi.output(undefined)]).apply(([k, connectionArn]) =>
                    toPolicyJson(
                        pipelineRolePolicy({
                            account,
                            artifactBucket: artifactBucketName,
                            artifactKeyArn: k,
                            projectArns: (["scan", "decide", "publish"] as const).map(projectArn),
                            ...(intake.mode === "s3" ? { sourceBucket: bucketName(naming, "pkg-requests", account.accountId), sourceKeyArn: k } : {}),
                            ...(connectionArn ? { connectionArn, repository: intake.repository } : {}),
                        }),
                    ),
                ),
            },
            child,
        );
        const build = (
            stage: "scan" | "decide" | "publish",
            inputs: string[],
            output?: string,
            extraEnv?: Record<string, string>,
        ): aws.types.input.codepipeline.PipelineStageAction => ({
            name: stage[0].toUpperCase() + stage.slice(1),
            category: "Build",
            owner: "AWS",
            provider: "CodeBuild",
            version: "1",
            inputArtifacts: inputs,
            ...(output ? { outputArtifacts: [output] } : {}),
            configuration: {
                ProjectName: this.projects[stage].name,
                ...(inputs.length > 1 ? { PrimarySource: inputs[0] } : {}),
                ...(extraEnv
                    ? { EnvironmentVariables: JSON.stringify(Object.entries(extraEnv).map(([n, value]) => ({ name: n, value, type: "PLAINTEXT" }))) }
                    : {}),
            },
        });
        this.pipeline = new aws.codepipeline.Pipeline(
            `${name}-pipeline`,
            {
                name: pipelineName,
                pipelineType: "V2",
                // Runs queue rather than supersede: every reviewed request file is scanned and decided.
                executionMode: "QUEUED",
                roleArn: this.roles.pipeline.arn,
                artifactStores: [{ type: "S3", location: this.artifactBucket.name, encryptionKey: { type: "KMS", id: this.key.arn } }],
                stages: [
                    { name: "Source", actions: [sourceAction] },
                    { name: "Scan", actions: [build("scan", ["source"], "scan")] },
                    {
                        name: "Decide",
                        actions: [build("decide", ["source", "scan"], "decision", { PIPELINE_EXECUTION_ID: "#{codepipeline.PipelineExecutionId}" })],
                    },
                    { name: "Publish", actions: [build("publish", ["scan", "decision"])] },
                ],
            },
            { parent: this, dependsOn: [pipelinePolicy] },
        );

        // S3 intake: a new requests.zip starts the pipeline through EventBridge (no polling).
        if (this.sourceBucket) {
            new aws.s3.BucketNotification(`${name}-requests-events`, { bucket: this.sourceBucket.name, eventbridge: true }, child);
            const startRole = new aws.iam.Role(
                `${name}-start-role`,
                {
                    name: iamRoleName(naming, "pkg-start"),
                    description: "Starts the package scan pipeline when a request file is uploaded",
                    assumeRolePolicy: toPolicyJson(serviceTrustPolicy("events", account.partition, account.accountId)),
                },
                child,
            );
            new aws.iam.RolePolicy(`${name}-start-policy`, { role: startRole.id, policy: toPolicyJson(startPipelinePolicy(pipelineArn)) }, child);
            const startRule = new aws.cloudwatch.EventRule(
                `${name}-requests-uploaded`,
                {
                    name: `${prefix}-package-requests-uploaded`,
                    description: "A reviewed requests.zip was uploaded",
                    eventPattern: JSON.stringify({
                        source: ["aws.s3"],
                        "detail-type": ["Object Created"],
                        detail: { bucket: { name: [bucketName(naming, "pkg-requests", account.accountId)] }, object: { key: ["requests.zip"] } },
                    }),
                },
                child,
            );
            new aws.cloudwatch.EventTarget(`${name}-requests-start`, { rule: startRule.name, arn: this.pipeline.arn, roleArn: startRole.arn }, child);
        }

        // Notify: failures (a rejected package fails the Decide stage) and successes, e-mailed through an encrypted topic.
        this.notificationKey = new CustomerKey(
            `${name}-notify-key`,
            {
                description: `${prefix} package pipeline: notifications`,
                alias: `${prefix}-package-notifications`,
                policy: keyPolicy({
                    administrators: args.keyAdministrators,
                    serviceUsers: [
                        {
                            sid: "EventBridgePublishesEncrypted",
                            principal: servicePrincipal("events", account.partition),
                            actions: ["kms:GenerateDataKey*", "kms:Decrypt"],
                            conditions: { StringEquals: { "aws:SourceAccount": account.accountId } },
                        },
                    ],
                }),
            },
            child,
        );
        this.topic = new aws.sns.Topic(
            `${name}-notifications`,
            { name: `${prefix}-package-pipeline`, displayName: "Package scan pipeline", kmsMasterKeyId: this.notificationKey.arn },
            child,
        );
        for (const email of emails) {
            new aws.sns.TopicSubscription(
                `${name}-notify-${createHash("sha256").update(email).digest("hex").slice(0, 8)}`,
                { topic: this.topic.arn, protocol: "email", endpoint: email },
                child,
            );
        }
        const ruleName = (state: string) => `${prefix}-package-pipeline-${state.toLowerCase()}`;
        const ruleArns = ["FAILED", "SUCCEEDED"].map((s) => `arn:${account.partition}:events:${account.region}:${account.accountId}:rule/${ruleName(s)}`);
        const topicPolicy = new aws.sns.TopicPolicy(
            `${name}-notifications-policy`,
            { arn: this.topic.arn, policy: this.topic.arn.apply((arn) => toPolicyJson(notificationTopicPolicy(arn, ruleArns, account.partition))) },
            child,
        );
        for (const state of ["FAILED", "SUCCEEDED"]) {
            const rule = new aws.cloudwatch.EventRule(
                `${name}-${state.toLowerCase()}`,
                {
                    name: ruleName(state),
                    description: `Package scan pipeline ${state.toLowerCase()}`,
                    eventPattern: JSON.stringify({
                        source: ["aws.codepipeline"],
                        "detail-type": ["CodePipeline Pipeline Execution State Change"],
                        detail: { pipeline: [pipelineName], state: [state] },
                    }),
                },
                child,
            );
            new aws.cloudwatch.EventTarget(
                `${name}-${state.toLowerCase()}-notify`,
                {
                    rule: rule.name,
                    arn: this.topic.arn,
                    inputTransformer: {
                        inputPaths: { pipeline: "$.detail.pipeline", execution: "$.detail.execution-id", state: "$.detail.state" },
                        inputTemplate:
                            state === "FAILED"
                                ? `"Package scan pipeline <pipeline> run <execution> FAILED: a package was rejected or a stage failed. Nothing of that request file was published. Report: s3://${reportsBucketName}/decisions/<execution>/report.md"`
                                : `"Package scan pipeline <pipeline> run <execution> SUCCEEDED: the requested packages were scanned, approved and published. Report: s3://${reportsBucketName}/decisions/<execution>/report.md"`,
                    },
                },
                { parent: this, dependsOn: [topicPolicy] },
            );
        }

        this.registerOutputs({
            pipelineName: this.pipeline.name,
            topicArn: this.topic.arn,
            reportsBucket: this.reportsBucket.name,
            sourceBucket: this.sourceBucket?.name,
            connectionArn: this.connection?.arn,
        });
    }
}
