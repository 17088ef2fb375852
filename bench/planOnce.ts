/**
 * One offline plan in a fresh process, printing one JSON line: wall time, peak RSS, resources.
 * A separate process per measurement, so peak memory (maxRSS) belongs to that plan alone.
 *   tsx bench/planOnce.ts dev | prod | <teams>x<users>
 */
import { performance } from "node:perf_hooks";
import { buildPlan } from "../plan/buildPlan";
import { readStackConfigFile, stackConfigPath } from "../plan/stackConfig";
import { generatedConfig } from "./generatedConfig";

async function main(target: string): Promise<void> {
    const generated = /^(\d+)x(\d+)$/.exec(target);
    const config = generated ? generatedConfig(Number(generated[1]), Number(generated[2])) : readStackConfigFile(stackConfigPath(target));
    const start = performance.now();
    const plan = await buildPlan({ stack: generated ? "bench" : target, config });
    const ms = performance.now() - start;
    console.log(
        JSON.stringify({
            target,
            ms: Math.round(ms),
            maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
            resources: plan.resources.length,
            findings: plan.findings.length,
        }),
    );
}

main(process.argv[2] ?? "dev").then(
    () => process.exit(0),
    (err: unknown) => {
        console.error(err);
        process.exit(1);
    },
);
