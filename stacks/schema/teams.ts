import { z } from "zod";
import { NamingContext, namePrefix } from "../../components/naming";
import { PLATFORM_TEAM } from "../../components/guardrails/teamScope";
import { PLATFORM_KEY_ALIAS_SUFFIXES, teamClaimedNames, teamNameViolations } from "../../components/team/names";
import { MAX_JOB_RUNTIME_HOURS, TEAM_ENVIRONMENT_DEFAULTS } from "../../components/team/defaults";
import { TEAM_USER_ROLES } from "../../components/team/types";
import { dnsName, emailAddress } from "./common";

/** One Studio user. Its name becomes the user profile name and the `studiouserid` tag value. */
const userSchema = z.strictObject({
    /** User id: lower-case, becomes the Studio user profile name and the `studiouserid` tag (I1, I2). */
    name: dnsName(32, "user name"),
    /** admin: the team's administrator; scientist: a data scientist. */
    role: z.enum(TEAM_USER_ROLES),
    /** Optional e-mail address for notifications. */
    email: emailAddress.optional(),
});

const samlProviderArn = z.string().regex(/^arn:aws(-cn|-us-gov)?:iam::\d{12}:saml-provider\/[\w.-]{1,128}$/, {
    message: "is not an IAM SAML provider ARN (arn:<partition>:iam::<12-digit account>:saml-provider/<name>)",
});

const principalArn = z.string().regex(/^arn:aws(-cn|-us-gov)?:iam::\d{12}:(role|user)\/[\w+=,.@/-]{1,512}$/, {
    message: "is not an IAM role or user ARN (arn:<partition>:iam::<12-digit account>:role/<name>)",
});

/**
 * Who may assume the team's human roles (data scientist, team admin). Exactly one of
 * `samlProviderArn` and `principalArns`. Either way the caller must pass the session tag
 * `studiouserid` naming one of the team's users: the role policies key on it (I1).
 */
const federationSchema = z
    .strictObject({
        /** The corporate IdP's SAML provider: users sign in with AssumeRoleWithSAML and get `studiouserid` from the IdP. */
        samlProviderArn: samlProviderArn.optional(),
        /** IAM principals (e.g. an SSO broker role) that call AssumeRole with the `studiouserid` session tag. */
        principalArns: z.array(principalArn).min(1, { message: "is empty; name at least one principal or use samlProviderArn" }).optional(),
        /**
         * With `principalArns`: the team admin role requires MFA on the caller's session (I8).
         * Default true. SAML sign-ins get MFA from the IdP and are not affected.
         */
        requireMfaForAdmin: z.boolean().default(TEAM_ENVIRONMENT_DEFAULTS.team.federation.requireMfaForAdmin),
    })
    .superRefine((f, ctx) => {
        const count = (f.samlProviderArn ? 1 : 0) + (f.principalArns ? 1 : 0);
        if (count !== 1) {
            ctx.addIssue({
                code: "custom",
                path: [],
                message: `${count === 0 ? "names no" : "names both a SAML provider and"} principals; set exactly one of samlProviderArn and principalArns`,
            });
        }
    });

/** One budget alert: a percentage of the monthly amount, on actual or forecasted spend. */
const budgetAlertSchema = z.strictObject({
    /** Percentage of `monthlyBudgetUsd` that triggers the alert. */
    percent: z.number().positive({ message: "must be a positive percentage" }).max(1000, { message: "is above 1000 percent" }),
    /** ACTUAL (spent) or FORECASTED (AWS forecast for the month). */
    type: z.enum(["ACTUAL", "FORECASTED"]),
});

