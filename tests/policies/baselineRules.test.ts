/**
 * Baseline rules (policy-pack/policies/baseline): one compliant and several non-compliant cases
 * per rule, through the synthetic CrossGuard arguments of tests/harness/policyArgs.ts.
 */
import { describe, expect, it } from "vitest";
import { policies } from "../../policy-pack/policies";
import { isStackPolicy, SecureDsPolicy, SecureDsResourcePolicy, SecureDsStackPolicy } from "../../policy-pack/policies/common";
import { ResourceCase, StackCaseResource, UNKNOWN, runResourcePolicy, runStackPolicy } from "../harness/policyArgs";

const baselinePolicies = policies.filter((p) =>
    [
        "sagemaker-notebook-kms",
        "sagemaker-notebook-no-direct-internet",
        "sagemaker-root-access-disabled",
        "sagemaker-workload-network-isolation",
        "vpc-default-security-group-closed",
        "isolated-vpc-required-endpoints",
        "no-default-vpc",
        "security-group-descriptions",
        "subnet-no-public-ip",
        "log-group-retention-minimum",
        "s3-access-point-restricted",
        "s3-bucket-access-logging",
        "s3-bucket-acls-disabled",
        "s3-bucket-lifecycle-configured",
        "s3-bucket-policy-requires-kms-uploads",
        "s3-bucket-versioning-enabled",
        "s3-data-bucket-network-restricted",
        "audit-archive-object-lock",
        "kms-key-enabled-with-policy",
        "data-keys-rotate",
        "iam-no-decrypt-on-all-keys",
        "iam-no-service-wildcard-actions",
        "team-network-isolation-guardrail",
        "codebuild-inline-buildspec",
        "codebuild-logging-enabled",
        "codebuild-no-plaintext-credentials",
        "ecr-lifecycle-policy",
        "cloudtrail-cloudwatch-logs",
        "cloudtrail-s3-data-events",
        "config-recorder-service-linked-role",
        "lambda-active-tracing",
        "lambda-environment-no-secrets",
        "lambda-reserved-concurrency",
        "lambda-supported-runtime",
        "efs-encrypted-customer-key",
        "backup-vault-kms",
        "studio-home-backed-up",
        "secretsmanager-secret-kms",
        "resource-policy-not-public",
        "resource-policy-platform-accounts-only",
        "data-resources-protected",
    ].includes(p.name),
);

const KEY = "arn:aws:kms:eu-west-1:111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab";
const doc = (...Statement: Record<string, unknown>[]) => JSON.stringify({ Version: "2012-10-17", Statement });

function policy(name: string): SecureDsPolicy {
    const p = baselinePolicies.find((x) => x.name === name);
    if (!p) throw new Error(`no baseline policy ${name}`);
    return p;
}
const resourcePolicy = (name: string) => policy(name) as SecureDsResourcePolicy;
const stackPolicy = (name: string) => policy(name) as SecureDsStackPolicy;

interface ResourceRule {
    name: string;
    ok: ResourceCase[];
    bad: [string, ResourceCase][];
}

const NB = "aws:sagemaker/notebookInstance:NotebookInstance";
const nb = (p: Record<string, unknown>): ResourceCase => ({
    type: NB,
    props: { directInternetAccess: "Disabled", rootAccess: "Disabled", subnetId: "subnet-1", securityGroups: ["sg-1"], kmsKeyId: KEY, ...p },
});
const PROJECT = "aws:codebuild/project:Project";
const project = (p: Record<string, unknown>): ResourceCase => ({
    type: PROJECT,
    props: {
        source: { type: "CODEPIPELINE", buildspec: "version: 0.2\nphases: {}\n" },
        logsConfig: { cloudwatchLogs: { status: "ENABLED", groupName: "/g" } },
        environment: {
            environmentVariables: [
                { name: "REPORTS_KEY_ARN", type: "PLAINTEXT", value: KEY },
                { name: "GITHUB_TOKEN", type: "SECRETS_MANAGER", value: "arn:s" },
            ],
        },
        ...p,
    },
});
const LAMBDA = "aws:lambda/function:Function";
const TRAIL = "aws:cloudtrail/trail:Trail";
const MGMT_SELECTOR = { name: "Management events", fieldSelectors: [{ field: "eventCategory", equals: ["Management"] }] };

