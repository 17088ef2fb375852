/**
 * What a secure-ds policy is: a CrossGuard resource or stack policy with the guardrail metadata
 * the docs and the plan engine read (tools/controlsDoc.ts, plan/evaluate.ts).
 */
import type { ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";

/** What every secure-ds policy adds to CrossGuard's metadata. */
export interface PolicyMeta {
    /** Guardrail control IDs implemented (docs/guardrails.md), e.g. ["N1"]. */
    controls: string[];
    /** What to change when the policy fires. */
    remediation: string;
    /**
     * Set on a resource policy that cannot judge its resource in a preview when a document it
     * reads is unknown (`knownOrDefer`, common/preview.ts): why. Such a check is judged during
     * `pulumi up`, before the resource is created; the plan lists it as deferred, not undecided.
     */
    previewDeferral?: string;
}

export type SecureDsResourcePolicy = ResourceValidationPolicy & PolicyMeta;
export type SecureDsStackPolicy = StackValidationPolicy & PolicyMeta;
export type SecureDsPolicy = SecureDsResourcePolicy | SecureDsStackPolicy;

export function isStackPolicy(policy: SecureDsPolicy): policy is SecureDsStackPolicy {
    return "validateStack" in policy;
}
