/**
 * Runs the program through the SDK's own entry point, as pulumi-language-nodejs does it
 * (main.go constructArguments and execRuntime): `node <@pulumi/pulumi/cmd/run> --monitor …
 * --engine … --organization … --project … --root-directory … --stack … --pwd <dir of main>
 * [--dry-run] --parallel N <entry>`, with the stack config in PULUMI_CONFIG and the
 * typescript/tsconfig runtime options as PULUMI_NODEJS_TYPESCRIPT / PULUMI_NODEJS_TSCONFIG_PATH.
 * The monitor is ours (monitor.ts).
 */
import { spawn } from "node:child_process";
import * as os from "node:os";
import { Deployment, DeploymentOptions, Diagnostic, EngineCall } from "./deployment";
import { inheritAccounts } from "./accounts";
import { profileArgs } from "./profiling";
import { PlanMode } from "./outputs";
import { ProjectFile } from "./project";
import { pulumiConfigEnv } from "./pulumiConfig";
import { serveEngine } from "./server";
import { PlanResource } from "../types";

/** A DIY backend's organization is always "organization" (pkg/backend/diy). */
export const DIY_ORGANIZATION = "organization";

export interface CliRunOptions {
    project: ProjectFile;
    stack: string;
    mode: PlanMode;
    /** The engine's config map (`<namespace>:<key>` → string), see pulumiConfig.ts. */
    config: Record<string, string>;
    /** Extra environment, e.g. PULUMI_NODEJS_TRANSPILE_ONLY. */
    env?: Record<string, string>;
    /** Stops the program (e.g. when the pack refused its config). */
    signal?: AbortSignal;
}

export interface CliRunResult {
    resources: PlanResource[];
    outputs: Record<string, unknown>;
    diagnostics: Diagnostic[];
    calls: EngineCall[];
    /** Milliseconds from spawn to exit. */
    programMs: number;
}

export class ProgramFailedError extends Error {
    constructor(
        message: string,
        readonly diagnostics: Diagnostic[],
        readonly stderr: string,
    ) {
        super(message);
    }
}

export class CloudCallError extends Error {
    constructor(readonly calls: EngineCall[]) {
        super(
            `the program made ${calls.length} provider call(s) (${[...new Set(calls.map((c) => `${c.kind} ${c.token}`))].join(", ")}); ` +
                "secure-ds must plan without credentials: take account ids, regions and zones from config",
        );
    }
}

/** `@pulumi/pulumi/<module>` as node resolves it from the program's directory (main.go locateModule). */
export function locateSdkModule(module: string, fromDir: string): string {
    return require.resolve(`@pulumi/pulumi/${module}`, { paths: [fromDir] });
}

export function languageHostArgs(opts: CliRunOptions, address: string): string[] {
    const p = opts.project;
    const args = [locateSdkModule("cmd/run", p.pwd)];
    const add = (k: string, v: string) => {
        if (v !== "") args.push(`--${k}`, v);
    };
    add("monitor", address);
    add("engine", address);
    add("organization", DIY_ORGANIZATION);
    add("project", p.name);
    add("root-directory", p.root);
    add("stack", opts.stack);
    add("pwd", p.pwd);
    if (opts.mode === "preview") args.push("--dry-run");
    // The CLI's default --parallel is GOMAXPROCS × 4 (operations/up.go defaultParallel).
    add("parallel", String(os.availableParallelism() * 4));
    args.push(p.entry);
    return args;
}

export function languageHostEnv(opts: CliRunOptions): NodeJS.ProcessEnv {
    const env: NodeJS.ProcessEnv = { ...process.env, ...opts.env };
    env.PULUMI_CONFIG = pulumiConfigEnv(opts.config);
    env.PULUMI_CONFIG_SECRET_KEYS = "[]";
    if (opts.project.typescript) env.PULUMI_NODEJS_TYPESCRIPT = "true";
    if (opts.project.tsconfig) env.PULUMI_NODEJS_TSCONFIG_PATH = opts.project.tsconfig;
    return env;
}

function splitArgs(value: string | undefined): string[] {
    return value ? value.split(/\s+/).filter((a) => a !== "") : [];
}

/** Serves a fresh Deployment for the duration of `fn`. */
export async function withEngine<T>(options: DeploymentOptions, fn: (deployment: Deployment, address: string) => Promise<T>): Promise<T> {
    const deployment = new Deployment(options);
    const server = await serveEngine(deployment);
    try {
        return await fn(deployment, server.address);
    } finally {
        await server.close();
    }
}

/** Runs the program against a served Deployment and returns what it registered. */
export async function runProgram(deployment: Deployment, address: string, opts: CliRunOptions): Promise<CliRunResult> {
    const started = Date.now();
    const { code, stderr } = await new Promise<{ code: number | null; stderr: string }>((resolve, reject) => {
        const child = spawn(process.execPath, [...splitArgs(opts.project.nodeargs), ...profileArgs("program"), ...languageHostArgs(opts, address)], {
            cwd: opts.project.pwd,
            env: languageHostEnv(opts),
            stdio: ["ignore", "pipe", "pipe"],
            signal: opts.signal,
        });
        let err = "";
        child.stdout.on("data", () => undefined);
        child.stderr.on("data", (d: Buffer) => (err += d.toString()));
        child.on("error", reject);
        child.on("close", (c) => resolve({ code: c, stderr: err }));
    });
    const programMs = Date.now() - started;
    if (deployment.calls.length > 0) throw new CloudCallError(deployment.calls);
    if (code !== 0) {
        const errors = deployment.diagnostics.filter((d) => d.severity === "error").map((d) => d.message.trim());
        const detail = errors.length > 0 ? errors.join("\n") : stderr.trim();
        throw new ProgramFailedError(`the program failed (exit ${String(code)}):\n${detail}`, deployment.diagnostics, stderr);
    }
    const resources = deployment.resources();
    inheritAccounts(resources);
    return { resources, outputs: deployment.stackOutputs(), diagnostics: deployment.diagnostics, calls: deployment.calls, programMs };
}

export function runProgramViaCli(opts: CliRunOptions): Promise<CliRunResult> {
    return withEngine({ project: opts.project.name, stack: opts.stack, mode: opts.mode, config: opts.config }, (deployment, address) =>
        runProgram(deployment, address, opts),
    );
}
