/**
 * Documents of the package mirror and the scan pipeline (S1–S6): CodeArtifact domain and
 * repository policies, the ECR repository policy and lifecycle, and one least-privilege role
 * policy per pipeline stage. No `*` action anywhere; `Resource: "*"` only where the service
 * has no resource-level permission (EC2 Describe* for VPC builds).
 */
import { AccountContext, accountRootArn, bucketArn, servicePrincipal } from "./arns";
import { PolicyDocument, Statement, policyDocument } from "./document";
import { serviceTrustPolicy } from "./governance";

/** Repository-level read actions (pip install, `aws codeartifact login`, browsing). */
export const CODEARTIFACT_REPOSITORY_READ_ACTIONS = [
    "codeartifact:ReadFromRepository",
    "codeartifact:GetRepositoryEndpoint",
    "codeartifact:DescribeRepository",
    "codeartifact:DescribePackage",
    "codeartifact:DescribePackageVersion",
    "codeartifact:GetPackageVersionAsset",
    "codeartifact:GetPackageVersionReadme",
    "codeartifact:ListPackages",
    "codeartifact:ListPackageVersions",
    "codeartifact:ListPackageVersionAssets",
    "codeartifact:ListPackageVersionDependencies",
];

/** Actions that add content to a repository. */
const CODEARTIFACT_PUBLISH_ACTIONS = ["codeartifact:PublishPackageVersion", "codeartifact:PutPackageMetadata"];

/**
 * Actions that remove, hide or rewrite content, or bring content in another way. Nobody may use
 * them on `approved`: withdrawing a version is a reviewed change of this policy, not a click.
 */
const CODEARTIFACT_MUTATE_ACTIONS = [
    "codeartifact:DeletePackageVersions",
    "codeartifact:DeletePackage",
    "codeartifact:DisposePackageVersions",
    "codeartifact:UpdatePackageVersionsStatus",
    "codeartifact:CopyPackageVersions",
    "codeartifact:PutPackageOriginConfiguration",
    "codeartifact:AssociateExternalConnection",
];

/** Who may read approved packages and images: the workload accounts, or the whole organisation. */
export interface ReaderScope {
    /** Account ids whose principals may read (used when no organisation id is given). */
    accountIds: string[];
    /** AWS Organizations id (o-...): when set, every principal of the organisation may read. */
    organizationId?: string;
}

function readers(scope: ReaderScope, partition: string): { Principal: Statement["Principal"]; Condition?: Statement["Condition"] } {
    if (scope.organizationId) {
        return { Principal: "*", Condition: { StringEquals: { "aws:PrincipalOrgID": scope.organizationId } } };
    }
    if (scope.accountIds.length === 0) {
        throw new Error("packages guardrails: no reader account and no organisation id; name the workload accounts or set organizationId.");
    }
    return { Principal: { AWS: [...new Set(scope.accountIds)].sort().map((accountId) => accountRootArn({ partition, accountId })) } };
}

/** The domain policy: readers may get a CodeArtifact token (the repository policies decide what they read). */
export function domainPermissionsPolicy(domainArn: string, scope: ReaderScope, partition: string): PolicyDocument {
    return policyDocument([
        {
            Sid: "ReadersGetTokens",
            Effect: "Allow",
            ...readers(scope, partition),
            Action: ["codeartifact:GetAuthorizationToken", "codeartifact:DescribeDomain"],
            Resource: domainArn,
        },
    ]);
}

export interface ApprovedRepositoryPolicyArgs {
    repositoryArn: string;
    /** Package ARN pattern of the repository: arn:...:package/<domain>/<repository>/* */
    packagesArn: string;
    /** The scan pipeline's publish role: the only principal that may publish (S3). */
    publisherRoleArn: string;
    readers: ReaderScope;
    partition: string;
}

/**
 * `approved` (S3): data scientists read, only the publish role publishes, and nobody deletes or
 * rewrites. The denies are explicit so that no identity policy in any account (an admin's
 * `codeartifact:*`) can publish around the pipeline.
 */
