/**
 * The offline plan format (documented in docs/plan-format.md). Stable: fields are only added.
 */

export const PLAN_FORMAT_VERSION = 1;

export interface PlanResourceOptions {
    /** `protect`: the engine refuses to delete the resource. */
    protect: boolean;
    /** `retainOnDelete`: deleting it from the program leaves the cloud resource in place. */
    retainOnDelete: boolean;
    /** URNs of explicit `dependsOn` resources. */
    dependsOn: string[];
    /** Property paths whose changes are ignored. */
    ignoreChanges: string[];
    deleteBeforeReplace: boolean;
}

export interface PlanResource {
    urn: string;
    type: string;
    name: string;
    /** URN of the parent resource (the stack for top-level resources). */
    parent?: string;
    /** True for cloud resources, false for components and the stack. */
    custom: boolean;
    /** URN of the provider managing a custom resource. */
    provider?: string;
    /** AWS account id the resource is deployed into (from its provider's allowedAccountIds). */
    account?: string;
    /** Account layer (management, sharedServices, workload) of the resource's provider. */
    layer?: string;
    id?: string;
    /** Inputs as the program passed them, resolved. */
    inputs: Record<string, unknown>;
    /** State the (mock) engine returned: inputs plus ids, ARNs and computed attributes. */
    outputs: Record<string, unknown>;
    options: PlanResourceOptions;
    /** Input property name → URNs of the resources its value was computed from. */
    propertyDependencies: Record<string, string[]>;
}

export type EnforcementLevel = "advisory" | "mandatory" | "remediate" | "disabled";

export interface PlanFinding {
    policy: string;
    level: EnforcementLevel;
    /** URN of the offending resource; absent for a stack-level finding without one. */
    urn?: string;
    message: string;
    /** Guardrail control IDs the policy implements (docs/guardrails.md). */
    controls: string[];
}

export interface PlanSummary {
    stack: string;
    environment?: string;
    resourceCount: number;
    customResourceCount: number;
    /** account id → component type → custom resource count. */
    byAccount: Record<string, Record<string, number>>;
    findings: { mandatory: number; advisory: number };
    /** Sections contributed by components (e.g. the network capacity plan). */
    sections: Record<string, unknown>;
}

export interface Plan {
    formatVersion: number;
    project: string;
    stack: string;
    resources: PlanResource[];
    /** Stack outputs. */
    outputs: Record<string, unknown>;
    findings: PlanFinding[];
    /** The policy pack config the findings were evaluated with (policy-pack/config/*.json content). */
    packConfig: Record<string, unknown>;
    summary: PlanSummary;
}
