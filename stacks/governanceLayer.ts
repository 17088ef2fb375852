/**
 * Governance wiring of the account layers (G4, G8, G10), kept here so the layer files only call
 * `createAuditTrail` (shared services) and `createWorkloadGovernance` (workload).
 */
import * as pulumi from "@pulumi/pulumi";
import { AccountTrail, AccountTrailArgs, organizationTrailName } from "../components/governance/AccountTrail";
import { trailArn } from "../components/guardrails/governance";
import { AuditArchiveRef, AuditTrail } from "../components/governance/AuditTrail";
import { ConfigRecorder } from "../components/governance/ConfigRecorder";
import { DetectiveControls } from "../components/governance/DetectiveControls";
import { SecurityServices, SecurityServicesArgs } from "../components/governance/SecurityServices";
import { CustomerKey } from "../components/kms/CustomerKey";
import { GovernanceAccountArgs } from "../components/governance/types";
import { teamNames } from "../components/team/names";
import { bucketName, platformBucketNamePrefix } from "../components/naming";
import { PlatformConfig } from "./config";
import { LayerContext } from "./context";
import { detectiveMode } from "./schema/governance";

/**
 * Every instance type the platform allows anywhere (G2): Studio apps plus each team's job and
 * endpoint types, and those the team stacks' budget allows (`stack.teamStacks`). The
 * organisation ceiling (SCP) and the detective check use the union; the team boundaries narrow
 * it per team.
 */
export function platformInstanceTypes(cfg: PlatformConfig): string[] {
    return [
        ...new Set([...cfg.studio.instanceTypes, ...cfg.teams.flatMap((t) => t.jobInstanceTypes ?? []), ...(cfg.stack.teamStacks?.jobInstanceTypes ?? [])]),
    ];
}

/** Teams whose jobs the detective check holds to network isolation (G10): this stack's and the team stacks' budget's. */
export function networkIsolationTeams(cfg: PlatformConfig): string[] {
    return [...new Set([...cfg.teams.filter((t) => t.networkIsolation).map((t) => t.name), ...(cfg.stack.teamStacks?.networkIsolationTeams ?? [])])];
}

/** Bucket names of the teams' data, models and outputs in the workload account (S3 data events, Macie). */
function teamBuckets(cfg: PlatformConfig, purposes: readonly ("data" | "models" | "outputs")[]): string[] {
    const naming = { organization: cfg.organization, environment: cfg.environment };
    return cfg.teams.flatMap((t) => {
        const b = teamNames(naming, t.name, cfg.accounts.workload.accountId).buckets;
        return purposes.map((p) => b[p]);
    });
}

/** The account, naming and key arguments the audit trail and the detective controls take alike. */
function accountKeyArgs(ctx: LayerContext, logsKey: CustomerKey): GovernanceAccountArgs {
    return {
        naming: ctx.naming,
        account: ctx.aws,
        keyAdministrators: ctx.keyAdmins,
        logsKeyArn: logsKey.arn,
    };
}

/** What an account's trail delivering to the archive of another account takes, data events aside. */
function memberTrailArgs(ctx: LayerContext, logsKey: CustomerKey, archive: AuditArchiveRef): AccountTrailArgs {
    return {
        naming: ctx.naming,
        account: ctx.aws,
        archiveBucketName: archive.bucketName,
        archiveKeyArn: archive.keyArn,
        logsKeyArn: logsKey.arn,
        cloudWatchRetentionDays: ctx.cfg.governance.trail.cloudWatchRetentionDays,
        dependsOn: archive.ready,
    };
}

/** The account's security services as the governance config switches them (G10). */
export function securityServicesArgs(ctx: LayerContext): SecurityServicesArgs {
    const services = ctx.cfg.governance.securityServices;
    return { naming: ctx.naming, account: ctx.aws, guardDuty: services.guardDuty, securityHub: services.securityHub, macie: services.macie };
}

/** The account that holds the audit archive: the log-archive account, else shared services. */
export function archiveAccountId(cfg: PlatformConfig): string {
    return (cfg.accounts.logArchive ?? cfg.accounts.sharedServices).accountId;
}

/**
 * The organisation trail (G11), where there is an organisation to log: `organizationId`, a
 * log-archive account (CloudTrail's delegated administrator, which creates the trail) and the
 * management account (which registers the delegation and owns the trail). Undefined otherwise:
 * each account keeps a trail of its own (a customer without the management stack cannot
 * register the delegation).
 */
