/**
 * Benchmarks of the policy pack: evaluation throughput over a generated plan of at
 * least 10,000 resources, and the start-up cost of loading the pack's policies compared with
 * loading @pulumi/aws whole. Prints figures; asserts nothing.
 */
import { spawnSync } from "node:child_process";
import * as path from "node:path";
import { performance } from "node:perf_hooks";
import { evaluatePolicies, packConfigPath, readPackConfig } from "../plan/evaluate";
import { buildPlan } from "../plan/buildPlan";
import { PlanResource } from "../plan/types";
import { readStackConfigFile, stackConfigPath } from "../plan/stackConfig";

const ROOT = path.resolve(__dirname, "..");
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];

/** Copies of a plan's resources with distinct URNs (`<urn>-<tag><n>`) until there are at least `min`. */
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
    const plan = await buildPlan({ stack: "dev", config: readStackConfigFile(stackConfigPath("dev")), mode: "preview" });
    const resources = inflate(plan.resources, 10_000);
    const packConfig = readPackConfig(packConfigPath("mandatory"));
    await evaluatePolicies(resources.slice(0, 500), packConfig); // warm-up
    const times = [];
    let findings = 0;
    for (let i = 0; i < RUNS; i++) {
        const start = performance.now();
        findings = (await evaluatePolicies(resources, packConfig)).length;
        times.push(performance.now() - start);
    }
    const ms = median(times);
    lines.push(
        `policy evaluation in-process, no protocol (median of ${RUNS}): ${resources.length} resources (dev plan ×${Math.ceil(resources.length / plan.resources.length)}) in ${ms.toFixed(0)} ms = ${Math.round(resources.length / (ms / 1000))} resources/s, ${findings} findings`,
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
