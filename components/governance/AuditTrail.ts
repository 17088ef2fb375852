import * as pulumi from "@pulumi/pulumi";
import { archiveBucketTamperDeny, archiveKeyTamperDeny } from "../guardrails/auditArchive";
import { policyDocument } from "../guardrails/document";
import { archiveBucketStatements, archiveKeyServiceUsers, trailArn, TrailSource } from "../guardrails/governance";
import { keyPolicy } from "../guardrails/kmsKeyPolicy";
import { CustomerKey } from "../kms/CustomerKey";
import { AUDIT_TRAIL_DEFAULTS } from "./defaults";
import { GovernanceAccountArgs } from "./types";
import { NamingContext, bucketName, namePrefix } from "../naming";
import { SecureBucket } from "../storage/SecureBucket";
import { AccountTrail, accountTrailName, organizationTrailName } from "./AccountTrail";

/** Days old versions of audit evidence are kept at least: a year, beyond SecureBucket's 90. */
const ARCHIVE_VERSION_DAYS = 365;

/** Names of the audit archive: deterministic, so member accounts can deliver without a lookup. */
function auditArchiveNames(naming: NamingContext, accountId: string): { bucket: string; configBucket: string; accessLogBucket: string; keyAlias: string } {
    return {
        bucket: bucketName(naming, "audit", accountId),
        configBucket: bucketName(naming, "audit-config", accountId),
        accessLogBucket: bucketName(naming, "audit-access", accountId),
        keyAlias: `${namePrefix(naming)}-audit-archive`,
    };
}

/** `account` is the account holding the archive (and its own trail). */
export interface AuditTrailArgs extends GovernanceAccountArgs {
    /**
     * Other accounts whose trail (named `accountTrailName`) delivers here, e.g. the workload
     * account when it is not this one. Default none.
     */
    memberAccountIds?: string[];
    /** Accounts whose AWS Config delivery channel writes here. Default none. */
    configAccountIds?: string[];
    /**
     * Accounts whose Route 53 Resolver query logs (an isolated VPC's DNS firewall, N11) deliver
     * here. Default: this account and memberAccountIds (every account with a trail of its own here).
     */
    queryLogAccountIds?: string[];
    /** Object Lock in COMPLIANCE mode with this many days of retention. Default: no Object Lock. */
    objectLockDays?: number;
    /** Days the trail's log group keeps events. Default 365. */
    cloudWatchRetentionDays?: number;
    /**
     * The trail logs the S3 object-level (data) events of the buckets whose name starts with one
     * of these (`platformBucketNamePrefix`); empty: of every bucket. The archive's own buckets
     * (archive, Config and access-log: logging them would loop) are always excepted. Default: no
     * data events.
     */
    dataEventBucketNamePrefixes?: string[];
    /** Further buckets the data events leave out (the other accounts' access-log buckets). Default none. */
    dataEventsExceptBucketNames?: string[];
    /**
     * Create the organisation trail here instead of this account's own trail (G11): this account
     * is CloudTrail's delegated administrator (registered by the management stack,
     * DelegatedAdministrators), the trail logs every account of `organizationId`, is owned by
     * `managementAccountId` (its ARN names that account), and the archive admits exactly that ARN,
     * for the management account's and the organisation's prefixes. memberAccountIds are then
     * unnecessary: no member account has a trail of its own. Default: this account's own trail.
     */
    organizationTrail?: { managementAccountId: string; organizationId: string };
    /**
     * The only principals that may change the archive's buckets and key (policies, versioning,
     * encryption, lifecycle, deletion, grants; I12, G11): explicit denies for everyone else, in
     * every account. Default: keyAdministrators.
     */
    archiveAdministratorArns?: string[];
}

