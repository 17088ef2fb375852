/**
 * Mutation proof of the policy pack. The dev and prod plans are built under
 * the mock engine (once per test run, tests/harness/stackPlans.ts); each mutation changes one security-relevant property of a deep copy of a
 * plan's resources (edits inputs, drops a resource, or adds one with the property dependencies a
 * real preview would record) and the pack, with the mandatory pack config, must report at least
 * one MANDATORY finding that the original plan did not have. A mutation whose target is missing
 * fails: the proof never skips silently.
 *
 * Each mutated plan is judged three ways, at once: in this process (plan/evaluate.ts), and through
 * the pack's own server (cmd/run-policy-pack over the Analyzer protocol, plan/analyzer/service.ts)
 * in up and in preview, one started pack per stack serving both modes. The preview view of a mutation is the
 * same edit of the stack's preview plan, resource by URN (previewOf). In preview a mutation must be
 * caught too, or deferred to `pulumi up` for the resource the up judgement caught it on, by a
 * policy with a previewDeferral.
 *
 * Time: each pack session answers Remediate and Analyze of a resource it has already judged byte
 * for byte from memory (plan/analyzer/memo.ts says why that is the pack's own answer), so a
 * mutated plan costs an Analyze per changed resource and one AnalyzeStack of the whole stack per
 * mode; a test below checks that a changed resource is judged again. The cases run concurrently
 * (the two packs and this process overlap). One pack per stack, not per stack and mode: a pack
 * serving many judgements was measured at 300 to 750 MB resident.
 */
import { isDeepStrictEqual } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PackJudge } from "../../plan/analyzer/service";
import { evaluatePolicies, packConfigPath, readPackConfig } from "../../plan/evaluate";
import { openSavedJudge, readPackConfigFile } from "../../plan/protocolRun";
import { readStackConfigFile, stackConfigPath } from "../../plan/stackConfig";
import { splitDeferred } from "../../plan/summary";
import { PLAN_UNKNOWN, Plan, PlanDeferred, PlanFinding, PlanMode, PlanResource, PlanUndecided } from "../../plan/types";
import { policies } from "../../policy-pack/policies";
import { ORGANIZATION_STACKS, loadStackPlan } from "../harness/stackPlans";

/** A mutation runs on dev and on prod; prod's organisation is four stacks (the Plan of each below). */
type Stack = "dev" | "prod";
/** The stacks whose plans a case judges: dev, and prod's four per-account stacks. */
type PlanStack = Stack | (typeof ORGANIZATION_STACKS)[number];

class MissingTarget extends Error {}

/** A mutable view of one plan's resources with lookup helpers that throw when a target is absent. */
class Resources {
    constructor(
        readonly stack: PlanStack,
        readonly list: PlanResource[],
    ) {}

    find(type: string, name?: string): PlanResource {
        const r = this.list.find((x) => x.type === type && (name === undefined || x.name === name));
        if (!r) throw new MissingTarget(`no ${type}${name ? ` named ${name}` : ""} in the ${this.stack} plan`);
        return r;
    }

    all(type: string): PlanResource[] {
        const rs = this.list.filter((x) => x.type === type);
        if (rs.length === 0) throw new MissingTarget(`no ${type} in the ${this.stack} plan`);
        return rs;
    }

    urn(type: string, name: string): string {
        return this.find(type, name).urn;
    }

    remove(r: PlanResource): void {
        this.list.splice(this.list.indexOf(r), 1);
    }

    /** Adds a custom resource; `deps` maps properties to [type, name] of resources of the plan. */
    add(type: string, name: string, inputs: Record<string, unknown>, deps: Record<string, [string, string][]> = {}, protect = false): PlanResource {
        const r: PlanResource = {
            urn: `urn:pulumi:${this.stack}::secure-ds::${type}::${name}`,
            type,
            name,
            custom: true,
            inputs,
            outputs: {},
            options: { protect, retainOnDelete: protect, dependsOn: [], ignoreChanges: [], deleteBeforeReplace: false },
            propertyDependencies: Object.fromEntries(Object.entries(deps).map(([p, targets]) => [p, targets.map(([t, n]) => this.urn(t, n))])),
        };
        this.list.push(r);
        return r;
    }

    /** Edits a JSON policy document held in `property`. */
    editPolicy(r: PlanResource, property: string, edit: (statements: Record<string, unknown>[]) => Record<string, unknown>[]): void {
        const raw = r.inputs[property];
        if (typeof raw !== "string") throw new MissingTarget(`${r.name}.${property} is not a JSON document`);
        const doc = JSON.parse(raw) as { Statement: Record<string, unknown>[] };
        const before = JSON.stringify(doc.Statement);
        doc.Statement = edit(doc.Statement);
        if (JSON.stringify(doc.Statement) === before) throw new MissingTarget(`${r.name}.${property}: the edit changed nothing`);
        r.inputs[property] = JSON.stringify(doc);
    }

    dropStatement(r: PlanResource, property: string, sid: string): void {
        this.editPolicy(r, property, (ss) => ss.filter((s) => s.Sid !== sid));
    }
}

interface Mutation {
    name: string;
    /** Stacks the mutation runs on (default both). */
    stacks?: Stack[];
    apply: (rs: Resources) => void;
}

const T = {
    domain: "aws:sagemaker/domain:Domain",
    userProfile: "aws:sagemaker/userProfile:UserProfile",
    key: "aws:kms/key:Key",
    bucket: "aws:s3/bucket:Bucket",
    sse: "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
    pab: "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
    bucketPolicy: "aws:s3/bucketPolicy:BucketPolicy",
    versioning: "aws:s3/bucketVersioning:BucketVersioning",
    ownership: "aws:s3/bucketOwnershipControls:BucketOwnershipControls",
    lifecycle: "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration",
    logging: "aws:s3/bucketLogging:BucketLogging",
    accessPoint: "aws:s3/accessPoint:AccessPoint",
    logGroup: "aws:cloudwatch/logGroup:LogGroup",
    topic: "aws:sns/topic:Topic",
    queue: "aws:sqs/queue:Queue",
    ecr: "aws:ecr/repository:Repository",
    ecrLifecycle: "aws:ecr/lifecyclePolicy:LifecyclePolicy",
    ecrPolicy: "aws:ecr/repositoryPolicy:RepositoryPolicy",
    caDomain: "aws:codeartifact/domain:Domain",
    caRepo: "aws:codeartifact/repository:Repository",
    project: "aws:codebuild/project:Project",
    pipeline: "aws:codepipeline/pipeline:Pipeline",
    trail: "aws:cloudtrail/trail:Trail",
    vpc: "aws:ec2/vpc:Vpc",
    subnet: "aws:ec2/subnet:Subnet",
    routeTable: "aws:ec2/routeTable:RouteTable",
    defaultSg: "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup",
    sg: "aws:ec2/securityGroup:SecurityGroup",
    ingress: "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
    endpoint: "aws:ec2/vpcEndpoint:VpcEndpoint",
    flowLog: "aws:ec2/flowLog:FlowLog",
    lambda: "aws:lambda/function:Function",
    permission: "aws:lambda/permission:Permission",
    vault: "aws:backup/vault:Vault",
    selection: "aws:backup/selection:Selection",
    iamPolicy: "aws:iam/policy:Policy",
    rolePolicy: "aws:iam/rolePolicy:RolePolicy",
    role: "aws:iam/role:Role",
    recorder: "aws:cfg/recorder:Recorder",
    aggregator: "aws:cfg/configurationAggregator:ConfigurationAggregator",
    guardDutyOrganization: "aws:guardduty/organizationConfiguration:OrganizationConfiguration",
    hubOrganization: "aws:securityhub/organizationConfiguration:OrganizationConfiguration",
    macieOrganization: "aws:macie2/organizationConfiguration:OrganizationConfiguration",
} as const;