const resourceRules: ResourceRule[] = [
    {
        name: "sagemaker-notebook-no-direct-internet",
        ok: [nb({})],
        bad: [
            ["direct internet Enabled", nb({ directInternetAccess: "Enabled" })],
            ["direct internet absent (API default Enabled)", nb({ directInternetAccess: undefined })],
            ["no subnet", nb({ subnetId: undefined })],
            ["no security groups", nb({ securityGroups: [] })],
        ],
    },
    {
        name: "sagemaker-notebook-kms",
        ok: [nb({})],
        bad: [
            ["no key", nb({ kmsKeyId: undefined })],
            ["AWS-managed key", nb({ kmsKeyId: "alias/aws/sagemaker" })],
        ],
    },
    {
        name: "sagemaker-root-access-disabled",
        ok: [
            nb({}),
            { type: "aws:sagemaker/domain:Domain", props: { defaultUserSettings: { customPosixUserConfig: { uid: 1000, gid: 100 } } } },
            { type: "aws:sagemaker/userProfile:UserProfile", props: { userSettings: {} } },
        ],
        bad: [
            ["notebook root Enabled", nb({ rootAccess: "Enabled" })],
            ["notebook root absent (API default Enabled)", nb({ rootAccess: undefined })],
            [
                "domain default user uid 0",
                { type: "aws:sagemaker/domain:Domain", props: { defaultUserSettings: { customPosixUserConfig: { uid: 0, gid: 100 } } } },
            ],
            ["domain space gid 0", { type: "aws:sagemaker/domain:Domain", props: { defaultSpaceSettings: { customPosixUserConfig: { uid: 1000, gid: 0 } } } }],
            ["user profile uid 0", { type: "aws:sagemaker/userProfile:UserProfile", props: { userSettings: { customPosixUserConfig: { uid: 0, gid: 0 } } } }],
        ],
    },
    {
        name: "sagemaker-workload-network-isolation",
        ok: [{ type: "aws:sagemaker/model:Model", props: { enableNetworkIsolation: true, vpcConfig: { subnets: ["s"], securityGroupIds: ["g"] } } }],
        bad: [
            ["model without isolation", { type: "aws:sagemaker/model:Model", props: { vpcConfig: { subnets: ["s"], securityGroupIds: ["g"] } } }],
            ["model without VPC", { type: "aws:sagemaker/model:Model", props: { enableNetworkIsolation: true } }],
            [
                "training job isolation false",
                {
                    type: "aws:sagemaker/trainingJob:TrainingJob",
                    props: { enableNetworkIsolation: false, vpcConfig: { subnets: ["s"], securityGroupIds: ["g"] } },
                },
            ],
        ],
    },
    {
        name: "data-resources-protected",
        ok: [
            { type: "aws:kms/key:Key", props: {}, protect: true },
            { type: "aws:sns/topic:Topic", props: {} },
        ],
        bad: [
            ["unprotected key", { type: "aws:kms/key:Key", props: {} }],
            ["unprotected bucket", { type: "aws:s3/bucket:Bucket", props: {} }],
            ["unprotected ECR repository", { type: "aws:ecr/repository:Repository", props: {} }],
            ["configured type", { type: "aws:sns/topic:Topic", props: {}, config: { protectedTypes: ["aws:sns/topic:Topic"] } }],
        ],
    },
    {
        name: "efs-encrypted-customer-key",
        ok: [{ type: "aws:efs/fileSystem:FileSystem", props: { encrypted: true, kmsKeyId: KEY } }],
        bad: [
            ["unencrypted", { type: "aws:efs/fileSystem:FileSystem", props: { kmsKeyId: KEY } }],
            ["no key", { type: "aws:efs/fileSystem:FileSystem", props: { encrypted: true } }],
            ["AWS-managed key", { type: "aws:efs/fileSystem:FileSystem", props: { encrypted: true, kmsKeyId: "alias/aws/elasticfilesystem" } }],
        ],
    },
    {
        name: "secretsmanager-secret-kms",
        ok: [{ type: "aws:secretsmanager/secret:Secret", props: { kmsKeyId: KEY } }],
        bad: [
            ["default key", { type: "aws:secretsmanager/secret:Secret", props: {} }],
            ["aws/secretsmanager alias", { type: "aws:secretsmanager/secret:Secret", props: { kmsKeyId: "alias/aws/secretsmanager" } }],
        ],
    },
    {
        name: "kms-key-enabled-with-policy",
        ok: [{ type: "aws:kms/key:Key", props: { policy: doc({ Effect: "Allow" }) } }],
        bad: [
            ["disabled", { type: "aws:kms/key:Key", props: { isEnabled: false, policy: doc({}) } }],
            ["no policy", { type: "aws:kms/key:Key", props: {} }],
        ],
    },
    {
        name: "subnet-no-public-ip",
        ok: [
            { type: "aws:ec2/subnet:Subnet", props: { mapPublicIpOnLaunch: false } },
            { type: "aws:ec2/subnet:Subnet", props: {} },
        ],
        bad: [
            ["public IPs", { type: "aws:ec2/subnet:Subnet", props: { mapPublicIpOnLaunch: true } }],
            ["customer-owned IPs", { type: "aws:ec2/subnet:Subnet", props: { mapCustomerOwnedIpOnLaunch: true } }],
            ["default subnet left public", { type: "aws:ec2/defaultSubnet:DefaultSubnet", props: {} }],
        ],
    },
    {
        name: "no-default-vpc",
        ok: [{ type: "aws:ec2/vpc:Vpc", props: {} }],
        bad: [
            ["default VPC", { type: "aws:ec2/defaultVpc:DefaultVpc", props: {} }],
            ["default subnet", { type: "aws:ec2/defaultSubnet:DefaultSubnet", props: {} }],
        ],
    },
    {
        name: "security-group-descriptions",
        ok: [
            { type: "aws:ec2/securityGroup:SecurityGroup", props: { description: "Studio user alice", ingress: [{ description: "self" }] } },
            { type: "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", props: { description: "HTTPS from the domain" } },
        ],
        bad: [
            ["group without description", { type: "aws:ec2/securityGroup:SecurityGroup", props: {} }],
            ["Pulumi's default description", { type: "aws:ec2/securityGroup:SecurityGroup", props: { description: "Managed by Pulumi" } }],
            ["inline rule without description", { type: "aws:ec2/securityGroup:SecurityGroup", props: { description: "d", egress: [{}] } }],
            ["rule resource without description", { type: "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule", props: {} }],
        ],
    },
    {
        name: "s3-access-point-restricted",
        ok: [{ type: "aws:s3/accessPoint:AccessPoint", props: { vpcConfiguration: { vpcId: "vpc-1" } } }],
        bad: [
            [
                "PAB field off",
                {
                    type: "aws:s3/accessPoint:AccessPoint",
                    props: { vpcConfiguration: { vpcId: "vpc-1" }, publicAccessBlockConfiguration: { restrictPublicBuckets: false } },
                },
            ],
            ["internet origin", { type: "aws:s3/accessPoint:AccessPoint", props: {} }],
        ],
    },
    {
        name: "cloudtrail-cloudwatch-logs",
        ok: [{ type: "aws:cloudtrail/trail:Trail", props: { cloudWatchLogsGroupArn: "arn:lg", cloudWatchLogsRoleArn: "arn:role" } }],
        bad: [
            ["no log group", { type: "aws:cloudtrail/trail:Trail", props: { cloudWatchLogsRoleArn: "arn:role" } }],
            ["no role", { type: "aws:cloudtrail/trail:Trail", props: { cloudWatchLogsGroupArn: "arn:lg" } }],
        ],
    },
    {
        name: "resource-policy-not-public",
        ok: [
            {
                type: "aws:ecr/repositoryPolicy:RepositoryPolicy",
                props: {
                    policy: doc({ Effect: "Allow", Principal: "*", Action: "ecr:BatchGetImage", Condition: { StringEquals: { "aws:PrincipalOrgID": "o-1" } } }),
                },
            },
            {
                type: "aws:kms/key:Key",
                props: { policy: doc({ Effect: "Allow", Principal: { AWS: "arn:aws:iam::111111111111:root" }, Action: "kms:*", Resource: "*" }) },
            },
            {
                type: "aws:s3/bucketPolicy:BucketPolicy",
                props: { policy: doc({ Effect: "Deny", Principal: "*", Action: "s3:*", Condition: { Bool: { "aws:SecureTransport": "false" } } }) },
            },
            { type: "aws:lambda/permission:Permission", props: { principal: "events.amazonaws.com", sourceArn: "arn:rule" } },
        ],
        bad: [
            [
                "ECR open to *",
                { type: "aws:ecr/repositoryPolicy:RepositoryPolicy", props: { policy: doc({ Effect: "Allow", Principal: "*", Action: "ecr:BatchGetImage" }) } },
            ],
            [
                "key policy AWS:* with an unrelated condition",
                {
                    type: "aws:kms/key:Key",
                    props: {
                        policy: doc({
                            Effect: "Allow",
                            Principal: { AWS: "*" },
                            Action: "kms:Decrypt",
                            Condition: { Bool: { "aws:SecureTransport": "true" } },
                        }),
                    },
                },
            ],
            [
                "SNS topic policy open",
                { type: "aws:sns/topicPolicy:TopicPolicy", props: { policy: doc({ Effect: "Allow", Principal: { AWS: ["*"] }, Action: "sns:Publish" }) } },
            ],
            ["Lambda permission for *", { type: "aws:lambda/permission:Permission", props: { principal: "*" } }],
            ["Lambda permission for a service without source", { type: "aws:lambda/permission:Permission", props: { principal: "s3.amazonaws.com" } }],
        ],
    },
    {
        name: "codebuild-logging-enabled",
        ok: [project({})],
        bad: [
            ["CloudWatch disabled", project({ logsConfig: { cloudwatchLogs: { status: "DISABLED" } } })],
            ["no log group", project({ logsConfig: undefined })],
        ],
    },
    {
        name: "codebuild-no-plaintext-credentials",
        ok: [project({})],
        bad: [
            ["AWS secret key", project({ environment: { environmentVariables: [{ name: "AWS_SECRET_ACCESS_KEY", value: "x" }] } })],
            ["token in plaintext", project({ environment: { environmentVariables: [{ name: "GITHUB_TOKEN", type: "PLAINTEXT", value: "ghp" }] } })],
            ["access key id value", project({ environment: { environmentVariables: [{ name: "X", type: "PLAINTEXT", value: "AKIAABCDEFGHIJKLMNOP" }] } })],
        ],
    },
    {
        name: "codebuild-inline-buildspec",
        ok: [project({})],
        bad: [
            ["no buildspec (read from the source)", project({ source: { type: "CODEPIPELINE" } })],
            ["buildspec path", project({ source: { type: "CODEPIPELINE", buildspec: "ci/buildspec.yml" } })],
        ],
    },
    {
        name: "lambda-supported-runtime",
        ok: [
            { type: LAMBDA, props: { runtime: "nodejs22.x" } },
            { type: LAMBDA, props: { packageType: "Image" } },
        ],
        bad: [
            ["deprecated runtime", { type: LAMBDA, props: { runtime: "nodejs16.x" } }],
            ["no runtime", { type: LAMBDA, props: {} }],
            ["runtime outside a configured list", { type: LAMBDA, props: { runtime: "nodejs22.x" }, config: { allowedRuntimes: ["python3.12"] } }],
        ],
    },
    {
        name: "cloudtrail-s3-data-events",
        ok: [
            {
                type: TRAIL,
                props: {
                    advancedEventSelectors: [
                        MGMT_SELECTOR,
                        {
                            fieldSelectors: [
                                { field: "eventCategory", equals: ["Data"] },
                                { field: "resources.type", equals: ["AWS::S3::Object"] },
                                { field: "resources.ARN", startsWiths: ["arn:aws:s3:::b/"] },
                            ],
                        },
                    ],
                },
            },
            { type: TRAIL, props: { eventSelectors: [{ readWriteType: "All", dataResources: [{ type: "AWS::S3::Object", values: ["arn:aws:s3"] }] }] } },
            {
                type: TRAIL,
                props: {
                    eventSelectors: [
                        { readWriteType: "ReadOnly", dataResources: [{ type: "AWS::S3::Object", values: ["arn:aws:s3:::b/"] }] },
                        { readWriteType: "WriteOnly", dataResources: [{ type: "AWS::S3::Object", values: ["arn:aws:s3:::b/"] }] },
                    ],
                },
            },
            { type: TRAIL, props: {}, config: { required: false } },
        ],
        bad: [
            ["management events only", { type: TRAIL, props: { advancedEventSelectors: [MGMT_SELECTOR] } }],
            ["no selectors", { type: TRAIL, props: {} }],
            [
                "write-only advanced selector",
                {
                    type: TRAIL,
                    props: {
                        advancedEventSelectors: [
                            {
                                fieldSelectors: [
                                    { field: "eventCategory", equals: ["Data"] },
                                    { field: "resources.type", equals: ["AWS::S3::Object"] },
                                    { field: "readOnly", equals: ["false"] },
                                ],
                            },
                        ],
                    },
                },
            ],
            [
                "read-only classic selector",
                {
                    type: TRAIL,
                    props: { eventSelectors: [{ readWriteType: "ReadOnly", dataResources: [{ type: "AWS::S3::Object", values: ["arn:aws:s3"] }] }] },
                },
            ],
            [
                "Lambda data events only",
                {
                    type: TRAIL,
                    props: { eventSelectors: [{ readWriteType: "All", dataResources: [{ type: "AWS::Lambda::Function", values: ["arn:aws:lambda"] }] }] },
                },
            ],
        ],
    },
    {
        name: "lambda-reserved-concurrency",
        ok: [
            { type: LAMBDA, props: { reservedConcurrentExecutions: 5 } },
            { type: LAMBDA, props: { reservedConcurrentExecutions: 100 } },
        ],
        bad: [
            ["unset", { type: LAMBDA, props: {} }],
            ["-1 (unreserved)", { type: LAMBDA, props: { reservedConcurrentExecutions: -1 } }],
            ["0 (disabled)", { type: LAMBDA, props: { reservedConcurrentExecutions: 0 } }],
            ["above the default maximum", { type: LAMBDA, props: { reservedConcurrentExecutions: 101 } }],
            ["above a configured maximum", { type: LAMBDA, props: { reservedConcurrentExecutions: 5 }, config: { maximum: 2 } }],
        ],
    },
    {
        name: "lambda-active-tracing",
        ok: [{ type: LAMBDA, props: { tracingConfig: { mode: "Active" } } }],
        bad: [
            ["unset", { type: LAMBDA, props: {} }],
            ["PassThrough", { type: LAMBDA, props: { tracingConfig: { mode: "PassThrough" } } }],
        ],
    },
    {
        name: "lambda-environment-no-secrets",
        ok: [{ type: LAMBDA, props: { environment: { variables: { ALERT_TOPIC_ARN: "arn:t", SECRET_ARN: "arn:s" } } } }],
        bad: [
            ["password", { type: LAMBDA, props: { environment: { variables: { DB_PASSWORD: "p" } } } }],
            ["AWS access key", { type: LAMBDA, props: { environment: { variables: { AWS_ACCESS_KEY_ID: "AKIAABCDEFGHIJKLMNOP" } } } }],
        ],
    },
    {
        name: "backup-vault-kms",
        ok: [{ type: "aws:backup/vault:Vault", props: { kmsKeyArn: KEY } }],
        bad: [
            ["default key", { type: "aws:backup/vault:Vault", props: {} }],
            ["aws/backup alias", { type: "aws:backup/vault:Vault", props: { kmsKeyArn: "arn:aws:kms:eu-west-1:111111111111:alias/aws/backup" } }],
        ],
    },
    {
        name: "log-group-retention-minimum",
        ok: [
            { type: "aws:cloudwatch/logGroup:LogGroup", props: { retentionInDays: 365 } },
            { type: "aws:cloudwatch/logGroup:LogGroup", props: {} },
        ],
        bad: [
            ["30 days", { type: "aws:cloudwatch/logGroup:LogGroup", props: { retentionInDays: 30 } }],
            [
                "below a configured minimum",
                { type: "aws:cloudwatch/logGroup:LogGroup", props: { retentionInDays: 400 }, config: { minimumRetentionDays: 731 } },
            ],
        ],
    },
    {
        name: "iam-no-decrypt-on-all-keys",
        ok: [
            { type: "aws:iam/rolePolicy:RolePolicy", props: { policy: doc({ Effect: "Allow", Action: "kms:Decrypt", Resource: KEY }) } },
            { type: "aws:iam/policy:Policy", props: { policy: doc({ Sid: "BoundaryJustifiedWildcard", Effect: "Allow", Action: "kms:*", Resource: "*" }) } },
        ],
        bad: [
            [
                "kms:Decrypt on *",
                { type: "aws:iam/rolePolicy:RolePolicy", props: { policy: doc({ Effect: "Allow", Action: ["kms:Decrypt"], Resource: "*" }) } },
            ],
            ["kms:ReEncrypt* on *", { type: "aws:iam/policy:Policy", props: { policy: doc({ Effect: "Allow", Action: "kms:ReEncrypt*", Resource: ["*"] }) } }],
            [
                "permission set kms:*",
                {
                    type: "aws:ssoadmin/permissionSetInlinePolicy:PermissionSetInlinePolicy",
                    props: { inlinePolicy: doc({ Effect: "Allow", Action: "kms:*", Resource: "*" }) },
                },
            ],
        ],
    },
    {
        name: "iam-no-service-wildcard-actions",
        ok: [
            { type: "aws:iam/rolePolicy:RolePolicy", props: { policy: doc({ Effect: "Allow", Action: ["s3:GetObject"], Resource: "arn:aws:s3:::b/*" }) } },
            {
                type: "aws:iam/policy:Policy",
                props: { policy: doc({ Sid: "SageMakerCapJustifiedWildcard", Effect: "Allow", Action: "sagemaker:*", Resource: "*" }) },
            },
            { type: "aws:iam/policy:Policy", props: { policy: doc({ Effect: "Deny", Action: "*", Resource: "*" }) } },
        ],
        bad: [
            [
                "service wildcard on a scoped resource",
                { type: "aws:iam/rolePolicy:RolePolicy", props: { policy: doc({ Effect: "Allow", Action: "s3:*", Resource: "arn:aws:s3:::b" }) } },
            ],
            ["* action", { type: "aws:iam/policy:Policy", props: { policy: doc({ Effect: "Allow", Action: "*", Resource: "arn:aws:s3:::b" }) } }],
        ],
    },
];