/** What member accounts need to deliver into the archive. */
export interface AuditArchiveRef {
    bucketName: pulumi.Output<string>;
    /** The AWS Config delivery bucket; undefined when no account delivers Config here. */
    configBucketName?: pulumi.Output<string>;
    keyArn: pulumi.Output<string>;
    /** Resources a member trail or delivery channel must wait for (bucket policies, key). */
    ready: pulumi.Resource[];
}

/**
 * The central audit trail (G4, G11) in the log-archive account (Security OU; the shared-services
 * account where there is no organisation): a KMS-encrypted,
 * versioned, TLS-only archive bucket with its own access-log bucket and optional Object Lock, a
 * key that admits CloudTrail only for the named trails and AWS Config only for the named
 * accounts, and this account's multi-region trail or, in an organisation, the organisation trail
 * (created here as CloudTrail's delegated administrator, G11). Member accounts' trails (AccountTrail,
 * only without an organisation trail) deliver to the archive; AWS Config channels deliver to a second bucket without Object Lock, because
 * AWS Config does not support a delivery channel to a bucket with Object Lock enabled
 * (AWS::Config::DeliveryChannel, CloudFormation User Guide). The bucket and key policies name
 * each deliverer.
 */
export class AuditTrail extends pulumi.ComponentResource {
    readonly key: CustomerKey;
    readonly archive: SecureBucket;
    /** AWS Config delivery bucket (no Object Lock); undefined without Config accounts. */
    readonly configArchive?: SecureBucket;
    readonly accessLogs: SecureBucket;
    /** The trail made here: this account's own, or the organisation trail (`organizationTrail`). */
    readonly trail: AccountTrail;
    /** The ARN the archive admits the trail by (known before the trail exists: the policies name it). */
    readonly trailArn: string;
    readonly ref: AuditArchiveRef;

