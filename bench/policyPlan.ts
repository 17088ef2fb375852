/**
 * The plan the policy-evaluation figures judge (bench/policyPack.ts in-process, bench/planFigures.ts
 * over the protocol): at least 10,000 distinct resources, 0 findings for a clean config.
 *   BENCH_POLICY_SIZE=TxU   the generated config's teams × users (default 60x10, about 10,000 resources)
 *   BENCH_POLICY_PLAN=FILE  a saved plan (`npm run plan -- --config F [--mode up] --json FILE`) instead
 * The generated config (bench/generatedConfig.ts) gives every team and user its own resources, so
 * no two resources share an input the stack policies correlate by; copies of the dev plan would.
 */
import { buildPlan } from "../plan/buildPlan";
import { readPlanFile } from "../plan/planFile";
import { Plan, PlanMode } from "../plan/types";
import { readStackConfigFile, stackConfigPath } from "../plan/stackConfig";
import { generatedConfig } from "./generatedConfig";

/** The plan, a label for the figure, and the stack file config a started pack is configured with. */
export async function policyBenchPlan(mode: PlanMode): Promise<{ plan: Plan; label: string; stackFileConfig: Record<string, unknown> }> {
    const file = process.env.BENCH_POLICY_PLAN;
    if (file) {
        // The pack reads no stack config (policy-pack/policies/common/accounts.ts); dev's stands in.
        const plan = readPlanFile(file);
        return { plan, label: `${file}, ${plan.mode}`, stackFileConfig: readStackConfigFile(stackConfigPath("dev")) };
    }
    const size = /^([1-9]\d*)x([1-9]\d*)$/.exec(process.env.BENCH_POLICY_SIZE ?? "60x10");
    if (!size) throw new Error(`BENCH_POLICY_SIZE=${String(process.env.BENCH_POLICY_SIZE)}: give <teams>x<users>, e.g. 60x10`);
    const [teams, users] = [Number(size[1]), Number(size[2])];
    const config = generatedConfig(teams, users);
    const plan = await buildPlan({ stack: `bench-${teams}x${users}`, config, mode });
    return { plan, label: `generated ${teams}×${users}, ${mode}`, stackFileConfig: config };
}
