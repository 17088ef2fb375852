/**
 * The platform config: one typed, validated object read from the stack key `secure-ds:platform`.
 *
 * Validation happens before any resource is registered, so a bad config creates nothing. Every
 * problem is reported as one line that names the key path, what was found and what is
 * expected, e.g.
 *   secure-ds:platform.teams[1].users[0].role: "superuser" is not one of admin, scientist
 */
import * as pulumi from "@pulumi/pulumi";
import { z } from "zod";
import { PLATFORM_TEAM } from "../components/guardrails/teamScope";
import { MandatoryTagKey } from "../components/tags";
import { accessSchema, refineAccess } from "./schema/access";
import { accountsSchema, AccountConfig, AccountRole } from "./schema/accounts";
import { dnsName } from "./schema/common";
import { governanceSchema, refineGovernance } from "./schema/governance";
import { networkSchema, refineNetwork } from "./schema/network";
import { networkHubSchema, refineHubReference, refineNetworkHubLayer } from "./schema/networkHub";
import { packagesSchema, refinePackages, refineToolchainImage } from "./schema/packages";
import { quotasSchema, refineQuotas } from "./schema/quotas";
import { studioCrossChecks, studioSchema } from "./schema/studio";
import { teamCrossChecks, teamSchema } from "./schema/teams";
import { Layer, refineStack, stackLayers, stackSchema } from "./schema/stack";
import { refineTeamStack } from "./schema/teamStackConfig";
import { didYouMean, IssuePath, knownKeysAt, namespaceTypos, uniqueSorted } from "./configIssues";

const CONFIG_NAMESPACE = "secure-ds";
const CONFIG_KEY = "platform";
const KEY_PREFIX = `${CONFIG_NAMESPACE}:${CONFIG_KEY}`;

/** The environments a stack can be; also the values the organisation's tag policy allows for `environment`. */
export const ENVIRONMENTS = ["dev", "test", "prod"] as const;

const tagsSchema = z.strictObject({
    /** Who answers for the platform: a team or mailbox. */
    owner: z.string().min(1, { message: "is empty; name the owning team or mailbox" }),
    /** Cost center charged for the platform. */
    "cost-center": z.string().min(1, { message: "is empty; name the cost center" }),
    /** Further tags applied to every resource. */
    extra: z.record(z.string(), z.string()).default({}),
});

