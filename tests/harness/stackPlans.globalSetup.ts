/**
 * Global setup for the tests that read the dev and prod plans: builds each stack in both modes
 * (`up` and `preview`) once per run, before any test starts, with the real buildPlan
 * (writeStackPlan.ts, one process per stack and mode, all four in parallel), writes them to a
 * folder of this run under .plan/test/ and provides that folder to the workers
 * (tests/harness/stackPlans.ts). Nothing is reused from an earlier run. A plan that cannot be
 * built fails the run here, with the builder's message, instead of in every test that reads it.
 */
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { TestProject } from "vitest/node";
import { REPO_ROOT } from "../../plan/stackConfig";
import type { PlanMode } from "../../plan/types";
import { ALL_STACKS, StackName, UPSTREAM_OF, modesOf, stackPlanFileName } from "./stackPlans";

const CACHE_ROOT = path.join(REPO_ROOT, ".plan", "test");
const TSX = path.join(REPO_ROOT, "node_modules", "tsx", "dist", "cli.mjs");
const BUILDER = path.join(__dirname, "writeStackPlan.ts");

function isRunning(pid: number): boolean {
    try {
        process.kill(pid, 0);
        return true;
    } catch (err) {
        return (err as NodeJS.ErrnoException).code === "EPERM";
    }
}

/** Folders of earlier runs whose process has ended (a finished run removes its own). */
function removeAbandonedRuns(): void {
    if (!fs.existsSync(CACHE_ROOT)) return;
    for (const entry of fs.readdirSync(CACHE_ROOT)) {
        const pid = /^run-(\d+)$/.exec(entry)?.[1];
        if (pid === undefined || !isRunning(Number(pid))) fs.rmSync(path.join(CACHE_ROOT, entry), { recursive: true, force: true });
    }
}

function build(stack: string, mode: PlanMode, file: string, upstreamFiles: string[]): Promise<void> {
    return new Promise((resolve, reject) => {
        const child = spawn(process.execPath, [TSX, BUILDER, stack, mode, file, ...upstreamFiles], { cwd: REPO_ROOT, stdio: ["ignore", "pipe", "pipe"] });
        let output = "";
        child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
        child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
        child.on("error", reject);
        child.on("close", (code, signal) => {
            if (code === 0 && fs.existsSync(file)) return resolve();
            const why = signal ? `was killed by ${signal}` : `exited with ${String(code)}`;
            reject(new Error(`building the ${stack} ${mode} plan for the tests failed: ${path.relative(REPO_ROOT, BUILDER)} ${why}\n${output.trim()}`));
        });
    });
}

/**
 * At most as many plan builds at once as the machine has cores (each is a program process and a
 * pack process of several hundred MB): more only trade memory for no speed.
 */
function limiter(slots: number): <T>(task: () => Promise<T>) => Promise<T> {
    const waiting: (() => void)[] = [];
    let free = slots;
    return async (task) => {
        if (free === 0) await new Promise<void>((resolve) => waiting.push(resolve));
        else free--;
        try {
            return await task();
        } finally {
            const next = waiting.shift();
            if (next) next();
            else free++;
        }
    };
}

/** Builds this run's plans into a fresh folder; throws with every builder's message on a failure. */
async function buildRunPlans(): Promise<string> {
    removeAbandonedRuns();
    const dir = path.join(CACHE_ROOT, `run-${process.pid}`);
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
    // Each stack starts when the up plans of the stacks it references are written (dependency order).
    const upPlans = new Map<StackName, Promise<void>>();
    const slot = limiter(Math.max(2, os.availableParallelism()));
    const builds: Promise<void>[] = [];
    const fileOf = (stack: StackName, mode: PlanMode) => path.join(dir, stackPlanFileName(stack, mode));
    const ordered = [...ALL_STACKS].sort((a, b) => UPSTREAM_OF[a].length - UPSTREAM_OF[b].length);
    for (const stack of ordered) {
        const upstream = UPSTREAM_OF[stack];
        const ready = Promise.all(upstream.map((u) => upPlans.get(u) ?? Promise.reject(new Error(`${u} is not built before ${stack}`))));
        for (const mode of modesOf(stack)) {
            const upstreamFiles = upstream.map((u) => fileOf(u, "up"));
            const done = ready.then(() => slot(() => build(stack, mode, fileOf(stack, mode), upstreamFiles)));
            if (mode === "up") upPlans.set(stack, done);
            builds.push(done);
        }
    }
    const results = await Promise.allSettled(builds);
    const failures = results.filter((r): r is PromiseRejectedResult => r.status === "rejected").map((r) => (r.reason as Error).message);
    if (failures.length > 0) {
        fs.rmSync(dir, { recursive: true, force: true });
        const error = new Error(failures.join("\n\n"));
        // The builder's message is the whole story; this setup's own stack frames would only hide it.
        error.stack = `${error.name}: ${error.message}`;
        throw error;
    }
    return dir;
}

export default async function setup(project: TestProject): Promise<() => void> {
    const dir = await buildRunPlans();
    project.provide("stackPlanDir", dir);
    return () => fs.rmSync(dir, { recursive: true, force: true });
}
