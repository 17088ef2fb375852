/**
 * The five plan figures (speed and memory), each against its target, measured in one run so the ratios
 * share the machine's load:
 *   1. dev plan (`tools/plan.ts --stack dev`, as `npm run plan` runs it) ÷ the floor, a bare
 *      `node -e "require('@pulumi/aws')"`;
 *   2. the generated 100 teams × 10 users config as one stack ÷ the dev plan;
 *   3. the peak RSS of each process of that plan (tool, program, pack);
 *   4. policy evaluation rate over the Analyzer protocol (a started pack judging the ≥ 10,000
 *      distinct resources of bench/policyPlan.ts: Remediate + Analyze each, one AnalyzeStack), with
 *      its findings count (0 for the generated config; many would say the input is pathological);
 *   5. `npm test` wall time: run when BENCH_TESTS=1 (minutes), else read from the last run's
 *      .vitest/results.json, and said so.
 * BENCH_RUNS=n sets the repetitions (median; default 3); BENCH_SIZE=<teams>x<users> plans another
 * generated size than 100x10 (a quick check of the bench itself; its ratio is then not the
 * target's). BENCH_POLICY_SIZE=<teams>x<users> (default 60x10) or BENCH_POLICY_PLAN=<plan.json> choose
 * figure 4's plan (bench/policyPlan.ts). Prints figures; asserts nothing.
 * The team-stack figures (1 and 2 workers) come from `TeamStackBench` when one is wired in.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { performance } from "node:perf_hooks";
import { packConfigPath } from "../plan/evaluate";
import { readPackConfigFile, openSavedJudge } from "../plan/protocolRun";
import { stringify } from "yaml";
import { generatedConfig } from "./generatedConfig";
import { inflate } from "./policyPack";
import { policyBenchPlan } from "./policyPlan";
import { runMeasured, TreeRun } from "./processTree";
import { Figure, TARGETS, formatFigure, median } from "./targets";

const ROOT = path.resolve(__dirname, "..");
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const TSX = path.join(ROOT, "node_modules", "tsx", "dist", "cli.mjs");
const SIZE_MATCH = /^([1-9]\d*)x([1-9]\d*)$/.exec(process.env.BENCH_SIZE ?? "100x10");
if (!SIZE_MATCH) throw new Error(`BENCH_SIZE=${String(process.env.BENCH_SIZE)}: give <teams>x<users>, e.g. 100x10`);
const [TEAMS, USERS] = [Number(SIZE_MATCH[1]), Number(SIZE_MATCH[2])];
const SIZE = `${TEAMS}×${USERS}`;
let tmp: string | undefined;
const tmpDir = (): string => (tmp ??= fs.mkdtempSync(path.join(process.env.TMPDIR ?? "/tmp", "secure-ds-bench-")));

/**
 * The hook for team stacks planned apart (1 and 2 workers): given the generated teams × users
 * config and a worker count, plan it as team stacks and return the measured run.
 */
export type TeamStackBench = (config: Record<string, unknown>, workers: number) => Promise<TreeRun>;

async function repeat(runs: number, once: () => Promise<TreeRun>): Promise<{ ms: number; last: TreeRun }> {
    const samples: TreeRun[] = [];
    for (let i = 0; i < runs; i++) samples.push(await once());
    return { ms: median(samples.map((s) => s.ms)), last: samples[samples.length - 1] as TreeRun };
}

function floor(): Promise<TreeRun> {
    return runMeasured(process.execPath, ["-e", "require('@pulumi/aws')"], { cwd: ROOT });
}

async function planCommand(args: string[]): Promise<TreeRun> {
    const run = await runMeasured(process.execPath, [TSX, path.join(ROOT, "tools", "plan.ts"), ...args, "--quiet"], { cwd: ROOT });
    // 0: clean, 1: mandatory findings; both are a finished plan. Anything else is a failure.
    if (run.code !== 0 && run.code !== 1) throw new Error(`plan ${args.join(" ")} failed (exit ${String(run.code)}):\n${run.stderr}`);
    return run;
}

function generatedStackFile(teams: number, users: number): string {
    const file = path.join(tmpDir(), `Pulumi.bench-${teams}x${users}.yaml`);
    fs.writeFileSync(file, stringify({ config: generatedConfig(teams, users) }));
    return file;
}

export async function policyRate(): Promise<Figure> {
    const { plan, label, stackFileConfig } = await policyBenchPlan("preview");
    const count = plan.resources.length;
    const file = packConfigPath("mandatory");
    const judge = await openSavedJudge({
        stack: plan.stack,
        mode: plan.mode,
        stackFileConfig,
        packConfig: readPackConfigFile(file).parsed,
        packConfigFile: file,
        controls: () => [],
    });
    try {
        // Warm-up (the pack's first requests load and compile its policies), as bench/policyPack.ts does.
        await judge.judge(inflate(plan.resources.slice(0, 500), 500, "warm-up"), plan.mode);
        const times: number[] = [];
        let findings = 0;
        for (let i = 0; i < RUNS; i++) {
            // One copy with its URNs renamed per run: the session memoises requests it has seen byte
            // for byte. A single copy, so no resource shares its inputs with another.
            const batch = inflate(plan.resources, count, `run${i}-copy`);
            const start = performance.now();
            findings = (await judge.judge(batch, plan.mode)).findings.length;
            times.push(performance.now() - start);
        }
        const ms = median(times);
        return {
            name: "policy evaluation",
            value: count / (ms / 1000),
            unit: "resources/s",
            target: TARGETS.policyResourcesPerSecond,
            detail: `${count} distinct resources (${label}) over the protocol in ${ms.toFixed(0)} ms, median of ${RUNS}; ${findings} findings${count < 10_000 ? "; fewer resources than the 10,000 the target is for" : ""}`,
        };
    } finally {
        await judge.close();
    }
}

