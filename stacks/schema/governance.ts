import { z } from "zod";
import {
    ACCOUNT_TRAIL_DEFAULTS,
    CONFIG_RECORDER_DEFAULTS,
    DETECTIVE_CONTROLS_DEFAULTS,
    ORGANIZATION_GUARDRAILS_DEFAULTS,
    RESERVED_CONCURRENCY_RANGE,
    SECURITY_SERVICES_DEFAULTS,
} from "../../components/governance/defaults";
import { OU_ID_PATTERN, OU_PATHS } from "../../components/governance/organizationalUnits";
import { SCP_MAX_PER_TARGET } from "../../components/guardrails/organization";
import { accountId, emailAddress, positiveInt } from "./common";

const placementSchema = z.strictObject({
    /** The existing member account. */
    accountId,
    /** The OU the account belongs in (created or adopted by OrganizationGuardrails), e.g. Workloads/Prod. */
    ou: z.enum(OU_PATHS as [string, ...string[]]),
});

/**
 * An IAM principal ARN pattern for `aws:PrincipalArn` (ArnLike): the security / break-glass role
 * exempt from the "do not stop the audit services" SCP. Wildcards allowed in partition, account
 * and name, never a bare `*` (which would exempt everyone).
 */
const principalArnPattern = z
    .string()
    .regex(/^arn:(\*|aws|aws-cn|aws-us-gov):iam::(\*|\d{12}):role\/[\w+=,.@/*-]+$/, {
        message: "is not a role ARN pattern such as arn:aws:iam::*:role/security-break-glass",
    })
    .refine((v) => !/:role\/\*$/.test(v), { message: "exempts every role; name the break-glass role" });

/** AWS Config in the workload account (ConfigRecorder). */
const awsConfigSchema = z.strictObject({
    /** Create the Config recorder and delivery channel; false when the account already records. Default true. */
    enabled: z.boolean().default(CONFIG_RECORDER_DEFAULTS.createRecorder),
    /** Create the managed rules (also when the recorder is the customer's). Default true. */
    rules: z.boolean().default(CONFIG_RECORDER_DEFAULTS.createRules),
    /** The account already has AWS Config's service-linked role: reference it instead of creating it. Default false. */
    serviceLinkedRoleExists: z.boolean().default(CONFIG_RECORDER_DEFAULTS.serviceLinkedRoleExists),
});

/** The audit trails (AuditTrail, AccountTrail). */
const trailSchema = z.strictObject({
    /** Log S3 data events of the platform's buckets. Default true. */
    s3DataEvents: z.boolean().default(true),
    /** Object Lock (COMPLIANCE) retention in days on the log archive. Default: no Object Lock. */
    objectLockDays: positiveInt("days").max(36500, { message: "is above 36500 days (100 years)" }).optional(),
    /** Retention of the trail's CloudWatch log group, in days. Default 365. */
    cloudWatchRetentionDays: z
        .union([z.literal(90), z.literal(180), z.literal(365), z.literal(400), z.literal(545), z.literal(731), z.literal(1827), z.literal(3653)], {
            message: "is not one of 90, 180, 365, 400, 545, 731, 1827, 3653",
        })
        .default(ACCOUNT_TRAIL_DEFAULTS.cloudWatchRetentionDays),
});

/** The workload account's security services (SecurityServices). */
const securityServicesSchema = z.strictObject({
    /** GuardDuty detector with S3 and malware protection. Default true. */
    guardDuty: z.boolean().default(SECURITY_SERVICES_DEFAULTS.guardDuty),
    /** Security Hub with AWS Foundational Security Best Practices. Default true. */
    securityHub: z.boolean().default(SECURITY_SERVICES_DEFAULTS.securityHub),
    /** Macie sensitive-data discovery on the team buckets. Default false (priced per GB scanned). */
    macie: z.boolean().default(SECURITY_SERVICES_DEFAULTS.macie),
});

/** The CI pipeline whose roles the plan prints (components/guardrails/pipelineRoles.ts, docs/operations.md). */
const pipelineSchema = z.strictObject({
    /** GitHub repository `owner/repo` whose workflow assumes the pipeline roles. */
    repository: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9-]{0,38}\/[A-Za-z0-9._-]{1,100}$/, { message: "is not a GitHub repository such as acme/secure-ds" }),
    /** The protected branch deployments run from. Default main. */
    protectedBranch: z
        .string()
        .regex(/^[A-Za-z0-9._/-]+$/, { message: "is not a plain branch name (no wildcards)" })
        .default("main"),
});

