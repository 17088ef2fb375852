/** The dev and prod plans the IAM proofs read, built once per test process. */
import { buildPlan } from "../../plan/buildPlan";
import { Plan } from "../../plan/types";
import { readStackConfigFile, stackConfigPath } from "../../plan/stackConfig";

export const STACKS = ["dev", "prod"] as const;
export type StackName = (typeof STACKS)[number];

const cache = new Map<string, Promise<Plan>>();

/** The offline plan of a repository stack (Pulumi.<stack>.yaml), as `npm run plan` builds it. */
export function stackPlan(stack: StackName): Promise<Plan> {
    let p = cache.get(stack);
    if (!p) {
        p = buildPlan({ stack, config: readStackConfigFile(stackConfigPath(stack)) });
        cache.set(stack, p);
    }
    return p;
}
