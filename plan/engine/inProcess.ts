/**
 * Runs a program closure in this process against the same engine (monitor.ts), the way the
 * automation API runs an inline program (automation/server.js: resetOptions, setAllConfig,
 * runInPulumiStack, disconnect). For unit tests of components: a closure cannot be spawned
 * through cmd/run, and a test wants the program's own error objects back. The offline plan
 * uses cliRun.ts.
 */
import * as os from "node:os";
import * as pulumi from "@pulumi/pulumi";
import { PlanResource } from "../types";
import { inheritAccounts } from "./accounts";
import { CloudCallError, DIY_ORGANIZATION } from "./cliRun";
import { Deployment } from "./deployment";
import { PlanMode } from "./outputs";
import { stackConfig } from "./pulumiConfig";
import { serveEngine } from "./server";

export interface RunOptions {
    project?: string;
    stack: string;
    /** Stack config as in `Pulumi.<stack>.yaml` `config:` (structured values allowed). */
    config: Record<string, unknown>;
    /** The program. Runs inside the stack; its return value becomes the stack outputs. */
    program: () => unknown;
    /** Default `up`: outputs fabricated, so tests can follow ARNs by value. */
    mode?: PlanMode;
}

export interface RunResult {
    resources: PlanResource[];
    outputs: Record<string, unknown>;
}

let running = false;
let lastRun: PlanResource[] = [];

/** Resources recorded by the most recent run, also when it failed (to prove a bad config registered nothing). */
export function lastRunResources(): PlanResource[] {
    return lastRun;
}

/**
 * Runs a program in-process and returns every registration. Fails loudly when nothing was
 * registered or when the program raised an error asynchronously (inside an apply), which the
 * runtime would otherwise only log.
 */
export async function runWithMocks(options: RunOptions): Promise<RunResult> {
    if (running) {
        throw new Error("runWithMocks: a run is already in progress; Pulumi's runtime is process-global, run programs one at a time");
    }
    running = true;
    lastRun = [];
    const project = options.project ?? "secure-ds";
    const mode = options.mode ?? "up";
    const config = stackConfig(project, options.config, {});
    // Default providers are engine bookkeeping; component fixtures count the program's own registrations.
    const deployment = new Deployment({ project, stack: options.stack, mode, config, defaultProviders: false });
    const server = await serveEngine(deployment);
    const asyncErrors: unknown[] = [];
    const onRejection = (reason: unknown) => asyncErrors.push(reason);
    process.on("unhandledRejection", onRejection);
    try {
        pulumi.runtime.resetOptions(
            project,
            options.stack,
            os.availableParallelism() * 4,
            server.address,
            server.address,
            mode === "preview",
            DIY_ORGANIZATION,
        );
        pulumi.runtime.setAllConfig(config, []);
        // A synchronous program error (e.g. an invalid config) must reach the caller as itself;
        // inside the stack's init it would otherwise become an unhandled rejection.
        let programError: { error: unknown } | undefined;
        await pulumi.runtime.runInPulumiStack(async () => {
            try {
                return await options.program();
            } catch (error) {
                programError = { error };
                return undefined;
            }
        });
        await pulumi.runtime.disconnect(true);
        const resources = deployment.resources();
        lastRun = resources;
        if (deployment.calls.length > 0) throw new CloudCallError(deployment.calls);
        if (programError) throw programError.error;
        if (asyncErrors.length > 0) {
            throw asyncErrors[0] instanceof Error ? asyncErrors[0] : new Error(String(asyncErrors[0]));
        }
        if (!resources.some((r) => r.custom)) {
            throw new Error("runWithMocks: the engine recorded no cloud resource; did the program create nothing?");
        }
        inheritAccounts(resources);
        return { resources, outputs: deployment.stackOutputs() };
    } finally {
        process.off("unhandledRejection", onRejection);
        await server.close();
        running = false;
    }
}