export function approvedRepositoryPolicy(args: ApprovedRepositoryPolicyArgs): PolicyDocument {
    const resources = [args.repositoryArn, args.packagesArn];
    return policyDocument([
        { Sid: "ReadersRead", Effect: "Allow", ...readers(args.readers, args.partition), Action: CODEARTIFACT_REPOSITORY_READ_ACTIONS, Resource: resources },
        { Sid: "PublisherPublishes", Effect: "Allow", Principal: { AWS: args.publisherRoleArn }, Action: CODEARTIFACT_PUBLISH_ACTIONS, Resource: resources },
        {
            Sid: "DenyPublishExceptPublisher",
            Effect: "Deny",
            Principal: "*",
            Action: CODEARTIFACT_PUBLISH_ACTIONS,
            Resource: resources,
            Condition: { ArnNotEquals: { "aws:PrincipalArn": args.publisherRoleArn } },
        },
        { Sid: "DenyDeleteAndRewrite", Effect: "Deny", Principal: "*", Action: CODEARTIFACT_MUTATE_ACTIONS, Resource: resources },
    ]);
}

export interface UpstreamRepositoryPolicyArgs {
    repositoryArn: string;
    packagesArn: string;
    /** The scan role: the only principal that may read unscanned packages (S1, S2). */
    scannerRoleArn: string;
}

/**
 * `public-<ecosystem>` holds unscanned packages: only the scan stage reads it, nobody publishes
 * into it, nobody else can read it even with a broad identity policy.
 */
export function upstreamRepositoryPolicy(args: UpstreamRepositoryPolicyArgs): PolicyDocument {
    const resources = [args.repositoryArn, args.packagesArn];
    return policyDocument([
        { Sid: "ScannerReads", Effect: "Allow", Principal: { AWS: args.scannerRoleArn }, Action: CODEARTIFACT_REPOSITORY_READ_ACTIONS, Resource: resources },
        {
            Sid: "DenyReadExceptScanner",
            Effect: "Deny",
            Principal: "*",
            Action: CODEARTIFACT_REPOSITORY_READ_ACTIONS,
            Resource: resources,
            Condition: { ArnNotEquals: { "aws:PrincipalArn": args.scannerRoleArn } },
        },
        {
            Sid: "DenyPublish",
            Effect: "Deny",
            Principal: "*",
            Action: [...CODEARTIFACT_PUBLISH_ACTIONS, "codeartifact:CopyPackageVersions"],
            Resource: resources,
        },
        {
            // Adding this repository as the upstream of `approved` (or of any repository a data
            // scientist reads) needs this action on it: denied to everyone, so no UpdateRepository
            // anywhere in the domain can route unscanned packages around the pipeline (S1, S2).
            Sid: "DenyUseAsUpstream",
            Effect: "Deny",
            Principal: "*",
            Action: "codeartifact:AssociateWithDownstreamRepository",
            Resource: args.repositoryArn,
        },
    ]);
}

/** S5: readers pull approved Studio images; nobody else, and nobody outside pushes. */
export function imageRepositoryPolicy(scope: ReaderScope, partition: string): PolicyDocument {
    return policyDocument([
        {
            Sid: "ReadersPull",
            Effect: "Allow",
            ...readers(scope, partition),
            Action: ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer", "ecr:BatchCheckLayerAvailability"],
        },
    ]);
}

/** S5: untagged images go after a day; only the newest `keep` tagged images are kept. */
export function imageLifecyclePolicy(keep: number): { rules: unknown[] } {
    return {
        rules: [
            {
                rulePriority: 1,
                description: "Expire untagged images after 1 day",
                selection: { tagStatus: "untagged", countType: "sinceImagePushed", countUnit: "days", countNumber: 1 },
                action: { type: "expire" },
            },
            {
                rulePriority: 2,
                description: `Keep the newest ${keep} images`,
                selection: { tagStatus: "any", countType: "imageCountMoreThan", countNumber: keep },
                action: { type: "expire" },
            },
        ],
    };
}

/** What every build of the pipeline needs: its own log group, the artifacts, the artifact key. */
export interface StageBase {
    account: AccountContext;
    /** The stage's CloudWatch log group ARN (without `:*`). */
    logGroupArn: string;
    artifactBucket: string;
    artifactKeyArn: string;
    /**
     * Objects the build downloads (the decision bundle, the scan helpers): bucket and keys. They are
     * encrypted with the artifact key, and only the deployer writes them.
     */
    tools?: { bucket: string; keys: string[] };
    /** The stage produces an output artifact (scan, decide). Publish produces none, so it only reads. Default true. */
    writesArtifacts?: boolean;
    /**
     * The ECR repository of the gate's toolchain image (S2, S3): CodeBuild pulls the image with the
     * stage role (imagePullCredentialsType SERVICE_ROLE), from this repository only. Default: none.
     */
    toolchainRepositoryArn?: string;
    /** Subnets (ARNs) where CodeBuild attaches the build's interfaces, for a build in a VPC. Default: none (no VPC). */
    subnetArns?: string[];
}

