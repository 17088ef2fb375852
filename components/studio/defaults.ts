/**
 * Defaults and SageMaker bounds of the Studio components, in a module without Pulumi imports so
 * the config schema (stacks/schema/studio.ts) can read them.
 */
import type { SecureStudioDomainArgs } from "./SecureStudioDomain";
import type { StudioHomeBackupArgs } from "./StudioHomeBackup";

/** SageMaker's bounds for idle timeouts, in minutes. */
export const IDLE_MINUTES_RANGE = { min: 60, max: 525600 } as const;

export const SECURE_STUDIO_DOMAIN_DEFAULTS = {
    authMode: "IAM",
    idleMinutes: 120,
    // CPU, small to medium (G2): GPUs and large instances are opted into.
    allowedInstanceTypes: ["ml.t3.medium", "ml.t3.large", "ml.m5.large", "ml.m5.xlarge", "ml.m5.2xlarge", "ml.c5.xlarge", "ml.c5.2xlarge"],
    presignedUrlSourceIps: [],
    codeEditor: false,
    sharedSpace: false,
    notebookSharing: "disabled",
    customImages: [],
    // Replacing a domain creates a new, empty home EFS.
    protect: true,
} satisfies Partial<SecureStudioDomainArgs>;

/** What AWS Backup accepts as a schedule: a six-field cron expression. */
export const BACKUP_SCHEDULE_PATTERN = /^cron\(\S+ \S+ \S+ \S+ \S+ \S+\)$/;

export const STUDIO_HOME_BACKUP_DEFAULTS = {
    // Daily at 02:00 UTC.
    schedule: "cron(0 2 * * ? *)",
    retentionDays: 35,
} satisfies Partial<StudioHomeBackupArgs>;