export function organizationTrailOf(cfg: PlatformConfig): { managementAccountId: string; organizationId: string } | undefined {
    const { organizationId } = cfg;
    const management = cfg.accounts.management;
    if (!organizationId || !cfg.accounts.logArchive || !management) return undefined;
    return { managementAccountId: management.accountId, organizationId };
}

/** The accounts of the directory other than the archive's (the ones with a trail of their own without an organisation trail). */
function otherAccounts(cfg: PlatformConfig): string[] {
    const archive = archiveAccountId(cfg);
    return [...new Set([cfg.accounts.sharedServices.accountId, cfg.accounts.workload.accountId])].filter((a) => a !== archive);
}

/** Directory accounts other than the archive's whose own trail delivers to the archive: none under the organisation trail. */
function memberTrailAccounts(cfg: PlatformConfig): string[] {
    return organizationTrailOf(cfg) ? [] : otherAccounts(cfg);
}

/**
 * The S3 data events of the platform's buckets, by name prefix (every team bucket of this
 * organisation and environment, whichever stack makes it), minus the access-log buckets.
 */
function platformDataEvents(ctx: LayerContext, accessLogAccounts: string[]): { bucketNamePrefixes: string[]; exceptBucketNames: string[] } {
    return {
        bucketNamePrefixes: [platformBucketNamePrefix(ctx.naming)],
        exceptBucketNames: accessLogAccounts.map((a) => bucketName(ctx.naming, "access-logs", a)),
    };
}

/**
 * Log-archive layer: the audit archive and its trail (G4): in an organisation the organisation
 * trail (G11), else this account's own.
 */
export function createAuditTrail(ctx: LayerContext, logsKey: CustomerKey, parent: pulumi.Resource): AuditTrail {
    const { cfg } = ctx;
    const workloadId = cfg.accounts.workload.accountId;
    const sameAccount = workloadId === ctx.aws.accountId;
    const organizationTrail = organizationTrailOf(cfg);
    const dataEvents = cfg.governance.trail.s3DataEvents;
    // The organisation trail, or this account's trail when the team buckets are here, logs the
    // platform's buckets by prefix; else this account's trail logs every bucket of the account.
    const byPrefix = organizationTrail !== undefined || sameAccount;
    const platform = platformDataEvents(ctx, organizationTrail ? otherAccounts(cfg) : [workloadId]);
    return new AuditTrail(
        "audit",
        {
            ...accountKeyArgs(ctx, logsKey),
            memberAccountIds: memberTrailAccounts(cfg),
            configAccountIds: cfg.governance.awsConfig.enabled ? [workloadId] : [],
            // Every account of the directory runs an isolated VPC whose DNS firewall logs here (N11).
            queryLogAccountIds: [ctx.aws.accountId, ...otherAccounts(cfg)],
            objectLockDays: cfg.governance.trail.objectLockDays,
            cloudWatchRetentionDays: cfg.governance.trail.cloudWatchRetentionDays,
            ...(dataEvents
                ? byPrefix
                    ? { dataEventBucketNamePrefixes: platform.bucketNamePrefixes, dataEventsExceptBucketNames: platform.exceptBucketNames }
                    : { dataEventBucketNamePrefixes: [] }
                : {}),
            ...(organizationTrail ? { organizationTrail } : {}),
        },
        { parent },
    );
}

/**
 * Shared-services layer in an account without the archive: this account's trail, delivering to
 * the archive of the log-archive stack and logging the data events of every bucket here but
 * its access-log bucket (logging the log deliveries would only add noise). Undefined under the
 * organisation trail, which logs this account already (G11).
 */
export function createSharedServicesTrail(
    ctx: LayerContext,
    logsKey: CustomerKey,
    archive: AuditArchiveRef,
    accessLogBucket: string,
    parent: pulumi.Resource,
): AccountTrail | undefined {
    if (organizationTrailOf(ctx.cfg)) return undefined;
    const gov = ctx.cfg.governance;
    return new AccountTrail(
        "shared-services-trail",
        {
            ...memberTrailArgs(ctx, logsKey, archive),
            ...(gov.trail.s3DataEvents ? { s3DataEvents: { bucketNamePrefixes: [], exceptBucketNames: [accessLogBucket] } } : {}),
        },
        { parent },
    );
}

