/**
 * Benchmark: the generated 100 teams × 10 users config split into a workload base and team
 * stacks (plan/teamStackSplit.ts, TEAMS_PER_STACK teams each), planned as
 * `npm run plan -- --team-stacks` plans them, with 1 and with 2 worker processes. Prints the
 * wall times, the team stacks' count and the largest stack's resources; asserts nothing (shared,
 * noisy machines: the figures are only comparable on one machine at one time).
 *   tsx bench/teamStacks.ts [teams users teamsPerStack]   (default 100 10 10)
 */
import { performance } from "node:perf_hooks";
import { planTeamStacks } from "../plan/teamStacks";
import { splitIntoTeamStacks } from "../plan/teamStackSplit";
import { generatedConfig } from "./generatedConfig";

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
