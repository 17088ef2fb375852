import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { AccountContext } from "../guardrails/arns";
import { toPolicyJson } from "../guardrails/document";
import { backupVaultAccessPolicy, backupVaultKeyPolicy, serviceRoleTrust } from "../guardrails/studioRoles";
import { CustomerKey } from "../kms/CustomerKey";
import { NamingContext, namePrefix } from "../naming";
import { BACKUP_SCHEDULE_PATTERN, STUDIO_HOME_BACKUP_DEFAULTS } from "./defaults";

export interface StudioHomeBackupArgs {
    /** Organization and environment: prefix of the vault, plan and role names. Required. */
    naming: NamingContext;
    /** Partition, region and id of the account holding the home EFS. Required. */
    account: AccountContext;
    /** Administrators of the vault key; the only principals that may delete recovery points. Required. */
    keyAdministrators: string[];
    /** The home EFS file systems to back up (SecureStudioDomain.homeEfsFileSystemId), by team. Required. */
    fileSystems: Record<string, pulumi.Input<string>>;
    /**
     * Other stacks of the account (team stacks) add their domains' selections to this plan
     * (studioHomeSelection), so `fileSystems` may be empty. Default false.
     */
    selectionsElsewhere?: boolean;
    /** Backup schedule, an AWS Backup cron expression in UTC. Default daily at 02:00. */
    schedule?: string;
    /** Days a recovery point is kept. Default 35. */
    retentionDays?: number;
    /** Days before recovery points move to cold storage (retention must exceed it by 90). Default never. */
    coldStorageAfterDays?: number;
}

/**
 * G9: the Studio home directories are backed up. SageMaker keeps the EFS when a domain is
 * deleted (retention Retain), but a deleted or corrupted file system, or a user's deleted
 * notebook, is recoverable only from a backup. A vault encrypted with its own customer key, a
 * plan from config, one selection of the domains' EFS, and a role AWS Backup alone can assume.
 */
export class StudioHomeBackup extends pulumi.ComponentResource {
    readonly vault: aws.backup.Vault;
    readonly vaultKey: CustomerKey;
    readonly plan: aws.backup.Plan;
    /** One selection of the home EFS per team domain. */
    readonly selections: Record<string, aws.backup.Selection>;
    readonly role: aws.iam.Role;
    /** The vault's name, also the plan's and the prefix of every selection's. */
    readonly vaultName: string;

