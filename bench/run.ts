/** `npm run bench`: every benchmark, figures only (BENCH_RUNS=n sets the repetitions, default 3). */
import { benchPlan } from "./plan";
import { benchPolicyPack } from "./policyPack";

async function main(): Promise<void> {
    console.log(benchPlan().join("\n"));
    console.log((await benchPolicyPack()).join("\n"));
}

main().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
});
