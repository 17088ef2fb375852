/**
 * The offline plan of a workload base and its team stacks (layer `teams`): the base first, with
 * the stacks it reads (planEnvironment, as deployed), then the team stacks, N at a time, each in
 * its own worker process (plan/teamStackWorker.ts) that plans it as every stack is planned
 * (program through cmd/run, pack through run-policy-pack), its `workloadBase` reference answered
 * from the base's plan outputs. Team stacks do not read each other, so their order is free.
 *
 * What only the set shows is checked here: a team or user name in two stacks, the team stacks'
 * teams and users against the base's budget (`stack.teamStacks`), and the account's quotas
 * (domains, profiles, roles, ...) counted over the base and every team stack together.
 */
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { performance } from "node:perf_hooks";
import { QuotaPlanRow, quotaRefusal } from "../components/network/quotaPlanner";
import { EnvironmentError, EnvironmentOptions, EnvironmentPlan, localStackOf, planEnvironment } from "./environment";
import { readPlanFile, writePlanFile } from "./planFile";
import { quotaPlan } from "./quotas";
import { readStackConfigFile } from "./stackConfig";
import { TeamStackJob } from "./teamStackWorker";
import { Plan, PlanMode } from "./types";

const PROJECT = "secure-ds";
const REPO_ROOT = path.resolve(__dirname, "..");

export interface TeamStackFile {
    stack: string;
    config: Record<string, unknown>;
}

interface PlatformView {
    region?: string;
    teams?: { name: string; users?: { name: string }[] }[];
    stack?: { layers?: string[]; upstream?: { workloadBase?: string } };
    quotas?: Record<string, number>;
}

const platformOf = (config: Record<string, unknown>): PlatformView => (config["secure-ds:platform"] ?? {}) as PlatformView;

/** Whether a stack file is a team stack on `base`: layers [teams] and upstream.workloadBase naming it. */
export function isTeamStackOf(config: Record<string, unknown>, base: string): boolean {
    const stack = platformOf(config).stack;
    const ref = stack?.upstream?.workloadBase;
    return stack?.layers?.length === 1 && stack.layers[0] === "teams" && ref !== undefined && localStackOf(ref, PROJECT) === base;
}

/** The team stacks on `base` among the `Pulumi.<stack>.yaml` files of `dir`, by stack name. */
export function discoverTeamStacks(dir: string, base: string): TeamStackFile[] {
    if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory())
        throw new EnvironmentError(`--team-stacks ${dir}: not a directory of Pulumi.<stack>.yaml files`);
    return fs
        .readdirSync(dir)
        .map((f) => /^Pulumi\.(.+)\.ya?ml$/.exec(f))
        .filter((m): m is RegExpExecArray => m !== null)
        .map((m) => ({ stack: m[1] as string, config: readStackConfigFile(path.join(dir, m[0])) }))
        .filter((s) => isTeamStackOf(s.config, base))
        .sort((a, b) => a.stack.localeCompare(b.stack));
}

/** Team and user names in more than one stack, and the team stacks' sum against the base's budget. */
export function crossStackProblems(base: { stack: string; config: Record<string, unknown> }, teamStacks: TeamStackFile[]): string[] {
    const problems: string[] = [];
    const teamHome = new Map<string, string>();
    const userHome = new Map<string, string>();
    const claim = (stack: string, teams: PlatformView["teams"]) => {
        for (const team of teams ?? []) {
            const other = teamHome.get(team.name);
            if (other !== undefined) problems.push(`team ${team.name} is in stacks ${other} and ${stack}; a team lives in one stack only`);
            else teamHome.set(team.name, stack);
            for (const user of team.users ?? []) {
                const owner = userHome.get(user.name);
                if (owner !== undefined)
                    problems.push(`user ${user.name} is in ${owner} and in team ${team.name} of ${stack}; user names must be unique across the platform`);
                else userHome.set(user.name, `team ${team.name} of ${stack}`);
            }
        }
    };
    claim(base.stack, platformOf(base.config).teams);
    for (const s of teamStacks) claim(s.stack, platformOf(s.config).teams);
    const budget = (platformOf(base.config).stack as { teamStacks?: { teams: number; users: number } } | undefined)?.teamStacks;
    const teams = teamStacks.flatMap((s) => platformOf(s.config).teams ?? []);
    const users = teams.reduce((n, t) => n + (t.users?.length ?? 0), 0);
    if (budget && teams.length > budget.teams) {
        problems.push(
            `the team stacks hold ${teams.length} teams, above the budget of ${budget.teams} (${base.stack}: stack.teamStacks.teams); raise it in ${base.stack} first`,
        );
    }
    if (budget && users > budget.users) {
        problems.push(
            `the team stacks hold ${users} users, above the budget of ${budget.users} (${base.stack}: stack.teamStacks.users); raise it in ${base.stack} first`,
        );
    }
    return problems;
}