    constructor(name: string, args: StudioHomeBackupArgs, opts?: pulumi.ComponentResourceOptions) {
        super("secure-ds:studio:StudioHomeBackup", name, {}, opts);
        const schedule = args.schedule ?? STUDIO_HOME_BACKUP_DEFAULTS.schedule;
        const retentionDays = args.retentionDays ?? STUDIO_HOME_BACKUP_DEFAULTS.retentionDays;
        const cold = args.coldStorageAfterDays;
        const problem = (message: string) => new Error(`StudioHomeBackup ${name}: ${message}`);
        if (!BACKUP_SCHEDULE_PATTERN.test(schedule)) {
            throw problem(`schedule "${schedule}" is not an AWS Backup cron expression such as cron(0 2 * * ? *).`);
        }
        if (!Number.isInteger(retentionDays) || retentionDays < 1) {
            throw problem(`retentionDays ${retentionDays} must be a positive whole number of days.`);
        }
        if (cold !== undefined && (!Number.isInteger(cold) || cold < 1 || retentionDays < cold + 90)) {
            throw problem(`coldStorageAfterDays ${cold} needs retentionDays of at least ${cold + 90}; AWS Backup keeps cold recovery points 90 days.`);
        }
        if (Object.keys(args.fileSystems).length === 0 && !args.selectionsElsewhere) {
            throw problem("fileSystems is empty; pass the home EFS of every Studio domain.");
        }
        const { partition, region, accountId } = args.account;
        const prefix = namePrefix(args.naming);
        const vaultName = `${prefix}-studio-home`;
        this.vaultName = vaultName;

        this.role = new aws.iam.Role(
            `${name}-role`,
            {
                name: `${prefix}-studio-backup`,
                description: "AWS Backup backs up and restores the Studio home EFS with this role (G9).",
                assumeRolePolicy: toPolicyJson(serviceRoleTrust("backup", partition)),
            },
            { parent: this },
        );
        for (const [suffix, policy] of [
            ["backup", "AWSBackupServiceRolePolicyForBackup"],
            ["restore", "AWSBackupServiceRolePolicyForRestores"],
        ] as const) {
            new aws.iam.RolePolicyAttachment(
                `${name}-${suffix}`,
                { role: this.role.name, policyArn: `arn:${partition}:iam::aws:policy/service-role/${policy}` },
                { parent: this },
            );
        }

        this.vaultKey = new CustomerKey(
            `${name}-vault-key`,
            {
                description: `${vaultName}: AWS Backup vault of the Studio home directories`,
                alias: vaultName,
                policy: this.role.arn.apply((backupRoleArn) =>
                    backupVaultKeyPolicy({ partition, region, accountId, administrators: args.keyAdministrators, backupRoleArn }),
                ),
            },
            { parent: this },
        );
        this.vault = new aws.backup.Vault(
            `${name}-vault`,
            { name: vaultName, kmsKeyArn: this.vaultKey.arn, forceDestroy: false },
            { parent: this, protect: true, retainOnDelete: true },
        );
        new aws.backup.VaultPolicy(
            `${name}-vault-policy`,
            { backupVaultName: this.vault.name, policy: toPolicyJson(backupVaultAccessPolicy(args.keyAdministrators)) },
            { parent: this },
        );
        this.plan = new aws.backup.Plan(
            `${name}-plan`,
            {
                name: vaultName,
                rules: [
                    {
                        ruleName: "studio-home-daily",
                        targetVaultName: this.vault.name,
                        schedule,
                        startWindow: 60,
                        completionWindow: 24 * 60,
                        lifecycle: { deleteAfter: retentionDays, ...(cold !== undefined ? { coldStorageAfter: cold } : {}) },
                        recoveryPointTags: { "secure-ds:backup": "studio-home" },
                    },
                ],
            },
            { parent: this },
        );
        // One selection per domain: selections cannot be updated in place, so a shared one would be
        // replaced whenever a team is added.
        this.selections = {};
        for (const team of Object.keys(args.fileSystems).sort()) {
            this.selections[team] = studioHomeSelection(
                `${name}-${team}`,
                { account: args.account, vaultName, planId: this.plan.id, roleArn: this.role.arn, team, fileSystemId: args.fileSystems[team] },
                this,
            );
        }
        this.registerOutputs({ vaultArn: this.vault.arn, planId: this.plan.id });
    }
}

/** What one selection of a home EFS names: the backup plan and role it joins, and the file system. */
export interface StudioHomeSelectionArgs {
    account: AccountContext;
    /** The vault's (and plan's) name: the selection is named `<vaultName>-<team>`. */
    vaultName: pulumi.Input<string>;
    planId: pulumi.Input<string>;
    roleArn: pulumi.Input<string>;
    team: string;
    fileSystemId: pulumi.Input<string>;
}

/**
 * One team domain's home EFS in the backup plan (G9). Used by StudioHomeBackup for the domains
 * of its own stack and by team stacks for theirs, on the plan of their workload base.
 */
export function studioHomeSelection(name: string, args: StudioHomeSelectionArgs, parent: pulumi.Resource): aws.backup.Selection {
    const { partition, region, accountId } = args.account;
    return new aws.backup.Selection(
        name,
        {
            name: pulumi.interpolate`${args.vaultName}-${args.team}`,
            planId: args.planId,
            iamRoleArn: args.roleArn,
            resources: [pulumi.interpolate`arn:${partition}:elasticfilesystem:${region}:${accountId}:file-system/${args.fileSystemId}`],
        },
        { parent },
    );
}
