/**
 * The dev and prod plans, built once per test run. The global setup (stackPlans.globalSetup.ts,
 * named in vitest.config.mts) builds both with the real buildPlan and writes them as JSON
 * (docs/plan-format.md); every test that only reads a repository stack's plan loads it here
 * instead of running the program again. Tests that change the config still run the program.
 */
import * as path from "node:path";
import { inject } from "vitest";
import { readPlanFile } from "../../plan/planFile";
import { Plan } from "../../plan/types";

export const STACKS = ["dev", "prod"] as const;
export type StackName = (typeof STACKS)[number];

declare module "vitest" {
    export interface ProvidedContext {
        /** The folder of this run's plans (`<stack>.json`), provided by the global setup. */
        stackPlanDir: string;
    }
}

/** The JSON file of a stack's plan for this run, as `npm run plan -- --stack <stack> --json` writes it. */
export function stackPlanFile(stack: StackName): string {
    const dir = inject("stackPlanDir");
    if (!dir) {
        throw new Error(
            "no stack plans in this run: tests/harness/stackPlans.globalSetup.ts builds them, for the test files vitest.config.mts gives that global setup",
        );
    }
    return path.join(dir, `${stack}.json`);
}

function deepFreeze<T>(value: T): T {
    if (value !== null && typeof value === "object" && !Object.isFrozen(value)) {
        Object.freeze(value);
        for (const child of Object.values(value)) deepFreeze(child);
    }
    return value;
}

const loaded = new Map<StackName, Plan>();

/**
 * The offline plan of a repository stack (Pulumi.<stack>.yaml), as `npm run plan` builds it.
 * Read once per process and shared by every test in it, so it is frozen: a test that changes a
 * plan works on a copy (structuredClone) and cannot leak its change into another test.
 */
export function loadStackPlan(stack: StackName): Plan {
    let plan = loaded.get(stack);
    if (!plan) {
        plan = deepFreeze(readPlanFile(stackPlanFile(stack)));
        loaded.set(stack, plan);
    }
    return plan;
}
