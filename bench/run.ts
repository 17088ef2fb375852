/**
 * `npm run bench`: the plan figures against their targets (bench/planFigures.ts), then the
 * in-process policy evaluation and pack start-up figures (bench/policyPack.ts).
 * BENCH_RUNS=n sets the repetitions (default 3); BENCH_TESTS=1 also times `npm test`;
 * BENCH_SIZE=TxU the generated config (default 100x10), also split into team stacks of 10 teams.
 */
import { planFigures } from "./planFigures";
import { benchPolicyPack } from "./policyPack";
import { measuredTeamStacks } from "./teamStacks";

async function main(): Promise<void> {
    // BENCH_TEAM_STACKS=0 leaves out the team-stack figures (the split planned with 1 and 2 workers).
    console.log((await planFigures(process.env.BENCH_TEAM_STACKS === "0" ? undefined : measuredTeamStacks())).join("\n"));
    console.log((await benchPolicyPack()).join("\n"));
}

main().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
});
