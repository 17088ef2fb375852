import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { AccountContext } from "../guardrails/arns";
import { toPolicyJson } from "../guardrails/document";
import { serviceTrustPolicy, trailLogsRolePolicy } from "../guardrails/governance";
import { NamingContext, iamRoleName, namePrefix } from "../naming";
import { ACCOUNT_TRAIL_DEFAULTS } from "./defaults";

/** The trail name of an account layer: deterministic, so the archive can admit it by ARN before it exists. */
export function accountTrailName(naming: NamingContext): string {
    return `${namePrefix(naming)}-audit-trail`;
}

/**
 * The organisation trail's name. Its ARN is in the management account whichever account creates it
 * (CloudTrail User Guide, "Organization delegated administrator": the management account remains
 * the owner of organisation trails a delegated administrator creates), so the archive admits it by ARN.
 */
export function organizationTrailName(naming: NamingContext): string {
    return `${namePrefix(naming)}-organization-trail`;
}

export interface AccountTrailArgs {
    /** Organization and environment: prefix of the trail and role names. Required. */
    naming: NamingContext;
    /** Partition, region and id of the account whose trail this is. Required. */
    account: AccountContext;
    /** Archive bucket (possibly in another account) that admits this trail by ARN. Required. */
    archiveBucketName: pulumi.Input<string>;
    /** Archive key (possibly in another account) whose policy admits this trail. Required. */
    archiveKeyArn: pulumi.Input<string>;
    /** This layer's CloudWatch Logs key (E8). Required. */
    logsKeyArn: pulumi.Input<string>;
    /** Days the trail's log group keeps events. Default 365. */
    cloudWatchRetentionDays?: number;
    /** Buckets whose object-level (data) events are logged. Default none. */
    dataEventBucketNames?: string[];
    /**
     * Log the object-level (data) events of every bucket of the account except these, instead of
     * naming the buckets. Exclude the trail's own archive and its access-log bucket: logging the
     * trail's deliveries would log itself without end. Default: not set.
     */
    dataEventsExceptBucketNames?: string[];
    /**
     * Make this the organisation trail (`isOrganizationTrail`, named `organizationTrailName`): it
     * logs every account of the organisation and replaces their per-account trails (G11). Only the
     * management account or CloudTrail's delegated administrator can create one (CloudTrail User
     * Guide, "Creating a trail for an organization"); create it in the management stack, with
     * `account` the management account. Default false.
     */
    organizationTrail?: boolean;
    /** Resources the trail must wait for (the archive's bucket policy and key). Default none. */
    dependsOn?: pulumi.Input<pulumi.Resource>[];
}

/**
 * One account's CloudTrail trail (G4), or the organisation's (G11, `organizationTrail`): multi-region, global service events, log file validation,
 * KMS, delivery to the central archive and to an encrypted CloudWatch log group. The trail's
 * name is `accountTrailName`, which the archive's bucket and key policies name.
 */
export class AccountTrail extends pulumi.ComponentResource {
    readonly trail: aws.cloudtrail.Trail;
    readonly logGroup: aws.cloudwatch.LogGroup;
    readonly name: string;

    constructor(name: string, args: AccountTrailArgs, opts?: pulumi.ComponentResourceOptions) {
        super("secure-ds:governance:AccountTrail", name, {}, opts);
        const retention = args.cloudWatchRetentionDays ?? ACCOUNT_TRAIL_DEFAULTS.cloudWatchRetentionDays;
        const dataBuckets = args.dataEventBucketNames ?? ACCOUNT_TRAIL_DEFAULTS.dataEventBucketNames;
        if (dataBuckets.length > 0 && args.dataEventsExceptBucketNames !== undefined) {
            throw new Error(
                `AccountTrail ${name}: set dataEventBucketNames or dataEventsExceptBucketNames, not both; the first logs the named buckets, the second every other bucket.`,
            );
        }
        const organizationTrail = args.organizationTrail ?? ACCOUNT_TRAIL_DEFAULTS.organizationTrail;
        const trailName = organizationTrail ? organizationTrailName(args.naming) : accountTrailName(args.naming);
        this.name = trailName;
        const child = { parent: this };

        this.logGroup = new aws.cloudwatch.LogGroup(
            `${name}-logs`,
            { name: `/aws/cloudtrail/${trailName}`, kmsKeyId: args.logsKeyArn, retentionInDays: retention },
            { parent: this, protect: true, retainOnDelete: true },
        );
        const role = new aws.iam.Role(
            `${name}-logs-role`,
            {
                name: iamRoleName(args.naming, "trail-logs"),
                description: "CloudTrail delivery to its CloudWatch log group",
                assumeRolePolicy: toPolicyJson(serviceTrustPolicy("cloudtrail", args.account.partition, args.account.accountId)),
            },
            child,
        );
        const rolePolicy = new aws.iam.RolePolicy(
            `${name}-logs-role-policy`,
            { role: role.name, policy: this.logGroup.arn.apply((arn) => toPolicyJson(trailLogsRolePolicy(arn))) },
            child,
        );

        const selectors: aws.types.input.cloudtrail.TrailAdvancedEventSelector[] = [
            { name: "Management events", fieldSelectors: [{ field: "eventCategory", equals: ["Management"] }] },
        ];
        if (dataBuckets.length > 0) {
            selectors.push({
                name: "S3 data events of the team buckets",
                fieldSelectors: [
                    { field: "eventCategory", equals: ["Data"] },
                    { field: "resources.type", equals: ["AWS::S3::Object"] },
                    { field: "resources.ARN", startsWiths: dataBuckets.map((b) => `arn:${args.account.partition}:s3:::${b}/`) },
                ],
            });
        } else if (args.dataEventsExceptBucketNames !== undefined) {
            const excluded = args.dataEventsExceptBucketNames;
            selectors.push({
                name: "S3 data events of the account's buckets",
                fieldSelectors: [
                    { field: "eventCategory", equals: ["Data"] },
                    { field: "resources.type", equals: ["AWS::S3::Object"] },
                    ...(excluded.length > 0
                        ? [{ field: "resources.ARN", notStartsWiths: excluded.map((b) => `arn:${args.account.partition}:s3:::${b}/`) }]
                        : []),
                ],
            });
        }

        this.trail = new aws.cloudtrail.Trail(
            `${name}`,
            {
                name: trailName,
                s3BucketName: args.archiveBucketName,
                kmsKeyId: args.archiveKeyArn,
                isMultiRegionTrail: true,
                ...(organizationTrail ? { isOrganizationTrail: true } : {}),
                includeGlobalServiceEvents: true,
                enableLogFileValidation: true,
                enableLogging: true,
                // CloudTrail wants the log group ARN with its ":*" stream suffix.
                cloudWatchLogsGroupArn: pulumi.interpolate`${this.logGroup.arn}:*`,
                cloudWatchLogsRoleArn: role.arn,
                advancedEventSelectors: selectors,
            },
            { parent: this, dependsOn: [rolePolicy, ...(args.dependsOn ?? [])] },
        );
        this.registerOutputs({ trailArn: this.trail.arn, logGroupArn: this.logGroup.arn });
    }
}
