/**
 * `npm run bench`: the issue-19 figures against their targets (bench/issue19.ts), then the
 * in-process policy evaluation and pack start-up figures (bench/policyPack.ts).
 * BENCH_RUNS=n sets the repetitions (default 3); BENCH_TESTS=1 also times `npm test`.
 */
import { issue19Figures } from "./issue19";
import { benchPolicyPack } from "./policyPack";

async function main(): Promise<void> {
    console.log((await issue19Figures()).join("\n"));
    console.log((await benchPolicyPack()).join("\n"));
}

main().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
});