describe("baseline resource rules", () => {
    for (const rule of resourceRules) {
        describe(rule.name, () => {
            it("passes compliant resources", async () => {
                for (const c of rule.ok) expect(await runResourcePolicy(resourcePolicy(rule.name), c), JSON.stringify(c)).toEqual([]);
            });
            it.each(rule.bad)("reports %s", async (_label, c) => {
                expect((await runResourcePolicy(resourcePolicy(rule.name), c)).length).toBeGreaterThan(0);
            });
        });
    }

    it("skips unknown values as a preview does", async () => {
        expect(await runResourcePolicy(resourcePolicy("sagemaker-notebook-no-direct-internet"), nb({ directInternetAccess: UNKNOWN }))).toEqual([]);
        expect(
            await runResourcePolicy(resourcePolicy("resource-policy-not-public"), {
                type: "aws:ecr/repositoryPolicy:RepositoryPolicy",
                props: { policy: UNKNOWN },
            }),
        ).toEqual([]);
        expect(
            await runResourcePolicy(resourcePolicy("subnet-no-public-ip"), { type: "aws:ec2/subnet:Subnet", props: { mapPublicIpOnLaunch: UNKNOWN } }),
        ).toEqual([]);
    });
});

// ---------------------------------------------------------------------- stack rules

