/**
 * Physical names of a team's resources. Pure and deterministic: the config schema uses them to
 * reject team and user names that would overflow an AWS limit (before anything is registered),
 * the component uses the same function to name the resources, and the guardrail documents name
 * role ARNs before the roles exist. Adding a team or a user never changes an existing name, so it
 * never replaces a resource.
 */
import { TeamBucketPurpose, TeamRoleKind } from "../guardrails/teamScope";
import { NamingContext, namePrefix } from "../naming";

/** Bucket purposes of every team: data, model artifacts, notebook outputs. */
export const TEAM_BUCKET_PURPOSES = ["data", "models", "outputs"] as const satisfies readonly TeamBucketPurpose[];

/** The team's IAM roles (I3). Human roles are assumed by people, execution roles by SageMaker. */
export const TEAM_ROLE_KINDS = ["admin", "scientist", "studio", "space", "training", "processing", "hosting"] as const satisfies readonly TeamRoleKind[];
export type { TeamBucketPurpose, TeamRoleKind };

/** AWS limits the names must fit. */
const NAME_LIMITS = {
    /** S3 bucket names. */
    bucket: 63,
    /** IAM role names. */
    role: 64,
    /** IAM managed policy names. */
    policy: 128,
    /** S3 access point names. */
    accessPoint: 50,
} as const;

export interface TeamNames {
    /** `/secure-ds/<org>-<env>/<team>/`: IAM path of the platform-made team roles. */
    rolePath: string;
    /** `<rolePath>delegated/`: the only path where the team admin may create roles. */
    delegatedRolePath: string;
    /** Role names by kind. */
    roles: Record<TeamRoleKind, string>;
    /** Name prefix of the per-user execution roles (`<prefix>-<team>-u-`). */
    userRolePrefix: string;
    /** Bucket names by purpose. */
    buckets: Record<TeamBucketPurpose, string>;
    /** IAM path of the team's managed policies (boundary, guardrails). */
    policyPath: string;
    /** Permission boundary (managed policy) name. */
    boundaryPolicy: string;
    /** Guardrail managed policy names by short name. */
    guardrailPolicies: Record<"vpc-kms" | "cost-tags", string>;
    /** KMS alias without `alias/`. */
    keyAlias: string;
    /** SSM parameter path (`/secure-ds/<org>-<env>/<team>`), without trailing slash. */
    parameterPath: string;
    /** Budget name. */
    budget: string;
    /** Access point on the shared data lake. */
    dataLakeAccessPoint: string;
    /** Prefix of the team in the shared data lake, with trailing slash. */
    dataLakePrefix: string;
}

/** Names of one team's resources. Does not check limits: see `teamNameViolations`. */
export function teamNames(naming: NamingContext, team: string, accountId: string): TeamNames {
    const prefix = namePrefix(naming);
    const role = (kind: string) => `${prefix}-${team}-${kind}`;
    const bucket = (purpose: string) => `${prefix}-${team}-${purpose}-${accountId}`;
    return {
        // The environment is part of every path: two stacks in one account never share a path.
        rolePath: `/secure-ds/${prefix}/${team}/`,
        delegatedRolePath: `/secure-ds/${prefix}/${team}/delegated/`,
        roles: Object.fromEntries(TEAM_ROLE_KINDS.map((k) => [k, role(k)])) as Record<TeamRoleKind, string>,
        userRolePrefix: role("u-"),
        buckets: Object.fromEntries(TEAM_BUCKET_PURPOSES.map((p) => [p, bucket(p)])) as Record<TeamBucketPurpose, string>,
        policyPath: `/secure-ds/${prefix}/${team}/`,
        boundaryPolicy: `${prefix}-${team}-boundary`,
        guardrailPolicies: { "vpc-kms": `${prefix}-${team}-guardrails-vpc-kms`, "cost-tags": `${prefix}-${team}-guardrails-cost-tags` },
        keyAlias: `${prefix}-${team}`,
        parameterPath: `/secure-ds/${prefix}/${team}`,
        budget: `${prefix}-${team}`,
        dataLakeAccessPoint: `${prefix}-${team}-lake`,
        dataLakePrefix: `teams/${team}/`,
    };
}

