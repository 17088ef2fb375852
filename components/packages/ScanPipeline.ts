import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { createHash } from "node:crypto";
import { AccountContext, servicePrincipal } from "../guardrails/arns";
import { PolicyDocument, toPolicyJson } from "../guardrails/document";
import { keyPolicy } from "../guardrails/kmsKeyPolicy";
import {
    codeBuildStageTrustPolicy,
    decideStagePolicy,
    imageLifecyclePolicy,
    notificationTopicPolicy,
    pipelineRolePolicy,
    publishStagePolicy,
    scanStagePolicy,
    startPipelinePolicy,
} from "../guardrails/packages";
import { serviceTrustPolicy } from "../guardrails/governance";
import { CustomerKey } from "../kms/CustomerKey";
import { NamingContext } from "../naming";
import { VpcFlowLogs } from "../network/VpcFlowLogs";
import { SecureBucket } from "../storage/SecureBucket";
import { CODEARTIFACT_ASSETS_BUCKETS } from "../network/endpointCatalog";
import { loadBuildspec, loadScanHelpers } from "./buildspecFiles";
import { ClamavSignatureMirror, SIGNATURE_PREFIX } from "./ClamavSignatureMirror";
import { bundleDecisionCode } from "./decide/bundle";
import { GateEndpointSubnets } from "./GateEndpointSubnets";
import { parseToolchainImage, toolchainEnvironment, toolchainImageProblem } from "./toolchainImage";
import { CodeStarProvider, PYTHON_VERSION_PATTERN, SCAN_PIPELINE_DEFAULTS, SCAN_TIMEOUT_MINUTES_RANGE } from "./defaults";
import { DEFAULT_LOG_RETENTION_DAYS } from "../logRetention";
import { ScanPolicy } from "./decide/types";
import { MirrorNames } from "./mirrorNames";
import { ScanEgressNetwork } from "./ScanEgressNetwork";
import { buildAction, codeStarSourceAction, firstSeenApprovalStages, notificationTemplate, plaintextVariables, s3SourceAction } from "./scanPipelineActions";
import { NOTIFIED_STATES, SCAN_STAGES, ScanPipelineNames, ScanPipelineRole, ScanStage, scanPipelineNames } from "./scanPipelineNames";

export { loadBuildspec } from "./buildspecFiles";

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
    /**
     * The toolchain image every gate build runs (S7): `<this account>.dkr.ecr.<region>.amazonaws.com/<org>-<env>/package-gate-toolchain@sha256:<64 hex>`.
     * Pinned by digest, in the repository this component creates. Required.
     */
    toolchainImage: string;
    /** Hold first-seen packages for a manual approval before they are published. Default true. */
    firstSeenApproval?: boolean;
    /** Hours between two updates of the ClamAV signature mirror (1 to 24). Default 6. */
    clamavUpdateHours?: number;
    /** CodeArtifact's asset bucket of the region, for the S3 gateway endpoint's policy. Default: the catalogue's (endpointCatalog.ts). */
    codeArtifactAssetsBucket?: string;
    /** AWS Organizations id: the gate's endpoints then admit the organisation's principals (N12). Default: this account's only. */
    organizationId?: string;
}

