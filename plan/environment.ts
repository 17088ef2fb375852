/**
 * The offline plan of an environment: a stack and every stack it reads through stack
 * references, planned in dependency order. Each upstream stack is planned as deployed (`up`):
 * a downstream `pulumi preview` reads the outputs of upstream stacks that are already deployed
 * (deployment order, docs/operations.md), never their preview. Its outputs answer the
 * downstream program's StackReference reads. The target is planned in the mode asked for.
 *
 * Stack policies that span accounts are then judged over the set: the union of every stack's
 * resources, through the pack's own server, with only those policies enabled. There the
 * platform's accounts are exactly the accounts the environment deploys into (each stack's
 * provider), with no configured trusted account: a grant to any other account fails.
 */
import { policies as packPolicies } from "../policy-pack/policies";
import { BuildPlanOptions, buildPlan } from "./buildPlan";
import { parsePackConfig } from "./packConfig";
import { judgeSaved } from "./protocolRun";
import { readStackConfigFile, stackConfigPath } from "./stackConfig";
import { Plan, PlanFinding, PlanMode, PlanResource } from "./types";
import * as fs from "node:fs";

/** Stack policies judged over the whole environment (they relate resources across accounts). */
export const ENVIRONMENT_POLICIES = ["resource-policy-platform-accounts-only"] as const;

/**
 * Stack policies that relate a team stack's resources to its workload base's (the VPC its
 * domains use, the bucket its buckets log to, the backup plan its selections join): a team
 * stack's own pack config disables them (policy-pack/config/<enforcement>-team-stack.json), and they are
 * judged here over the base and the team stack together.
 */
export const TEAM_STACK_BASE_POLICIES = ["isolated-vpc-no-internet-path", "s3-bucket-access-logging", "studio-home-backed-up"] as const;

export interface EnvironmentPlan {
    /** Upstream stacks first (dependency order), the target last. */
    plans: Plan[];
    /** Findings of ENVIRONMENT_POLICIES over the union of the plans' resources. */
    environmentFindings: PlanFinding[];
}

export class EnvironmentError extends Error {}

/** The upstream stack names a stack file names (`secure-ds:platform.stack.upstream`), raw. */
export function upstreamNames(config: Record<string, unknown>): string[] {
    const platform = config["secure-ds:platform"];
    const stack = platform && typeof platform === "object" ? (platform as { stack?: unknown }).stack : undefined;
    const upstream = stack && typeof stack === "object" ? (stack as { upstream?: unknown }).upstream : undefined;
    if (!upstream || typeof upstream !== "object") return [];
    return Object.values(upstream).filter((v): v is string => typeof v === "string");
}

/**
 * The local stack a reference names: `<stack>`, `<project>/<stack>` or
 * `<organization>/<project>/<stack>` of this project.
 */
export function localStackOf(reference: string, project: string): string {
    const parts = reference.split("/");
    const stack = parts[parts.length - 1] ?? reference;
    const refProject = parts.length >= 2 ? parts[parts.length - 2] : project;
    if (refProject !== project) {
        throw new EnvironmentError(`stack reference "${reference}" names project ${refProject}; the offline plan can only plan stacks of project ${project}`);
    }
    return stack;
}

export interface EnvironmentOptions extends Omit<BuildPlanOptions, "stack" | "config" | "stackReferences"> {
    /** The stack file of a stack (default: Pulumi.<stack>.yaml in the repository). */
    configOf?: (stack: string) => Record<string, unknown>;
}

const PROJECT = "secure-ds";

function defaultConfigOf(stack: string): Record<string, unknown> {
    const file = stackConfigPath(stack);
    if (!fs.existsSync(file)) throw new EnvironmentError(`stack reference names stack ${stack}, but ${file} does not exist`);
    return readStackConfigFile(file);
}

/** Upstream stacks in dependency order (each after the stacks it reads), the target last. */
export function dependencyOrder(target: string, configOf: (stack: string) => Record<string, unknown>): string[] {
    const order: string[] = [];
    const visiting: string[] = [];
    const visit = (stack: string) => {
        if (order.includes(stack)) return;
        if (visiting.includes(stack)) throw new EnvironmentError(`stack references form a cycle: ${[...visiting, stack].join(" -> ")}`);
        visiting.push(stack);
        for (const ref of upstreamNames(configOf(stack))) visit(localStackOf(ref, PROJECT));
        visiting.pop();
        order.push(stack);
    };
    visit(target);
    return order;
}