export interface WorkloadGovernance {
    detective?: DetectiveControls;
    config?: ConfigRecorder;
    security: SecurityServices;
    trail?: AccountTrail;
}

/**
 * Workload layer: the detective controls (G10), AWS Config, the security services and, when the
 * audit archive is in another account and no organisation trail logs this one (G11), this
 * account's trail delivering to it.
 */
export function createWorkloadGovernance(ctx: LayerContext, logsKey: CustomerKey, parent: pulumi.Resource, archive?: AuditArchiveRef): WorkloadGovernance {
    const { cfg } = ctx;
    const gov = cfg.governance;
    const sameAccount = archiveAccountId(cfg) === ctx.aws.accountId;
    if (!archive && (!sameAccount || gov.awsConfig.enabled)) {
        throw new Error(
            "createWorkloadGovernance: no AuditArchiveRef was passed; this account's trail and AWS Config deliver to the audit archive, so pass its ref.",
        );
    }
    const out: WorkloadGovernance = {
        security: new SecurityServices(
            "security",
            {
                ...securityServicesArgs(ctx),
                macieBuckets: teamBuckets(cfg, ["data"]),
                // A base whose teams all live in team stacks: each team stack runs its own job (stacks/teamMacie.ts).
                macieAdministratorOnly: cfg.teams.length === 0 && cfg.stack.teamStacks !== undefined,
            },
            { parent },
        ),
    };
    if (!sameAccount && archive && !organizationTrailOf(cfg)) {
        out.trail = new AccountTrail(
            "workload-trail",
            {
                ...memberTrailArgs(ctx, logsKey, archive),
                ...(gov.trail.s3DataEvents ? { s3DataEvents: platformDataEvents(ctx, [ctx.aws.accountId]) } : {}),
            },
            { parent },
        );
    }
    if (gov.awsConfig.enabled || gov.awsConfig.rules) {
        out.config = new ConfigRecorder(
            "config",
            {
                naming: ctx.naming,
                account: ctx.aws,
                createRecorder: gov.awsConfig.enabled,
                serviceLinkedRoleExists: gov.awsConfig.serviceLinkedRoleExists,
                createRules: gov.awsConfig.rules,
                archiveBucketName: archive?.configBucketName,
                dependsOn: archive?.ready,
            },
            { parent },
        );
    }
    if (gov.detectiveControls) {
        out.detective = new DetectiveControls(
            "detective",
            {
                ...accountKeyArgs(ctx, logsKey),
                mode: detectiveMode(cfg),
                requireNetworkIsolation: gov.requireNetworkIsolation,
                networkIsolationTeams: networkIsolationTeams(cfg),
                allowedInstanceTypes: platformInstanceTypes(cfg),
                alertEmails: gov.alertEmails,
                reservedConcurrency: gov.detectiveConcurrency,
            },
            { parent },
        );
    }
    return out;
}

/**
 * The organisation trail as the plan shows it: who creates it, who owns it (its ARN), and the
 * accounts that therefore have no trail of their own.
 */
function organizationTrailPlan(cfg: PlatformConfig): Record<string, unknown> {
    const org = organizationTrailOf(cfg);
    if (!org) return {};
    return {
        organizationTrail: {
            createdBy: archiveAccountId(cfg),
            arn: trailArn(cfg.partition, cfg.region, org.managementAccountId, organizationTrailName(cfg)),
            replacesTrailsOf: otherAccounts(cfg),
        },
    };
}

/** What the offline plan shows about governance (stack output `governancePlan`). */
export function governancePlan(cfg: PlatformConfig): Record<string, unknown> {
    const gov = cfg.governance;
    return {
        detectiveControls: gov.detectiveControls ? detectiveMode(cfg) : "off",
        awsConfig: gov.awsConfig.enabled ? "recorder + rules" : gov.awsConfig.rules ? "rules only (customer recorder)" : "off",
        auditTrail: {
            archiveAccount: archiveAccountId(cfg),
            objectLockDays: gov.trail.objectLockDays ?? "off",
            s3DataEvents: gov.trail.s3DataEvents ? `buckets starting ${platformBucketNamePrefix(cfg)}` : false,
            memberTrails: memberTrailAccounts(cfg),
            ...organizationTrailPlan(cfg),
        },
        securityServices: gov.securityServices,
        alertEmails: gov.alertEmails.length,
    };
}
