/**
 * Benchmark: time and peak memory of the offline plan for the dev stack and for a generated
 * config of 100 teams × 10 users, and their ratio. Prints figures; asserts nothing (shared,
 * noisy machines). Each run is a fresh process; the median of RUNS is reported.
 */
import { spawnSync } from "node:child_process";
import * as path from "node:path";

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const ROOT = path.resolve(__dirname, "..");

interface Sample {
    target: string;
    ms: number;
    maxRssMb: number;
    resources: number;
}

function once(target: string): Sample {
    const r = spawnSync(process.execPath, [path.join(ROOT, "node_modules", "tsx", "dist", "cli.mjs"), path.join(__dirname, "planOnce.ts"), target], {
        encoding: "utf8",
        cwd: ROOT,
    });
    if (r.status !== 0) throw new Error(`plan of ${target} failed: ${r.stderr}`);
    return JSON.parse(r.stdout.trim().split("\n").pop() as string) as Sample;
}

function median(values: number[]): number {
    const s = [...values].sort((a, b) => a - b);
    return s[Math.floor(s.length / 2)];
}

export function benchPlan(): string[] {
    const lines: string[] = [];
    const results = ["dev", "100x10"].map((target) => {
        const samples = Array.from({ length: RUNS }, () => once(target));
        return { target, ms: median(samples.map((s) => s.ms)), rss: median(samples.map((s) => s.maxRssMb)), resources: samples[0].resources };
    });
    lines.push(`offline plan (median of ${RUNS} fresh processes):`);
    for (const r of results) {
        lines.push(
            `  ${r.target.padEnd(8)} ${String(r.resources).padStart(6)} resources  ${String(r.ms).padStart(7)} ms  ${String(r.rss).padStart(5)} MiB peak RSS  ${(r.ms / r.resources).toFixed(2)} ms/resource`,
        );
    }
    const [dev, big] = results;
    lines.push(
        `  ratio 100x10 / dev: time ×${(big.ms / dev.ms).toFixed(1)}, peak memory ×${(big.rss / dev.rss).toFixed(1)}, resources ×${(big.resources / dev.resources).toFixed(1)}`,
    );
    return lines;
}

if (require.main === module) {
    console.log(benchPlan().join("\n"));
}
