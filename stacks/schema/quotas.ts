/**
 * `quotas`: the applied values of the account quotas the stack has had raised, keyed
 * `<service code>/<quota code>` as the quota planner's catalogue lists them
 * (components/network/quotaPlanner.ts). The offline plan holds each planned use against the
 * declared value instead of the default, so a stack is refused until its raise is granted and
 * declared, not half-way through `pulumi up`.
 */
import { z } from "zod";
import { TEAM_ROLE_KINDS } from "../../components/team/names";
import { SAML_BROKER_DEFAULTS } from "../../components/access/defaults";
import { LAMBDA_UNRESERVED_MINIMUM, QUOTAS, QuotaUse, planQuotas, quotaDefinition, quotaRefusal } from "../../components/network/quotaPlanner";

const known = QUOTAS.filter((q) => q.code !== undefined).map((q) => q.key);

export const quotasSchema = z
    .record(
        z.string(),
        z
            .number()
            .int({ message: "is not a whole number; declare the applied quota value Service Quotas shows" })
            .positive({ message: "is not a positive quota value" }),
    )
    .superRefine((quotas, ctx) => {
        for (const key of Object.keys(quotas)) {
            const q = quotaDefinition(key);
            const message = !q
                ? `"${key}" is not a quota the planner knows; use one of ${known.join(", ")}`
                : !q.code
                  ? `"${key}" cannot be raised (${q.source}); remove it and change the config so the plan needs less`
                  : undefined;
            if (message) ctx.addIssue({ code: "custom", path: [key], message, params: { complete: true } });
        }
    });

export type QuotasConfig = z.infer<typeof quotasSchema>;

type Issue = (path: (string | number)[], message: string) => void;

/** The config fields the predictions read (a subset of the validated platform config). */
interface QuotaInputs {
    region: string;
    accounts: { workload: { accountId: string } };
    teams: { users: unknown[]; perUserExecutionRoles: boolean }[];
    studio: { sharedSpaces: boolean };
    governance: { detectiveControls: boolean; detectiveConcurrency: number };
    /** The SAML broker's function reserves concurrency too (SAML_BROKER_DEFAULTS.reservedConcurrency). */
    access?: { samlBroker?: unknown };
    quotas: QuotasConfig;
}

/**
 * The uses the config alone decides, predicted before anything runs so `pulumi up` refuses too:
 * the detective and SAML broker functions' reserved concurrency, one Studio
 * domain per team, one profile per user, one shared space per team with sharedSpaces, and at
 * least the teams' own IAM roles (one per TEAM_ROLE_KINDS, plus one per user with per-user
 * execution roles; the platform's roles come on top, so this one is a lower bound). The trails'
 * advanced-selector values are not predicted: they no longer grow with the config, since the S3
 * data events match the platform's bucket-name prefix instead of listing each team's buckets
 * (components/governance/trailSelectors.ts: at most 4 values plus one per excepted archive or
 * access-log bucket, under 10 of CloudTrail's 500). The
 * offline plan counts every quota from the resources (plan/quotas.ts); tests/plan/quotas.test.ts
 * holds these predictions to those counts.
 */
export function predictedQuotaUses(cfg: Omit<QuotaInputs, "quotas" | "region">): QuotaUse[] {
    const account = cfg.accounts.workload.accountId;
    const users = cfg.teams.reduce((n, t) => n + t.users.length, 0);
    const reserved =
        (cfg.governance.detectiveControls ? cfg.governance.detectiveConcurrency : 0) + (cfg.access?.samlBroker ? SAML_BROKER_DEFAULTS.reservedConcurrency : 0);
    return [
        ...(reserved > 0 ? [{ key: "lambda/L-B99A9384", account, used: reserved + LAMBDA_UNRESERVED_MINIMUM }] : []),
        { key: "sagemaker/L-B683BCB0", account, used: cfg.teams.length },
        { key: "sagemaker/L-AC46C40F", account, used: users },
        ...(cfg.studio.sharedSpaces ? [{ key: "sagemaker/L-8E5333B4", account, used: cfg.teams.length }] : []),
        {
            key: "iam/L-FE177D64",
            account,
            used: cfg.teams.reduce((n, t) => n + TEAM_ROLE_KINDS.length + (t.perUserExecutionRoles ? t.users.length : 0), 0),
            where: "the teams' roles alone; the platform's come on top",
        },
    ];
}

/** What to change in the config when a limit AWS does not raise is exceeded (none of the predicted ones is such a limit now). */
const CONFIG_FIXES: Record<string, string> = {};

/** Refuses a config whose predicted use exceeds a quota's declared value or default (called from the platform schema). */
export function refineQuotas(cfg: QuotaInputs, issue: Issue): void {
    // A declared value the field check refused is not held against: its own message says what is wrong.
    const declared = Object.fromEntries(Object.entries(cfg.quotas).filter(([, v]) => Number.isInteger(v) && v > 0));
    for (const row of planQuotas(predictedQuotaUses(cfg), declared)) {
        if (row.exceeded) issue(["quotas", row.key], quotaRefusal(row, cfg.region, CONFIG_FIXES[row.key]));
    }
}