/**
 * The scan pipeline (S2–S7): reviewed requests in, scanned and approved packages out. CodePipeline
 * V2 with a KMS-encrypted artifact store and the stages Source (S3 bucket or CodeStar
 * connection), Scan (CodeBuild in an egress-only scanning VPC), Decide (this repository's
 * decision code, signed) and Publish (a role that can only publish to `approved`, in subnets
 * without a route out), the last split around a manual approval of first-seen packages
 * (firstSeenApproval). Every build runs the digest-pinned toolchain image (S7). Failures are e-mailed
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
    readonly scanNetwork: ScanEgressNetwork;
    /** The no-internet subnets and endpoints of the decide and publish builds (S7). */
    readonly gateSubnets: GateEndpointSubnets;
    /** The toolchain image's repository (S7): scanners, twine, AWS CLI, ClamAV and Node.js, pulled by digest. */
    readonly toolchainRepository: aws.ecr.Repository;
    /** The private ClamAV signature mirror and its scheduled updater (S2, S7). */
    readonly signatureMirror: ClamavSignatureMirror;
    readonly projects: Record<ScanStage, aws.codebuild.Project>;
    readonly roles: Record<ScanPipelineRole, aws.iam.Role>;
    readonly scanRoleArn: pulumi.Output<string>;
    readonly publishRoleArn: pulumi.Output<string>;
    /** Signs the decision (S7): the decide stage signs approved.tsv's SHA-256, the publish stage verifies it. */
    readonly signingKey: CustomerKey;

    constructor(name: string, args: ScanPipelineArgs, opts?: pulumi.ComponentResourceOptions) {
        super("secure-ds:packages:ScanPipeline", name, {}, opts);
        const c: Step = {
            name,
            args,
            settings: scanPipelineSettings(name, args),
            names: scanPipelineNames(args.account, args.naming),
            child: { parent: this },
        };

        this.roles = this.createRoles(c);
        this.scanRoleArn = this.roles.scan.arn;
        this.publishRoleArn = this.roles.publish.arn;
        this.key = this.createKey(c);
        this.signingKey = this.createSigningKey(c);
        this.artifactBucket = this.createBucket(c, "artifacts");
        this.reportsBucket = this.createBucket(c, "reports");
        const tools = this.uploadTools(c);
        const intake = this.createIntake(c);
        this.sourceBucket = intake.sourceBucket;
        this.connection = intake.connection;
        this.toolchainRepository = this.createToolchainRepository(c);
        this.scanNetwork = this.createScanNetwork(c);
        this.gateSubnets = this.createGateSubnets(c);
        const scanSecurityGroup = this.createScanSecurityGroup(c);
        this.signatureMirror = this.createSignatureMirror(c, scanSecurityGroup);
        const logs = this.createLogGroups(c);
        const policies = this.createStagePolicies(c, logs, tools);
        this.projects = this.createProjects(c, { logs, policies, scanSecurityGroup, tools });
        this.notificationKey = this.createNotificationKey(c);
        this.topic = this.createTopic(c);
        this.pipeline = this.createPipeline(c, intake.sourceAction);
        if (this.sourceBucket) this.startOnUpload(c, this.sourceBucket);
        this.notifyOutcomes(c);

        this.registerOutputs({
            pipelineName: this.pipeline.name,
            topicArn: this.topic.arn,
            reportsBucket: this.reportsBucket.name,
            sourceBucket: this.sourceBucket?.name,
            connectionArn: this.connection?.arn,
        });
    }

    /**
     * Roles first: key and bucket policies name them, and KMS refuses principals that do not exist.
     * Each stage role trusts its own project only (aws:SourceArn), so no other build can run as the
     * publish role (S3).
     */
    private createRoles(c: Step): Record<ScanPipelineRole, aws.iam.Role> {
        const { account } = c.args;
        const role = (stage: ScanPipelineRole, trust: PolicyDocument) =>
            new aws.iam.Role(
                `${c.name}-${stage}-role`,
                {
                    name: c.names.roles[stage],
                    description: `Package scan pipeline: ${stage} stage`,
                    assumeRolePolicy: toPolicyJson(trust),
                    maxSessionDuration: 3600,
                },
                c.child,
            );
        const stageRole = (stage: ScanStage) => role(stage, codeBuildStageTrustPolicy(account, c.names.projectArns[stage]));
        return {
            pipeline: role("pipeline", serviceTrustPolicy("codepipeline", account.partition, account.accountId)),
            scan: stageRole("scan"),
            decide: stageRole("decide"),
            publish: stageRole("publish"),
            signatures: role("signatures", codeBuildStageTrustPolicy(account, c.names.signatures.projectArn)),
        };
    }

    /** The key of artifacts, requests and reports: the stage roles and the deployer use it, only through S3. */
    private createKey(c: Step): CustomerKey {
        const roleArns = Object.values(this.roles).map((r) => r.arn);
        return new CustomerKey(
            `${c.name}-key`,
            {
                description: `${c.names.prefix} package pipeline: artifacts, requests, reports`,
                alias: `${c.names.prefix}-package-pipeline`,
                policy: pulumi.all(roleArns).apply((arns) =>
                    keyPolicy({
                        administrators: c.args.keyAdministrators,
                        // The deployer writes the tool objects; the stage roles read and write artifacts, only through
                        // S3; ECR encrypts the toolchain image's layers with it.
                        users: [...arns, ...c.args.keyAdministrators],
                        viaServices: [`s3.${c.args.account.region}.amazonaws.com`, `ecr.${c.args.account.region}.amazonaws.com`],
                    }),
                ),
            },
            c.child,
        );
    }

    /**
     * S7: the decision is signed. Only the decide role signs, only the publish role verifies: an
     * approved.tsv changed between the stages (in the artifact bucket, by anyone who can write
     * there) fails verification and nothing is published.
     */
    private createSigningKey(c: Step): CustomerKey {
        return new CustomerKey(
            `${c.name}-decision-signing`,
            {
                description: `${c.names.prefix} package pipeline: signs the approved list`,
                alias: `${c.names.prefix}-package-decision-signing`,
                usage: "SIGN_VERIFY",
                policy: pulumi
                    .all([this.roles.decide.arn, this.roles.publish.arn])
                    .apply(([decide, publish]) =>
                        keyPolicy({ administrators: c.args.keyAdministrators, signing: { signers: [decide], verifiers: [publish] } }),
                    ),
            },
            c.child,
        );
    }

    private createBucket(c: Step, purpose: "artifacts" | "reports" | "requests"): SecureBucket {
        return new SecureBucket(
            `${c.name}-${purpose}`,
            {
                bucketName: c.names.buckets[purpose],
                account: c.args.account,
                kmsKeyArn: this.key.arn,
                accessLogBucket: c.args.accessLogBucket,
                noncurrentVersionDays: c.settings.reportRetentionDays,
            },
            c.child,
        );
    }

    /** The decision code and the scan helpers, pinned by SHA256 in the projects (see decide/bundle.ts). */
    private uploadTools(c: Step): Tools {
        const bundle = bundleDecisionCode();
        const helpers = loadScanHelpers();
        const helpersSha256 = createHash("sha256").update(helpers).digest("hex");
        const decideKey = `tools/decide-${bundle.sha256.slice(0, 16)}.js`;
        const helpersKey = `tools/scan_helpers-${helpersSha256.slice(0, 16)}.py`;
        const tool = (role: string, key: string, content: string) =>
            new aws.s3.BucketObjectv2(
                `${c.name}-${role}`,
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
        return { decideKey, decideSha256: bundle.sha256, helpersKey, helpersSha256 };
    }

    /** Intake (S6: no personal access token anywhere): a versioned bucket, or a CodeStar connection. */
    private createIntake(c: Step): { sourceAction: PipelineStageAction; sourceBucket?: SecureBucket; connection?: aws.codestarconnections.Connection } {
        const { intake } = c.settings;
        if (intake.mode === "s3") {
            const sourceBucket = this.createBucket(c, "requests");
            return { sourceAction: s3SourceAction(sourceBucket.name), sourceBucket };
        }
        const connection = new aws.codestarconnections.Connection(
            `${c.name}-connection`,
            { name: `${c.names.prefix}-pkg-requests`.slice(0, 32), providerType: intake.provider },
            c.child,
        );
        return { sourceAction: codeStarSourceAction(connection.arn, intake.repository as string, intake.branch), connection };
    }

    /**
     * Egress-only scanning VPC (ScanEgressNetwork): private subnets behind one NAT, nothing inbound,
     * flow logs on. It is not the data VPC, which has no internet path at all (S1, N6).
     */
    private createScanNetwork(c: Step): ScanEgressNetwork {
        const network = new ScanEgressNetwork(
            `${c.name}-scan-network`,
            { cidr: c.settings.scanVpcCidr, availabilityZones: c.args.availabilityZones.slice(0, 2), namePrefix: c.names.prefix },
            c.child,
        );
        // Parented here, not in the network: the log group is protected audit evidence, and keeping
        // its URN means a deploy never tries to delete it.
        new VpcFlowLogs(
            `${c.name}-scan-vpc-flow-logs`,
            {
                vpcId: network.vpcId,
                account: c.args.account,
                logGroupName: `/secure-ds/${c.names.prefix}/vpc-flow-logs/package-scanning`,
                roleName: c.names.roles.flowLogs,
                kmsKeyArn: c.args.logsKeyArn,
            },
            c.child,
        );
        return network;
    }

    /**
     * The toolchain image's repository (S7): the operator pushes the image built from
     * components/packages/toolchain/ and pins its digest in config (docs/operations.md). Immutable
     * tags, scan on push, the pipeline key; protected, since the pinned digest must keep existing.
     */
    private createToolchainRepository(c: Step): aws.ecr.Repository {
        const repository = new aws.ecr.Repository(
            `${c.name}-toolchain`,
            {
                name: c.names.toolchainRepository,
                imageTagMutability: "IMMUTABLE",
                imageScanningConfiguration: { scanOnPush: true },
                encryptionConfigurations: [{ encryptionType: "KMS", kmsKey: this.key.arn }],
                forceDelete: false,
            },
            { parent: this, protect: true, retainOnDelete: true },
        );
        // Fewer kept images than the Studio repository's: only the pinned one and a few to roll back to are needed.
        new aws.ecr.LifecyclePolicy(
            `${c.name}-toolchain-lifecycle`,
            { repository: repository.name, policy: JSON.stringify(imageLifecyclePolicy(TOOLCHAIN_IMAGES_KEPT)) },
            c.child,
        );
        return repository;
    }

    /** The decide and publish builds' subnets without internet, and the endpoints they reach AWS through (S3). */
    private createGateSubnets(c: Step): GateEndpointSubnets {
        const spare = this.scanNetwork.spareCidr;
        if (spare === undefined) throw new Error(`ScanPipeline ${c.name}: the scanning VPC has no spare quarter for the gate's no-internet subnets.`);
        return new GateEndpointSubnets(
            `${c.name}-gate-subnets`,
            {
                vpcId: this.scanNetwork.vpcId,
                cidr: spare,
                vpcCidr: c.settings.scanVpcCidr,
                availabilityZones: c.args.availabilityZones.slice(0, 2),
                account: c.args.account,
                principalScope: { accountIds: [c.args.account.accountId], organizationId: c.args.organizationId },
                namePrefix: c.names.prefix,
                codeArtifactAssetsBucket: c.settings.codeArtifactAssetsBucket,
                s3RouteTableIds: this.scanNetwork.privateRouteTables.map((rt) => rt.id),
            },
            c.child,
        );
    }

    /** The ClamAV signature mirror: updated on a schedule from the scanning VPC's NAT side, read by the scan (S2). */
    private createSignatureMirror(c: Step, scanSecurityGroup: aws.ec2.SecurityGroup): ClamavSignatureMirror {
        const { account } = c.args;
        return new ClamavSignatureMirror(
            `${c.name}-clamav`,
            {
                account,
                names: { bucket: c.names.buckets.signatures, ...c.names.signatures, startRole: c.names.roles.signaturesStart },
                role: this.roles.signatures,
                keyArn: this.key.arn,
                logsKeyArn: c.args.logsKeyArn,
                toolchain: { image: c.settings.toolchainImage, repositoryArn: c.names.toolchainRepositoryArn },
                network: {
                    vpcId: this.scanNetwork.vpcId,
                    subnetIds: this.scanNetwork.privateSubnetIds,
                    subnetArns: subnetArnsOf(account, this.scanNetwork.privateSubnetIds),
                    securityGroupId: scanSecurityGroup.id,
                },
                updateHours: c.settings.clamavUpdateHours,
                accessLogBucket: c.args.accessLogBucket,
            },
            c.child,
        );
    }

    private createScanSecurityGroup(c: Step): aws.ec2.SecurityGroup {
        return new aws.ec2.SecurityGroup(
            `${c.name}-scan-sg`,
            {
                vpcId: this.scanNetwork.vpcId,
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
            c.child,
        );
    }

    /** One encrypted log group per CodeBuild project (E8), kept as evidence. */
    private createLogGroups(c: Step): Record<ScanStage, aws.cloudwatch.LogGroup> {
        const logGroup = (stage: ScanStage) =>
            new aws.cloudwatch.LogGroup(
                `${c.name}-${stage}-logs`,
                { name: c.names.logGroups[stage], kmsKeyId: c.args.logsKeyArn, retentionInDays: DEFAULT_LOG_RETENTION_DAYS },
                { parent: this, protect: true, retainOnDelete: true },
            );
        return { scan: logGroup("scan"), decide: logGroup("decide"), publish: logGroup("publish") };
    }

    /** Each stage role's permissions: its log group, the artifacts, its tools, and its one CodeArtifact task. */
    private createStagePolicies(c: Step, logs: Record<ScanStage, aws.cloudwatch.LogGroup>, tools: Tools): Record<ScanStage, aws.iam.RolePolicy> {
        const { account, mirror } = c.args;
        const { artifacts: artifactBucketName, reports: reportsBucketName } = c.names.buckets;
        const stagePolicy = (stage: ScanStage, doc: pulumi.Output<PolicyDocument>) =>
            new aws.iam.RolePolicy(`${c.name}-${stage}-policy`, { role: this.roles[stage].id, policy: doc.apply(toPolicyJson) }, c.child);
        const base = (stage: ScanStage, logGroupArn: string, keyArn: string, subnetArns: string[]) => ({
            account,
            logGroupArn,
            artifactBucket: artifactBucketName,
            artifactKeyArn: keyArn,
            toolchainRepositoryArn: c.names.toolchainRepositoryArn,
            subnetArns,
            ...(stage !== "publish"
                ? { tools: { bucket: reportsBucketName, keys: stage === "scan" ? [tools.decideKey, tools.helpersKey] : [tools.decideKey] } }
                : {}),
        });
        const subnetArns = subnetArnsOf(account, this.scanNetwork.privateSubnetIds);
        const gateSubnetArns = subnetArnsOf(account, this.gateSubnets.subnetIds);
        return {
            scan: stagePolicy(
                "scan",
                pulumi.all([logs.scan.arn, this.key.arn, subnetArns]).apply(([lg, k, subnets]) =>
                    scanStagePolicy({
                        ...base("scan", lg, k, subnets),
                        signatureMirrorBucket: c.names.buckets.signatures,
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
                    .all([logs.decide.arn, this.key.arn, this.signingKey.arn, gateSubnetArns])
                    .apply(([lg, k, sk, subnets]) =>
                        decideStagePolicy({ ...base("decide", lg, k, subnets), reportsBucket: reportsBucketName, reportsKeyArn: k, signingKeyArn: sk }),
                    ),
            ),
            publish: stagePolicy(
                "publish",
                pulumi.all([logs.publish.arn, this.key.arn, this.signingKey.arn, gateSubnetArns]).apply(([lg, k, sk, subnets]) =>
                    publishStagePolicy({
                        ...base("publish", lg, k, subnets),
                        signingKeyArn: sk,
                        domainArn: mirror.domainArn,
                        approvedRepositoryArn: mirror.pypi.approvedRepositoryArn,
                        approvedPackagesArn: mirror.pypi.approvedPackagesArn,
                    }),
                ),
            ),
        };
    }

    /** The CodeBuild projects: scan (in the scanning VPC), decide and publish, each with its buildspec and role. */
    private createProjects(c: Step, deps: ProjectDeps): Record<ScanStage, aws.codebuild.Project> {
        const { mirror } = c.args;
        const { tools } = deps;
        // Scan reaches the internet through the NAT (vulnerability databases); decide and publish have no route out (S7).
        const vpcConfigs = {
            egress: { vpcId: this.scanNetwork.vpcId, subnets: this.scanNetwork.privateSubnetIds, securityGroupIds: [deps.scanSecurityGroup.id] },
            gate: { vpcId: this.scanNetwork.vpcId, subnets: this.gateSubnets.subnetIds, securityGroupIds: [this.gateSubnets.buildSecurityGroup.id] },
        };
        const project = (
            stage: ScanStage,
            computeType: string,
            timeout: number,
            vars: Record<string, pulumi.Input<string>>,
            network: keyof typeof vpcConfigs,
        ) =>
            new aws.codebuild.Project(
                `${c.name}-${stage}`,
                {
                    name: c.names.projects[stage],
                    description: `Package scan pipeline: ${stage}`,
                    serviceRole: this.roles[stage].arn,
                    encryptionKey: this.key.arn,
                    buildTimeout: timeout,
                    queuedTimeout: 60,
                    source: { type: "CODEPIPELINE", buildspec: loadBuildspec(stage) },
                    artifacts: { type: "CODEPIPELINE" },
                    // The digest-pinned toolchain image: no build installs a tool at build time (S7).
                    environment: { ...toolchainEnvironment(c.settings.toolchainImage, computeType), environmentVariables: plaintextVariables(vars) },
                    logsConfig: { cloudwatchLogs: { status: "ENABLED", groupName: deps.logs[stage].name }, s3Logs: { status: "DISABLED" } },
                    vpcConfig: vpcConfigs[network],
                },
                // A build must not start before its role may write its logs and reach its inputs.
                { parent: this, dependsOn: [deps.policies[stage]] },
            );
        return {
            scan: project(
                "scan",
                "BUILD_GENERAL1_MEDIUM",
                c.settings.scanTimeoutMinutes,
                {
                    TOOLS_BUCKET: this.reportsBucket.name,
                    DECIDE_KEY: tools.decideKey,
                    DECIDE_SHA256: tools.decideSha256,
                    HELPERS_KEY: tools.helpersKey,
                    HELPERS_SHA256: tools.helpersSha256,
                    CODEARTIFACT_DOMAIN: mirror.domainName,
                    CODEARTIFACT_OWNER: mirror.domainOwner,
                    UPSTREAM_REPOSITORY: mirror.pypi.upstreamRepository,
                    PYTHON_VERSION: c.settings.pythonVersion,
                    SIGNATURES_BUCKET: c.names.buckets.signatures,
                    SIGNATURES_PREFIX: SIGNATURE_PREFIX,
                },
                "egress",
            ),
            decide: project(
                "decide",
                "BUILD_GENERAL1_SMALL",
                15,
                {
                    TOOLS_BUCKET: this.reportsBucket.name,
                    DECIDE_KEY: tools.decideKey,
                    DECIDE_SHA256: tools.decideSha256,
                    SCAN_POLICY: JSON.stringify(c.settings.policy),
                    REPORTS_BUCKET: this.reportsBucket.name,
                    REPORTS_KEY_ARN: this.key.arn,
                    SIGNING_KEY_ARN: this.signingKey.arn,
                },
                "gate",
            ),
            publish: project(
                "publish",
                "BUILD_GENERAL1_SMALL",
                30,
                {
                    CODEARTIFACT_DOMAIN: mirror.domainName,
                    CODEARTIFACT_OWNER: mirror.domainOwner,
                    APPROVED_REPOSITORY: mirror.pypi.approvedRepository,
                    SIGNING_KEY_ARN: this.signingKey.arn,
                    // The pipeline's actions override it: "known" before the approval, "all" after it.
                    PUBLISH_SCOPE: "all",
                },
                "gate",
            ),
        };
    }

    /** The pipeline (Source, Scan, Decide, Publish) and its role's permissions. */
    private createPipeline(c: Step, sourceAction: PipelineStageAction): aws.codepipeline.Pipeline {
        const { intake } = c.settings;
        const pipelinePolicy = new aws.iam.RolePolicy(
            `${c.name}-pipeline-policy`,
            {
                role: this.roles.pipeline.id,
                policy: pulumi
                    .all([this.key.arn, this.connection?.arn ?? pulumi.output(undefined), this.topic.arn, this.notificationKey.arn])
                    .apply(([k, connectionArn, topicArn, notifyKeyArn]) =>
                        toPolicyJson(
                            pipelineRolePolicy({
                                ...(c.settings.firstSeenApproval ? { approvalTopic: { topicArn, keyArn: notifyKeyArn } } : {}),
                                account: c.args.account,
                                artifactBucket: c.names.buckets.artifacts,
                                artifactKeyArn: k,
                                projectArns: SCAN_STAGES.map((stage) => c.names.projectArns[stage]),
                                ...(intake.mode === "s3" ? { sourceBucket: c.names.buckets.requests, sourceKeyArn: k } : {}),
                                ...(connectionArn ? { connectionArn, repository: intake.repository } : {}),
                            }),
                        ),
                    ),
            },
            c.child,
        );
        const build = (stage: ScanStage, inputs: string[], output?: string, extraEnv?: Record<string, string>) =>
            buildAction(stage, this.projects[stage].name, inputs, output, extraEnv);
        const publishStages = c.settings.firstSeenApproval
            ? firstSeenApprovalStages({
                  projectName: this.projects.publish.name,
                  topicArn: this.topic.arn,
                  reportsBucket: c.names.buckets.reports,
              })
            : [{ name: "Publish", actions: [build("publish", ["scan", "decision"])] }];
        return new aws.codepipeline.Pipeline(
            `${c.name}-pipeline`,
            {
                name: c.names.pipeline,
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
                    ...publishStages,
                ],
            },
            { parent: this, dependsOn: [pipelinePolicy] },
        );
    }

    /** S3 intake: a new requests.zip starts the pipeline through EventBridge (no polling). */
    private startOnUpload(c: Step, sourceBucket: SecureBucket): void {
        const { account } = c.args;
        new aws.s3.BucketNotification(`${c.name}-requests-events`, { bucket: sourceBucket.name, eventbridge: true }, c.child);
        const startRole = new aws.iam.Role(
            `${c.name}-start-role`,
            {
                name: c.names.roles.start,
                description: "Starts the package scan pipeline when a request file is uploaded",
                assumeRolePolicy: toPolicyJson(serviceTrustPolicy("events", account.partition, account.accountId)),
            },
            c.child,
        );
        new aws.iam.RolePolicy(`${c.name}-start-policy`, { role: startRole.id, policy: toPolicyJson(startPipelinePolicy(c.names.pipelineArn)) }, c.child);
        const startRule = new aws.cloudwatch.EventRule(
            `${c.name}-requests-uploaded`,
            {
                name: `${c.names.prefix}-package-requests-uploaded`,
                description: "A reviewed requests.zip was uploaded",
                eventPattern: JSON.stringify({
                    source: ["aws.s3"],
                    "detail-type": ["Object Created"],
                    detail: { bucket: { name: [c.names.buckets.requests] }, object: { key: ["requests.zip"] } },
                }),
            },
            c.child,
        );
        new aws.cloudwatch.EventTarget(`${c.name}-requests-start`, { rule: startRule.name, arn: this.pipeline.arn, roleArn: startRole.arn }, c.child);
    }

    /** The notification topic's key: EventBridge of this account publishes to the topic encrypted. */
    private createNotificationKey(c: Step): CustomerKey {
        const { account } = c.args;
        return new CustomerKey(
            `${c.name}-notify-key`,
            {
                description: `${c.names.prefix} package pipeline: notifications`,
                alias: `${c.names.prefix}-package-notifications`,
                policy: this.roles.pipeline.arn.apply((pipelineRoleArn) =>
                    keyPolicy({
                        administrators: c.args.keyAdministrators,
                        // CodePipeline publishes the approval request with the pipeline's role, only through SNS.
                        users: [pipelineRoleArn],
                        viaServices: [`sns.${account.region}.amazonaws.com`],
                        serviceUsers: [
                            {
                                sid: "EventBridgePublishesEncrypted",
                                principal: servicePrincipal("events", account.partition),
                                actions: ["kms:GenerateDataKey*", "kms:Decrypt"],
                                conditions: { StringEquals: { "aws:SourceAccount": account.accountId } },
                            },
                        ],
                    }),
                ),
            },
            c.child,
        );
    }

    /** The encrypted topic and its e-mail subscriptions, named by a hash so reordering the list replaces nothing. */
    private createTopic(c: Step): aws.sns.Topic {
        const topic = new aws.sns.Topic(
            `${c.name}-notifications`,
            { name: `${c.names.prefix}-package-pipeline`, displayName: "Package scan pipeline", kmsMasterKeyId: this.notificationKey.arn },
            c.child,
        );
        for (const email of c.settings.notificationEmails) {
            new aws.sns.TopicSubscription(
                `${c.name}-notify-${createHash("sha256").update(email).digest("hex").slice(0, 8)}`,
                { topic: topic.arn, protocol: "email", endpoint: email },
                c.child,
            );
        }
        return topic;
    }

    /** Notify: failures (a rejected package fails the Decide stage) and successes, through the encrypted topic. */
    private notifyOutcomes(c: Step): void {
        const { account } = c.args;
        const ruleArns = NOTIFIED_STATES.map((state) => c.names.notificationRuleArns[state]);
        const topicPolicy = new aws.sns.TopicPolicy(
            `${c.name}-notifications-policy`,
            { arn: this.topic.arn, policy: this.topic.arn.apply((arn) => toPolicyJson(notificationTopicPolicy(arn, ruleArns, account.partition))) },
            c.child,
        );
        for (const state of NOTIFIED_STATES) {
            const rule = new aws.cloudwatch.EventRule(
                `${c.name}-${state.toLowerCase()}`,
                {
                    name: c.names.notificationRules[state],
                    description: `Package scan pipeline ${state.toLowerCase()}`,
                    eventPattern: JSON.stringify({
                        source: ["aws.codepipeline"],
                        "detail-type": ["CodePipeline Pipeline Execution State Change"],
                        detail: { pipeline: [c.names.pipeline], state: [state] },
                    }),
                },
                c.child,
            );
            new aws.cloudwatch.EventTarget(
                `${c.name}-${state.toLowerCase()}-notify`,
                {
                    rule: rule.name,
                    arn: this.topic.arn,
                    inputTransformer: {
                        inputPaths: { pipeline: "$.detail.pipeline", execution: "$.detail.execution-id", state: "$.detail.state" },
                        inputTemplate: notificationTemplate(state, c.names.buckets.reports),
                    },
                },
                { parent: this, dependsOn: [topicPolicy] },
            );
        }
    }
}

type PipelineStageAction = aws.types.input.codepipeline.PipelineStageAction;

/** Images kept in the toolchain repository: the pinned one and a few earlier ones to roll back to. */
const TOOLCHAIN_IMAGES_KEPT = 10;

/** Subnet ARNs of subnet ids (CodeBuild's ec2:CreateNetworkInterfacePermission is scoped to them). */
function subnetArnsOf(account: AccountContext, ids: pulumi.Output<string>[]): pulumi.Output<string[]> {
    return pulumi.all(ids).apply((all) => all.map((id) => `arn:${account.partition}:ec2:${account.region}:${account.accountId}:subnet/${id}`));
}

/** The arguments with their defaults applied. */
type ScanPipelineSettings = Required<
    Pick<
        ScanPipelineArgs,
        | "policy"
        | "notificationEmails"
        | "scanTimeoutMinutes"
        | "pythonVersion"
        | "scanVpcCidr"
        | "reportRetentionDays"
        | "toolchainImage"
        | "firstSeenApproval"
        | "clamavUpdateHours"
        | "codeArtifactAssetsBucket"
    >
> & {
    intake: { mode: "s3" | "codestar"; provider: CodeStarProvider; branch: string; repository?: string };
};

/** What every step of the constructor reads. */
interface Step {
    name: string;
    args: ScanPipelineArgs;
    settings: ScanPipelineSettings;
    names: ScanPipelineNames;
    child: pulumi.CustomResourceOptions;
}

/** The uploaded decision bundle and scan helpers: object keys and the hashes the buildspecs verify. */
interface Tools {
    decideKey: string;
    decideSha256: string;
    helpersKey: string;
    helpersSha256: string;
}

/** What the CodeBuild projects depend on. */
interface ProjectDeps {
    logs: Record<ScanStage, aws.cloudwatch.LogGroup>;
    policies: Record<ScanStage, aws.iam.RolePolicy>;
    scanSecurityGroup: aws.ec2.SecurityGroup;
    tools: Tools;
}

/** Applies the defaults (SCAN_PIPELINE_DEFAULTS) and validates, before any resource is registered. */
function scanPipelineSettings(name: string, args: ScanPipelineArgs): ScanPipelineSettings {
    const D = SCAN_PIPELINE_DEFAULTS;
    const settings: ScanPipelineSettings = {
        policy: args.policy ?? D.policy,
        intake: { ...D.intake, ...args.intake },
        notificationEmails: args.notificationEmails ?? D.notificationEmails,
        scanTimeoutMinutes: args.scanTimeoutMinutes ?? D.scanTimeoutMinutes,
        pythonVersion: args.pythonVersion ?? D.pythonVersion,
        scanVpcCidr: args.scanVpcCidr ?? D.scanVpcCidr,
        reportRetentionDays: args.reportRetentionDays ?? D.reportRetentionDays,
        toolchainImage: args.toolchainImage,
        firstSeenApproval: args.firstSeenApproval ?? D.firstSeenApproval,
        clamavUpdateHours: args.clamavUpdateHours ?? D.clamavUpdateHours,
        codeArtifactAssetsBucket: args.codeArtifactAssetsBucket ?? CODEARTIFACT_ASSETS_BUCKETS[args.account.region] ?? "",
    };
    if (settings.codeArtifactAssetsBucket === "") {
        throw new Error(
            `ScanPipeline ${name}: the CodeArtifact asset bucket of ${args.account.region} is not known; pass codeArtifactAssetsBucket (network.codeArtifactAssetsBucket; CodeArtifact user guide, "Create the Amazon S3 gateway endpoint").`,
        );
    }
    const image = parseToolchainImage(settings.toolchainImage);
    if (typeof image === "string") throw new Error(`ScanPipeline ${name}: toolchainImage ${image}.`);
    const imageProblem = toolchainImageProblem(image, {
        accountId: args.account.accountId,
        region: args.account.region,
        repository: scanPipelineNames(args.account, args.naming).toolchainRepository,
    });
    if (imageProblem) throw new Error(`ScanPipeline ${name}: toolchainImage "${settings.toolchainImage}" ${imageProblem}.`);
    const { intake, scanTimeoutMinutes: scanTimeout, pythonVersion } = settings;
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
    return settings;
}