/** Organization guardrails, detective controls, audit trail, security services. See docs/configuration.md#governance. */
export const governanceSchema = z.strictObject({
    /** Root id (r-...) of the organization; OUs are created under it. Required with accounts.management (no lookup). */
    organizationRootId: z
        .string()
        .regex(/^r-[0-9a-z]{4,32}$/, { message: "is not an Organizations root id such as r-ab12" })
        .optional(),
    /** Where existing member accounts belong. Default: none. */
    accountPlacement: z.array(placementSchema).default(ORGANIZATION_GUARDRAILS_DEFAULTS.accountPlacement),
    /** Existing OUs adopted by id instead of created (OU path → ou-...), e.g. a Control Tower organisation's Security and Sandbox. Default: none. */
    organizationalUnitIds: z
        .partialRecord(z.enum(OU_PATHS as [string, ...string[]]), z.string().regex(OU_ID_PATTERN, { message: "is not an OU id such as ou-ab12-cd34ef56" }))
        .default(ORGANIZATION_GUARDRAILS_DEFAULTS.organizationalUnitIds),
    /** Attach each placed account's OU SCPs to the account itself, so placement binds before the account is moved. Default true. */
    attachScpsToPlacedAccounts: z.boolean().default(ORGANIZATION_GUARDRAILS_DEFAULTS.attachScpsToPlacedAccounts),
    /** The CI pipeline (GitHub repository, protected branch) the pipeline roles trust. Default: none (no roles printed). */
    pipeline: pipelineSchema.optional(),
    /** IAM Identity Center instance ARN; with it the permission sets are created. Default: none. */
    identityCenterInstanceArn: z
        .string()
        .regex(/^arn:(aws|aws-cn|aws-us-gov):sso:::instance\/(sso)?ins-[a-zA-Z0-9-.]{16}$/, {
            message: "is not an IAM Identity Center instance ARN such as arn:aws:sso:::instance/ssoins-1234567890abcdef",
        })
        .optional(),
    /** SCPs already attached to the root and the Workloads OU besides secure-ds's (FullAWSAccess counts). Default 1. */
    scpsAlreadyAttached: z
        .number()
        .int({ message: "is not a whole number" })
        .min(0, { message: "is negative" })
        .max(SCP_MAX_PER_TARGET - 1, { message: `leaves no room under the quota of ${SCP_MAX_PER_TARGET} SCPs per target` })
        .default(ORGANIZATION_GUARDRAILS_DEFAULTS.scpsAlreadyAttached),
    /**
     * Instance types the organisation's SCP allows anywhere (G2 ceiling). Default: this stack's
     * Studio and team job types. A management stack has no teams: set it there to the union of
     * what the workload stacks allow.
     */
    instanceTypeCeiling: z
        .array(z.string().regex(/^ml\.[a-z0-9]+\.[a-z0-9]+$/, { message: "is not a SageMaker instance type such as ml.m5.large" }))
        .optional(),
    /**
     * The break-glass role exempt from the audit-tampering SCP, bound to one account: a role ARN
     * with a 12-digit account (any account admin could create the name elsewhere). Default:
     * `secure-ds-break-glass` in the log-archive account (the shared-services account without one).
     */
    breakGlassRoleArnPattern: principalArnPattern
        .refine((v) => /^arn:[^:]+:iam::\d{12}:/.test(v), {
            message: "names no account; bind the break-glass role to the security account (arn:<p>:iam::<account>:role/<name>)",
        })
        .optional(),
    /** alert: report only; remediate: stop/delete and tag. Default: alert in dev, remediate otherwise. */
    detectiveMode: z.enum(["alert", "remediate"]).optional(),
    /** Detective controls on or off. Default true. */
    detectiveControls: z.boolean().default(true),
    /** Containers must run with network isolation (N4); checked by the detective Lambda. Default false. */
    requireNetworkIsolation: z.boolean().default(DETECTIVE_CONTROLS_DEFAULTS.requireNetworkIsolation),
    /** Addresses subscribed to the detective alerts topic. Default none. */
    alertEmails: z.array(emailAddress).default(DETECTIVE_CONTROLS_DEFAULTS.alertEmails),
    /** Reserved concurrency of the detective Lambda (CKV_AWS_115). Default 5. */
    detectiveConcurrency: z
        .number()
        .int({ message: "is not a whole number" })
        .min(RESERVED_CONCURRENCY_RANGE.min, { message: `is below ${RESERVED_CONCURRENCY_RANGE.min}; the function would never run` })
        .max(RESERVED_CONCURRENCY_RANGE.max, {
            message: `is above ${RESERVED_CONCURRENCY_RANGE.max}; the cap exists so an event storm cannot take the account's concurrency`,
        })
        .default(DETECTIVE_CONTROLS_DEFAULTS.reservedConcurrency),
    awsConfig: awsConfigSchema.default(() => awsConfigSchema.parse({})),
    trail: trailSchema.default(() => trailSchema.parse({})),
    securityServices: securityServicesSchema.default(() => securityServicesSchema.parse({})),
});

