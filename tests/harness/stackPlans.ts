/**
 * The dev and prod plans, in both modes (`up` and `preview`), built once per test run. The global
 * setup (stackPlans.globalSetup.ts, named in vitest.config.mts) builds all four with the real
 * buildPlan and writes them as JSON (docs/plan-format.md); every test that only reads a repository
 * stack's plan loads it here instead of running the program again. Tests that change the config,
 * or check the command line itself, still run the program.
 */
import * as path from "node:path";
import { inject } from "vitest";
import { readPlanFile } from "../../plan/planFile";
import { Plan, PlanMode } from "../../plan/types";
import { unionPlan } from "../../plan/environment";

/** The quick-start sandbox and the prod workload stack: built in both modes. */
export const STACKS = ["dev", "prod"] as const;
/** The prod organisation's other per-account stacks (upstream of prod, or its management). */
export const ORGANIZATION_STACKS = ["management", "log-archive", "shared-services"] as const;
export const ALL_STACKS = [...STACKS, ...ORGANIZATION_STACKS] as const;
export type StackName = (typeof ALL_STACKS)[number];
/** The modes the global setup builds each stack in. */
export const PLAN_MODES: readonly PlanMode[] = ["up", "preview"];
/** Every stack in both modes: a downstream stack reads its upstream's `up` plan; the mutation proof judges each stack's preview. */
export const modesOf = (_stack: StackName): readonly PlanMode[] => PLAN_MODES;
/** The stacks each stack reads through stack references (their `up` plans are built first). */
export const UPSTREAM_OF: Record<StackName, StackName[]> = {
    dev: [],
    management: [],
    "log-archive": [],
    "shared-services": ["log-archive"],
    prod: ["log-archive", "shared-services"],
};

declare module "vitest" {
    export interface ProvidedContext {
        /** The folder of this run's plans (stackPlanFileName), provided by the global setup. */
        stackPlanDir: string;
    }
}

/** The name of a stack's plan file in the run's folder: `<stack>.json` (up) or `<stack>.preview.json`. */
export function stackPlanFileName(stack: StackName, mode: PlanMode): string {
    return mode === "up" ? `${stack}.json` : `${stack}.${mode}.json`;
}

/** The JSON file of a stack's plan for this run, as `npm run plan -- --stack <stack> --mode <mode> --json` writes it. */
export function stackPlanFile(stack: StackName, mode: PlanMode = "up"): string {
    const dir = inject("stackPlanDir");
    if (!dir) {
        throw new Error(
            "no stack plans in this run: tests/harness/stackPlans.globalSetup.ts builds them, for the test files vitest.config.mts gives that global setup",
        );
    }
    return path.join(dir, stackPlanFileName(stack, mode));
}

function deepFreeze<T>(value: T): T {
    if (value !== null && typeof value === "object" && !Object.isFrozen(value)) {
        Object.freeze(value);
        for (const child of Object.values(value)) deepFreeze(child);
    }
    return value;
}

const loaded = new Map<string, Plan>();

/**
 * The offline plan of a repository stack (Pulumi.<stack>.yaml) in a mode, as
 * `npm run plan -- --stack <stack> --mode <mode>` builds it: `up` (ids and ARNs known) unless asked.
 * Read once per process and shared by every test in it, so it is frozen: a test that changes a
 * plan works on a copy (structuredClone) and cannot leak its change into another test.
 */
export function loadStackPlan(stack: StackName, mode: PlanMode = "up"): Plan {
    if (!modesOf(stack).includes(mode)) throw new Error(`the test run builds the ${stack} plan in ${modesOf(stack).join(", ")} mode only, not ${mode}`);
    const key = `${stack} ${mode}`;
    let plan = loaded.get(key);
    if (!plan) {
        plan = deepFreeze(readPlanFile(stackPlanFile(stack, mode)));
        loaded.set(key, plan);
    }
    return plan;
}

/**
 * The prod organisation as one plan: every per-account stack's `up` plan (management, log-archive,
 * shared-services, prod), resources concatenated. For checks that follow documents across
 * accounts (an SCP of the management stack over a role of the workload stack). URNs stay unique:
 * each names its stack.
 */
export function loadOrganizationPlan(): Plan {
    return unionPlan([...ORGANIZATION_STACKS.map((s) => loadStackPlan(s)), loadStackPlan("prod")], "prod (with its organisation's stacks)");
}
