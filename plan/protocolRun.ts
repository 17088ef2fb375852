/**
 * The plan as the CLI would make it: the program started through @pulumi/pulumi/cmd/run against
 * our engine, the pack started through cmd/run-policy-pack and judged over the Analyzer
 * protocol. Both start at once; their compile times overlap.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { explainPackFailure, openPackSession, PackSession } from "./analyzer/session";
import { Judge } from "./analyzer/judge";
import { openJudge, PackJudge } from "./analyzer/service";
import { CliRunResult, DIY_ORGANIZATION, runProgram, withEngine } from "./engine/cliRun";
import { Deployment } from "./engine/deployment";
import { PlanMode } from "./engine/outputs";
import { ProjectFile, readProjectFile, stackTags } from "./engine/project";
import { stackConfig } from "./engine/pulumiConfig";
import { serveEngine } from "./engine/server";
import { tsNodeCacheDir } from "./engine/tsCache";
import { PolicyConfigEntry, parsePackConfig } from "./packConfig";
import { REPO_ROOT } from "./stackConfig";
import { PlanProgress, ProgressListener } from "./progress";
import { displayPath } from "./text";
import { PlanFinding, PlanResource, PlanUndecided } from "./types";

export const PACK_DIR = path.join(REPO_ROOT, "policy-pack");

export interface Timings {
    /** Program spawn to exit: node start, ts-node compile, the program's registrations. */
    programMs: number;
    /** Pack spawn to its printed port: node start and ts-node compile of the pack. */
    packStartMs: number;
    /** After the program exited: the rest of Remediate and Analyze per resource (they overlap the program), and AnalyzeStack. */
    analyzeMs: number;
    totalMs: number;
}

export interface ProtocolRun {
    resources: PlanResource[];
    outputs: Record<string, unknown>;
    findings: PlanFinding[];
    undecided: PlanUndecided[];
    timings: Timings;
}

export interface ProtocolRunOptions {
    stack: string;
    /** The stack file's `config:` map. */
    config: Record<string, unknown>;
    mode: PlanMode;
    packConfigFile: string;
    /** The pack config to send instead of the file's content (the file with exemptions and selection merged in, plan/findings/packConfigMerge.ts). */
    packConfig?: Record<string, unknown>;
    controls: (policy: string) => string[];
    /** Extra environment for both processes (e.g. PULUMI_NODEJS_TRANSPILE_ONLY). */
    env?: Record<string, string>;
    /** Outputs of the stacks the program may reference, by stack name (plan/environment.ts). */
    stackReferences?: Record<string, Record<string, unknown>>;
    /** Told of registrations and analyses as they happen (plan/progress.ts). */
    onProgress?: ProgressListener;
}

export function readPackConfigFile(file: string): { raw: Record<string, unknown>; parsed: Record<string, PolicyConfigEntry> } {
    if (!fs.existsSync(file)) throw new Error(`policy pack config ${file} does not exist`);
    const text = fs.readFileSync(file, "utf8");
    const parsed = parsePackConfig(text, displayPath(file));
    return { raw: text.trim() === "" ? {} : (JSON.parse(text) as Record<string, unknown>), parsed };
}

interface PackOpen {
    project: ProjectFile;
    stack: string;
    mode: PlanMode;
    config: Record<string, string>;
    address: string;
    packConfig: Record<string, PolicyConfigEntry>;
    packConfigFile: string;
    env?: Record<string, string>;
}

function openPack(o: PackOpen): Promise<PackSession> {
    return openPackSession({
        packDir: PACK_DIR,
        engineAddress: o.address,
        organization: DIY_ORGANIZATION,
        project: o.project.name,
        stack: o.stack,
        dryRun: o.mode === "preview",
        config: o.config,
        tags: stackTags(o.project),
        packConfig: o.packConfig,
        packConfigFile: o.packConfigFile,
        env: o.env,
    });
}

/**
 * Waits for the pack session and the program together. Whichever fails first is the error: a
 * pack that refuses its config stops the program at once, and a pack started for a program that
 * failed is closed.
 */
async function both(pack: Promise<PackSession>, program: (signal: AbortSignal) => Promise<CliRunResult>): Promise<[PackSession, CliRunResult]> {
    const abort = new AbortController();
    let first: { error: unknown } | undefined;
    const fail = (error: unknown) => {
        first ??= { error };
        abort.abort();
        throw error;
    };
    const [p, r] = await Promise.allSettled([pack.catch(fail), program(abort.signal).catch(fail)]);
    if (p.status === "fulfilled" && r.status === "fulfilled") return [p.value, r.value];
    if (p.status === "fulfilled") p.value.close();
    throw (first as { error: unknown }).error;
}

