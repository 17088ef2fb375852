/**
 * Synthetic CrossGuard arguments for calling one policy directly, as pulumi-policy-aws's
 * tests do. Config defaults from the policy's configSchema are applied here because the engine,
 * not the SDK, applies them. Properties given as UNKNOWN behave as in a preview: reading one
 * throws, and the policy is skipped (mirrors the SDK's unknownCheckingProxy).
 */
import type { ReportViolation, ResourceValidationArgs, StackValidationArgs, PolicyResource } from "@pulumi/policy";
import { SecureDsResourcePolicy, SecureDsStackPolicy } from "../../policy-pack/policies/types";

export const UNKNOWN = Symbol("unknown");

class UnknownValueRead extends Error {}

function unknownChecking<T>(value: T): T {
    if (value === null || typeof value !== "object") return value;
    return new Proxy(value as object, {
        get(target, prop, receiver) {
            const v = Reflect.get(target, prop, receiver);
            if (v === UNKNOWN) throw new UnknownValueRead(`read unknown property ${String(prop)}`);
            return unknownChecking(v);
        },
    }) as T;
}

/** The policy's configSchema defaults, which the engine (not the SDK) applies before `getConfig`. */
export function configDefaults(policy: { configSchema?: { properties?: Record<string, unknown> } }): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const [k, schema] of Object.entries(policy.configSchema?.properties ?? {})) {
        const d = (schema as { default?: unknown }).default;
        if (d !== undefined) out[k] = d;
    }
    return out;
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
    const violations: string[] = [];
    const report: ReportViolation = (message) => violations.push(message);
    const name = c.name ?? "test";
    const args = {
        type: c.type,
        props: unknownChecking(c.props),
        urn: `urn:pulumi:test::secure-ds::${c.type}::${name}`,
        name,
        opts: { protect: c.protect ?? false, ignoreChanges: [], aliases: [], customTimeouts: { createSeconds: 0, updateSeconds: 0, deleteSeconds: 0 }, additionalSecretOutputs: [] },
        provider: c.providerProps ? { type: "pulumi:providers:aws", props: c.providerProps, urn: "urn:pulumi:test::secure-ds::pulumi:providers:aws::p", name: "p" } : undefined,
        stackTags: new Map<string, string>(),
        isType: () => false,
        asType: () => undefined,
        getConfig: () => ({ ...configDefaults(policy), ...(c.config ?? {}) }),
        notApplicable: (reason?: string) => {
            throw new UnknownValueRead(reason ?? "not applicable");
        },
    } as unknown as ResourceValidationArgs;
    const validations = Array.isArray(policy.validateResource) ? policy.validateResource : [policy.validateResource];
    for (const validate of validations) {
        try {
            await validate?.(args, report);
        } catch (err) {
            if (!(err instanceof UnknownValueRead)) throw err;
        }
    }
    return violations;
}

export interface StackCaseResource {
    type: string;
    props: Record<string, unknown>;
    name: string;
    protect?: boolean;
    /** property → names of resources it depends on */
    propertyDependencies?: Record<string, string[]>;
    parent?: string;
}

/** Runs one stack policy over synthetic resources; returns violation messages. */
export async function runStackPolicy(policy: SecureDsStackPolicy, resources: StackCaseResource[], config?: Record<string, unknown>): Promise<string[]> {
    const violations: string[] = [];
    const report: ReportViolation = (message) => violations.push(message);
    const byName = new Map<string, PolicyResource>();
    for (const r of resources) {
        byName.set(r.name, {
            type: r.type,
            props: unknownChecking(r.props),
            urn: `urn:pulumi:test::secure-ds::${r.type}::${r.name}`,
            name: r.name,
            opts: { protect: r.protect ?? false, ignoreChanges: [], aliases: [], customTimeouts: { createSeconds: 0, updateSeconds: 0, deleteSeconds: 0 }, additionalSecretOutputs: [] },
            dependencies: [],
            propertyDependencies: {},
            isType: () => false,
            asType: () => undefined,
        } as unknown as PolicyResource);
    }
    for (const r of resources) {
        const pr = byName.get(r.name) as PolicyResource & { parent?: PolicyResource };
        if (r.parent) pr.parent = byName.get(r.parent);
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
        notApplicable: (reason?: string) => {
            throw new UnknownValueRead(reason ?? "not applicable");
        },
    } as unknown as StackValidationArgs;
    const validations = Array.isArray(policy.validateStack) ? policy.validateStack : [policy.validateStack];
    for (const validate of validations) {
        try {
            await validate?.(args, report);
        } catch (err) {
            if (!(err instanceof UnknownValueRead)) throw err;
        }
    }
    return violations;
}
