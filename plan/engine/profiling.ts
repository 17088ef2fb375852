/**
 * Profiles of the plan's child processes, so a slow or large plan is measured where its time
 * and memory go rather than guessed at:
 *   SECURE_DS_CPU_PROF=<dir>   the program (cmd/run) and the pack (cmd/run-policy-pack) each
 *                              write a V8 CPU profile `<dir>/<role>-<time>-<pid>.cpuprofile`;
 *   SECURE_DS_HEAP_PROF=<dir>  likewise a sampling heap profile (`.heapprofile`) of what is
 *                              still allocated when the process ends.
 * Read them with `npx tsx bench/profileTop.ts <file>` or Chrome DevTools. Profile the plan tool
 * itself with `node --cpu-prof --import tsx tools/plan.ts …`.
 */
import * as fs from "node:fs";
import * as path from "node:path";

export const CPU_PROFILE_ENV = "SECURE_DS_CPU_PROF";
export const HEAP_PROFILE_ENV = "SECURE_DS_HEAP_PROF";

/** Node flags for a child process of `role`; none when neither variable is set. */
export function profileArgs(role: "program" | "pack", env: NodeJS.ProcessEnv = process.env): string[] {
    const args: string[] = [];
    const name = `${role}-${Date.now()}-${process.pid}`;
    for (const [variable, flag, ext] of [
        [CPU_PROFILE_ENV, "cpu-prof", "cpuprofile"],
        [HEAP_PROFILE_ENV, "heap-prof", "heapprofile"],
    ] as const) {
        const dir = env[variable];
        if (!dir) continue;
        const abs = path.resolve(dir);
        fs.mkdirSync(abs, { recursive: true });
        args.push(`--${flag}`, `--${flag}-dir=${abs}`, `--${flag}-name=${name}.${ext}`);
    }
    if (args.length === 0) return [];
    // Node writes profiles only on a normal exit, and the pack is stopped with SIGTERM.
    const exitOnTerm = path.join(path.resolve((env[CPU_PROFILE_ENV] ?? env[HEAP_PROFILE_ENV]) as string), ".exit-on-sigterm.js");
    fs.writeFileSync(exitOnTerm, 'process.on("SIGTERM", () => process.exit(0));\n');
    return ["--require", exitOnTerm, ...args];
}