/** A data-science team: its own keys, buckets, roles and budget. */
export const teamSchema = z
    .strictObject({
        /**
         * Team name: lower-case. Its length limit depends on the organization, environment and
         * account id, because prefixed bucket (63), role (64) and access point (50) names must fit:
         * the platform check names the exact limit.
         */
        name: dnsName(32, "team name").refine((n) => n !== PLATFORM_TEAM, {
            message: `is reserved: shared resources carry the team tag "${PLATFORM_TEAM}", so a team of that name would be billed for them`,
        }),
        /** Monthly budget in USD for the team's AWS Budget (G6). */
        monthlyBudgetUsd: z.number().positive({ message: "must be a positive amount of US dollars" }),
        /** Addresses alerted when the budget crosses a threshold. Default none. */
        budgetAlertEmails: z
            .array(emailAddress)
            .max(10, { message: "has more than 10 addresses, the AWS Budgets limit per notification" })
            .default(TEAM_ENVIRONMENT_DEFAULTS.team.budgetAlertEmails),
        /** When the budget alerts. Default 80% of actual and 100% of forecasted spend. */
        budgetAlerts: z
            .array(budgetAlertSchema)
            .min(1, { message: "is empty; name at least one alert threshold" })
            .max(5, { message: "has more than 5 alerts, the AWS Budgets limit per budget" })
            .default(TEAM_ENVIRONMENT_DEFAULTS.team.budgetAlerts),
        /** Who may assume the team's human roles. */
        federation: federationSchema,
        /** One execution role per user instead of one per team (per-user CloudTrail and data access). Default false. */
        perUserExecutionRoles: z.boolean().default(TEAM_ENVIRONMENT_DEFAULTS.team.perUserExecutionRoles),
        /** Deny jobs and models without container network isolation (N4). Default false. */
        networkIsolation: z.boolean().default(TEAM_ENVIRONMENT_DEFAULTS.team.networkIsolation),
        /** Longest training or processing job, in hours (G3). Default 24. */
        maxJobRuntimeHours: z
            .number()
            .positive({ message: "must be a positive number of hours" })
            .max(MAX_JOB_RUNTIME_HOURS, { message: `is above ${MAX_JOB_RUNTIME_HOURS} hours (28 days), the longest job SageMaker runs` })
            .default(TEAM_ENVIRONMENT_DEFAULTS.team.maxJobRuntimeHours),
        /** Instance types of the team's jobs and endpoints (G2). Default: studio.instanceTypes. */
        jobInstanceTypes: z
            .array(z.string().regex(/^ml\.[a-z0-9-]+\.[a-z0-9]+$/, { message: "is not a SageMaker instance type such as ml.m5.large" }))
            .min(1, { message: "is empty; omit it to use studio.instanceTypes" })
            .optional(),
        /** An access point on the platform's shared data lake, limited to `teams/<name>/` and the VPC. Default false. */
        dataLake: z.boolean().default(TEAM_ENVIRONMENT_DEFAULTS.team.dataLake),
        /** The team's users. */
        users: z.array(userSchema).min(1, { message: "is empty; a team needs at least one user" }),
    })
    .superRefine((team, ctx) => {
        if (!team.users.some((u) => u.role === "admin")) {
            ctx.addIssue({
                code: "custom",
                path: ["users"],
                message: "has no user with role admin; the team admin role is assumable only by the team's admins, so name at least one",
            });
        }
    });

export type UserConfig = z.infer<typeof userSchema>;
export type TeamConfig = z.infer<typeof teamSchema>;

/**
 * Platform-level checks of the teams: names that overflow an AWS limit once prefixed with the
 * organization and environment and suffixed with the account id. Messages give the numbers.
 */
export function teamCrossChecks(
    cfg: { organization: string; environment: string; accounts: { workload: { accountId: string } }; teams: TeamConfig[] },
    issue: (path: (string | number)[], message: string) => void,
): void {
    const naming: NamingContext = { organization: cfg.organization, environment: cfg.environment };
    // Physical names must not collide across teams or with the platform's own keys: AWS would
    // refuse the second resource in the middle of a deploy.
    const owners = new Map<string, string>(PLATFORM_KEY_ALIAS_SUFFIXES.map((suffix) => [`alias ${namePrefix(naming)}-${suffix}`, "a platform key"]));
    const seenTeams = new Set<string>();
    cfg.teams.forEach((team, t) => {
        // A repeated team name is reported once, by the platform schema's uniqueness check.
        if (seenTeams.has(team.name)) return;
        seenTeams.add(team.name);
        const perUser = team.perUserExecutionRoles ? team.users.map((u) => u.name) : [];
        for (const claimed of teamClaimedNames(naming, team.name, cfg.accounts.workload.accountId, perUser)) {
            const owner = owners.get(claimed);
            if (owner !== undefined) {
                issue(["teams", t, "name"], `"${team.name}" makes the ${claimed}, which ${owner} already uses; choose another team name`);
                break;
            }
            owners.set(claimed, `team ${team.name}`);
        }
    });
    cfg.teams.forEach((team, t) => {
        const saml = team.federation.samlProviderArn;
        if (saml !== undefined && saml.split(":")[4] !== cfg.accounts.workload.accountId) {
            issue(
                ["teams", t, "federation", "samlProviderArn"],
                `"${saml}" is in account ${saml.split(":")[4]}, not the workload account ${cfg.accounts.workload.accountId}; AssumeRoleWithSAML needs the SAML provider in the role's account`,
            );
        }
        const violations = teamNameViolations(naming, cfg.accounts.workload.accountId, team.name, {
            users: team.users.map((u) => u.name),
            perUserRoles: team.perUserExecutionRoles,
            dataLake: team.dataLake,
        });
        for (const v of violations) {
            if (v.subject === "team") {
                issue(
                    ["teams", t, "name"],
                    `"${team.name}" (${team.name.length} characters) makes the ${v.what} "${v.name}" ${v.name.length} characters; AWS allows ${v.limit}. ` +
                        `With organization "${cfg.organization}" and environment "${cfg.environment}" a team name may have at most ${Math.max(v.maxSubjectLength, 0)} characters`,
                );
            } else {
                const u = team.users.findIndex((user) => user.name === v.value);
                issue(
                    ["teams", t, "users", u, "name"],
                    `"${v.value}" makes the per-user ${v.what} "${v.name}" ${v.name.length} characters; AWS allows ${v.limit}. ` +
                        `Shorten the user name to at most ${Math.max(v.maxSubjectLength, 0)} characters, or turn off perUserExecutionRoles`,
                );
            }
        }
    });
}
