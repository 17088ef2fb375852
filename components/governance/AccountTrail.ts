import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { AccountContext } from "../guardrails/arns";
import { toPolicyJson } from "../guardrails/document";
import { serviceTrustPolicy, trailLogsRolePolicy } from "../guardrails/governance";
import { organizationTrailNameOf } from "../guardrails/organization";
import { NamingContext, iamRoleName, namePrefix } from "../naming";
import { ACCOUNT_TRAIL_DEFAULTS } from "./defaults";
import { MANAGEMENT_EVENTS, S3DataEvents, s3DataEventSelector } from "./trailSelectors";

/** The trail name of an account layer: deterministic, so the archive can admit it by ARN before it exists. */
export function accountTrailName(naming: NamingContext): string {
    return `${namePrefix(naming)}-audit-trail`;
}

/**
 * The organisation trail's name. The log-archive account creates the trail as CloudTrail's
 * delegated administrator, yet the management account owns it and its ARN names the management
 * account (CloudTrail User Guide, "Organization delegated administrator": "The management account
 * remains the owner of any CloudTrail organization resources the delegated administrator
 * creates"), so the archive admits it by that ARN.
 */
export function organizationTrailName(naming: NamingContext): string {
    return organizationTrailNameOf(namePrefix(naming));
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
    /**
     * S3 object-level (data) events to log: buckets by name prefix, minus named ones (always
     * except the trail's own archive and access-log buckets). Default: none.
     */
    s3DataEvents?: S3DataEvents;
    /**
     * Make this the organisation trail (`isOrganizationTrail`, named `organizationTrailName`): it
     * logs every account of the organisation and replaces their per-account trails (G11). Only the
     * management account or CloudTrail's delegated administrator can create one (CloudTrail User
     * Guide, "Creating a trail for an organization"); the platform creates it in the log-archive
     * account, registered as delegated administrator by the management stack
     * (DelegatedAdministrators). `managementAccountId` owns the trail, and CloudTrail acts for
     * it when it delivers to the log group. Default: an account trail.
     */
    organizationTrail?: { managementAccountId: string };
    /** Resources the trail must wait for (the archive's bucket policy and key). Default none. */
    dependsOn?: pulumi.Input<pulumi.Resource>[];
}

/**
 * One account's CloudTrail trail (G4), or the organisation's (G11, `organizationTrail`): multi-region, global service events, log file validation,
 * KMS, delivery to the central archive and to an encrypted CloudWatch log group. The trail's
 * name is `accountTrailName` (`organizationTrailName`), which the archive's bucket and key policies name.
 */
export class AccountTrail extends pulumi.ComponentResource {
    readonly trail: aws.cloudtrail.Trail;
    readonly logGroup: aws.cloudwatch.LogGroup;
    readonly name: string;

    constructor(name: string, args: AccountTrailArgs, opts?: pulumi.ComponentResourceOptions) {
        super("secure-ds:governance:AccountTrail", name, {}, opts);
        const retention = args.cloudWatchRetentionDays ?? ACCOUNT_TRAIL_DEFAULTS.cloudWatchRetentionDays;
        const organization = args.organizationTrail;
        if (organization && !/^\d{12}$/.test(organization.managementAccountId)) {
            throw new Error(`AccountTrail ${name}: organizationTrail.managementAccountId "${organization.managementAccountId}" is not a 12-digit account id.`);
        }
        const trailName = organization ? organizationTrailName(args.naming) : accountTrailName(args.naming);
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
                // The organisation trail is the management account's (its ARN names it), though created
                // here: CloudTrail may assume the role on behalf of either account, no other.
                assumeRolePolicy: toPolicyJson(
                    serviceTrustPolicy("cloudtrail", args.account.partition, [
                        args.account.accountId,
                        ...(organization ? [organization.managementAccountId] : []),
                    ]),
                ),
            },
            child,
        );
        const rolePolicy = new aws.iam.RolePolicy(
            `${name}-logs-role-policy`,
            { role: role.name, policy: this.logGroup.arn.apply((arn) => toPolicyJson(trailLogsRolePolicy(arn))) },
            child,
        );

        const selectors = [
            MANAGEMENT_EVENTS,
            ...(args.s3DataEvents ? [s3DataEventSelector(args.account.partition, args.s3DataEvents, `AccountTrail ${name}`)] : []),
        ];

        this.trail = new aws.cloudtrail.Trail(
            `${name}`,
            {
                name: trailName,
                s3BucketName: args.archiveBucketName,
                kmsKeyId: args.archiveKeyArn,
                isMultiRegionTrail: true,
                ...(organization ? { isOrganizationTrail: true } : {}),
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
