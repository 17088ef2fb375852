/** A custom resource as the engine records it in a plan, for tests that plant one. */
import { PlanResource } from "../../plan/types";

export function planResource(
    stack: string,
    type: string,
    name: string,
    inputs: Record<string, unknown>,
    propertyDependencies: Record<string, string[]> = {},
): PlanResource {
    return {
        urn: `urn:pulumi:${stack}::secure-ds::${type}::${name}`,
        type,
        name,
        custom: true,
        inputs,
        outputs: {},
        options: { protect: false, retainOnDelete: false, dependsOn: [], ignoreChanges: [], deleteBeforeReplace: false },
        propertyDependencies,
    };
}