export interface TeamStacksOptions extends Pick<EnvironmentOptions, "env"> {
    /** The workload base stack. */
    base: string;
    /** Its stack file and its upstream stacks' (default: Pulumi.<stack>.yaml in the repository). */
    configOf?: (stack: string) => Record<string, unknown>;
    teamStacks: TeamStackFile[];
    /** Team stacks planned at once, each in its own process. */
    workers: number;
    /** Mode of the team stacks' plans (the base is planned as deployed). Default preview. */
    mode?: PlanMode;
    /** Called with each team stack's plan as it completes. */
    onPlan?: (plan: Plan, ms: number) => void;
}

export interface TeamStackTiming {
    stack: string;
    ms: number;
}

export interface TeamStacksPlan {
    base: EnvironmentPlan;
    teamStacks: Plan[];
    /** Wall time of each team stack's worker, in completion order. */
    timings: TeamStackTiming[];
    baseMs: number;
    teamStacksMs: number;
    /** The account's quotas over the base and every team stack. */
    accountQuotas: QuotaPlanRow[];
    /** Cross-stack problems (names twice, budget, account quotas exceeded); any fails the plan. */
    problems: string[];
}

export class TeamStackPlanError extends Error {}

/** Plans one team stack in a worker process; rejects with the worker's message. */
function planInWorker(job: TeamStackJob, dir: string): Promise<Plan> {
    const jobFile = path.join(dir, `${job.stack}.job.json`);
    const planFile = path.join(dir, `${job.stack}.plan.json`);
    fs.writeFileSync(jobFile, JSON.stringify(job));
    const tsx = path.join(REPO_ROOT, "node_modules", "tsx", "dist", "cli.mjs");
    return new Promise((resolve, reject) => {
        const child = spawn(process.execPath, [tsx, path.join(__dirname, "teamStackWorker.ts"), jobFile, planFile], {
            cwd: REPO_ROOT,
            stdio: ["ignore", "ignore", "pipe"],
        });
        let stderr = "";
        child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
        child.on("error", reject);
        child.on("close", (code) => {
            if (code !== 0) {
                reject(new TeamStackPlanError(`team stack ${job.stack}: ${stderr.trim() || `worker exited with ${String(code)}`}`));
                return;
            }
            const plan = readPlanFile(planFile);
            fs.rmSync(jobFile);
            fs.rmSync(planFile);
            resolve(plan);
        });
    });
}

/** Runs `task` over `items`, at most `limit` at once; results in input order. */
async function pool<T, R>(items: T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
    const results: R[] = new Array<R>(items.length);
    let next = 0;
    const lane = async () => {
        while (next < items.length) {
            const i = next++;
            results[i] = await task(items[i] as T);
        }
    };
    await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, lane));
    return results;
}

/** The base, then its team stacks in parallel; see the module comment. */
export async function planTeamStacks(options: TeamStacksOptions): Promise<TeamStacksPlan> {
    if (!Number.isInteger(options.workers) || options.workers < 1)
        throw new EnvironmentError(`--workers must be a whole number of at least 1, not ${options.workers}`);
    const configOf = options.configOf ?? ((stack: string) => readStackConfigFile(path.join(REPO_ROOT, `Pulumi.${stack}.yaml`)));
    const baseConfig = configOf(options.base);
    const problems = crossStackProblems({ stack: options.base, config: baseConfig }, options.teamStacks);
    const start = performance.now();
    const base = await planEnvironment(options.base, { configOf, env: options.env, mode: "up" });
    const baseMs = performance.now() - start;
    const basePlan = base.plans[base.plans.length - 1] as Plan;
    const dir = fs.mkdtempSync(path.join(process.env.TMPDIR ?? "/tmp", "team-stacks-"));
    const basePlanFile = path.join(dir, `${options.base}.base.json`);
    writePlanFile(basePlanFile, basePlan);
    const timings: TeamStackTiming[] = [];
    const teamStart = performance.now();
    try {
        const plans = await pool(options.teamStacks, options.workers, async (s) => {
            const ref = platformOf(s.config).stack?.upstream?.workloadBase as string;
            const t0 = performance.now();
            const plan = await planInWorker(
                {
                    stack: s.stack,
                    config: s.config,
                    stackReferences: { [ref]: basePlan.outputs },
                    mode: options.mode ?? "preview",
                    env: options.env,
                    basePlanFile,
                },
                dir,
            );
            const ms = performance.now() - t0;
            timings.push({ stack: s.stack, ms });
            options.onPlan?.(plan, ms);
            return plan;
        });
        const teamStacksMs = performance.now() - teamStart;
        const declared = platformOf(baseConfig).quotas ?? {};
        const workloadAccount = (basePlan.outputs.account as { id?: string } | undefined)?.id;
        const accountResources = [basePlan, ...plans].flatMap((p) => p.resources).filter((r) => r.account === workloadAccount);
        const accountQuotas = quotaPlan(accountResources, declared);
        const region = platformOf(baseConfig).region ?? "";
        for (const q of accountQuotas.filter((row) => row.exceeded)) {
            problems.push(`the base and its team stacks together: ${quotaRefusal(q, region)} (declare it under quotas in ${options.base})`);
        }
        return { base, teamStacks: plans, timings, baseMs, teamStacksMs, accountQuotas, problems };
    } finally {
        fs.rmSync(dir, { recursive: true, force: true });
    }
}