export async function testTime(): Promise<Figure> {
    const results = path.join(ROOT, ".vitest", "results.json");
    if (process.env.BENCH_TESTS === "1") {
        const run = await runMeasured(process.execPath, [path.join(ROOT, "node_modules", "vitest", "vitest.mjs"), "run"], { cwd: ROOT });
        return { name: "npm test", value: run.ms / 1000, unit: "s", target: TARGETS.testSeconds, detail: `measured now (exit ${String(run.code)})` };
    }
    if (!fs.existsSync(results)) {
        return { name: "npm test", value: NaN, unit: "s", target: TARGETS.testSeconds, detail: "no .vitest/results.json: run with BENCH_TESTS=1" };
    }
    const r = JSON.parse(fs.readFileSync(results, "utf8")) as { startTime: number; testResults: { endTime: number }[] };
    const suite = testFiles(path.join(ROOT, "tests")).length;
    const when = new Date(r.startTime).toISOString();
    if (r.testResults.length < suite) {
        return {
            name: "npm test",
            value: NaN,
            unit: "s",
            target: TARGETS.testSeconds,
            detail: `the last run (${when}) ran ${r.testResults.length} of the suite's ${suite} files; BENCH_TESTS=1 measures the whole suite`,
        };
    }
    const end = Math.max(...r.testResults.map((t) => t.endTime));
    return {
        name: "npm test",
        value: (end - r.startTime) / 1000,
        unit: "s",
        target: TARGETS.testSeconds,
        detail: `read from the last whole run's .vitest/results.json (${when}); BENCH_TESTS=1 measures it now`,
    };
}

/** The suite's test files: every *.test.ts under tests/, as tests/harness/suiteLayout.ts sorts them into projects. */
function testFiles(dir: string): string[] {
    return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
        const full = path.join(dir, e.name);
        if (e.isDirectory()) return testFiles(full);
        return e.name.endsWith(".test.ts") ? [full] : [];
    });
}

export async function planFigures(teamStacks?: TeamStackBench): Promise<string[]> {
    const lines: string[] = [];
    const floorRun = await repeat(RUNS, floor);
    const dev = await repeat(RUNS, () => planCommand(["--stack", "dev"]));
    const bigFile = generatedStackFile(TEAMS, USERS);
    const big = await repeat(Math.max(1, Math.min(RUNS, 2)), () => planCommand(["--config", bigFile]));
    const peak = Math.max(...big.last.processes.map((p) => p.peakRssMb));
    const figures: Figure[] = [
        {
            name: "dev plan / floor",
            value: dev.ms / floorRun.ms,
            unit: "×",
            target: TARGETS.devPlanOverFloor,
            detail: `dev ${dev.ms.toFixed(0)} ms, floor ${floorRun.ms.toFixed(0)} ms, medians of ${RUNS}`,
        },
        {
            name: `${SIZE} one stack / dev plan`,
            value: big.ms / dev.ms,
            unit: "×",
            target: TARGETS.bigPlanOverDev,
            detail: `${SIZE} ${big.ms.toFixed(0)} ms`,
        },
        {
            name: `${SIZE} peak RSS per process`,
            value: peak,
            unit: "MiB",
            target: TARGETS.peakRssMb,
            detail: big.last.processes
                .filter((p) => p.peakRssMb > 50)
                .map((p) => `${p.role} ${p.peakRssMb}`)
                .join(", "),
        },
        await policyRate(),
        await testTime(),
    ];
    lines.push(`plan figures (${new Date().toISOString()}, ${process.platform}, node ${process.version}):`);
    for (const f of figures) lines.push(`  ${formatFigure(f)}`);
    lines.push(
        `  dev plan peak RSS: ${dev.last.processes
            .filter((p) => p.peakRssMb > 50)
            .map((p) => `${p.role} ${p.peakRssMb} MiB`)
            .join(", ")}`,
    );
    if (teamStacks) {
        const config = generatedConfig(TEAMS, USERS);
        for (const workers of [1, 2]) {
            const run = await teamStacks(config, workers);
            lines.push(
                `  team stacks, ${workers} worker(s): ${run.ms.toFixed(0)} ms = ×${(run.ms / dev.ms).toFixed(1)} the dev plan, peak RSS ${Math.max(...run.processes.map((p) => p.peakRssMb))} MiB per process`,
            );
        }
    } else {
        lines.push("  team stacks (1 and 2 workers): not wired; pass a TeamStackBench to planFigures");
    }
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
    return lines;
}

if (require.main === module) {
    planFigures().then(
        (lines) => console.log(lines.join("\n")),
        (err: unknown) => {
            console.error(err);
            process.exit(1);
        },
    );
}