function stageBaseStatements(s: StageBase): Statement[] {
    const artifacts = bucketArn(s.account.partition, s.artifactBucket);
    const statements: Statement[] = [
        { Sid: "OwnLogs", Effect: "Allow", Action: ["logs:CreateLogStream", "logs:PutLogEvents"], Resource: [`${s.logGroupArn}:*`] },
        {
            Sid: "PipelineArtifacts",
            Effect: "Allow",
            Action: ["s3:GetObject", "s3:GetObjectVersion", ...(s.writesArtifacts === false ? [] : ["s3:PutObject"])],
            Resource: `${artifacts}/*`,
        },
        {
            Sid: "ArtifactKey",
            Effect: "Allow",
            Action: ["kms:Decrypt", ...(s.writesArtifacts === false ? [] : ["kms:GenerateDataKey"]), "kms:DescribeKey"],
            Resource: s.artifactKeyArn,
            Condition: { StringEquals: { "kms:ViaService": `s3.${s.account.region}.amazonaws.com` } },
        },
    ];
    if (s.toolchainRepositoryArn) statements.push(...toolchainPullStatements(s.toolchainRepositoryArn));
    if (s.subnetArns) statements.push(...vpcBuildStatements(s.account, s.subnetArns));
    if (s.tools && s.tools.keys.length > 0) {
        const tools = bucketArn(s.account.partition, s.tools.bucket);
        statements.push({ Sid: "ReadTools", Effect: "Allow", Action: "s3:GetObject", Resource: s.tools.keys.map((k) => `${tools}/${k}`) });
    }
    return statements;
}

/** Pulling one image repository: ecr:GetAuthorizationToken has no resource-level permission (ECR service authorization reference). */
function toolchainPullStatements(repositoryArn: string): Statement[] {
    return [
        { Sid: "EcrToken", Effect: "Allow", Action: "ecr:GetAuthorizationToken", Resource: "*" },
        {
            Sid: "PullToolchainImage",
            Effect: "Allow",
            Action: ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer", "ecr:BatchCheckLayerAvailability"],
            Resource: repositoryArn,
        },
    ];
}

/** `sts:GetServiceBearerToken` is needed by GetAuthorizationToken, limited to CodeArtifact tokens. */
function codeArtifactTokenStatements(domainArn: string): Statement[] {
    return [
        { Sid: "CodeArtifactToken", Effect: "Allow", Action: "codeartifact:GetAuthorizationToken", Resource: domainArn },
        {
            Sid: "CodeArtifactBearerToken",
            Effect: "Allow",
            Action: "sts:GetServiceBearerToken",
            Resource: "*",
            Condition: { StringEquals: { "sts:AWSServiceName": "codeartifact.amazonaws.com" } },
        },
    ];
}

export interface ScanStagePolicyArgs extends StageBase {
    domainArn: string;
    /** The upstream repository the scan downloads through, and its package ARN pattern. */
    upstreamRepositoryArn: string;
    upstreamPackagesArn: string;
    /** Subnets of the scanning VPC (ARNs) where CodeBuild may attach its network interfaces. */
    subnetArns: string[];
    /** The private ClamAV signature mirror (bucket name): the scan loads its signatures from there, read only. */
    signatureMirrorBucket?: string;
}

/** Scan: read the upstream repository and the signature mirror, write scan artifacts, attach to the scanning VPC. Nothing else. */
export function scanStagePolicy(a: ScanStagePolicyArgs): PolicyDocument {
    return policyDocument([
        ...stageBaseStatements(a),
        ...codeArtifactTokenStatements(a.domainArn),
        {
            Sid: "ReadUpstream",
            Effect: "Allow",
            Action: ["codeartifact:ReadFromRepository", "codeartifact:GetRepositoryEndpoint"],
            Resource: [a.upstreamRepositoryArn, a.upstreamPackagesArn],
        },
        ...(a.signatureMirrorBucket ? signatureMirrorReadStatements(a.account.partition, a.signatureMirrorBucket) : []),
    ]);
}