const rec = (v: unknown): Record<string, unknown> => v as Record<string, unknown>;

function endpointFor(rs: Resources, service: string): PlanResource {
    // The data VPC's endpoint: the package gate's VPC has endpoints of the same services (S7).
    const dataVpc = rs.list.find((x) => x.type === T.vpc && x.name === "data-science-vpc")?.urn;
    const e = rs
        .all(T.endpoint)
        .find((x) => String(x.inputs.serviceName).endsWith(`.${service}`) && (dataVpc === undefined || (x.propertyDependencies.vpcId ?? []).includes(dataVpc)));
    if (!e) throw new MissingTarget(`no ${service} endpoint in the ${rs.stack} plan`);
    return e;
}

function dataVpcRouteTable(rs: Resources): PlanResource {
    const t = rs.all(T.routeTable).find((x) => x.name.startsWith("data-science-"));
    if (!t) throw new MissingTarget(`no route table of the data VPC in the ${rs.stack} plan`);
    return t;
}

/** A route from a route table of the data VPC towards a transit gateway (N13). */
function plantHubRoute(rs: Resources, destinationCidrBlock: string): void {
    rs.add(
        "aws:ec2/route:Route",
        `mutant-hub-route-${destinationCidrBlock.replace(/[./]/g, "-")}`,
        { routeTableId: "rtb-x", destinationCidrBlock, transitGatewayId: "tgw-0123456789abcdef0" },
        { routeTableId: [[T.routeTable, dataVpcRouteTable(rs).name]] },
    );
}

/** The archive account's trail: its own (dev), or the organisation trail it creates as delegated administrator (prod). */
function auditTrail(rs: Resources): PlanResource {
    const t = rs.all(T.trail).find((x) => x.name === "audit-trail" || x.name === "audit-organization-trail");
    if (!t) throw new MissingTarget(`no audit trail in the ${rs.stack} plan`);
    return t;
}

function dropProperty(r: PlanResource, property: string): void {
    if (!(property in r.inputs)) throw new MissingTarget(`${r.name} has no ${property}`);
    delete r.inputs[property];
    delete r.propertyDependencies[property];
}

const NOTEBOOK_OK = {
    instanceType: "ml.t3.medium",
    roleArn: "arn:aws:iam::111111111111:role/x",
    directInternetAccess: "Disabled",
    rootAccess: "Disabled",
    subnetId: "subnet-1",
    securityGroups: ["sg-1"],
    kmsKeyId: "arn:aws:kms:eu-west-1:111111111111:key/k",
    tags: { team: "fraud", environment: "dev", owner: "o", "cost-center": "c" },
};

