/**
 * Benchmark: the generated 100 teams × 10 users config split into a workload base and team
 * stacks (plan/teamStackSplit.ts, TEAMS_PER_STACK teams each), planned as
 * `npm run plan -- --team-stacks` plans them, with 1 and with 2 worker processes. Prints the
 * wall times, the team stacks' count and the largest stack's resources; asserts nothing (shared,
 * noisy machines: the figures are only comparable on one machine at one time).
 *   tsx bench/teamStacks.ts [teams users teamsPerStack]   (default 100 10 10)
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { performance } from "node:perf_hooks";
import { planTeamStacks } from "../plan/teamStacks";
import { splitIntoTeamStacks, writeTeamStackFiles } from "../plan/teamStackSplit";
import { generatedConfig } from "./generatedConfig";
import type { TeamStackBench } from "./planFigures";
import { runMeasured } from "./processTree";

const env = { PULUMI_NODEJS_TRANSPILE_ONLY: "true" };

/** `print` gets each line as soon as it is known: a run of the full split takes many minutes. */
export async function benchTeamStacks(
    teams = 100,
    users = 10,
    teamsPerStack = 10,
    workerCounts = [1, 2],
    print: (line: string) => void = () => undefined,
): Promise<string[]> {
    const split = splitIntoTeamStacks(generatedConfig(teams, users), { base: "generated", teamsPerStack });
    const lines: string[] = [];
    const emit = (line: string) => {
        lines.push(line);
        print(line);
    };
    emit(`team stacks: ${teams} teams × ${users} users in ${split.teamStacks.length} team stacks of ≤ ${teamsPerStack} teams, on one base`);
    for (const workers of workerCounts) {
        const start = performance.now();
        const result = await planTeamStacks({
            base: "generated",
            configOf: () => split.base.config,
            teamStacks: split.teamStacks,
            workers,
            mode: "preview",
            env,
        });
        const total = performance.now() - start;
        const sizes = result.teamStacks.map((p) => p.summary.resourceCount);
        const base = result.base.plans[result.base.plans.length - 1];
        emit(
            `  ${workers} worker${workers > 1 ? "s" : ""}: total ${(total / 1000).toFixed(0)} s (base ${(result.baseMs / 1000).toFixed(0)} s with ${base?.summary.resourceCount} resources, team stacks ${(result.teamStacksMs / 1000).toFixed(0)} s); team stack resources min ${Math.min(...sizes)}, max ${Math.max(...sizes)}; cross-stack problems ${result.problems.length}`,
        );
    }
    return lines;
}

const ROOT = path.resolve(__dirname, "..");

/**
 * The team-stack hook (bench/planFigures.ts): the config split into team stacks as files, planned by
 * `npm run plan -- --team-stacks` as its own process tree, so the peak RSS of every program, pack
 * and worker process is measured as for the one-stack plan.
 */
export function measuredTeamStacks(teamsPerStack = 10): TeamStackBench {
    return async (config, workers) => {
        const dir = fs.mkdtempSync(path.join(process.env.TMPDIR ?? os.tmpdir(), "secure-ds-team-stacks-"));
        try {
            writeTeamStackFiles(config, dir, { base: "generated", teamsPerStack });
            const tsx = path.join(ROOT, "node_modules", "tsx", "dist", "cli.mjs");
            const args = [
                tsx,
                path.join(ROOT, "tools", "plan.ts"),
                "--stack",
                "generated",
                "--team-stacks",
                dir,
                "--workers",
                String(workers),
                "--transpile-only",
            ];
            const run = await runMeasured(process.execPath, args, { cwd: ROOT });
            // 0: clean, 1: findings; both are finished plans. Anything else is a failure.
            if (run.code !== 0 && run.code !== 1) throw new Error(`team stacks with ${workers} worker(s) failed (exit ${String(run.code)}):\n${run.stderr}`);
            return run;
        } finally {
            fs.rmSync(dir, { recursive: true, force: true });
        }
    };
}

if (require.main === module) {
    const [teams, users, perStack] = process.argv.slice(2).map(Number);
    benchTeamStacks(teams || 100, users || 10, perStack || 10, [1, 2], (line) => console.log(line)).then(
        () => undefined,
        (err: unknown) => {
            console.error(err);
            process.exit(1);
        },
    );
}