function signatureMirrorReadStatements(partition: string, bucket: string): Statement[] {
    const arn = bucketArn(partition, bucket);
    return [
        { Sid: "ListSignatureMirror", Effect: "Allow", Action: "s3:ListBucket", Resource: arn },
        { Sid: "ReadSignatureMirror", Effect: "Allow", Action: "s3:GetObject", Resource: `${arn}/*` },
    ];
}

export interface SignatureUpdaterPolicyArgs {
    account: AccountContext;
    /** The updater's own log group ARN (without `:*`). */
    logGroupArn: string;
    /** The mirror bucket (name) and the key it is encrypted with. */
    mirrorBucket: string;
    mirrorKeyArn: string;
    /** The toolchain image's repository (cvdupdate is in the image). */
    toolchainRepositoryArn: string;
    /** Subnets (ARNs) of the scanning VPC's NAT side: the updater downloads from ClamAV's CDN. */
    subnetArns: string[];
}

/**
 * The ClamAV signature updater (S2): downloads the signature databases from ClamAV's CDN with
 * cvdupdate and writes them to the mirror; the only principal that may (the bucket policy denies
 * every other writer). It reads nothing else and touches no package.
 */
export function signatureUpdaterPolicy(a: SignatureUpdaterPolicyArgs): PolicyDocument {
    const arn = bucketArn(a.account.partition, a.mirrorBucket);
    return policyDocument([
        { Sid: "OwnLogs", Effect: "Allow", Action: ["logs:CreateLogStream", "logs:PutLogEvents"], Resource: [`${a.logGroupArn}:*`] },
        { Sid: "ListSignatureMirror", Effect: "Allow", Action: "s3:ListBucket", Resource: arn },
        { Sid: "WriteSignatureMirror", Effect: "Allow", Action: ["s3:GetObject", "s3:PutObject"], Resource: `${arn}/*` },
        {
            Sid: "MirrorKey",
            Effect: "Allow",
            Action: ["kms:Decrypt", "kms:GenerateDataKey", "kms:DescribeKey"],
            Resource: a.mirrorKeyArn,
            Condition: { StringEquals: { "kms:ViaService": `s3.${a.account.region}.amazonaws.com` } },
        },
        ...toolchainPullStatements(a.toolchainRepositoryArn),
        ...vpcBuildStatements(a.account, a.subnetArns),
    ]);
}

/**
 * The mirror's bucket policy (S2): only the updater writes or deletes signatures. Without it an
 * administrator's `s3:*` in the account could plant a database that declares nothing malware.
 */
export function signatureMirrorBucketStatements(partition: string, bucket: string, updaterRoleArn: string): Statement[] {
    return [
        {
            Sid: "DenyWritesExceptUpdater",
            Effect: "Deny",
            Principal: "*",
            Action: ["s3:PutObject", "s3:DeleteObject", "s3:DeleteObjectVersion", "s3:PutObjectAcl", "s3:RestoreObject"],
            Resource: `${bucketArn(partition, bucket)}/*`,
            Condition: { ArnNotEquals: { "aws:PrincipalArn": updaterRoleArn } },
        },
    ];
}

/** CodeBuild in a VPC creates and describes ENIs (EC2 Describe* has no resource-level permissions). */
function vpcBuildStatements(account: AccountContext, subnetArns: string[]): Statement[] {
    return [
        {
            Sid: "VpcBuildDescribe",
            Effect: "Allow",
            Action: ["ec2:DescribeDhcpOptions", "ec2:DescribeNetworkInterfaces", "ec2:DescribeSubnets", "ec2:DescribeSecurityGroups", "ec2:DescribeVpcs"],
            Resource: "*",
        },
        {
            Sid: "VpcBuildInterfaces",
            Effect: "Allow",
            Action: ["ec2:CreateNetworkInterface", "ec2:DeleteNetworkInterface"],
            Resource: [
                `arn:${account.partition}:ec2:${account.region}:${account.accountId}:network-interface/*`,
                ...subnetArns,
                `arn:${account.partition}:ec2:${account.region}:${account.accountId}:security-group/*`,
            ],
        },
        {
            Sid: "VpcBuildInterfacePermission",
            Effect: "Allow",
            Action: "ec2:CreateNetworkInterfacePermission",
            Resource: `arn:${account.partition}:ec2:${account.region}:${account.accountId}:network-interface/*`,
            Condition: {
                StringEquals: { "ec2:AuthorizedService": "codebuild.amazonaws.com" },
                ArnEquals: { "ec2:Subnet": subnetArns },
            },
        },
    ];
}