const BUCKET = "aws:s3/bucket:Bucket";
const r = (
    type: string,
    name: string,
    props: Record<string, unknown> = {},
    propertyDependencies?: Record<string, string[]>,
    protect?: boolean,
): StackCaseResource => ({ type, name, props, propertyDependencies, protect });
const of = (type: string, bucket: string, props: Record<string, unknown>, name = `${bucket}-${type.split(":").pop()}`) =>
    r(type, name, { bucket: "b", ...props }, { bucket: [bucket] });

const DENY_HEADER = {
    Sid: "DenyNonKmsEncryptionHeader",
    Effect: "Deny",
    Principal: "*",
    Action: "s3:PutObject",
    Resource: "arn:aws:s3:::b/*",
    Condition: { StringNotEqualsIfExists: { "s3:x-amz-server-side-encryption": "aws:kms" } },
};
const DENY_NETWORK = {
    Sid: "DenyAccessOutsidePlatformNetwork",
    Effect: "Deny",
    Principal: "*",
    Action: "s3:*",
    Resource: ["arn:aws:s3:::b", "arn:aws:s3:::b/*"],
    Condition: { StringNotEqualsIfExists: { "aws:SourceVpce": ["vpce-1"] } },
};

/** A well-formed data bucket, its companions and its access-log target. */
function bucketStack(): StackCaseResource[] {
    return [
        r(BUCKET, "data", { tags: { team: "fraud" } }, undefined, true),
        r(BUCKET, "logs", {}, undefined, true),
        of("aws:s3/bucketVersioning:BucketVersioning", "data", { versioningConfiguration: { status: "Enabled" } }),
        of("aws:s3/bucketVersioning:BucketVersioning", "logs", { versioningConfiguration: { status: "Enabled" } }),
        of("aws:s3/bucketOwnershipControls:BucketOwnershipControls", "data", { rule: { objectOwnership: "BucketOwnerEnforced" } }),
        of("aws:s3/bucketOwnershipControls:BucketOwnershipControls", "logs", { rule: { objectOwnership: "BucketOwnerEnforced" } }),
        of("aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration", "data", { rules: [{ id: "x" }] }),
        of("aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration", "logs", { rules: [{ id: "x" }] }),
        r("aws:s3/bucketLogging:BucketLogging", "data-logging", { bucket: "b", targetBucket: "l" }, { bucket: ["data"], targetBucket: ["logs"] }),
        of("aws:s3/bucketPolicy:BucketPolicy", "data", { policy: doc(DENY_HEADER, DENY_NETWORK) }),
        of("aws:s3/bucketPolicy:BucketPolicy", "logs", {
            policy: doc({ Effect: "Allow", Principal: { Service: "logging.s3.amazonaws.com" }, Action: "s3:PutObject" }),
        }),
    ];
}