/**
 * KMS alias suffixes of the platform's own keys (`<org>-<env>-<suffix>`), which share the alias
 * namespace of the team keys (`<org>-<env>-<team>`) when every layer is in one account. A team
 * name equal to one of them would make `pulumi up` fail on a duplicate alias.
 */
export const PLATFORM_KEY_ALIAS_SUFFIXES = [
    "codeartifact",
    "images",
    "package-pipeline",
    "package-notifications",
    "datalake",
    "detective-alerts",
    "audit-archive",
    "management-logs",
    "sharedServices-logs",
    "workload-logs",
] as const;

/**
 * Every physical name a team claims in the workload account (roles, per-user roles, buckets,
 * managed policies, key aliases including its Studio home key, budget, access point), so that two
 * teams can be checked for collisions before anything is registered.
 */
export function teamClaimedNames(naming: NamingContext, team: string, accountId: string, perUserRoleUsers: string[]): string[] {
    const n = teamNames(naming, team, accountId);
    return [
        ...Object.values(n.roles).map((r) => `role ${r}`),
        ...perUserRoleUsers.map((u) => `role ${userRoleName(naming, team, u)}`),
        ...Object.values(n.buckets).map((b) => `bucket ${b}`),
        `policy ${n.boundaryPolicy}`,
        ...Object.values(n.guardrailPolicies).map((p) => `policy ${p}`),
        `alias ${n.keyAlias}`,
        `alias ${n.keyAlias}-studio-home`,
        `budget ${n.budget}`,
        `access point ${n.dataLakeAccessPoint}`,
    ];
}

/** Per-user execution role name (when the team asks for per-user roles). */
export function userRoleName(naming: NamingContext, team: string, user: string): string {
    return `${namePrefix(naming)}-${team}-u-${user}`;
}

/** Name of the platform's shared data-lake bucket. */
export function dataLakeBucketName(naming: NamingContext, accountId: string): string {
    return `${namePrefix(naming)}-datalake-${accountId}`;
}

export interface NameViolation {
    /** "team" or "user": which config value is too long. */
    subject: "team" | "user";
    /** The team or user name that is too long. */
    value: string;
    /** The offending generated name. */
    name: string;
    /** What it names: "S3 bucket name", "IAM role name", ... */
    what: string;
    limit: number;
    /** Longest value of the subject that would fit. */
    maxSubjectLength: number;
}

/**
 * Every generated name of a team that overflows its AWS limit, with the longest team (or user)
 * name that would fit, so config errors can give the numbers.
 */
export function teamNameViolations(
    naming: NamingContext,
    accountId: string,
    team: string,
    options: { users?: string[]; perUserRoles?: boolean; dataLake?: boolean } = {},
): NameViolation[] {
    const names = teamNames(naming, team, accountId);
    const out: NameViolation[] = [];
    const check = (subject: "team" | "user", value: string, name: string, what: string, limit: number) => {
        if (name.length > limit) {
            out.push({ subject, value, name, what, limit, maxSubjectLength: value.length - (name.length - limit) });
        }
    };
    // Only the longest name of each kind matters: report it once.
    const longest = (list: string[]) => list.reduce((a, b) => (b.length > a.length ? b : a));
    check("team", team, longest(Object.values(names.buckets)), "S3 bucket name", NAME_LIMITS.bucket);
    check("team", team, longest(Object.values(names.roles)), "IAM role name", NAME_LIMITS.role);
    check("team", team, longest([names.boundaryPolicy, ...Object.values(names.guardrailPolicies)]), "IAM policy name", NAME_LIMITS.policy);
    if (options.dataLake) check("team", team, names.dataLakeAccessPoint, "S3 access point name", NAME_LIMITS.accessPoint);
    if (options.perUserRoles) {
        for (const user of options.users ?? []) {
            check("user", user, userRoleName(naming, team, user), "IAM role name", NAME_LIMITS.role);
        }
    }
    return out;
}