export type GovernanceConfig = z.infer<typeof governanceSchema>;

type Issue = (path: (string | number)[], message: string) => void;

/** Cross-section checks of the governance section, called from the platform schema's refinement. */
export function refineGovernance(
    cfg: { environment: string; accounts: { management?: { accountId: string } }; governance: GovernanceConfig; teams: unknown[] },
    /** Whether this stack builds the organization layer (stack.layers). */
    buildsOrganization: boolean,
    issue: Issue,
): void {
    const gov = cfg.governance;
    if (buildsOrganization && !gov.organizationRootId) {
        issue(
            ["governance", "organizationRootId"],
            "missing; the organization layer needs the organization root (r-...) so OUs can be created without a lookup",
        );
    }
    if (buildsOrganization && cfg.teams.length === 0 && !gov.instanceTypeCeiling) {
        issue(
            ["governance", "instanceTypeCeiling"],
            "missing; this stack has no teams to derive the SCP's instance-type allow-list (G2) from: list every type the workload stacks allow",
        );
    }
    if (!buildsOrganization) {
        if (gov.accountPlacement.length > 0) {
            issue(
                ["governance", "accountPlacement"],
                `lists ${gov.accountPlacement.length} account(s) but this stack does not build the organization layer; account placement belongs in the management stack`,
            );
        }
        if (Object.keys(gov.organizationalUnitIds).length > 0) {
            issue(
                ["governance", "organizationalUnitIds"],
                "adopts OUs but accounts.management is not set; OUs belong to the organisation's management account",
            );
        }
        if (gov.identityCenterInstanceArn) {
            issue(
                ["governance", "identityCenterInstanceArn"],
                `"${gov.identityCenterInstanceArn}" is set but this stack does not build the organization layer; permission sets are created in the management stack`,
            );
        }
    }
    const seen = new Map<string, number>();
    gov.accountPlacement.forEach((p, i) => {
        const first = seen.get(p.accountId);
        if (first !== undefined) {
            issue(
                ["governance", "accountPlacement", i, "accountId"],
                `"${p.accountId}" is already placed by accountPlacement[${first}]; an account belongs in one OU`,
            );
        } else {
            seen.set(p.accountId, i);
        }
        if (cfg.accounts.management && p.accountId === cfg.accounts.management.accountId) {
            issue(
                ["governance", "accountPlacement", i, "accountId"],
                `"${p.accountId}" is the management account; it stays under the root and SCPs never apply to it`,
            );
        }
    });
}

/** Effective detective mode: alert in dev, remediate elsewhere unless configured. */
export function detectiveMode(cfg: { environment: string; governance: GovernanceConfig }): "alert" | "remediate" {
    return cfg.governance.detectiveMode ?? (cfg.environment === "dev" ? "alert" : "remediate");
}
