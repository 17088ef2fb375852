/**
 * Runs a command and measures it the way the plan figures need: wall time, and the peak
 * resident memory (VmHWM) of each process of its tree, polled from /proc, so that the plan tool,
 * the program (cmd/run) and the pack (cmd/run-policy-pack) each report their own peak.
 */
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import { performance } from "node:perf_hooks";

export interface ProcessPeak {
    pid: number;
    /** What the process is: "program" (cmd/run), "pack" (cmd/run-policy-pack), "tool" or its command. */
    role: string;
    peakRssMb: number;
}

export interface TreeRun {
    ms: number;
    code: number | null;
    stdout: string;
    stderr: string;
    processes: ProcessPeak[];
}

const POLL_MS = 100;

function read(file: string): string | undefined {
    try {
        return fs.readFileSync(file, "utf8");
    } catch {
        return undefined; // the process exited between listing and reading
    }
}

/** pid → parent pid of every process visible in /proc. */
function parents(): Map<number, number> {
    const out = new Map<number, number>();
    for (const name of fs.readdirSync("/proc")) {
        if (!/^\d+$/.test(name)) continue;
        const stat = read(`/proc/${name}/stat`);
        // Field 4 is the ppid; field 2 (comm) is parenthesised and may contain spaces.
        const ppid = stat ? Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]) : NaN;
        if (Number.isInteger(ppid)) out.set(Number(name), ppid);
    }
    return out;
}

function descendants(root: number): number[] {
    const tree = parents();
    const found = [root];
    for (let i = 0; i < found.length; i++) for (const [pid, ppid] of tree) if (ppid === found[i]) found.push(pid);
    return found;
}

function roleOf(cmdline: string): string {
    if (cmdline.includes("cmd/run-policy-pack")) return "pack";
    if (cmdline.includes("cmd/run")) return "program";
    if (cmdline.includes("tools/plan.ts")) return "tool";
    return cmdline.split("\0").slice(0, 3).join(" ").slice(0, 80);
}

function peakOf(pid: number): { role: string; kb: number } | undefined {
    const status = read(`/proc/${pid}/status`);
    const hwm = status ? /^VmHWM:\s+(\d+) kB/m.exec(status) : null;
    if (!hwm) return undefined;
    return { role: roleOf(read(`/proc/${pid}/cmdline`) ?? ""), kb: Number(hwm[1]) };
}

export function runMeasured(command: string, args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): Promise<TreeRun> {
    const started = performance.now();
    const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ["ignore", "pipe", "pipe"] });
    const peaks = new Map<number, { role: string; kb: number }>();
    const poll = () => {
        if (child.pid === undefined) return;
        for (const pid of descendants(child.pid)) {
            const p = peakOf(pid);
            // tsx starts node once more under its own cli: keep the first specific role seen.
            if (p && p.kb >= (peaks.get(pid)?.kb ?? 0)) peaks.set(pid, p);
        }
    };
    const timer = setInterval(poll, POLL_MS);
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    return new Promise((resolve, reject) => {
        child.on("error", (err) => {
            clearInterval(timer);
            reject(err);
        });
        child.on("close", (code) => {
            clearInterval(timer);
            resolve({
                ms: performance.now() - started,
                code,
                stdout,
                stderr,
                processes: [...peaks].map(([pid, p]) => ({ pid, role: p.role, peakRssMb: Math.round(p.kb / 1024) })).sort((a, b) => b.peakRssMb - a.peakRssMb),
            });
        });
    });
}