/** Plans `target` with every stack it references; see the module comment. */
export async function planEnvironment(target: string, options: EnvironmentOptions = {}): Promise<EnvironmentPlan> {
    const configOf = options.configOf ?? defaultConfigOf;
    const order = dependencyOrder(target, configOf);
    const outputsByStack = new Map<string, Record<string, unknown>>();
    const plans: Plan[] = [];
    for (const stack of order) {
        const config = configOf(stack);
        const stackReferences: Record<string, Record<string, unknown>> = {};
        for (const ref of upstreamNames(config)) {
            const outputs = outputsByStack.get(localStackOf(ref, PROJECT));
            if (outputs) stackReferences[ref] = outputs;
        }
        const mode: PlanMode = stack === target ? (options.mode ?? "up") : "up";
        const plan = await buildPlan({
            ...options,
            stack,
            config,
            mode,
            stackReferences,
            packConfigFile: stack === target ? options.packConfigFile : undefined,
        });
        outputsByStack.set(stack, plan.outputs);
        plans.push(plan);
    }
    const teamStack = order.some((stack) => isTeamStackConfig(configOf(stack)));
    const policies = teamStack ? [...ENVIRONMENT_POLICIES, ...TEAM_STACK_BASE_POLICIES] : ENVIRONMENT_POLICIES;
    return {
        plans,
        environmentFindings:
            plans.length > 1
                ? await judgeEnvironment(
                      plans.flatMap((p) => structuredClone(p.resources)),
                      policies,
                      declaredAccountIds(order.map(configOf)),
                  )
                : [],
    };
}

/** Whether a stack file builds layer teams (a team stack). */
export function isTeamStackConfig(config: Record<string, unknown>): boolean {
    const platform = config["secure-ds:platform"] as { stack?: { layers?: unknown } } | undefined;
    return Array.isArray(platform?.stack?.layers) && platform.stack.layers.includes("teams");
}

const CONTROLS = new Map(packPolicies.map((p) => [p.name, p.controls]));

/**
 * The platform's accounts as the planned stacks' configs declare them (`accounts.<role>.accountId`).
 * A set without the workload stack (shared-services with its upstream) still grants to the
 * workload account: declared there, it is the platform's, like the union's own accounts.
 */
export function declaredAccountIds(configs: Record<string, unknown>[]): string[] {
    const ids = configs.flatMap((config) => {
        const accounts = (config["secure-ds:platform"] as { accounts?: Record<string, { accountId?: unknown } | undefined> } | undefined)?.accounts ?? {};
        return Object.values(accounts).flatMap((a) => (typeof a?.accountId === "string" ? [a.accountId] : []));
    });
    return [...new Set(ids)].sort();
}

/**
 * `policies` (default ENVIRONMENT_POLICIES) over the union of several stacks' resources, through
 * the pack's server. The cross-account policies trust the union's accounts and `trustedAccountIds`
 * (the accounts the stacks' configs declare), not the hand-kept list of the pack config.
 */
export async function judgeEnvironment(
    union: PlanResource[],
    policies: readonly string[] = ENVIRONMENT_POLICIES,
    trustedAccountIds: readonly string[] = [],
): Promise<PlanFinding[]> {
    const packConfig = {
        all: "disabled",
        ...Object.fromEntries(
            policies.map((p) => [
                p,
                (ENVIRONMENT_POLICIES as readonly string[]).includes(p)
                    ? { enforcementLevel: "mandatory", trustedAccountIds: [...trustedAccountIds] }
                    : "mandatory",
            ]),
        ),
    };
    const source = "(environment judgement: the union of the stacks)";
    const { findings } = await judgeSaved(
        "environment",
        "up",
        {},
        union,
        parsePackConfig(JSON.stringify(packConfig), source),
        source,
        (p) => CONTROLS.get(p) ?? [],
    );
    return findings;
}

/**
 * Several stacks' plans as one (resources concatenated, the last plan's outputs and summary):
 * for checks that follow documents across accounts, e.g. an SCP of the management stack over a
 * role of the workload stack. URNs stay unique: each names its stack.
 */
export function unionPlan(plans: Plan[], label: string): Plan {
    const last = plans[plans.length - 1];
    if (!last) throw new Error("unionPlan: no plans");
    return { ...last, stack: label, resources: plans.flatMap((p) => p.resources) };
}

/** The stacks of an organisation that no stack references (e.g. management) but whose documents bind the target. */
export const ORGANIZATION_ROOTS: Record<string, string[]> = { prod: ["management"] };

/** The target's environment plus the organisation's root stacks, as one plan (see unionPlan). */
export async function planOrganization(target: string, options: EnvironmentOptions = {}): Promise<Plan> {
    const environment = await planEnvironment(target, options);
    const roots: Plan[] = [];
    for (const stack of ORGANIZATION_ROOTS[target] ?? []) {
        roots.push(await buildPlan({ ...options, stack, config: (options.configOf ?? defaultConfigOf)(stack), mode: "up" }));
    }
    return unionPlan([...roots, ...environment.plans], `${target} (with its organisation's stacks)`);
}