export async function runThroughCli(opts: ProtocolRunOptions): Promise<ProtocolRun> {
    const started = Date.now();
    const project = readProjectFile(REPO_ROOT);
    const config = stackConfig(project.name, opts.config, project.config);
    const packConfigFile = displayPath(opts.packConfigFile);
    const pack = opts.packConfig
        ? { raw: opts.packConfig, parsed: parsePackConfig(JSON.stringify(opts.packConfig), packConfigFile) }
        : readPackConfigFile(opts.packConfigFile);
    const env = { TS_NODE_CACHE_DIRECTORY: tsNodeCacheDir(REPO_ROOT), ...opts.env };
    const engine = { project: project.name, stack: opts.stack, mode: opts.mode, config, stackReferences: opts.stackReferences };
    return withEngine(engine, async (deployment, address) => {
        // Analyze each resource as it registers, as the step generator does; those that arrive
        // before the pack is serving wait for it.
        let judge: Judge | undefined;
        const early: PlanResource[] = [];
        // Progress (plan/progress.ts): registrations while the program runs, then analyses answered.
        let registered = 0;
        let phase: PlanProgress["phase"] = "program";
        const report = () => opts.onProgress?.({ stack: opts.stack, phase, registered, analyzed: judge?.analyzed ?? 0 });
        deployment.onRegistered((r) => {
            registered++;
            if (judge) judge.schedule(r);
            else early.push(r);
            report();
        });
        // Analyses answer after registrations stop: a timer keeps the count moving while the pack works.
        const ticker = opts.onProgress ? setInterval(report, 500) : undefined;
        try {
            const packReady = openPack({ project, stack: opts.stack, mode: opts.mode, config, address, packConfig: pack.parsed, packConfigFile, env }).then(
                (s) => {
                    judge = new Judge(s, (urn) => deployment.records.get(urn), opts.controls);
                    for (const r of early.splice(0)) judge.schedule(r);
                    return s;
                },
            );
            const [session, run] = await both(packReady, (signal) =>
                runProgram(deployment, address, { project, stack: opts.stack, mode: opts.mode, config, env, signal }),
            );
            try {
                const programDone = Date.now();
                phase = "policies";
                report();
                const { findings, undecided } = await (judge as Judge).finish(run.resources).catch((err: unknown) => {
                    throw explainPackFailure(session.process, err);
                });
                phase = "done";
                report();
                return {
                    resources: run.resources,
                    outputs: run.outputs,
                    findings,
                    undecided,
                    timings: {
                        programMs: run.programMs,
                        packStartMs: session.process.startMs,
                        analyzeMs: Date.now() - programDone,
                        totalMs: Date.now() - started,
                    },
                };
            } finally {
                session.close();
            }
        } finally {
            if (ticker) clearInterval(ticker);
        }
    });
}

export interface SavedJudgeOptions {
    stack: string;
    /** The mode ConfigureStack is first sent for; each judgement names its own. */
    mode: PlanMode;
    /** The stack file's `config:` map. */
    stackFileConfig: Record<string, unknown>;
    packConfig: Record<string, PolicyConfigEntry>;
    packConfigFile: string;
    controls: (policy: string) => string[];
}

/**
 * A pack started once, with an engine serving it, that judges any number of saved resource
 * sets (plan/analyzer/service.ts). Close it to stop both.
 */
export async function openSavedJudge(o: SavedJudgeOptions): Promise<PackJudge> {
    const project = readProjectFile(REPO_ROOT);
    const config = stackConfig(project.name, o.stackFileConfig, project.config);
    const server = await serveEngine(new Deployment({ project: project.name, stack: o.stack, mode: o.mode, config }));
    try {
        const judge = await openJudge({
            packDir: PACK_DIR,
            engineAddress: server.address,
            organization: DIY_ORGANIZATION,
            project: project.name,
            stack: o.stack,
            mode: o.mode,
            config,
            tags: stackTags(project),
            packConfig: o.packConfig,
            packConfigFile: o.packConfigFile,
            env: { TS_NODE_CACHE_DIRECTORY: tsNodeCacheDir(REPO_ROOT) },
            controls: o.controls,
        });
        return {
            ...judge,
            close: async () => {
                await judge.close();
                await server.close();
            },
        };
    } catch (err) {
        await server.close();
        throw err;
    }
}

/** Judges saved resources with a freshly started pack (`npm run plan -- --evaluate`). */
export async function judgeSaved(
    stack: string,
    mode: PlanMode,
    stackFileConfig: Record<string, unknown>,
    resources: PlanResource[],
    packConfig: Record<string, PolicyConfigEntry>,
    packConfigFile: string,
    controls: (policy: string) => string[],
): Promise<{ findings: PlanFinding[]; undecided: PlanUndecided[] }> {
    const judge = await openSavedJudge({ stack, mode, stackFileConfig, packConfig, packConfigFile, controls });
    try {
        return await judge.judge(resources, mode);
    } finally {
        await judge.close();
    }
}