export const platformSchema = z
    .strictObject({
        /** Short organisation name, prefixed to every resource name. */
        organization: dnsName(12, "organization name"),
        /** Environment: dev, test or prod. */
        environment: z.enum(ENVIRONMENTS),
        /** AWS region of every layer, e.g. eu-west-1. */
        region: z.string().regex(/^[a-z]{2}(-gov)?-[a-z]+-\d$/, { message: "is not an AWS region name such as eu-west-1" }),
        /** AWS partition. Default aws. */
        partition: z.enum(["aws", "aws-cn", "aws-us-gov"]).default("aws"),
        /** Availability zone names (from config, never looked up): one isolated subnet each. */
        availabilityZones: z
            .array(z.string().regex(/^[a-z]{2}(-gov)?-[a-z]+-\d[a-z]$/, { message: "is not an availability zone name such as eu-west-1a" }))
            .min(2, { message: "has fewer than 2 zones; SageMaker Studio in VpcOnly mode needs subnets in at least 2" })
            .max(6, { message: "has more than 6 zones" }),
        /** AWS Organizations id (o-...), used to scope endpoint and resource policies. Optional. */
        organizationId: z
            .string()
            .regex(/^o-[a-z0-9]{10,32}$/, { message: "is not an AWS Organizations id such as o-a1b2c3d4e5" })
            .optional(),
        accounts: accountsSchema,
        /** What this stack builds and which stacks it reads (one account per stack). */
        stack: stackSchema.default(() => stackSchema.parse({})),
        /** The data VPC. Required when the stack builds the workload layer. */
        network: networkSchema.optional(),
        /** The network account's transit gateway hub (layer networkHub). Default: AWS's ASN, shared with the workload account. */
        networkHub: networkHubSchema.default(() => networkHubSchema.parse({})),
        studio: studioSchema.default(() => studioSchema.parse({})),
        /** The teams and their users. At least one when the stack builds the workload layer. */
        teams: z.array(teamSchema).default([]),
        packages: packagesSchema.default(() => packagesSchema.parse({})),
        governance: governanceSchema.default(() => governanceSchema.parse({})),
        /** How users reach Studio besides the console: the SAML presigned-URL broker. Default none. */
        access: accessSchema.default(() => accessSchema.parse({})),
        tags: tagsSchema,
        /** Applied values of raised account quotas (stacks/schema/quotas.ts). Default none: the defaults apply. */
        quotas: quotasSchema.default({}),
        /** Default enforcement of the policy pack. Default: advisory in dev, mandatory otherwise. */
        policyEnforcement: z.enum(["advisory", "mandatory"]).optional(),
    })
    .superRefine((cfg, ctx) => {
        // `complete`: the message already names the found value (zod would attach the whole object as input).
        const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: "custom", path, message, params: { complete: true } });
        const layers = stackLayers(cfg);
        refineGovernance(cfg, layers.includes("organization"), issue);
        if (layers.includes("workload")) {
            if (!cfg.network) issue(["network"], "missing; the workload layer builds the data VPC from it (see docs/configuration.md)");
            // A base whose teams all live in team stacks declares their budget instead.
            if (cfg.teams.length === 0 && !cfg.stack.teamStacks) {
                issue(["teams"], "is empty; the workload layer needs at least one team, or stack.teamStacks when the teams live in team stacks");
            }
        }
        if (layers.includes("teams")) refineTeamStack(cfg, issue);
        if (layers.includes("networkHub")) refineNetworkHubLayer(cfg, organizationTrailConfigured(cfg), issue);
        if (layers.includes("workload")) refineHubReference(cfg, issue);
        refineAccess(cfg, layers, issue);
        const network = cfg.network;
        if (network) {
            refineNetwork({ ...cfg, network }, issue);
            refinePackages({ ...cfg, network }, issue);
        }
        if (layers.includes("sharedServices")) refineToolchainImage(cfg, issue);
        // The predicted uses are the workload account's (teams, profiles, the detective Lambda): only a stack that builds it.
        if (layers.includes("workload")) refineQuotas(cfg, issue);
        // A team stack builds neither the detective Lambda nor the trail (its base does): only its teams' uses.
        if (layers.includes("teams")) {
            const governance = { ...cfg.governance, detectiveControls: false, trail: { ...cfg.governance.trail, s3DataEvents: false } };
            refineQuotas({ ...cfg, governance }, issue);
        }
        cfg.availabilityZones.forEach((az, i) => {
            if (!az.startsWith(cfg.region)) {
                issue(["availabilityZones", i], `"${az}" is not in region ${cfg.region}; use zones of the configured region`);
            }
            if (cfg.availabilityZones.indexOf(az) !== i) {
                issue(["availabilityZones", i], `"${az}" is listed twice; each zone gets one subnet`);
            }
        });
        const expectedPartition = cfg.region.startsWith("cn-") ? "aws-cn" : cfg.region.includes("-gov-") ? "aws-us-gov" : "aws";
        if (cfg.partition !== expectedPartition) {
            issue(["partition"], `"${cfg.partition}" does not match region ${cfg.region}; use ${expectedPartition}`);
        }
        refineStack(cfg, issue);
        for (const layer of Object.keys(cfg.accounts) as AccountRole[]) {
            const account = cfg.accounts[layer];
            if (!account) continue;
            const arns = [account.assumeRoleArn, ...(account.adminRoleArns ?? []), account.breakGlassRoleArn].filter((a): a is string => a !== undefined);
            arns.forEach((arn) => {
                const [, partition, , , acct] = arn.split(":");
                if (partition !== cfg.partition) {
                    issue(["accounts", layer], `role ${arn} is in partition ${partition}, not ${cfg.partition}`);
                }
                if (acct !== account.accountId) {
                    issue(["accounts", layer], `role ${arn} belongs to account ${acct}, not the ${layer} account ${account.accountId}`);
                }
            });
            if (!account.assumeRoleArn && !account.adminRoleArns) {
                issue(["accounts", layer, "adminRoleArns"], "missing; set assumeRoleArn or adminRoleArns so the account's KMS keys have an administrator");
            }
            if (account.breakGlassRoleArn === account.assumeRoleArn) {
                issue(["accounts", layer, "breakGlassRoleArn"], "is the assume-role; name a separate role, or losing the deployer loses key management");
            }
        }
        if (network) studioCrossChecks({ ...cfg, network }, issue);
        teamCrossChecks(cfg, issue);
        const teamIndex = new Map<string, number>();
        const userIndex = new Map<string, string>();
        cfg.teams.forEach((team, t) => {
            const first = teamIndex.get(team.name);
            if (first !== undefined) {
                issue(["teams", t, "name"], `"${team.name}" is already the name of teams[${first}]; team names must be unique`);
            } else {
                teamIndex.set(team.name, t);
            }
            team.users.forEach((user, u) => {
                const owner = userIndex.get(user.name);
                if (owner !== undefined) {
                    issue(
                        ["teams", t, "users", u, "name"],
                        `"${user.name}" is already a user of ${owner}; user names are Studio profile names and must be unique across the platform`,
                    );
                } else {
                    userIndex.set(user.name, `team ${team.name}`);
                }
            });
        });
    });

