import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { AccountContext } from "../guardrails/arns";
import { PolicyDocument, Statement, policyDocument, toPolicyJson } from "../guardrails/document";
import { denyInsecureTransport, denyWrongEncryption } from "../guardrails/s3";
import { SECURE_BUCKET_DEFAULTS } from "./defaults";

export interface SecureBucketArgs {
    /** Physical bucket name (see components/naming.ts bucketName). Required. */
    bucketName: string;
    /** Partition, region and id of the account owning the bucket. Required. */
    account: AccountContext;
    /** Customer KMS key for default encryption (SSE-KMS, bucket keys on). Required (E7). */
    kmsKeyArn: pulumi.Input<string>;
    /**
     * This bucket receives S3 server access logs: its policy admits the logging service for the
     * buckets of `account` only. Log delivery works with SSE-KMS under a customer key whose policy admits
     * `logging.s3.amazonaws.com` (stacks/layerKeys.ts createLogsKey does). Default false.
     */
    accessLogDestination?: boolean;
    /** Bucket (name) receiving this bucket's access logs. Default: none (required for data buckets by policy). */
    accessLogBucket?: pulumi.Input<string>;
    /** Days noncurrent versions are kept. Default 90. */
    noncurrentVersionDays?: number;
    /** Extra statements for the bucket policy (network restriction, service access). Default: none. */
    policyStatements?: pulumi.Input<Statement[]>;
    /** Object Lock in compliance mode with this many days of default retention. Default off. */
    objectLockDays?: number;
    /** Protect the bucket from deletion (`protect` and `retainOnDelete`). Default true. */
    protect?: boolean;
    /** Extra tags (e.g. team); the provider's defaultTags carry the mandatory ones. Default: none. */
    tags?: Record<string, string>;
}

/**
 * An S3 bucket that is private, versioned, encrypted with a customer key, TLS-only, logged and
 * protected from deletion. A bucket with no options is the hardened one.
 */
export class SecureBucket extends pulumi.ComponentResource {
    readonly bucket: aws.s3.Bucket;
    readonly name: pulumi.Output<string>;
    readonly arn: pulumi.Output<string>;
    readonly policy: aws.s3.BucketPolicy;
    /** The bucket policy as a typed document, for tests and IAM proofs. */
    readonly policyDocument: pulumi.Output<PolicyDocument>;

    constructor(name: string, args: SecureBucketArgs, opts?: pulumi.ComponentResourceOptions) {
        super("secure-ds:storage:SecureBucket", name, {}, opts);
        const accessLogDestination = args.accessLogDestination ?? SECURE_BUCKET_DEFAULTS.accessLogDestination;
        const noncurrentDays = args.noncurrentVersionDays ?? SECURE_BUCKET_DEFAULTS.noncurrentVersionDays;
        const protect = args.protect ?? SECURE_BUCKET_DEFAULTS.protect;
        if (args.kmsKeyArn === undefined) {
            throw new Error(`SecureBucket ${name}: kmsKeyArn is required; every bucket is encrypted with a customer key (E7).`);
        }
        if (!Number.isInteger(noncurrentDays) || noncurrentDays < 1) {
            throw new Error(`SecureBucket ${name}: noncurrentVersionDays ${noncurrentDays} must be a positive whole number of days.`);
        }
        if (args.objectLockDays !== undefined && (!Number.isInteger(args.objectLockDays) || args.objectLockDays < 1)) {
            throw new Error(`SecureBucket ${name}: objectLockDays ${args.objectLockDays} must be a positive whole number of days.`);
        }
        const { partition, accountId } = args.account;
        const bucketArn = `arn:${partition}:s3:::${args.bucketName}`;
        const child = { parent: this };

        this.bucket = new aws.s3.Bucket(
            `${name}`,
            {
                bucket: args.bucketName,
                forceDestroy: false,
                objectLockEnabled: args.objectLockDays !== undefined ? true : undefined,
                tags: args.tags,
            },
            { parent: this, protect, retainOnDelete: protect },
        );
        const bucket = this.bucket.bucket;

        const pab = new aws.s3.BucketPublicAccessBlock(
            `${name}-public-access`,
            { bucket, blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true },
            child,
        );
        new aws.s3.BucketOwnershipControls(`${name}-ownership`, { bucket, rule: { objectOwnership: "BucketOwnerEnforced" } }, child);
        new aws.s3.BucketServerSideEncryptionConfiguration(
            `${name}-encryption`,
            {
                bucket,
                rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: args.kmsKeyArn }, bucketKeyEnabled: true }],
            },
            child,
        );
        const versioning = new aws.s3.BucketVersioning(`${name}-versioning`, { bucket, versioningConfiguration: { status: "Enabled" } }, child);
        new aws.s3.BucketLifecycleConfiguration(
            `${name}-lifecycle`,
            {
                bucket,
                rules: [
                    {
                        id: "expire-noncurrent-versions",
                        status: "Enabled",
                        filter: {},
                        noncurrentVersionExpiration: { noncurrentDays },
                        abortIncompleteMultipartUpload: { daysAfterInitiation: 7 },
                    },
                ],
            },
            { parent: this, dependsOn: [versioning] },
        );
        if (args.objectLockDays !== undefined) {
            new aws.s3.BucketObjectLockConfiguration(
                `${name}-object-lock`,
                { bucket, rule: { defaultRetention: { mode: "COMPLIANCE", days: args.objectLockDays } } },
                { parent: this, dependsOn: [versioning] },
            );
        }
        if (args.accessLogBucket !== undefined) {
            new aws.s3.BucketLogging(`${name}-access-logs`, { bucket, targetBucket: args.accessLogBucket, targetPrefix: `${args.bucketName}/` }, child);
        }

        const base: Statement[] = [denyInsecureTransport(bucketArn)];
        this.policyDocument = pulumi
            .all([pulumi.output(args.kmsKeyArn), pulumi.output(args.policyStatements ?? [])])
            .apply(([keyArn, extra]) =>
                policyDocument([
                    ...base,
                    ...denyWrongEncryption(bucketArn, keyArn),
                    ...(accessLogDestination ? [allowServerAccessLogDelivery(bucketArn, accountId)] : []),
                    ...(extra as Statement[]),
                ]),
            );
        // The policy waits for the public access block so it is never briefly evaluated without it.
        this.policy = new aws.s3.BucketPolicy(
            `${name}-policy`,
            { bucket, policy: this.policyDocument.apply(toPolicyJson) },
            { parent: this, dependsOn: [pab] },
        );

        this.name = bucket;
        this.arn = this.bucket.arn;
        this.registerOutputs({ name: this.name, arn: this.arn });
    }
}

/** S3 server access log delivery writes as the logging service principal, for this account's buckets only. */
function allowServerAccessLogDelivery(bucketArn: string, sourceAccountId: string): Statement {
    return {
        Sid: "AllowServerAccessLogDelivery",
        Effect: "Allow",
        Principal: { Service: "logging.s3.amazonaws.com" },
        Action: "s3:PutObject",
        Resource: `${bucketArn}/*`,
        Condition: { StringEquals: { "aws:SourceAccount": sourceAccountId } },
    };
}
