/**
 * Benchmarks of the policy pack: in-process evaluation throughput (plan/evaluate.ts, no protocol)
 * over a plan of at least 10,000 distinct resources, and the start-up cost of loading the pack's
 * policies compared with loading @pulumi/aws whole. Prints figures and the findings count;
 * asserts nothing.
 *
 * The plan judged is the generated teams × users config (bench/generatedConfig.ts) in `up` mode:
 * ids and ARNs are fabricated per resource, so every resource is distinct, and a clean config has
 * 0 findings. Not copies of the dev plan: copies keep their inputs (ids, names, ARNs), so stack
 * policies relate every copy to every other and the run measures hundreds of findings; nor a
 * preview plan, whose unknowns are one sentinel string in-process (the protocol turns them into
 * unknowns). A findings count far from 0 says the input is pathological.
 *   BENCH_RUNS=n            repetitions (median; default 3)
 *   BENCH_POLICY_SIZE=TxU   the generated config's teams × users (default 60x10, about 10,000 resources)
 *   BENCH_POLICY_PLAN=FILE  judge a saved plan (`npm run plan -- ... --mode up --json FILE`) instead of building one
 */
import { spawnSync } from "node:child_process";
import * as path from "node:path";
import { performance } from "node:perf_hooks";
import { evaluatePolicies, packConfigPath, readPackConfig } from "../plan/evaluate";
import { PlanResource } from "../plan/types";
import { policyBenchPlan } from "./policyPlan";

const ROOT = path.resolve(__dirname, "..");
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];

/**
 * Copies of a plan's resources with distinct URNs (`<urn>-<tag><n>`) until there are at least `min`.
 * Only the URNs differ: ids, names and ARNs repeat in every copy, so stack policies that correlate
 * by value relate each copy to all the others (hundreds of findings, work that grows with the
 * square of the copies). No benchmark figure uses more than one copy; bench/policyTimes.ts
 * --inflate reproduces the pathological case.
 */
export function inflate(resources: PlanResource[], min: number, tag = "copy"): PlanResource[] {
    const out: PlanResource[] = [];
    for (let copy = 0; out.length < min; copy++) {
        const rename = (urn: string) => `${urn}-${tag}${copy}`;
        for (const r of resources) {
            out.push({
                ...r,
                urn: rename(r.urn),
                parent: r.parent ? rename(r.parent) : undefined,
                provider: r.provider ? rename(r.provider) : undefined,
                propertyDependencies: Object.fromEntries(Object.entries(r.propertyDependencies).map(([k, urns]) => [k, urns.map(rename)])),
                options: { ...r.options, dependsOn: r.options.dependsOn.map(rename) },
            });
        }
    }
    return out;
}

function loadTime(module: string): number {
    const samples = Array.from({ length: RUNS }, () => {
        const r = spawnSync(process.execPath, [path.join(ROOT, "node_modules", "tsx", "dist", "cli.mjs"), path.join(__dirname, "loadModule.ts"), module], {
            encoding: "utf8",
            cwd: ROOT,
        });
        if (r.status !== 0) throw new Error(`loading ${module} failed: ${r.stderr}`);
        return (JSON.parse(r.stdout.trim().split("\n").pop() as string) as { ms: number }).ms;
    });
    return median(samples);
}

export async function benchPolicyPack(): Promise<string[]> {
    const lines: string[] = [];
    const { plan, label } = await policyBenchPlan("up");
    const resources = plan.resources;
    const packConfig = readPackConfig(packConfigPath("mandatory"));
    await evaluatePolicies(resources.slice(0, 500), packConfig); // warm-up
    const times: number[] = [];
    const cpu: number[] = [];
    let findings = 0;
    for (let i = 0; i < RUNS; i++) {
        const start = performance.now();
        const used = process.cpuUsage();
        findings = (await evaluatePolicies(resources, packConfig)).length;
        const { user, system } = process.cpuUsage(used);
        times.push(performance.now() - start);
        cpu.push((user + system) / 1000);
    }
    const ms = median(times);
    const cpuMs = median(cpu);
    const small = resources.length < 10_000 ? " (fewer than the 10,000 the figure is for)" : "";
    lines.push(
        `policy evaluation in-process, no protocol (median of ${RUNS}): ${resources.length} distinct resources${small} (${label}) in ${ms.toFixed(0)} ms = ${Math.round(resources.length / (ms / 1000))} resources/s; ` +
            `CPU ${cpuMs.toFixed(0)} ms = ${Math.round(resources.length / (cpuMs / 1000))} resources per CPU second; ${findings} findings`,
    );
    const pack = loadTime(path.join(ROOT, "policy-pack", "policies", "index.ts"));
    const aws = loadTime("@pulumi/aws");
    lines.push(
        `pack start-up (median of ${RUNS} fresh processes): policies ${pack.toFixed(0)} ms, @pulumi/aws whole ${aws.toFixed(0)} ms (the pack loads in ${((pack / aws) * 100).toFixed(0)}% of the time)`,
    );
    return lines;
}

if (require.main === module) {
    benchPolicyPack().then((lines) => console.log(lines.join("\n")));
}