function edit(resources: StackCaseResource[], name: string, change: (x: StackCaseResource) => void): StackCaseResource[] {
    const copy = structuredClone(resources);
    const target = copy.find((x) => x.name === name);
    if (!target) throw new Error(`no ${name}`);
    change(target);
    return copy;
}
const without = (resources: StackCaseResource[], name: string) => resources.filter((x) => x.name !== name);

const KEY_T = "aws:kms/key:Key";
const keyStack = (rotate: boolean): StackCaseResource[] => [
    r(KEY_T, "k", { enableKeyRotation: rotate }),
    r("aws:sagemaker/domain:Domain", "d", { kmsKeyId: KEY }, { kmsKeyId: ["k"] }),
    r("aws:cloudwatch/logGroup:LogGroup", "lg", { kmsKeyId: KEY }, { kmsKeyId: ["k"] }),
    r(
        "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
        "sse",
        { rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: KEY } }] },
        { rules: ["k"] },
    ),
];

const VPC = r("aws:ec2/vpc:Vpc", "vpc", { tags: { "secure-ds:network-isolation": "isolated" } });
const endpoint = (svc: string) => r("aws:ec2/vpcEndpoint:VpcEndpoint", `vpce-${svc}`, { serviceName: `com.amazonaws.eu-west-1.${svc}` }, { vpcId: ["vpc"] });
const ALL_ENDPOINTS = ["s3", "sts", "logs", "kms", "sagemaker.api", "sagemaker.runtime", "ecr.api", "ecr.dkr", "ssm"].map(endpoint);