export interface DecideStagePolicyArgs extends StageBase {
    reportsBucket: string;
    reportsKeyArn: string;
    /** The decision signing key (S7): the stage signs the SHA-256 of approved.tsv with it. */
    signingKeyArn?: string;
}

/** Decide: read scan artifacts and the pinned decision bundle, write reports. No CodeArtifact access at all. */
export function decideStagePolicy(a: DecideStagePolicyArgs): PolicyDocument {
    return policyDocument([
        ...stageBaseStatements(a),
        { Sid: "WriteReports", Effect: "Allow", Action: "s3:PutObject", Resource: `${bucketArn(a.account.partition, a.reportsBucket)}/decisions/*` },
        {
            Sid: "ReportsKey",
            Effect: "Allow",
            Action: ["kms:GenerateDataKey", "kms:DescribeKey"],
            Resource: a.reportsKeyArn,
            Condition: { StringEquals: { "kms:ViaService": `s3.${a.account.region}.amazonaws.com` } },
        },
        ...(a.signingKeyArn
            ? [
                  {
                      Sid: "SignDecision",
                      Effect: "Allow" as const,
                      Action: "kms:Sign",
                      Resource: a.signingKeyArn,
                      Condition: { StringEquals: { "kms:SigningAlgorithm": "ECDSA_SHA_256", "kms:MessageType": "DIGEST" } },
                  },
              ]
            : []),
    ]);
}

export interface PublishStagePolicyArgs extends StageBase {
    domainArn: string;
    approvedRepositoryArn: string;
    approvedPackagesArn: string;
    /** The decision signing key (S7): the stage verifies the decide stage's signature before publishing anything. */
    signingKeyArn?: string;
}

/**
 * Publish (S3): publish to `approved` and read back what it holds there; nothing else in
 * CodeArtifact, and read-only on the pipeline artifacts (the stage has no output artifact).
 */
export function publishStagePolicy(a: PublishStagePolicyArgs): PolicyDocument {
    return policyDocument([
        ...stageBaseStatements({ ...a, writesArtifacts: false }),
        ...codeArtifactTokenStatements(a.domainArn),
        { Sid: "ApprovedEndpoint", Effect: "Allow", Action: "codeartifact:GetRepositoryEndpoint", Resource: a.approvedRepositoryArn },
        {
            Sid: "PublishApproved",
            Effect: "Allow",
            // ListPackageVersions: whether `approved` already holds a package (first-seen packages wait for an approval).
            Action: [
                ...CODEARTIFACT_PUBLISH_ACTIONS,
                "codeartifact:ListPackageVersionAssets",
                "codeartifact:DescribePackageVersion",
                "codeartifact:ListPackageVersions",
            ],
            Resource: a.approvedPackagesArn,
        },
        ...(a.signingKeyArn ? [{ Sid: "VerifyDecision", Effect: "Allow" as const, Action: "kms:Verify", Resource: a.signingKeyArn }] : []),
    ]);
}

export interface PipelineRolePolicyArgs {
    account: AccountContext;
    artifactBucket: string;
    artifactKeyArn: string;
    /** CodeBuild project ARNs the pipeline starts. */
    projectArns: string[];
    /** S3 intake: the source bucket and its key. */
    sourceBucket?: string;
    sourceKeyArn?: string;
    /** CodeStar intake: the connection ARN and the repository (owner/name). */
    connectionArn?: string;
    repository?: string;
    /** The manual approval of first-seen packages: CodePipeline publishes its request to this topic with the pipeline role. */
    approvalTopic?: { topicArn: string; keyArn: string };
}