/** The organisation trail's inputs (stacks/governanceLayer.ts organizationTrailOf): the organisation, its management account and a log archive. */
function organizationTrailConfigured(cfg: { organizationId?: string; accounts: { management?: unknown; logArchive?: unknown } }): boolean {
    return cfg.organizationId !== undefined && cfg.accounts.management !== undefined && cfg.accounts.logArchive !== undefined;
}

export type PlatformConfig = z.infer<typeof platformSchema>;

/** The config of a stack that builds the workload layer: validation guarantees its network. */
export type WorkloadConfig = PlatformConfig & { network: NonNullable<PlatformConfig["network"]> };

export function workloadConfig(cfg: PlatformConfig): WorkloadConfig {
    const network = cfg.network;
    if (!network) throw new PlatformConfigError([`${KEY_PREFIX}.network: missing; the workload layer builds the data VPC from it (see docs/configuration.md)`]);
    return { ...cfg, network };
}

/** A config problem: its message is the one line a user needs; never shown with a stack trace. */
export class PlatformConfigError extends Error {
    /**
     * @param problems one line per problem
     * @param paths the key path below `secure-ds:platform` of each problem, where known (to point at the stack file's line)
     */
    constructor(
        readonly problems: string[],
        readonly paths: (IssuePath | undefined)[] = [],
    ) {
        super(problems.join("\n"));
        this.name = "PlatformConfigError";
    }
}

function describeValue(value: unknown): string {
    if (value === undefined) return "missing";
    const json = JSON.stringify(value);
    return json.length > 60 ? `${json.slice(0, 57)}...` : json;
}

function formatPath(path: readonly PropertyKey[]): string {
    return path.reduce<string>((acc, part) => (typeof part === "number" ? `${acc}[${part}]` : `${acc}.${String(part)}`), KEY_PREFIX);
}

/** Turns one zod issue into "<key path>: <found> <expected>" lines (one per unknown key), with their paths. */
function formatIssue(issue: z.core.$ZodIssue): { path: IssuePath; line: string }[] {
    if (issue.code === "unrecognized_keys") {
        const known = knownKeysAt(platformSchema, issue.path);
        return issue.keys.map((key) => {
            const path = [...issue.path, key];
            const hint = didYouMean(key, known);
            return { path, line: `${formatPath(path)}: unknown key; ${hint || `expected one of ${known.join(", ")}`} (docs/configuration.md)` };
        });
    }
    return [{ path: issue.path, line: formatIssueLine(issue) }];
}

