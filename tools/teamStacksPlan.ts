/**
 * `npm run plan -- --stack BASE --team-stacks DIR [--workers N]`: the workload base BASE (with
 * the stacks it reads) and every team stack on it among DIR's Pulumi.<stack>.yaml files, the
 * team stacks N at once in worker processes (plan/teamStacks.ts). Prints one line per stack and
 * the wall times; exit 1 on a mandatory finding, a rejected input or a cross-stack problem.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { TeamStackPlanError, discoverTeamStacks, planTeamStacks } from "../plan/teamStacks";
import { EnvironmentError } from "../plan/environment";
import { PlatformConfigError } from "../stacks/config";
import { readStackConfigFile, stackConfigPath } from "../plan/stackConfig";
import { Plan, PlanMode } from "../plan/types";

/** One summary line of a stack's plan. */
export function stackLine(plan: Plan, ms?: number): string {
    const s = plan.summary;
    return `${plan.stack.padEnd(28)} ${String(s.resourceCount).padStart(6)} resources  ${String(s.findings.mandatory).padStart(3)} mandatory  ${String(s.findings.advisory).padStart(4)} advisory  ${String(s.contractViolations).padStart(2)} rejected inputs${ms !== undefined ? `  ${(ms / 1000).toFixed(1).padStart(6)} s` : ""}`;
}

export async function runTeamStacksPlan(base: string, dir: string, workers: number, mode: PlanMode, env?: Record<string, string>): Promise<number> {
    const teamStacks = discoverTeamStacks(dir, base);
    if (teamStacks.length === 0) {
        console.error(
            `--team-stacks ${dir}: no Pulumi.<stack>.yaml there is a team stack on ${base} (stack.layers [teams], stack.upstream.workloadBase ${base})`,
        );
        return 2;
    }
    // The base and its upstream stacks: DIR first (a generated split), then the repository.
    const configOf = (stack: string) => {
        const local = path.join(dir, `Pulumi.${stack}.yaml`);
        return readStackConfigFile(fs.existsSync(local) ? local : stackConfigPath(stack));
    };
    console.log(`planning ${base} and ${teamStacks.length} team stacks, ${workers} at once`);
    let result;
    try {
        result = await planTeamStacks({ base, configOf, teamStacks, workers, mode, env, onPlan: (plan, ms) => console.log(stackLine(plan, ms)) });
    } catch (err) {
        // One line naming the stack and the fix, as for a single stack's config error.
        if (err instanceof TeamStackPlanError || err instanceof EnvironmentError || err instanceof PlatformConfigError) {
            console.error(err.message);
            return 2;
        }
        throw err;
    }
    for (const plan of result.base.plans) console.log(stackLine(plan));
    const all = [...result.base.plans, ...result.teamStacks];
    const largest = Math.max(...all.map((p) => p.summary.resourceCount));
    console.log(
        `base (with its upstream) ${(result.baseMs / 1000).toFixed(1)} s; ${teamStacks.length} team stacks with ${workers} workers ${(result.teamStacksMs / 1000).toFixed(1)} s; largest stack ${largest} resources`,
    );
    for (const p of result.problems) console.error(p);
    const failed = all.some((p) => p.summary.findings.mandatory > 0 || p.contractViolations.length > 0);
    return failed || result.problems.length > 0 ? 1 : 0;
}
