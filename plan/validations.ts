/**
 * How the policy engine calls a CrossGuard validation, for the offline plan and for tests that
 * call one policy directly: config defaults from the policy's configSchema (the engine, not the
 * SDK, applies them), validations run in order, `notApplicable` ends one without a finding.
 */
import type { PolicyResource, PolicyResourceOptions, ReportViolation } from "@pulumi/policy";

/**
 * Ends a validation without a finding or a failure, as the engine does after `notApplicable` or
 * an unknown read; `runValidations` swallows exactly this error (and its subclass).
 */
export class ValidationSkipped extends Error {}

/** The policy's configSchema defaults, which the engine (not the SDK) applies before `getConfig`. */
export function configDefaults(policy: { configSchema?: { properties?: Record<string, unknown> } }): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const [k, schema] of Object.entries(policy.configSchema?.properties ?? {})) {
        const d = (schema as { default?: unknown }).default;
        if (d !== undefined) out[k] = d;
    }
    return out;
}

type Validation<A> = ((args: A, reportViolation: ReportViolation) => Promise<void> | void) | undefined;

/**
 * Runs a policy's `validateResource` or `validateStack` (CrossGuard takes one or a list) in
 * order, as the engine does: a skipped validation (ValidationSkipped) is not a failure (`onSkipped`
 * hears of it), any other error propagates.
 */
export async function runValidations<A>(
    validations: Validation<A> | Validation<A>[],
    args: A,
    report: ReportViolation,
    onSkipped?: (err: ValidationSkipped) => void,
): Promise<void> {
    for (const validate of Array.isArray(validations) ? validations : [validations]) {
        try {
            await validate?.(args, report);
        } catch (err) {
            if (!(err instanceof ValidationSkipped)) throw err;
            onSkipped?.(err);
        }
    }
}

/** The engine's `notApplicable`: ends the validation without a finding. */
export function notApplicable(reason?: string): never {
    throw new ValidationSkipped(reason ?? "not applicable");
}

/** A PolicyResource as the engine passes one to a stack policy; callers fill in the dependencies. */
export function policyResource(r: { type: string; props: Record<string, unknown>; urn: string; name: string; opts: PolicyResourceOptions }): PolicyResource {
    return { ...r, dependencies: [], propertyDependencies: {}, isType: () => false, asType: () => undefined } as unknown as PolicyResource;
}