const ISOLATION_DENIES = [
    {
        Sid: "DenyWithoutNetworkIsolation",
        Effect: "Deny",
        Action: ["sagemaker:CreateTrainingJob", "sagemaker:CreateProcessingJob", "sagemaker:CreateHyperParameterTuningJob", "sagemaker:CreateModel"],
        Resource: "*",
        Condition: { BoolIfExists: { "sagemaker:NetworkIsolation": "false" } },
    },
    {
        Sid: "DenyMissingNetworkIsolation",
        Effect: "Deny",
        Action: ["sagemaker:CreateTrainingJob", "sagemaker:CreateProcessingJob", "sagemaker:CreateHyperParameterTuningJob", "sagemaker:CreateModel"],
        Resource: "*",
        Condition: { Null: { "sagemaker:NetworkIsolation": "true" } },
    },
];
const teamStack = (statements: Record<string, unknown>[], env: Record<string, string>): StackCaseResource[] => [
    r("aws:iam/policy:Policy", "team-fraud-guardrails-vpc-kms", { tags: { team: "fraud" }, policy: doc(...statements) }),
    r("aws:iam/policy:Policy", "team-churn-guardrails-vpc-kms", {
        tags: { team: "churn" },
        policy: doc({ Effect: "Deny", Action: "sagemaker:CreateApp", Resource: "*" }),
    }),
    r("aws:lambda/function:Function", "detective", { environment: { variables: env } }),
];

const backupStack = (): StackCaseResource[] => [
    r("aws:sagemaker/domain:Domain", "d"),
    r("aws:backup/plan:Plan", "plan", { rules: [{ ruleName: "daily" }] }),
    r("aws:backup/selection:Selection", "sel", { planId: "p", resources: ["arn:efs"] }, { planId: ["plan"], resources: ["d"] }),
];

const PROVIDER = "pulumi:providers:aws";
const SLR_ARN = "arn:aws:iam::444444444444:role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig";
/** Two layer providers (accounts 333333333333 and 444444444444) and a bucket policy granting both. */
const accountsStack = (statement: Record<string, unknown>, type = "aws:s3/bucketPolicy:BucketPolicy", property = "policy"): StackCaseResource[] => [
    r(PROVIDER, "shared", { allowedAccountIds: JSON.stringify(["333333333333"]) }),
    r(PROVIDER, "workload", { allowedAccountIds: JSON.stringify(["444444444444"]) }),
    r(type, "grant", { [property]: doc(statement) }),
];
const GRANT = {
    Sid: "Grant",
    Effect: "Allow",
    Principal: { AWS: ["arn:aws:iam::444444444444:role/reader", "333333333333"] },
    Action: "s3:GetObject",
    Resource: "arn:aws:s3:::b/*",
    Condition: { StringEquals: { "aws:PrincipalAccount": ["444444444444"] } },
};

/** A prod trail delivering to an Object Lock archive (tags from the provider's defaultTags). */
const archiveStack = (): StackCaseResource[] => [
    r(PROVIDER, "shared", { defaultTags: JSON.stringify({ tags: { environment: "prod" } }) }),
    { ...r(BUCKET, "archive", { bucket: "acme-prod-audit", objectLockEnabled: true }), provider: "shared" },
    r(
        "aws:s3/bucketObjectLockConfiguration:BucketObjectLockConfiguration",
        "archive-lock",
        { bucket: "acme-prod-audit", rule: { defaultRetention: { mode: "COMPLIANCE", days: 365 } } },
        { bucket: ["archive"] },
    ),
    { ...r(BUCKET, "data", { bucket: "acme-prod-fraud-data" }), provider: "shared" },
    r(TRAIL, "trail", { s3BucketName: "acme-prod-audit" }, { s3BucketName: ["archive"] }),
];

const recorderStack = (roleArn: string, deps?: Record<string, string[]>): StackCaseResource[] => [
    r("aws:iam/serviceLinkedRole:ServiceLinkedRole", "slr", { awsServiceName: "config.amazonaws.com" }),
    r("aws:iam/role:Role", "custom", { name: "config-recorder" }),
    r("aws:cfg/recorder:Recorder", "recorder", { name: "acme", roleArn }, deps),
];

interface StackRule {
    name: string;
    ok: StackCaseResource[];
    bad: [string, StackCaseResource[], Record<string, unknown>?][];
    config?: Record<string, unknown>;
}

