/**
 * One team stack's offline plan in its own process (plan/teamStacks.ts starts N of these at
 * once). Reads a job file (stack, config, the base's outputs by reference name, mode, env),
 * plans through buildPlan (the program through cmd/run, the pack through run-policy-pack, as
 * every plan), writes the plan file; a config or program error goes to stderr, exit 2.
 *   tsx plan/teamStackWorker.ts JOB.json PLAN.json
 */
import * as fs from "node:fs";
import { PlatformConfigError } from "../stacks/config";
import { buildPlan } from "./buildPlan";
import { ProgramFailedError } from "./engine";
import { readPlanFile, writePlanFile } from "./planFile";
import { TEAM_STACK_BASE_POLICIES, judgeEnvironment } from "./environment";
import { PlanMode } from "./types";

export interface TeamStackJob {
    stack: string;
    config: Record<string, unknown>;
    stackReferences: Record<string, Record<string, unknown>>;
    mode: PlanMode;
    env?: Record<string, string>;
    /** The base's plan file: TEAM_STACK_BASE_POLICIES are judged over its resources and the team stack's. */
    basePlanFile: string;
}

async function main(jobFile: string, planFile: string): Promise<number> {
    const job = JSON.parse(fs.readFileSync(jobFile, "utf8")) as TeamStackJob;
    try {
        const plan = await buildPlan({ stack: job.stack, config: job.config, mode: job.mode, stackReferences: job.stackReferences, env: job.env });
        const own = new Set(plan.resources.map((r) => r.urn));
        const base = readPlanFile(job.basePlanFile).resources;
        const withBase = await judgeEnvironment(structuredClone([...base, ...plan.resources]), TEAM_STACK_BASE_POLICIES);
        // The base's own resources are judged in the base's plan; here only what the team stack adds.
        const added = withBase.filter((f) => f.urn !== undefined && own.has(f.urn));
        plan.findings.push(...added);
        for (const f of added) plan.summary.findings[f.level === "mandatory" ? "mandatory" : "advisory"] += 1;
        writePlanFile(planFile, plan);
        return 0;
    } catch (err) {
        if (err instanceof PlatformConfigError || err instanceof ProgramFailedError) {
            console.error(err.message);
            return 2;
        }
        throw err;
    }
}

const [jobFile, planFile] = process.argv.slice(2);
if (!jobFile || !planFile) {
    console.error("usage: tsx plan/teamStackWorker.ts JOB.json PLAN.json");
    process.exit(3);
}
main(jobFile, planFile).then(
    (code) => process.exit(code),
    (err: unknown) => {
        console.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
        process.exit(3);
    },
);