/** The pipeline itself: move artifacts, start the three builds, read the intake. */
export function pipelineRolePolicy(a: PipelineRolePolicyArgs): PolicyDocument {
    const artifacts = bucketArn(a.account.partition, a.artifactBucket);
    const s3Via = { StringEquals: { "kms:ViaService": `s3.${a.account.region}.amazonaws.com` } };
    const statements: Statement[] = [
        { Sid: "ArtifactBucket", Effect: "Allow", Action: ["s3:GetBucketVersioning", "s3:GetBucketLocation"], Resource: artifacts },
        { Sid: "Artifacts", Effect: "Allow", Action: ["s3:GetObject", "s3:GetObjectVersion", "s3:PutObject"], Resource: `${artifacts}/*` },
        {
            Sid: "ArtifactKey",
            Effect: "Allow",
            Action: ["kms:Decrypt", "kms:GenerateDataKey", "kms:DescribeKey"],
            Resource: a.artifactKeyArn,
            Condition: s3Via,
        },
        { Sid: "RunBuilds", Effect: "Allow", Action: ["codebuild:StartBuild", "codebuild:BatchGetBuilds"], Resource: a.projectArns },
    ];
    if (a.sourceBucket) {
        const source = bucketArn(a.account.partition, a.sourceBucket);
        statements.push(
            { Sid: "SourceBucket", Effect: "Allow", Action: ["s3:GetBucketVersioning", "s3:GetBucketLocation"], Resource: source },
            { Sid: "SourceObject", Effect: "Allow", Action: ["s3:GetObject", "s3:GetObjectVersion"], Resource: `${source}/requests.zip` },
        );
        if (a.sourceKeyArn)
            statements.push({ Sid: "SourceKey", Effect: "Allow", Action: ["kms:Decrypt", "kms:DescribeKey"], Resource: a.sourceKeyArn, Condition: s3Via });
    }
    if (a.approvalTopic) {
        statements.push(
            { Sid: "ApprovalNotification", Effect: "Allow", Action: "sns:Publish", Resource: a.approvalTopic.topicArn },
            {
                Sid: "ApprovalNotificationKey",
                Effect: "Allow",
                Action: ["kms:GenerateDataKey", "kms:Decrypt"],
                Resource: a.approvalTopic.keyArn,
                Condition: { StringEquals: { "kms:ViaService": `sns.${a.account.region}.amazonaws.com` } },
            },
        );
    }
    if (a.connectionArn) {
        // Both service prefixes exist (CodeStar Connections was renamed CodeConnections); each has its own key.
        for (const prefix of ["codestar-connections", "codeconnections"]) {
            statements.push({
                Sid: prefix === "codeconnections" ? "UseCodeConnection" : "UseCodeStarConnection",
                Effect: "Allow",
                Action: `${prefix}:UseConnection`,
                Resource: a.connectionArn,
                ...(a.repository ? { Condition: { StringEquals: { [`${prefix}:FullRepositoryId`]: a.repository } } } : {}),
            });
        }
    }
    return policyDocument(statements);
}

/**
 * Trust of a stage role: CodeBuild, for this one project only. Without `aws:SourceArn`, any
 * CodeBuild project whose creator may pass the role (or a confused deputy) would run with the
 * publish role, and "only the publish stage publishes" (S3) would not hold.
 */
export function codeBuildStageTrustPolicy(account: AccountContext, projectArn: string): PolicyDocument {
    const [statement] = serviceTrustPolicy("codebuild", account.partition, account.accountId).Statement;
    return policyDocument([{ ...statement, Condition: { ...statement.Condition, ArnLike: { "aws:SourceArn": projectArn } } }]);
}

/** EventBridge starts the pipeline when a request file arrives; nothing else. */
export function startPipelinePolicy(pipelineArn: string): PolicyDocument {
    return policyDocument([{ Sid: "StartPipeline", Effect: "Allow", Action: "codepipeline:StartPipelineExecution", Resource: pipelineArn }]);
}

/** EventBridge starts one CodeBuild project on its schedule (the ClamAV signature update); nothing else. */
export function startBuildPolicy(projectArn: string): PolicyDocument {
    return policyDocument([{ Sid: "StartBuild", Effect: "Allow", Action: "codebuild:StartBuild", Resource: projectArn }]);
}

/** SNS topic policy: only the pipeline's EventBridge rules publish (S2 notifications). */
export function notificationTopicPolicy(topicArn: string, ruleArns: string[], partition: string): PolicyDocument {
    return policyDocument([
        {
            Sid: "EventBridgePublishes",
            Effect: "Allow",
            Principal: { Service: servicePrincipal("events", partition) },
            Action: "sns:Publish",
            Resource: topicArn,
            Condition: { ArnEquals: { "aws:SourceArn": ruleArns } },
        },
    ]);
}
