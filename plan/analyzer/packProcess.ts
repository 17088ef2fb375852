/**
 * Starts the policy pack as the nodejs language host's RunPlugin does for an analyzer
 * (pulumi-language-nodejs main.go): `node <@pulumi/pulumi/cmd/run-policy-pack> <engine-address>
 * <absolute pack dir>` with the pack directory as working directory, PULUMI_NODEJS_TYPESCRIPT
 * from the pack's runtime options (typescript defaults to true), and the stack identity and
 * config that the host's policy proxy learns from ConfigureStack. The pack prints its port.
 */
import { ChildProcess, spawn } from "node:child_process";
import * as path from "node:path";
import { locateSdkModule } from "../engine/cliRun";
import { goJson } from "../engine/pulumiConfig";
import { profileArgs } from "../engine/profiling";

export interface PackProcessOptions {
    packDir: string;
    engineAddress: string;
    organization: string;
    project: string;
    stack: string;
    dryRun: boolean;
    /** `<namespace>:<key>` → string, as ConfigureStack carries it. */
    config: Record<string, string>;
    env?: Record<string, string>;
}

export interface PackProcess {
    address: string;
    /** Milliseconds from spawn to the printed port (compile and load of the pack). */
    startMs: number;
    stderr(): string;
    /** Set once the pack process has exited (a pack can fail after it printed its port). */
    exited(): { code: number | null } | undefined;
    stop(): void;
}

export class PackStartError extends Error {}

export function startPolicyPack(opts: PackProcessOptions): Promise<PackProcess> {
    const packDir = path.resolve(opts.packDir);
    const env: NodeJS.ProcessEnv = {
        ...process.env,
        ...opts.env,
        PULUMI_NODEJS_TYPESCRIPT: "true",
        PULUMI_NODEJS_ORGANIZATION: opts.organization,
        PULUMI_NODEJS_PROJECT: opts.project,
        PULUMI_NODEJS_STACK: opts.stack,
        PULUMI_NODEJS_DRY_RUN: String(opts.dryRun),
        PULUMI_CONFIG: goJson(opts.config),
    };
    const started = Date.now();
    const child: ChildProcess = spawn(
        process.execPath,
        [...profileArgs("pack"), locateSdkModule("cmd/run-policy-pack", packDir), opts.engineAddress, packDir],
        {
            cwd: packDir,
            env,
            stdio: ["ignore", "pipe", "pipe"],
        },
    );
    let out = "";
    let err = "";
    child.stderr?.on("data", (d: Buffer) => (err += d.toString()));
    return new Promise((resolve, reject) => {
        const onExit = (code: number | null) => reject(new PackStartError(`the policy pack exited (${String(code)}) before serving:\n${(err || out).trim()}`));
        child.once("exit", onExit);
        child.once("error", reject);
        child.stdout?.on("data", (d: Buffer) => {
            out += d.toString();
            const line = out.split("\n")[0];
            if (!out.includes("\n")) return;
            const port = Number(line.trim());
            child.off("exit", onExit);
            if (!Number.isInteger(port) || port <= 0) {
                child.kill();
                reject(new PackStartError(`the policy pack printed ${JSON.stringify(line)} instead of its port:\n${err.trim()}`));
                return;
            }
            let exit: { code: number | null } | undefined;
            child.once("exit", (code) => (exit = { code }));
            resolve({
                address: `127.0.0.1:${port}`,
                startMs: Date.now() - started,
                stderr: () => err,
                exited: () => exit,
                stop: () => {
                    child.kill();
                },
            });
        });
    });
}