function formatIssueLine(issue: z.core.$ZodIssue): string {
    const at = formatPath(issue.path);
    const input = "input" in issue ? issue.input : undefined;
    switch (issue.code) {
        case "invalid_type":
            return input === undefined
                ? `${at}: missing; expected ${issue.expected === "object" ? "a section" : `a ${issue.expected}`} (see docs/configuration.md)`
                : `${at}: ${describeValue(input)} is a ${Array.isArray(input) ? "list" : typeof input}; expected a ${issue.expected}`;
        case "invalid_value":
            return `${at}: ${describeValue(input)} is not one of ${issue.values.map(String).join(", ")}`;
        case "custom":
            // Cross-field refinements write complete sentences; field refinements complete "<found> ...".
            // A section-level refinement gets the whole section as input: its message must stand alone.
            return input === undefined || typeof input === "object" || issue.params?.complete === true
                ? `${at}: ${issue.message}`
                : `${at}: ${describeValue(input)} ${issue.message}`;
        default:
            return `${at}: ${describeValue(input)} ${issue.message}`;
    }
}

/** Validates a raw config object. Throws PlatformConfigError listing every problem. */
export function parsePlatformConfig(raw: unknown): PlatformConfig {
    const result = platformSchema.safeParse(raw, { reportInput: true });
    if (!result.success) {
        // Each problem once (a refinement may meet the same fault twice), in key-path order.
        const problems = uniqueSorted(result.error.issues.flatMap(formatIssue));
        throw new PlatformConfigError(
            problems.map((p) => p.line),
            problems.map((p) => p.path),
        );
    }
    return result.data;
}

/**
 * The error for a stack config without `secure-ds:platform`: names a key that looks like it
 * misspelt (`secure-ds:platfrom`), else says where to set it. `keys` are the config's keys.
 */
export function missingPlatformConfig(keys: readonly string[]): PlatformConfigError {
    const typos = namespaceTypos(keys, KEY_PREFIX);
    if (typos.length > 0) {
        return new PlatformConfigError(
            typos.map((k) => `${k}: unknown config key; did you mean "${KEY_PREFIX}"? (the platform config is read from ${KEY_PREFIX} only)`),
        );
    }
    return new PlatformConfigError([`${KEY_PREFIX}: missing; set it in Pulumi.<stack>.yaml (see docs/configuration.md)`]);
}

/** Reads and validates `secure-ds:platform` from the stack config. */
export function loadPlatformConfig(config: pulumi.Config = new pulumi.Config(CONFIG_NAMESPACE)): PlatformConfig {
    const raw = config.getObject<unknown>(CONFIG_KEY);
    if (raw === undefined) throw missingPlatformConfig(Object.keys(pulumi.runtime.allConfig()));
    return parsePlatformConfig(raw);
}

/** Effective default enforcement of the policy pack for this stack. */
export function policyEnforcement(cfg: PlatformConfig): "advisory" | "mandatory" {
    return cfg.policyEnforcement ?? (cfg.environment === "dev" ? "advisory" : "mandatory");
}

/**
 * Administrators of a layer's customer keys. The deploying role is always one of them: KMS
 * rejects a key policy that would lock its creator out (the PutKeyPolicy lockout safety check),
 * and the next `pulumi up` must be able to update the policy. The account's break-glass role is
 * always another, so no key has fewer than two administrators.
 */
export function keyAdministrators(account: AccountConfig): string[] {
    const withBreakGlass = (admins: string[]) => (admins.includes(account.breakGlassRoleArn) ? admins : [...admins, account.breakGlassRoleArn]);
    if (account.adminRoleArns) {
        const deployer = account.assumeRoleArn;
        return withBreakGlass(deployer && !account.adminRoleArns.includes(deployer) ? [deployer, ...account.adminRoleArns] : account.adminRoleArns);
    }
    if (account.assumeRoleArn) return withBreakGlass([account.assumeRoleArn]);
    // Unreachable after validation; kept so a caller bypassing validation gets a clear message.
    throw new PlatformConfigError([`${KEY_PREFIX}.accounts: an account has neither adminRoleArns nor assumeRoleArn`]);
}

/** The mandatory tags (components/tags.ts) for a resource of `team` (PLATFORM_TEAM for shared resources), after the extra ones. */
export function mandatoryTags(cfg: PlatformConfig, team = PLATFORM_TEAM): Record<string, string> {
    const mandatory: Record<MandatoryTagKey, string> = {
        team,
        environment: cfg.environment,
        owner: cfg.tags.owner,
        "cost-center": cfg.tags["cost-center"],
    };
    return {
        ...cfg.tags.extra,
        ...mandatory,
    };
}

export type { Layer, AccountConfig, AccountRole };
