/**
 * Defaults and AWS bounds of the governance components, in a module without Pulumi imports so
 * the config schema (stacks/schema/governance.ts) can read them.
 */
import { SCPS_ALREADY_ATTACHED } from "../guardrails/organization";
import { DEFAULT_LOG_RETENTION_DAYS } from "../logRetention";
import { MANDATORY_TAG_KEYS } from "../tags";
import type { AccountTrailArgs } from "./AccountTrail";
import type { AuditTrailArgs } from "./AuditTrail";
import type { ConfigRecorderArgs } from "./ConfigRecorder";
import type { DelegatedAdministratorsArgs } from "./DelegatedAdministrators";
import type { DetectiveControlsArgs } from "./DetectiveControls";
import type { OrganizationGuardrailsArgs } from "./OrganizationGuardrails";
import type { SecurityServicesArgs } from "./SecurityServices";

export const ACCOUNT_TRAIL_DEFAULTS = {
    cloudWatchRetentionDays: DEFAULT_LOG_RETENTION_DAYS,
} satisfies Partial<AccountTrailArgs>;

export const AUDIT_TRAIL_DEFAULTS = {
    memberAccountIds: [],
    configAccountIds: [],
    cloudWatchRetentionDays: ACCOUNT_TRAIL_DEFAULTS.cloudWatchRetentionDays,
} satisfies Partial<AuditTrailArgs>;

export const CONFIG_RECORDER_DEFAULTS = {
    createRecorder: true,
    serviceLinkedRoleExists: false,
    createRules: true,
    requiredTagKeys: MANDATORY_TAG_KEYS,
} satisfies Partial<ConfigRecorderArgs>;

/** Reserved concurrency a Lambda function may be given here: at least one, and a cap well under the account's pool. */
export const RESERVED_CONCURRENCY_RANGE = { min: 1, max: 100 } as const;

export const DETECTIVE_CONTROLS_DEFAULTS = {
    // The hardened choice; the stacks choose alert in dev.
    mode: "remediate",
    requireNetworkIsolation: false,
    networkIsolationTeams: [],
    // Empty: instance types are not checked.
    allowedInstanceTypes: [],
    alertEmails: [],
    logRetentionDays: DEFAULT_LOG_RETENTION_DAYS,
    reservedConcurrency: 5,
} satisfies Partial<DetectiveControlsArgs>;

export const SECURITY_SERVICES_DEFAULTS = {
    guardDuty: true,
    securityHub: true,
    // Priced per GB scanned: opted into.
    macie: false,
    macieBuckets: [],
} satisfies Partial<SecurityServicesArgs>;

export const ORGANIZATION_GUARDRAILS_DEFAULTS = {
    // Nobody may stop the audit services.
    breakGlassRoleArnPatterns: [],
    deployRoleArns: [],
    tagKeys: MANDATORY_TAG_KEYS,
    tagValues: {},
    accountPlacement: [],
    sessionDuration: "PT4H",
    scpsAlreadyAttached: SCPS_ALREADY_ATTACHED,
    // Adopt nothing: every OU is created.
    organizationalUnitIds: {} as Partial<Record<string, string>>,
    // Placed accounts get their OU's SCPs attached directly, so placement is enforced before (and without) a move.
    attachScpsToPlacedAccounts: true,
} satisfies Partial<OrganizationGuardrailsArgs>;

export const DELEGATED_ADMINISTRATORS_DEFAULTS = {
    guardDuty: true,
    securityHub: true,
    macie: true,
    config: true,
    cloudTrail: true,
    enableTrustedAccess: true,
} satisfies Partial<DelegatedAdministratorsArgs>;