const stackRules: StackRule[] = [
    {
        name: "resource-policy-platform-accounts-only",
        ok: [
            ...accountsStack(GRANT),
            r("aws:kms/key:Key", "key", {
                policy: doc({
                    Sid: "Svc",
                    Effect: "Allow",
                    Principal: { Service: "config.amazonaws.com" },
                    Action: "kms:Decrypt",
                    Resource: "*",
                    Condition: { StringEquals: { "aws:SourceAccount": "333333333333" } },
                }),
            }),
            r("aws:sns/topicPolicy:TopicPolicy", "open-is-another-rule", { policy: doc({ Effect: "Allow", Principal: "*", Action: "sns:Publish" }) }),
            r("aws:sqs/queuePolicy:QueuePolicy", "deny", {
                policy: doc({ Effect: "Deny", Principal: { AWS: "arn:aws:iam::999999999999:root" }, Action: "sqs:*" }),
            }),
            r("aws:s3/bucketPolicy:BucketPolicy", "unknown-policy", { policy: UNKNOWN }),
        ],
        bad: [
            ["bucket policy grants a foreign role", accountsStack({ ...GRANT, Principal: { AWS: "arn:aws:iam::999999999999:role/x" } })],
            ["KMS key grants a foreign account id", accountsStack({ ...GRANT, Principal: { AWS: "999999999999" } }, "aws:kms/key:Key")],
            [
                "SNS topic policy with a foreign aws:SourceAccount",
                accountsStack(
                    { ...GRANT, Principal: { Service: "events.amazonaws.com" }, Condition: { StringEquals: { "aws:SourceAccount": "999999999999" } } },
                    "aws:sns/topicPolicy:TopicPolicy",
                ),
            ],
            [
                "SQS queue policy with a foreign aws:PrincipalAccount",
                accountsStack(
                    { ...GRANT, Principal: "*", Condition: { StringEquals: { "aws:PrincipalAccount": ["444444444444", "999999999999"] } } },
                    "aws:sqs/queuePolicy:QueuePolicy",
                ),
            ],
            [
                "ECR policy with kms:CallerAccount StringNotEquals",
                accountsStack(
                    { ...GRANT, Principal: "*", Condition: { StringNotEquals: { "kms:CallerAccount": "444444444444" } } },
                    "aws:ecr/repositoryPolicy:RepositoryPolicy",
                ),
            ],
            [
                "CodeArtifact repository with a wildcard aws:ResourceAccount",
                accountsStack(
                    { ...GRANT, Condition: { StringLike: { "aws:ResourceAccount": "*" } } },
                    "aws:codeartifact/repositoryPermissionsPolicy:RepositoryPermissionsPolicy",
                    "policyDocument",
                ),
            ],
            [
                "CodeArtifact domain grants an unparsable principal",
                accountsStack({ ...GRANT, Principal: { AWS: "AROAEXAMPLEID" } }, "aws:codeartifact/domainPermissions:DomainPermissions", "policyDocument"),
            ],
            ["no provider declares its accounts", accountsStack(GRANT).filter((x) => x.type !== PROVIDER)],
            [
                "trusted account list does not cover the grant",
                accountsStack({ ...GRANT, Principal: { AWS: "arn:aws:iam::888888888888:root" } }),
                { trustedAccountIds: ["999999999999"] },
            ],
        ],
    },
    {
        name: "audit-archive-object-lock",
        ok: archiveStack(),
        bad: [
            ["archive without Object Lock", edit(without(archiveStack(), "archive-lock"), "archive", (x) => (x.props.objectLockEnabled = undefined))],
            ["Object Lock enabled without a default retention", without(archiveStack(), "archive-lock")],
            ["retention without a period", edit(archiveStack(), "archive-lock", (x) => (x.props.rule = { defaultRetention: { mode: "COMPLIANCE" } }))],
            ["trail moved to an unlocked bucket", edit(archiveStack(), "trail", (x) => (x.propertyDependencies = { s3BucketName: ["data"] }))],
            [
                "environment from the bucket's own tag, configured list",
                edit(
                    edit(archiveStack(), "data", (x) => (x.props.tags = { environment: "staging" })),
                    "trail",
                    (x) => (x.propertyDependencies = { s3BucketName: ["data"] }),
                ),
                { environments: ["staging"] },
            ],
        ],
    },
    {
        name: "config-recorder-service-linked-role",
        ok: [...recorderStack(SLR_ARN)],
        bad: [
            ["custom role by ARN", recorderStack("arn:aws:iam::444444444444:role/config-recorder")],
            ["custom role by reference (unknown ARN)", recorderStack(UNKNOWN as unknown as string, { roleArn: ["custom"] })],
            [
                "another service's linked role",
                recorderStack("arn:aws:iam::444444444444:role/aws-service-role/macie.amazonaws.com/AWSServiceRoleForAmazonMacie"),
            ],
            ["no role", recorderStack(undefined as unknown as string)],
        ],
    },
    {
        name: "s3-bucket-versioning-enabled",
        ok: bucketStack(),
        bad: [
            ["suspended", edit(bucketStack(), "data-BucketVersioning", (x) => (x.props.versioningConfiguration = { status: "Suspended" }))],
            ["missing", without(bucketStack(), "data-BucketVersioning")],
        ],
    },
    {
        name: "s3-bucket-acls-disabled",
        ok: bucketStack(),
        bad: [
            ["ObjectWriter", edit(bucketStack(), "data-BucketOwnershipControls", (x) => (x.props.rule = { objectOwnership: "ObjectWriter" }))],
            ["BucketOwnerPreferred", edit(bucketStack(), "logs-BucketOwnershipControls", (x) => (x.props.rule = { objectOwnership: "BucketOwnerPreferred" }))],
            ["missing", without(bucketStack(), "data-BucketOwnershipControls")],
        ],
    },
    {
        name: "s3-bucket-lifecycle-configured",
        ok: bucketStack(),
        bad: [
            ["missing", without(bucketStack(), "data-BucketLifecycleConfiguration")],
            ["no rules", edit(bucketStack(), "logs-BucketLifecycleConfiguration", (x) => (x.props.rules = []))],
        ],
    },
    {
        name: "s3-bucket-access-logging",
        ok: bucketStack(),
        bad: [
            ["no logging", without(bucketStack(), "data-logging")],
            ["logs to a bucket outside the stack", edit(bucketStack(), "data-logging", (x) => (x.propertyDependencies = { bucket: ["data"] }))],
            ["second bucket without logging", [...bucketStack(), r(BUCKET, "other")]],
        ],
    },
    {
        name: "s3-bucket-policy-requires-kms-uploads",
        ok: bucketStack(),
        bad: [
            ["header statement removed", edit(bucketStack(), "data-BucketPolicy", (x) => (x.props.policy = doc(DENY_NETWORK)))],
            [
                "header accepts AES256",
                edit(
                    bucketStack(),
                    "data-BucketPolicy",
                    (x) =>
                        (x.props.policy = doc({
                            ...DENY_HEADER,
                            Condition: { StringNotEquals: { "s3:x-amz-server-side-encryption": ["aws:kms", "AES256"] } },
                        })),
                ),
            ],
            ["a log bucket that is no longer a target must have it", without(bucketStack(), "data-logging")],
        ],
    },
    {
        name: "s3-data-bucket-network-restricted",
        ok: bucketStack(),
        bad: [
            ["network statement removed", edit(bucketStack(), "data-BucketPolicy", (x) => (x.props.policy = doc(DENY_HEADER)))],
            ["only GetObject denied", edit(bucketStack(), "data-BucketPolicy", (x) => (x.props.policy = doc({ ...DENY_NETWORK, Action: "s3:GetObject" })))],
            ["no bucket policy", without(bucketStack(), "data-BucketPolicy")],
        ],
    },
    {
        name: "data-keys-rotate",
        ok: keyStack(true),
        bad: [
            ["key does not rotate", keyStack(false)],
            ["literal foreign key on a log group", [r("aws:cloudwatch/logGroup:LogGroup", "lg", { kmsKeyId: "arn:aws:kms:eu-west-1:999999999999:key/x" })]],
        ],
    },
    {
        name: "vpc-default-security-group-closed",
        ok: [VPC, r("aws:ec2/defaultSecurityGroup:DefaultSecurityGroup", "dsg", { ingress: [], egress: [] }, { vpcId: ["vpc"] })],
        bad: [
            ["not adopted", [VPC]],
            [
                "inline egress",
                [VPC, r("aws:ec2/defaultSecurityGroup:DefaultSecurityGroup", "dsg", { egress: [{ cidrBlocks: ["10.0.0.0/8"] }] }, { vpcId: ["vpc"] })],
            ],
            [
                "rule resource on it",
                [
                    VPC,
                    r("aws:ec2/defaultSecurityGroup:DefaultSecurityGroup", "dsg", {}, { vpcId: ["vpc"] }),
                    r("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", "rule", { description: "x" }, { securityGroupId: ["dsg"] }),
                ],
            ],
        ],
    },
    {
        name: "isolated-vpc-required-endpoints",
        ok: [VPC, ...ALL_ENDPOINTS],
        bad: [
            ["ecr.dkr missing", [VPC, ...ALL_ENDPOINTS.filter((e) => e.name !== "vpce-ecr.dkr")]],
            [
                "endpoint of another VPC",
                [
                    VPC,
                    r("aws:ec2/vpc:Vpc", "other"),
                    ...ALL_ENDPOINTS.map((e) => (e.name === "vpce-ssm" ? { ...e, propertyDependencies: { vpcId: ["other"] } } : e)),
                ],
            ],
            ["configured extra service", [VPC, ...ALL_ENDPOINTS], { requiredServices: ["codeartifact.api"] }],
        ],
    },
    {
        name: "ecr-lifecycle-policy",
        ok: [r("aws:ecr/repository:Repository", "repo"), r("aws:ecr/lifecyclePolicy:LifecyclePolicy", "lc", { repository: "x" }, { repository: ["repo"] })],
        bad: [
            ["no lifecycle policy", [r("aws:ecr/repository:Repository", "repo")]],
            [
                "lifecycle policy of another repository",
                [
                    r("aws:ecr/repository:Repository", "repo"),
                    r("aws:ecr/repository:Repository", "other"),
                    r("aws:ecr/lifecyclePolicy:LifecyclePolicy", "lc", { repository: "x" }, { repository: ["other"] }),
                ],
            ],
        ],
    },
    {
        name: "studio-home-backed-up",
        ok: backupStack(),
        bad: [
            ["no selection", without(backupStack(), "sel")],
            ["selection of a plan without rules", edit(backupStack(), "plan", (x) => (x.props.rules = []))],
            ["selection without a plan of the stack", edit(without(backupStack(), "plan"), "sel", (x) => (x.propertyDependencies = { resources: ["d"] }))],
        ],
    },
    {
        name: "team-network-isolation-guardrail",
        ok: teamStack(ISOLATION_DENIES, { NETWORK_ISOLATION_TEAMS: "fraud", REQUIRE_NETWORK_ISOLATION: "false" }),
        bad: [
            ["Null deny missing", teamStack([ISOLATION_DENIES[0]], { NETWORK_ISOLATION_TEAMS: "fraud" })],
            ["both denies missing", teamStack([], { NETWORK_ISOLATION_TEAMS: "fraud" })],
            ["required for every team", teamStack(ISOLATION_DENIES, { NETWORK_ISOLATION_TEAMS: "fraud", REQUIRE_NETWORK_ISOLATION: "true" })],
            ["team required by the pack config", teamStack(ISOLATION_DENIES, { NETWORK_ISOLATION_TEAMS: "fraud" }), { networkIsolationTeams: ["churn"] }],
            ["required team without guardrail policies", teamStack(ISOLATION_DENIES, { NETWORK_ISOLATION_TEAMS: "fraud,pricing" })],
        ],
    },
];

describe("baseline stack rules", () => {
    for (const rule of stackRules) {
        describe(rule.name, () => {
            it("passes a compliant stack", async () => {
                expect(await runStackPolicy(stackPolicy(rule.name), rule.ok)).toEqual([]);
            });
            it.each(rule.bad)("reports %s", async (_label, resources, config) => {
                expect((await runStackPolicy(stackPolicy(rule.name), resources, config)).length).toBeGreaterThan(0);
            });
        });
    }

    it("has a table entry for every baseline rule", () => {
        const tested = new Set([...resourceRules.map((x) => x.name), ...stackRules.map((x) => x.name)]);
        expect(baselinePolicies.map((p) => p.name).filter((n) => !tested.has(n))).toEqual([]);
        for (const p of baselinePolicies) expect(isStackPolicy(p), p.name).toBe(stackRules.some((x) => x.name === p.name));
    });
});
