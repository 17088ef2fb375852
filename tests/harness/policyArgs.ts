/**
 * Synthetic CrossGuard arguments for calling one policy directly, as pulumi-policy-aws's
 * tests do. Config defaults from the policy's configSchema are applied here because the engine,
 * not the SDK, applies them. Properties given as UNKNOWN behave as in a preview: reading one
 * throws, and the policy is skipped (mirrors the SDK's unknownCheckingProxy, which traps only
 * `get`: `in` and `Object.keys` see an UNKNOWN property as present, as they do in the SDK).
 * `judgeResourcePolicy` / `judgeStackPolicy` also say whether the policy was skipped that way.
 */
import type { ReportViolation, ResourceValidationArgs, StackValidationArgs, PolicyResource, PolicyResourceOptions } from "@pulumi/policy";
import { SecureDsResourcePolicy, SecureDsStackPolicy } from "../../policy-pack/policies/common";
import { ValidationSkipped, configDefaults, notApplicable, policyResource, runValidations } from "../../plan/validations";

export const UNKNOWN = Symbol("unknown");

/**
 * Reading an UNKNOWN property. Named as the SDK's error is: `isUnknownRead()`
 * (policy-pack/policies/common/preview.ts) tells it by its name.
 */
class UnknownValueError extends ValidationSkipped {
    override name = "UnknownValueError";
}

/** What a policy did with a case: the violations it reported, and the unknown-read messages of validations it could not run. */
export interface Judged {
    violations: string[];
    undecided: string[];
}

function undecidedOf(into: string[]): (err: ValidationSkipped) => void {
    return (err) => {
        if (err instanceof UnknownValueError) into.push(err.message);
    };
}

function unknownChecking<T>(value: T): T {
    if (value === null || typeof value !== "object") return value;
    return new Proxy(value as object, {
        get(target, prop, receiver) {
            const v = Reflect.get(target, prop, receiver);
            if (v === UNKNOWN) throw new UnknownValueError(`value at .${String(prop)} can't be known during preview`);
            return unknownChecking(v);
        },
    }) as T;
}

/** Resource options of a synthetic case: only `protect` varies. */
function caseOptions(protect: boolean | undefined): PolicyResourceOptions {
    return {
        protect: protect ?? false,
        ignoreChanges: [],
        aliases: [],
        customTimeouts: { createSeconds: 0, updateSeconds: 0, deleteSeconds: 0 },
        additionalSecretOutputs: [],
    };
}

export interface ResourceCase {
    type: string;
    props: Record<string, unknown>;
    name?: string;
    protect?: boolean;
    providerProps?: Record<string, unknown>;
    config?: Record<string, unknown>;
}

/** Runs one resource policy; returns the violation messages (empty when compliant or skipped). */
export async function runResourcePolicy(policy: SecureDsResourcePolicy, c: ResourceCase): Promise<string[]> {
    return (await judgeResourcePolicy(policy, c)).violations;
}

/** Runs one resource policy; its violations and whether it was skipped for an unknown value. */
export async function judgeResourcePolicy(policy: SecureDsResourcePolicy, c: ResourceCase): Promise<Judged> {
    const violations: string[] = [];
    const undecided: string[] = [];
    const report: ReportViolation = (message) => violations.push(message);
    const name = c.name ?? "test";
    const args = {
        type: c.type,
        props: unknownChecking(c.props),
        urn: `urn:pulumi:test::secure-ds::${c.type}::${name}`,
        name,
        opts: caseOptions(c.protect),
        provider: c.providerProps
            ? { type: "pulumi:providers:aws", props: c.providerProps, urn: "urn:pulumi:test::secure-ds::pulumi:providers:aws::p", name: "p" }
            : undefined,
        stackTags: new Map<string, string>(),
        isType: () => false,
        asType: () => undefined,
        getConfig: () => ({ ...configDefaults(policy), ...(c.config ?? {}) }),
        notApplicable,
    } as unknown as ResourceValidationArgs;
    await runValidations(policy.validateResource, args, report, undecidedOf(undecided));
    return { violations, undecided };
}

export interface StackCaseResource {
    type: string;
    props: Record<string, unknown>;
    name: string;
    protect?: boolean;
    /** property → names of resources it depends on */
    propertyDependencies?: Record<string, string[]>;
    parent?: string;
    /** Name of the case resource (a `pulumi:providers:aws`) that is this resource's provider. */
    provider?: string;
}

/** Runs one stack policy over synthetic resources; returns violation messages. */
export async function runStackPolicy(policy: SecureDsStackPolicy, resources: StackCaseResource[], config?: Record<string, unknown>): Promise<string[]> {
    return (await judgeStackPolicy(policy, resources, config)).violations;
}

/** Runs one stack policy; its violations and whether it was skipped for an unknown value. */
export async function judgeStackPolicy(policy: SecureDsStackPolicy, resources: StackCaseResource[], config?: Record<string, unknown>): Promise<Judged> {
    const violations: string[] = [];
    const undecided: string[] = [];
    const report: ReportViolation = (message) => violations.push(message);
    const byName = new Map<string, PolicyResource>();
    for (const r of resources) {
        byName.set(
            r.name,
            policyResource({
                type: r.type,
                props: unknownChecking(r.props),
                urn: `urn:pulumi:test::secure-ds::${r.type}::${r.name}`,
                name: r.name,
                opts: caseOptions(r.protect),
            }),
        );
    }
    for (const r of resources) {
        const pr = byName.get(r.name) as PolicyResource & { parent?: PolicyResource };
        if (r.parent) pr.parent = byName.get(r.parent);
        if (r.provider) {
            const prov = byName.get(r.provider);
            if (!prov) throw new Error(`stack case: ${r.name}'s provider ${r.provider} is not a resource of the case`);
            (pr as PolicyResource & { provider?: unknown }).provider = { type: prov.type, props: prov.props, urn: prov.urn, name: prov.name };
        }
        for (const [prop, names] of Object.entries(r.propertyDependencies ?? {})) {
            pr.propertyDependencies[prop] = names.map((n) => {
                const dep = byName.get(n);
                if (!dep) throw new Error(`stack case: ${r.name}.${prop} depends on unknown resource ${n}`);
                return dep;
            });
            pr.dependencies.push(...pr.propertyDependencies[prop]);
        }
    }
    const args = {
        resources: [...byName.values()],
        getConfig: () => ({ ...configDefaults(policy), ...(config ?? {}) }),
        stackTags: new Map<string, string>(),
        notApplicable,
    } as unknown as StackValidationArgs;
    await runValidations(policy.validateStack, args, report, undecidedOf(undecided));
    return { violations, undecided };
}