const mutations: Mutation[] = [
    // ------------------------------------------------------------------ Studio domain (N1, N2, E1, E5, G7, G9, I5, I7)
    { name: "domain network mode PublicInternetOnly", apply: (rs) => (rs.find(T.domain, "studio-fraud").inputs.appNetworkAccessType = "PublicInternetOnly") },
    { name: "domain home EFS key removed", apply: (rs) => dropProperty(rs.find(T.domain, "studio-fraud"), "kmsKeyId") },
    { name: "domain home EFS retention Delete", apply: (rs) => (rs.find(T.domain, "studio-fraud").inputs.retentionPolicy = { homeEfsFileSystem: "Delete" }) },
    {
        name: "domain idle settings removed",
        apply: (rs) => {
            const d = rs.find(T.domain, "studio-fraud");
            delete rec(rec(d.inputs.defaultUserSettings).jupyterLabAppSettings).appLifecycleManagement;
            delete rec(rec(d.inputs.defaultSpaceSettings).jupyterLabAppSettings).appLifecycleManagement;
        },
    },
    {
        name: "domain execution-role identity off",
        apply: (rs) => (rec(rs.find(T.domain, "studio-fraud").inputs.domainSettings).executionRoleIdentityConfig = "DISABLED"),
    },
    {
        name: "domain Docker access enabled",
        apply: (rs) => (rec(rs.find(T.domain, "studio-fraud").inputs.domainSettings).dockerSettings = { enableDockerAccess: "ENABLED" }),
    },
    { name: "domain security groups removed", apply: (rs) => delete rec(rs.find(T.domain, "studio-fraud").inputs.domainSettings).securityGroupIds },
    {
        name: "domain notebook sharing to an unencrypted bucket",
        apply: (rs) =>
            (rec(rs.find(T.domain, "studio-fraud").inputs.defaultUserSettings).sharingSettings = {
                notebookOutputOption: "Allowed",
                s3OutputPath: "s3://x/sharing/",
            }),
    },
    {
        name: "domain runs Studio apps as root (uid 0)",
        apply: (rs) => (rec(rs.find(T.domain, "studio-fraud").inputs.defaultUserSettings).customPosixUserConfig = { uid: 0, gid: 0 }),
    },
    {
        name: "domain home EFS key swapped for a non-rotating key",
        apply: (rs) => {
            rs.add(T.key, "mutant-key", { enableKeyRotation: false, deletionWindowInDays: 30, policy: "{}" }, {}, true);
            const d = rs.find(T.domain, "studio-fraud");
            d.inputs.kmsKeyId = "arn:aws:kms:eu-west-1:111111111111:key/mutant";
            d.propertyDependencies.kmsKeyId = [rs.urn(T.key, "mutant-key")];
        },
    },
    // ------------------------------------------------------------------ user profiles (N9, I2)
    {
        name: "two user profiles share a security group",
        apply: (rs) => {
            const [a, b] = rs.all(T.userProfile).filter((u) => u.name.startsWith("studio-fraud-"));
            rec(b.inputs.userSettings).securityGroups = rec(a.inputs.userSettings).securityGroups;
            b.propertyDependencies.userSettings = a.propertyDependencies.userSettings;
        },
    },
    { name: "user profile studiouserid tag removed", apply: (rs) => delete rec(rs.find(T.userProfile, "studio-fraud-alice").inputs.tags).studiouserid },
    // ------------------------------------------------------------------ notebook instances, models, N4 guardrail (N3, N4, N5, I9, E2)
    {
        name: "notebook instance with direct internet access",
        apply: (rs) => void rs.add("aws:sagemaker/notebookInstance:NotebookInstance", "mutant-nb", { ...NOTEBOOK_OK, directInternetAccess: "Enabled" }),
    },
    {
        name: "notebook instance with root access",
        apply: (rs) => void rs.add("aws:sagemaker/notebookInstance:NotebookInstance", "mutant-nb", { ...NOTEBOOK_OK, rootAccess: "Enabled" }),
    },
    {
        name: "notebook instance without a customer key",
        apply: (rs) => void rs.add("aws:sagemaker/notebookInstance:NotebookInstance", "mutant-nb", { ...NOTEBOOK_OK, kmsKeyId: undefined }),
    },
    {
        name: "model without network isolation",
        apply: (rs) =>
            void rs.add("aws:sagemaker/model:Model", "mutant-model", {
                executionRoleArn: "arn:aws:iam::111111111111:role/x",
                enableNetworkIsolation: false,
                vpcConfig: { subnets: ["subnet-1"], securityGroupIds: ["sg-1"] },
                tags: NOTEBOOK_OK.tags,
            }),
    },
    {
        name: "network-isolation guardrail dropped from a team that requires it",
        stacks: ["prod"],
        apply: (rs) => {
            const p = rs.find(T.iamPolicy, "team-fraud-guardrails-vpc-kms");
            rs.editPolicy(p, "policy", (ss) => ss.filter((s) => s.Sid !== "DenyWithoutNetworkIsolation" && s.Sid !== "DenyMissingNetworkIsolation"));
        },
    },
    // ------------------------------------------------------------------ KMS (E9)
    { name: "team key rotation off", apply: (rs) => (rs.find(T.key, "team-fraud-key-key").inputs.enableKeyRotation = false) },
    { name: "team key deletion window 7 days", apply: (rs) => (rs.find(T.key, "team-fraud-key-key").inputs.deletionWindowInDays = 7) },
    { name: "team key disabled", apply: (rs) => (rs.find(T.key, "team-fraud-key-key").inputs.isEnabled = false) },
    {
        name: "team key policy admits any principal",
        apply: (rs) =>
            rs.editPolicy(rs.find(T.key, "team-fraud-key-key"), "policy", (ss) =>
                ss.map((s) => (s.Sid === "KeyUseByRoleArn" ? { ...s, Condition: undefined } : s)),
            ),
    },
    { name: "protect removed from a KMS key", apply: (rs) => (rs.find(T.key, "team-fraud-key-key").options.protect = false) },
    // ------------------------------------------------------------------ S3 (N10, E7, G4)
    {
        name: "data bucket SSE switched to AES256",
        apply: (rs) => {
            const sse = rs.find(T.sse, "team-fraud-data-encryption");
            sse.inputs.rules = [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" }, bucketKeyEnabled: true }];
        },
    },
    {
        name: "data bucket SSE bucket key off",
        apply: (rs) => (rec((rs.find(T.sse, "team-fraud-data-encryption").inputs.rules as unknown[])[0]).bucketKeyEnabled = false),
    },
    { name: "data bucket SSE configuration removed", apply: (rs) => rs.remove(rs.find(T.sse, "team-fraud-data-encryption")) },
    { name: "data bucket public access block weakened", apply: (rs) => (rs.find(T.pab, "team-fraud-data-public-access").inputs.blockPublicPolicy = false) },
    { name: "data bucket public access block removed", apply: (rs) => rs.remove(rs.find(T.pab, "team-fraud-data-public-access")) },
    {
        name: "bucket policy TLS-only statement removed",
        apply: (rs) => rs.dropStatement(rs.find(T.bucketPolicy, "team-fraud-data-policy"), "policy", "DenyInsecureTransport"),
    },
    {
        name: "bucket policy encryption-header statement removed",
        apply: (rs) => rs.dropStatement(rs.find(T.bucketPolicy, "team-fraud-data-policy"), "policy", "DenyNonKmsEncryptionHeader"),
    },
    {
        name: "bucket policy network restriction removed",
        apply: (rs) => rs.dropStatement(rs.find(T.bucketPolicy, "team-fraud-data-policy"), "policy", "DenyAccessOutsidePlatformNetwork"),
    },
    {
        name: "data-lake policy network restriction removed",
        apply: (rs) => rs.dropStatement(rs.find(T.bucketPolicy, "datalake-bucket-policy"), "policy", "DenyAccessOutsidePlatformNetwork"),
    },
    {
        name: "log archive policy TLS-only statement removed",
        apply: (rs) => rs.dropStatement(rs.find(T.bucketPolicy, "audit-archive-policy"), "policy", "DenyInsecureTransport"),
    },
    { name: "bucket policy removed", apply: (rs) => rs.remove(rs.find(T.bucketPolicy, "team-fraud-models-policy")) },
    {
        name: "bucket versioning suspended",
        apply: (rs) => (rs.find(T.versioning, "team-fraud-data-versioning").inputs.versioningConfiguration = { status: "Suspended" }),
    },
    {
        name: "bucket ACLs re-enabled (ObjectWriter)",
        apply: (rs) => (rs.find(T.ownership, "team-fraud-data-ownership").inputs.rule = { objectOwnership: "ObjectWriter" }),
    },
    { name: "bucket lifecycle removed", apply: (rs) => rs.remove(rs.find(T.lifecycle, "team-fraud-data-lifecycle")) },
    { name: "bucket access logging removed", apply: (rs) => rs.remove(rs.find(T.logging, "team-fraud-data-access-logs")) },
    { name: "log archive access logging removed", apply: (rs) => rs.remove(rs.find(T.logging, "audit-archive-access-logs")) },
    { name: "protect removed from a data bucket", apply: (rs) => (rs.find(T.bucket, "team-fraud-data").options.protect = false) },
    { name: "protect removed from the log archive", apply: (rs) => (rs.find(T.bucket, "audit-archive").options.protect = false) },
    {
        name: "data bucket mandatory tags removed",
        apply: (rs) => (rs.find(T.bucket, "team-fraud-data").inputs.tags = { team: "fraud", environment: "", owner: "" }),
    },
    {
        name: "access point public access block off",
        apply: (rs) => (rs.find(T.accessPoint, "team-fraud-lake").inputs.publicAccessBlockConfiguration = { blockPublicPolicy: false }),
    },
    { name: "access point open to the internet (no VPC origin)", apply: (rs) => dropProperty(rs.find(T.accessPoint, "team-fraud-lake"), "vpcConfiguration") },
    // ------------------------------------------------------------------ logs (E8, G4)
    { name: "log group key removed", apply: (rs) => dropProperty(rs.find(T.logGroup, "data-science-flow-logs-logs"), "kmsKeyId") },
    { name: "log group retention 30 days", apply: (rs) => (rs.find(T.logGroup, "data-science-flow-logs-logs").inputs.retentionInDays = 30) },
    {
        name: "log group key swapped for a literal foreign key",
        apply: (rs) => {
            // The archive account's trail's log group: its own trail's (dev), the organisation trail's (prod).
            const lg = rs.all(T.logGroup).find((x) => x.name === "audit-trail-logs" || x.name === "audit-organization-trail-logs");
            if (!lg) throw new MissingTarget(`no audit trail log group in the ${rs.stack} plan`);
            lg.inputs.kmsKeyId = "arn:aws:kms:eu-west-1:999999999999:key/foreign";
            delete lg.propertyDependencies.kmsKeyId;
        },
    },
    // ------------------------------------------------------------------ SNS, SQS, ECR, CodeArtifact, CodeBuild, CodePipeline (E10, S1, S2, S5, S6)
    { name: "SNS topic key removed", apply: (rs) => dropProperty(rs.find(T.topic, "detective-alerts"), "kmsMasterKeyId") },
    { name: "SQS queue key removed", apply: (rs) => dropProperty(rs.find(T.queue, "detective-dlq"), "kmsMasterKeyId") },
    { name: "ECR encryption AES256", apply: (rs) => (rs.find(T.ecr).inputs.encryptionConfigurations = [{ encryptionType: "AES256" }]) },
    { name: "ECR tag mutability MUTABLE", apply: (rs) => (rs.find(T.ecr).inputs.imageTagMutability = "MUTABLE") },
    { name: "ECR scan on push off", apply: (rs) => (rs.find(T.ecr).inputs.imageScanningConfiguration = { scanOnPush: false }) },
    { name: "ECR lifecycle policy removed", apply: (rs) => rs.remove(rs.find(T.ecrLifecycle)) },
    {
        name: "ECR repository policy public",
        apply: (rs) => rs.editPolicy(rs.find(T.ecrPolicy), "policy", (ss) => ss.map((s) => ({ ...s, Principal: "*", Condition: undefined }))),
    },
    { name: "protect removed from the ECR repository", apply: (rs) => (rs.find(T.ecr).options.protect = false) },
    { name: "CodeArtifact domain key removed", apply: (rs) => dropProperty(rs.find(T.caDomain), "encryptionKey") },
    {
        name: "CodeArtifact external connection on approved",
        apply: (rs) => (rs.find(T.caRepo, "packages-mirror-approved").inputs.externalConnections = { externalConnectionName: "public:pypi" }),
    },
    { name: "protect removed from the CodeArtifact domain", apply: (rs) => (rs.find(T.caDomain).options.protect = false) },
    { name: "CodeBuild encryption key removed", apply: (rs) => dropProperty(rs.find(T.project, "packages-pipeline-scan"), "encryptionKey") },
    { name: "CodeBuild privileged mode", apply: (rs) => (rec(rs.find(T.project, "packages-pipeline-scan").inputs.environment).privilegedMode = true) },
    {
        name: "CodeBuild CloudWatch logging disabled",
        apply: (rs) => (rs.find(T.project, "packages-pipeline-scan").inputs.logsConfig = { cloudwatchLogs: { status: "DISABLED" } }),
    },
    {
        name: "CodeBuild plaintext credential variable",
        apply: (rs) => {
            const env = rec(rs.find(T.project, "packages-pipeline-publish").inputs.environment);
            env.environmentVariables = [...(env.environmentVariables as unknown[]), { name: "AWS_SECRET_ACCESS_KEY", type: "PLAINTEXT", value: "x" }];
        },
    },
    // The gate's own toolchain (S2, S3): publish without a route out, images pinned by digest.
    { name: "publish build without a VPC", apply: (rs) => dropProperty(rs.find(T.project, "packages-pipeline-publish"), "vpcConfig") },
    {
        name: "publish build moved into the scanning VPC's NAT subnets",
        apply: (rs) => {
            const scan = rs.find(T.project, "packages-pipeline-scan");
            const publish = rs.find(T.project, "packages-pipeline-publish");
            publish.inputs.vpcConfig = structuredClone(scan.inputs.vpcConfig);
            publish.propertyDependencies = { ...publish.propertyDependencies, vpcConfig: [...(scan.propertyDependencies.vpcConfig ?? [])] };
        },
    },
    {
        name: "gate toolchain image by tag",
        apply: (rs) => {
            const env = rec(rs.find(T.project, "packages-pipeline-publish").inputs.environment);
            env.image = String(env.image).replace(/@sha256:[0-9a-f]{64}$/, ":latest");
        },
    },
    {
        name: "gate build on CodeBuild's curated image",
        apply: (rs) => (rec(rs.find(T.project, "packages-pipeline-scan").inputs.environment).image = "aws/codebuild/standard:7.0"),
    },
    {
        name: "gate image pulled with CodeBuild's credentials",
        apply: (rs) => (rec(rs.find(T.project, "packages-pipeline-decide").inputs.environment).imagePullCredentialsType = "CODEBUILD"),
    },
    {
        name: "CodeBuild buildspec read from the source",
        apply: (rs) => (rec(rs.find(T.project, "packages-pipeline-scan").inputs.source).buildspec = "buildspec.yml"),
    },
    {
        name: "pipeline artifact store key removed",
        apply: (rs) =>
            (rs.find(T.pipeline).inputs.artifactStores = (rs.find(T.pipeline).inputs.artifactStores as unknown[]).map((s) => ({
                ...rec(s),
                encryptionKey: undefined,
            }))),
    },
    // ------------------------------------------------------------------ CloudTrail (G4)
    { name: "CloudTrail log validation off", apply: (rs) => (auditTrail(rs).inputs.enableLogFileValidation = false) },
    { name: "CloudTrail key removed", apply: (rs) => dropProperty(auditTrail(rs), "kmsKeyId") },
    { name: "CloudTrail single-region", apply: (rs) => (auditTrail(rs).inputs.isMultiRegionTrail = false) },
    { name: "CloudTrail CloudWatch delivery removed", apply: (rs) => dropProperty(auditTrail(rs), "cloudWatchLogsGroupArn") },
    {
        name: "CloudTrail S3 data events removed",
        apply: (rs) => {
            const trail = auditTrail(rs);
            const selectors = trail.inputs.advancedEventSelectors as Record<string, unknown>[];
            const kept = selectors.filter((sel) => !JSON.stringify(sel).includes("AWS::S3::Object"));
            if (kept.length === selectors.length) throw new MissingTarget("audit-trail records no S3 data events");
            trail.inputs.advancedEventSelectors = kept;
        },
    },
    // ------------------------------------------------------------------ Organisation (G11): the log-archive account as delegated administrator
    {
        name: "organisation trail turned into the log-archive account's own",
        stacks: ["prod"],
        apply: (rs) => (rs.find(T.trail, "audit-organization-trail").inputs.isOrganizationTrail = false),
    },
    { name: "Config organisation aggregator removed", stacks: ["prod"], apply: (rs) => rs.remove(rs.find(T.aggregator)) },
    {
        name: "GuardDuty organisation auto-enable for NEW members only",
        stacks: ["prod"],
        apply: (rs) => (rs.find(T.guardDutyOrganization).inputs.autoEnableOrganizationMembers = "NEW"),
    },
    { name: "Macie organisation auto-enable off", stacks: ["prod"], apply: (rs) => (rs.find(T.macieOrganization).inputs.autoEnable = false) },
    { name: "Security Hub organisation configuration removed", stacks: ["prod"], apply: (rs) => rs.remove(rs.find(T.hubOrganization)) },
    {
        name: "workload account trail of its own under the organisation trail",
        stacks: ["prod"],
        apply: (rs) => {
            // The workload plan (its Studio domain), where the organisation trail already logs the account.
            rs.find(T.domain, "studio-fraud");
            rs.add(T.trail, "workload-trail", {
                name: "acme-prod-audit-trail",
                s3BucketName: "acme-prod-audit-555555555555",
                kmsKeyId: "arn:aws:kms:eu-central-1:555555555555:key/k",
                isMultiRegionTrail: true,
                enableLogFileValidation: true,
                includeGlobalServiceEvents: true,
                cloudWatchLogsGroupArn: "arn:aws:logs:eu-central-1:444444444444:log-group:/aws/cloudtrail/acme-prod-audit-trail:*",
                advancedEventSelectors: [
                    { name: "Management events", fieldSelectors: [{ field: "eventCategory", equals: ["Management"] }] },
                    {
                        name: "S3",
                        fieldSelectors: [
                            { field: "eventCategory", equals: ["Data"] },
                            { field: "resources.type", equals: ["AWS::S3::Object"] },
                        ],
                    },
                ],
            });
        },
    },
    {
        name: "audit archive Object Lock removed",
        stacks: ["prod"],
        apply: (rs) => {
            rs.remove(rs.find("aws:s3/bucketObjectLockConfiguration:BucketObjectLockConfiguration", "audit-archive-object-lock"));
            dropProperty(rs.find(T.bucket, "audit-archive"), "objectLockEnabled");
        },
    },
    {
        name: "bucket policy grants an account outside the platform",
        apply: (rs) =>
            rs.editPolicy(rs.find(T.bucketPolicy, "team-fraud-data-policy"), "policy", (ss) => [
                ...ss,
                { Sid: "Mutant", Effect: "Allow", Principal: { AWS: "arn:aws:iam::999999999999:root" }, Action: "s3:GetObject", Resource: "arn:aws:s3:::x/*" },
            ]),
    },
    {
        name: "archive key admits Config from an account outside the platform",
        apply: (rs) =>
            rs.editPolicy(rs.find(T.key, "audit-key-key"), "policy", (ss) =>
                ss.map((st) => (st.Sid === "ConfigDeliveryEncrypt" ? { ...st, Condition: { StringEquals: { "aws:SourceAccount": ["999999999999"] } } } : st)),
            ),
    },
    // ------------------------------------------------------------------ network (N6, N7, N9, G5)
    {
        name: "security-group ingress from 0.0.0.0/0",
        apply: (rs) => {
            const rule = rs.find(T.ingress, "data-science-endpoints-https-in");
            delete rule.inputs.referencedSecurityGroupId;
            delete rule.propertyDependencies.referencedSecurityGroupId;
            rule.inputs.cidrIpv4 = "0.0.0.0/0";
        },
    },
    {
        name: "default security group gets an ingress rule",
        apply: (rs) => (rs.find(T.defaultSg).inputs.ingress = [{ protocol: "-1", fromPort: 0, toPort: 0, self: true }]),
    },
    { name: "subnet maps public IPs on launch", apply: (rs) => (rs.all(T.subnet)[0].inputs.mapPublicIpOnLaunch = true) },
    { name: "security group rule without description", apply: (rs) => delete rs.find(T.ingress, "data-science-endpoints-https-in").inputs.description },
    { name: "VPC flow log removed", apply: (rs) => rs.remove(rs.find(T.flowLog, "data-science-flow-logs")) },
    {
        name: "internet gateway added to the isolated VPC",
        apply: (rs) =>
            void rs.add(
                "aws:ec2/internetGateway:InternetGateway",
                "mutant-igw",
                { vpcId: "vpc-x", tags: NOTEBOOK_OK.tags },
                { vpcId: [[T.vpc, "data-science-vpc"]] },
            ),
    },
    {
        name: "default route added to an isolated route table",
        apply: (rs) =>
            void rs.add(
                "aws:ec2/route:Route",
                "mutant-route",
                { routeTableId: "rtb-x", destinationCidrBlock: "0.0.0.0/0", gatewayId: "igw-x" },
                // A route table of the data VPC: the scanning VPC's come first in the plan, and may route to the internet.
                { routeTableId: [[T.routeTable, dataVpcRouteTable(rs).name]] },
            ),
    },
    { name: "default route to a transit gateway planted in an isolated route table (N13)", apply: (rs) => plantHubRoute(rs, "0.0.0.0/0") },
    { name: "non-corporate range routed to a transit gateway from an isolated route table (N13)", apply: (rs) => plantHubRoute(rs, "10.0.0.0/8") },
    {
        name: "transit gateway attachment on the package scanning (egress) VPC (N13)",
        apply: (rs) => {
            const scan = rs.all(T.vpc).find((v) => rec(v.inputs.tags)["secure-ds:network-isolation"] === "egress");
            if (!scan) throw new MissingTarget(`no egress VPC in the ${rs.stack} plan`);
            rs.add(
                "aws:ec2transitgateway/vpcAttachment:VpcAttachment",
                "mutant-scan-hub",
                { vpcId: "vpc-x", subnetIds: ["subnet-x"], transitGatewayId: "tgw-0123456789abcdef0", dnsSupport: "enable" },
                { vpcId: [[T.vpc, scan.name]] },
            );
        },
    },
    { name: "endpoint private DNS off", apply: (rs) => (endpointFor(rs, "sagemaker.api").inputs.privateDnsEnabled = false) },
    { name: "endpoint policy removed", apply: (rs) => dropProperty(endpointFor(rs, "sts"), "policy") },
    { name: "required ECR Docker endpoint removed", apply: (rs) => rs.remove(endpointFor(rs, "ecr.dkr")) },
    { name: "default VPC adopted", apply: (rs) => void rs.add("aws:ec2/defaultVpc:DefaultVpc", "mutant-default-vpc", { tags: NOTEBOOK_OK.tags }) },
    // ------------------------------------------------------------------ detective controls, Lambda, Config (G10, S6)
    { name: "Lambda dead-letter queue removed", apply: (rs) => dropProperty(rs.find(T.lambda), "deadLetterConfig") },
    { name: "Lambda unsupported runtime", apply: (rs) => (rs.find(T.lambda).inputs.runtime = "nodejs16.x") },
    { name: "Lambda secret in environment", apply: (rs) => (rec(rec(rs.find(T.lambda).inputs.environment).variables).GITHUB_TOKEN = "ghp_x") },
    { name: "Lambda reserved concurrency removed", apply: (rs) => dropProperty(rs.find(T.lambda, "detective-function"), "reservedConcurrentExecutions") },
    { name: "Lambda tracing PassThrough", apply: (rs) => (rs.find(T.lambda, "detective-function").inputs.tracingConfig = { mode: "PassThrough" }) },
    {
        name: "Config recorder with a custom role",
        apply: (rs) => (rs.find(T.recorder, "config-recorder").inputs.roleArn = "arn:aws:iam::111111111111:role/acme-config-recorder"),
    },
    {
        name: "Lambda public function URL",
        apply: (rs) => void rs.add("aws:lambda/functionUrl:FunctionUrl", "mutant-url", { functionName: "f", authorizationType: "NONE" }),
    },
    {
        name: "Lambda permission for any caller",
        apply: (rs) => {
            const p = rs.find(T.permission);
            p.inputs.principal = "*";
            dropProperty(p, "sourceArn");
        },
    },
    { name: "Config recorder removed", apply: (rs) => rs.remove(rs.find(T.recorder)) },
    // ------------------------------------------------------------------ backup (G9)
    { name: "backup vault key removed", apply: (rs) => dropProperty(rs.find(T.vault), "kmsKeyArn") },
    { name: "Studio home backup selection removed", apply: (rs) => rs.remove(rs.find(T.selection, "studio-home-backup-fraud")) },
    { name: "protect removed from the backup vault", apply: (rs) => (rs.find(T.vault).options.protect = false) },
    { name: "protect removed from a Studio domain", apply: (rs) => (rs.find(T.domain, "studio-fraud").options.protect = false) },
    // ------------------------------------------------------------------ IAM (I3, I4)
    {
        name: "role policy with * on *",
        apply: (rs) =>
            rs.editPolicy(rs.find(T.rolePolicy, "detective-role-policy"), "policy", (ss) => [
                ...ss,
                { Sid: "Mutant", Effect: "Allow", Action: "*", Resource: "*" },
            ]),
    },
    {
        name: "role policy with kms:Decrypt on all keys",
        apply: (rs) =>
            rs.editPolicy(rs.find(T.rolePolicy, "detective-role-policy"), "policy", (ss) => [
                ...ss,
                { Sid: "Mutant", Effect: "Allow", Action: "kms:Decrypt", Resource: "*" },
            ]),
    },
    {
        name: "role policy with a service wildcard on a scoped resource",
        apply: (rs) =>
            rs.editPolicy(rs.find(T.rolePolicy, "detective-role-policy"), "policy", (ss) => [
                ...ss,
                { Sid: "Mutant", Effect: "Allow", Action: "sns:*", Resource: "arn:aws:sns:eu-west-1:111111111111:t" },
            ]),
    },
    {
        name: "iam:PassRole on *",
        apply: (rs) =>
            rs.editPolicy(rs.find(T.rolePolicy, "detective-role-policy"), "policy", (ss) => [
                ...ss,
                { Sid: "Mutant", Effect: "Allow", Action: "iam:PassRole", Resource: "*" },
            ]),
    },
    {
        name: "trust policy open to any principal",
        apply: (rs) =>
            rs.editPolicy(rs.find(T.role, "detective-role"), "assumeRolePolicy", (ss) => [
                ...ss,
                { Sid: "Mutant", Effect: "Allow", Principal: { AWS: "*" }, Action: "sts:AssumeRole" },
            ]),
    },
    // ------------------------------------------------------------------ other data stores the program may add (E1, E10)
    {
        name: "secret without a customer key",
        apply: (rs) => void rs.add("aws:secretsmanager/secret:Secret", "mutant-secret", { name: "s", tags: NOTEBOOK_OK.tags }, {}, true),
    },
    {
        name: "unencrypted EFS",
        apply: (rs) => void rs.add("aws:efs/fileSystem:FileSystem", "mutant-efs", { encrypted: false, tags: NOTEBOOK_OK.tags }, {}, true),
    },
    // ------------------------------------------------------------------ the SAML broker's front door and ledger, should they lose their guardrails (N8, G4, E10)
    {
        name: "REST API on a regional (public) endpoint",
        apply: (rs) =>
            void rs.add("aws:apigateway/restApi:RestApi", "mutant-api", {
                name: "broker",
                endpointConfiguration: { types: "REGIONAL" },
                tags: NOTEBOOK_OK.tags,
            }),
    },
    {
        name: "API stage without access logs",
        apply: (rs) =>
            void rs.add("aws:apigateway/stage:Stage", "mutant-stage", { stageName: "broker", restApi: "abc123", deployment: "dep1", tags: NOTEBOOK_OK.tags }),
    },
    {
        name: "DynamoDB table on the AWS-owned key",
        apply: (rs) =>
            void rs.add(
                "aws:dynamodb/table:Table",
                "mutant-table",
                { hashKey: "id", pointInTimeRecovery: { enabled: true }, deletionProtectionEnabled: true, tags: NOTEBOOK_OK.tags },
                {},
                true,
            ),
    },
];

const STACKS: Stack[] = ["dev", "prod"];
const MANDATORY = packConfigPath("mandatory");
const PLAN_STACKS: PlanStack[] = [...STACKS, ...ORGANIZATION_STACKS];
const plans = Object.fromEntries(PLAN_STACKS.map((s) => [s, loadStackPlan(s)])) as Record<PlanStack, Plan>;
const previews = Object.fromEntries(PLAN_STACKS.map((s) => [s, loadStackPlan(s, "preview")])) as Record<PlanStack, Plan>;
/**
 * Where a mutation of a stack is applied: dev is one stack; a mutation of prod is applied to the
 * per-account stack that holds its target (the workload stack first, then the organisation's
 * others: an SCP is the management stack's, the scan pipeline the shared-services stack's), and
 * judged as that stack's own preview and up would judge it.
 */
const candidates = (stack: Stack): PlanStack[] => (stack === "prod" ? ["prod", ...ORGANIZATION_STACKS] : [stack]);
const MODES: PlanMode[] = ["up", "preview"];
/** One pack per stack; each judgement names its mode (plan/analyzer/service.ts). */
const judges = {} as Record<PlanStack, PackJudge>;
const packConfig = readPackConfig(MANDATORY);
const CONTROLS = new Map(policies.map((p) => [p.name, p.controls]));
const DEFERRALS = new Map(policies.map((p) => [p.name, p.previewDeferral]));

type Way = "in-process" | "up" | "preview";
const WAYS: Way[] = ["in-process", "up", "preview"];
const baseline = {} as Record<PlanStack, Record<Way, Set<string>>>;
const results: {
    mutation: string;
    stack: Stack;
    where?: PlanStack;
    way: Way;
    outcome: "caught" | "deferred" | "missed";
    policies: string[];
    error?: string;
}[] = [];

const key = (f: PlanFinding) => `${f.policy}|${f.urn ?? ""}|${f.message}`;

interface Verdict {
    mandatory: PlanFinding[];
    deferred: PlanDeferred[];
    undecided: PlanUndecided[];
}

/** Judges resources one way: in this process (up values), or through the pack's server in a mode. */
async function verdict(stack: PlanStack, way: Way, resources: PlanResource[]): Promise<Verdict> {
    if (way === "in-process")
        return { mandatory: (await evaluatePolicies(resources, packConfig)).filter((f) => f.level === "mandatory"), deferred: [], undecided: [] };
    // Remediations replace the inputs of the resources judged: callers pass a copy of a shared plan.
    const judged = await judges[stack].judge(resources, way);
    const { deferred, undecided } = splitDeferred(judged.undecided, (policy) => DEFERRALS.get(policy));
    return { mandatory: judged.findings.filter((f) => f.level === "mandatory"), deferred, undecided };
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** A value as the engine would send it: no `undefined` anywhere (the wire has no such value). */
function wireValue(v: unknown): unknown {
    if (Array.isArray(v)) return v.map((x) => (x === undefined ? null : wireValue(x)));
    if (isRecord(v))
        return Object.fromEntries(
            Object.entries(v)
                .filter(([, x]) => x !== undefined)
                .map(([k, x]) => [k, wireValue(x)]),
        );
    return v;
}

/**
 * The mutated plan as `pulumi up` would record it: AnalyzeStack judges a resource's outputs, which
 * echo its inputs, so an edited input is edited in the outputs too (a dropped one dropped), and
 * an added resource's outputs are its inputs.
 */
function deployed(mutated: PlanResource[], up: readonly PlanResource[]): PlanResource[] {
    const upByUrn = new Map(up.map((r) => [r.urn, r]));
    return mutated.map((m) => {
        const r = wireValue(m) as PlanResource;
        const before = upByUrn.get(r.urn);
        if (!before) return { ...r, outputs: { ...r.inputs, ...r.outputs } };
        for (const k of new Set([...Object.keys(before.inputs), ...Object.keys(r.inputs)])) {
            if (isDeepStrictEqual(r.inputs[k], before.inputs[k])) continue;
            if (r.inputs[k] === undefined) delete r.outputs[k];
            else r.outputs[k] = structuredClone(r.inputs[k]);
        }
        return r;
    });
}

/**
 * A mutated up value seen by a preview: what the preview did not know stays unknown (a mutation
 * edits the program, and what the program computes from new resources is still unknown), what it
 * knew and the mutation left alone is the preview's, what the mutation changed or removed is the
 * mutation's.
 */
function previewValue(mutated: unknown, up: unknown, preview: unknown): unknown {
    if (preview === PLAN_UNKNOWN) return mutated === undefined ? undefined : PLAN_UNKNOWN;
    if (isDeepStrictEqual(mutated, up)) return preview;
    if (isRecord(mutated) && isRecord(up) && isRecord(preview)) {
        const out: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(mutated)) {
            const seen = previewValue(v, up[k], preview[k]);
            if (seen !== undefined) out[k] = seen;
        }
        return out;
    }
    if (Array.isArray(mutated) && Array.isArray(up) && Array.isArray(preview) && mutated.length === up.length && up.length === preview.length) {
        return mutated.map((v, i) => previewValue(v, up[i], preview[i]));
    }
    return mutated;
}

/**
 * The preview view of a mutated up plan, resource by resource (same URN). A resource the mutation
 * added is new in a first preview too: an input computed from other resources is unknown, and
 * its outputs are its inputs (with an empty outputs, AnalyzeStack saw an added route with no
 * destination and the preview could not refuse it).
 */
function previewOf(mutated: PlanResource[], up: readonly PlanResource[], preview: readonly PlanResource[]): PlanResource[] {
    const upByUrn = new Map(up.map((r) => [r.urn, r]));
    const previewByUrn = new Map(preview.map((r) => [r.urn, r]));
    return mutated.map((r) => {
        const before = upByUrn.get(r.urn);
        const seen = previewByUrn.get(r.urn);
        if (before && seen) return previewValue(r, before, seen) as PlanResource;
        if (before || seen) throw new Error(`${r.urn} is in only one of the up and preview plans`);
        const inputs = Object.fromEntries(Object.entries(r.inputs).map(([k, v]) => [k, (r.propertyDependencies[k] ?? []).length > 0 ? PLAN_UNKNOWN : v]));
        // The engine's preview answer for a new resource: its inputs as outputs, its id unknown
        // (docs/plan-format.md, Modes). AnalyzeStack judges those outputs.
        return { ...r, inputs, id: PLAN_UNKNOWN, outputs: { ...inputs } };
    });
}

beforeAll(async () => {
    const parsed = readPackConfigFile(MANDATORY).parsed;
    await Promise.all(
        PLAN_STACKS.map(async (stack) => {
            judges[stack] = await openSavedJudge({
                stack,
                mode: "up",
                stackFileConfig: readStackConfigFile(stackConfigPath(stack)),
                packConfig: parsed,
                packConfigFile: MANDATORY,
                controls: (p) => CONTROLS.get(p) ?? [],
            });
        }),
    );
}, 300_000);

afterAll(async () => {
    await Promise.all(Object.values(judges).map((j) => j.close()));
    for (const way of WAYS) {
        const mine = results.filter((r) => r.way === way);
        const count = (o: string) => mine.filter((r) => r.outcome === o).length;
        console.log(`mutation proof (${way}): ${count("caught")} caught, ${count("deferred")} deferred to up, ${count("missed")} missed, of ${mine.length}`);
    }
    if (process.env.MUTATION_DETAIL)
        for (const r of results)
            console.log(
                `  [${r.stack}${r.where && r.where !== r.stack ? ` (${r.where})` : ""}, ${r.way}] ${r.mutation}: ${r.outcome} ${r.policies.join(", ")}`,
            );
    for (const r of results.filter((x) => x.outcome === "missed"))
        console.log(`  NOT CAUGHT: [${r.stack}, ${r.way}] ${r.mutation}${r.error ? ` (${r.error})` : ""}`);
});

describe("mutation proof", () => {
    it("has at least 40 distinct mutations", () => {
        expect(new Set(mutations.map((m) => m.name)).size).toBe(mutations.length);
        expect(mutations.length).toBeGreaterThanOrEqual(40);
    });

    it.each(PLAN_STACKS)("the preview of %s has the up plan's resources, by URN", (stack) => {
        expect(previews[stack].resources.map((r) => r.urn).sort()).toEqual(plans[stack].resources.map((r) => r.urn).sort());
    });

    it.each(PLAN_STACKS.flatMap((stack) => WAYS.map((way) => [stack, way] as const)))(
        "the original %s plan has zero mandatory findings under the mandatory pack config (%s)",
        async (stack, way) => {
            const resources = way === "preview" ? previews[stack].resources : plans[stack].resources;
            const { mandatory } = await verdict(stack, way, structuredClone(resources));
            baseline[stack] ??= {} as Record<Way, Set<string>>;
            baseline[stack][way] = new Set(mandatory.map(key));
            expect(mandatory.map((f) => `${f.policy}: ${f.message}`)).toEqual([]);
        },
    );

    // The memo of plan/analyzer/memo.ts must never answer a changed resource with an old answer:
    // this fails if it did (the rotation-off key would pass, or the restored key would still fail).
    it.each(MODES)("a resource changed since an earlier judgement of the session is judged again (%s)", async (mode) => {
        const stack: Stack = "dev";
        const original = mode === "preview" ? previews[stack].resources : plans[stack].resources;
        const judge = judges[stack];
        const target = original.find((r) => r.type === T.key && r.name === "team-fraud-key-key");
        if (!target) throw new MissingTarget(`no team-fraud-key-key in the ${stack} ${mode} plan`);
        const sent = () => judge.stats(mode).sent.analyze;
        // Only the inputs change: AnalyzeStack sees the outputs, so a finding can only come from Analyze.
        const mutated = structuredClone(original).map((r) => (r.urn === target.urn ? { ...r, inputs: { ...r.inputs, enableKeyRotation: false } } : r));
        const before = sent();
        const changed = await verdict(stack, mode, mutated);
        expect(sent() - before, "only the changed resource is sent again").toBe(1);
        expect(changed.mandatory.filter((f) => f.urn === target.urn).map((f) => f.policy)).toContain("kms-key-rotation");
        const again = sent();
        const restored = await verdict(stack, mode, structuredClone(original));
        expect(sent() - again, "the original is answered from memory").toBe(0);
        expect(restored.mandatory).toEqual([]);
    });

    const cases = mutations.flatMap((m) => (m.stacks ?? STACKS).map((stack) => ({ m, stack })));
    it.concurrent.each(cases.map((c) => [`[${c.stack}] ${c.m.name}`, c] as const))(
        "%s is reported by a mandatory policy, in process and through the pack's server in up; in preview too, or deferred to up",
        async (_label, { m, stack }) => {
            let rs: Resources | undefined;
            const missing: string[] = [];
            for (const where of candidates(stack)) {
                const attempt = new Resources(where, structuredClone(plans[where].resources));
                try {
                    m.apply(attempt);
                    rs = attempt;
                    break;
                } catch (err) {
                    if (!(err instanceof MissingTarget)) {
                        for (const way of WAYS) results.push({ mutation: m.name, stack, way, outcome: "missed", policies: [], error: String(err) });
                        throw err;
                    }
                    missing.push(err.message);
                }
            }
            if (!rs) {
                const error = `target missing: ${missing.join("; ")}`;
                for (const way of WAYS) results.push({ mutation: m.name, stack, way, outcome: "missed", policies: [], error });
                throw new Error(`mutation "${m.name}" on ${stack}: ${error}`);
            }
            const where = rs.stack;
            const up = deployed(rs.list, plans[where].resources);
            const views: Record<Way, PlanResource[]> = { "in-process": rs.list, up, preview: previewOf(up, plans[where].resources, previews[where].resources) };
            const fresh = {} as Record<Way, PlanFinding[]>;
            let deferred: PlanDeferred[] = [];
            let undecided: PlanUndecided[] = [];
            // The three judgements start at once: the pack works while this process evaluates.
            const order: Way[] = ["up", "preview", "in-process"];
            const verdicts = await Promise.all(order.map((way) => verdict(where, way, views[way])));
            order.forEach((way, i) => {
                const v = verdicts[i];
                const before = baseline[where]?.[way] ?? new Set<string>();
                fresh[way] = v.mandatory.filter((f) => !before.has(key(f)));
                if (way === "preview") ({ deferred, undecided } = v);
            });
            // In preview, a check the up judgement made may be deferred for the resource it judged.
            // A stack policy defers once for the stack, naming each resource it could not judge.
            const deciding = new Set(fresh.up.map((f) => `${f.policy}|${f.urn ?? ""}`));
            const named = (d: PlanDeferred) =>
                d.urn === undefined &&
                fresh.up.some((f) => f.policy === d.policy && f.urn !== undefined && d.message.includes(`${f.urn.slice(f.urn.lastIndexOf("::") + 2)}.`));
            const deferredHere = deferred.filter((d) => deciding.has(`${d.policy}|${d.urn ?? ""}`) || named(d));
            for (const way of WAYS) {
                const caught = fresh[way].length > 0;
                const outcome = caught ? "caught" : way === "preview" && deferredHere.length > 0 ? "deferred" : "missed";
                const by = outcome === "deferred" ? deferredHere : fresh[way];
                results.push({ mutation: m.name, stack, where, way, outcome, policies: [...new Set(by.map((f) => f.policy))].sort() });
            }
            const policiesOf = (fs: PlanFinding[]) => [...new Set(fs.map((f) => f.policy))].sort();
            expect(policiesOf(fresh["in-process"]), `mutation "${m.name}" on ${stack} was not reported by any mandatory policy in process`).not.toEqual([]);
            expect(policiesOf(fresh.up), `mutation "${m.name}" on ${stack} was not reported by any mandatory policy through the pack (up)`).not.toEqual([]);
            if (fresh.preview.length === 0) {
                if (process.env.MUTATION_DETAIL) {
                    console.log(`[${stack}, preview] ${m.name}: caught in up by ${[...deciding].join(", ")}`);
                    for (const u of [...deferred, ...undecided])
                        console.log(`    ${"reason" in u ? "deferred" : "undecided"} ${u.policy} ${u.urn ?? "(stack)"}: ${u.message}`);
                }
                expect(
                    deferredHere.map((d) => `${d.policy}|${d.urn ?? ""}`),
                    `mutation "${m.name}" on ${stack} was neither reported by a mandatory policy nor deferred to up in preview`,
                ).not.toEqual([]);
            }
        },
    );

    it.each(STACKS)("[%s] an internet gateway added to the isolated VPC is refused at preview through the pack, not deferred", (stack) => {
        const igw = results.filter((r) => r.mutation === "internet gateway added to the isolated VPC" && r.stack === stack && r.way === "preview");
        expect(igw.map((r) => [r.outcome, r.policies.includes("isolated-vpc-no-internet-path")])).toEqual([["caught", true]]);
    });

    it("catches 100% of the mutations, deferring in preview only what a preview cannot judge", () => {
        expect(results.length).toBe(cases.length * WAYS.length);
        for (const way of WAYS) {
            const mine = results.filter((r) => r.way === way);
            const decided = mine.filter((r) => r.outcome === "caught" || (way === "preview" && r.outcome === "deferred")).length;
            expect(`${way}: ${decided}/${mine.length}`).toBe(`${way}: ${cases.length}/${cases.length}`);
        }
    });
});