    constructor(name: string, args: AuditTrailArgs, opts?: pulumi.ComponentResourceOptions) {
        super("secure-ds:governance:AuditTrail", name, {}, opts);
        const D = AUDIT_TRAIL_DEFAULTS;
        const members = (args.memberAccountIds ?? D.memberAccountIds).filter((a) => a !== args.account.accountId);
        const configAccounts = args.configAccountIds ?? D.configAccountIds;
        const cloudWatchRetentionDays = args.cloudWatchRetentionDays ?? D.cloudWatchRetentionDays;
        if (args.objectLockDays !== undefined && (!Number.isInteger(args.objectLockDays) || args.objectLockDays < 1)) {
            throw new Error(`AuditTrail ${name}: objectLockDays ${args.objectLockDays} must be a positive whole number of days.`);
        }
        const { partition, region } = args.account;
        const org = args.organizationTrail;
        if (org && members.length > 0) {
            throw new Error(
                `AuditTrail ${name}: memberAccountIds ${members.join(", ")} with organizationTrail; the organisation trail logs every account of ${org.organizationId}, so member accounts have no trail of their own (G11). Drop memberAccountIds.`,
            );
        }
        if (org && org.managementAccountId === args.account.accountId) {
            throw new Error(
                `AuditTrail ${name}: the archive account ${args.account.accountId} is the management account; the organisation trail and its archive belong to the log-archive account, CloudTrail's delegated administrator (G11).`,
            );
        }
        const administrators = args.archiveAdministratorArns ?? args.keyAdministrators;
        const names = auditArchiveNames(args.naming, args.account.accountId);
        const trailName = accountTrailName(args.naming);
        // Member trails live in the same region: the platform is single-region by config.
        const trails: TrailSource[] = org
            ? [
                  {
                      accountId: org.managementAccountId,
                      trailArn: trailArn(partition, region, org.managementAccountId, organizationTrailName(args.naming)),
                      organizationId: org.organizationId,
                  },
              ]
            : [args.account.accountId, ...members].map((accountId) => ({ accountId, trailArn: trailArn(partition, region, accountId, trailName) }));
        this.trailArn = trails[0].trailArn;
        // Not the organisation trail's accounts: its ARN names the management account, which runs no VPC of the platform.
        const queryLogs = { region, accountIds: args.queryLogAccountIds ?? [args.account.accountId, ...members] };
        const delivery = { partition, trails, configAccountIds: configAccounts, queryLogs };

        this.key = new CustomerKey(
            `${name}-key`,
            {
                description: `${namePrefix(args.naming)} audit archive (CloudTrail, AWS Config)`,
                alias: names.keyAlias,
                policy: policyDocument([
                    ...keyPolicy({
                        administrators: args.keyAdministrators,
                        // AWS Config records with its service-linked role and so delivers as the service
                        // principal in every account, this one included (ConfigRecorder): no role is admitted.
                        serviceUsers: archiveKeyServiceUsers({ ...delivery, region }),
                    }).Statement,
                    archiveKeyTamperDeny(administrators),
                ]),
            },
            { parent: this },
        );
        this.accessLogs = new SecureBucket(
            `${name}-access-logs`,
            {
                bucketName: names.accessLogBucket,
                account: args.account,
                kmsKeyArn: args.logsKeyArn,
                accessLogDestination: true,
            },
            { parent: this },
        );
        const archiveArn = `arn:${partition}:s3:::${names.bucket}`;
        this.archive = new SecureBucket(
            `${name}-archive`,
            {
                bucketName: names.bucket,
                account: args.account,
                kmsKeyArn: this.key.arn,
                accessLogBucket: this.accessLogs.name,
                objectLockDays: args.objectLockDays,
                // Old versions outlive their Object Lock retention, never the other way round.
                noncurrentVersionDays: Math.max(ARCHIVE_VERSION_DAYS, args.objectLockDays ?? 0),
                policyStatements: [
                    ...archiveBucketStatements({ partition, trails, configAccountIds: [], queryLogs, bucketArn: archiveArn }),
                    archiveBucketTamperDeny(archiveArn, administrators),
                ],
            },
            { parent: this },
        );
        if (configAccounts.length > 0) {
            const configArn = `arn:${partition}:s3:::${names.configBucket}`;
            this.configArchive = new SecureBucket(
                `${name}-config`,
                {
                    bucketName: names.configBucket,
                    account: args.account,
                    kmsKeyArn: this.key.arn,
                    accessLogBucket: this.accessLogs.name,
                    noncurrentVersionDays: ARCHIVE_VERSION_DAYS,
                    policyStatements: [
                        ...archiveBucketStatements({ partition, trails: [], configAccountIds: configAccounts, bucketArn: configArn }),
                        archiveBucketTamperDeny(configArn, administrators),
                    ],
                },
                { parent: this },
            );
        }
        this.ref = {
            bucketName: this.archive.name,
            configBucketName: this.configArchive?.name,
            keyArn: this.key.arn,
            ready: [this.archive.policy, ...(this.configArchive ? [this.configArchive.policy] : []), this.key.key],
        };

        const prefixes = args.dataEventBucketNamePrefixes;
        this.trail = new AccountTrail(
            org ? `${name}-organization-trail` : `${name}-trail`,
            {
                naming: args.naming,
                account: args.account,
                archiveBucketName: this.archive.name,
                archiveKeyArn: this.key.arn,
                logsKeyArn: args.logsKeyArn,
                cloudWatchRetentionDays,
                ...(prefixes
                    ? {
                          s3DataEvents: {
                              bucketNamePrefixes: prefixes,
                              exceptBucketNames: [names.bucket, names.configBucket, names.accessLogBucket, ...(args.dataEventsExceptBucketNames ?? [])],
                          },
                      }
                    : {}),
                ...(org ? { organizationTrail: { managementAccountId: org.managementAccountId } } : {}),
                dependsOn: this.ref.ready,
            },
            { parent: this },
        );
        this.registerOutputs({ archiveBucket: this.archive.name, keyArn: this.key.arn, trailArn: this.trail.trail.arn });
    }
}
