/**
 * Runs the policy pack over recorded resources the way the CrossGuard engine does: resource
 * policies once per resource, stack policies once over all resources, with the enforcement
 * level and config of a pack config file (policy-pack/config/*.json) and the schema defaults
 * the engine would apply.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import type { PolicyResource, ReportViolation, ResourceValidationArgs, StackValidationArgs } from "@pulumi/policy";
import { policies as packPolicies } from "../policy-pack/policies";
import { SecureDsPolicy, isStackPolicy } from "../policy-pack/policies/common";
import { EnforcementLevel, PlanFinding, PlanResource } from "./types";
import { configDefaults, notApplicable, policyResource, runValidations } from "./validations";
import { REPO_ROOT } from "./stackConfig";

/**
 * The pack-wide default of `new PolicyPack(..., { enforcementLevel })` in policy-pack/index.ts,
 * which cannot be imported (it starts a gRPC server); tests/plan/plan.test.ts checks they agree.
 */
export const PACK_DEFAULT_ENFORCEMENT: EnforcementLevel = "mandatory";

/** Pulumi pack config: `all` and per-policy entries, each a level or an object. */
export type PackConfig = Record<string, EnforcementLevel | ({ enforcementLevel?: EnforcementLevel } & Record<string, unknown>)>;

export function packConfigPath(enforcement: string): string {
    return path.join(REPO_ROOT, "policy-pack", "config", `${enforcement}.json`);
}

export function readPackConfig(file: string): PackConfig {
    if (!fs.existsSync(file)) throw new Error(`policy pack config ${file} does not exist`);
    return JSON.parse(fs.readFileSync(file, "utf8")) as PackConfig;
}

interface ResolvedPolicy {
    policy: SecureDsPolicy;
    level: EnforcementLevel;
    config: Record<string, unknown>;
}

/** Level and config per policy, as the engine resolves them. */
export function resolvePolicies(packConfig: PackConfig, policies: SecureDsPolicy[] = packPolicies): ResolvedPolicy[] {
    const known = new Set(policies.map((p) => p.name).concat("all"));
    for (const key of Object.keys(packConfig)) {
        if (!known.has(key)) throw new Error(`policy pack config names an unknown policy "${key}"; known: ${[...known].join(", ")}`);
    }
    const levelOf = (entry: PackConfig[string] | undefined): EnforcementLevel | undefined => (typeof entry === "string" ? entry : entry?.enforcementLevel);
    return policies.map((policy) => {
        const entry = packConfig[policy.name];
        // The engine's order: the policy's own config entry, then `all`, then the policy's level, then the pack's.
        const level = levelOf(entry) ?? levelOf(packConfig.all) ?? policy.enforcementLevel ?? PACK_DEFAULT_ENFORCEMENT;
        const overrides = typeof entry === "object" ? Object.fromEntries(Object.entries(entry).filter(([k]) => k !== "enforcementLevel")) : {};
        return { policy, level, config: { ...configDefaults(policy), ...overrides } };
    });
}

function policyResources(resources: PlanResource[]): Map<string, PolicyResource> {
    const byUrn = new Map<string, PolicyResource>();
    for (const r of resources) {
        const opts = {
            protect: r.options.protect,
            ignoreChanges: r.options.ignoreChanges,
            deleteBeforeReplace: r.options.deleteBeforeReplace,
            aliases: [],
            customTimeouts: { createSeconds: 0, updateSeconds: 0, deleteSeconds: 0 },
            additionalSecretOutputs: [],
            parent: r.parent,
            provider: r.provider,
        };
        byUrn.set(r.urn, policyResource({ type: r.type, props: r.inputs, urn: r.urn, name: r.name, opts }));
    }
    for (const r of resources) {
        const pr = byUrn.get(r.urn) as PolicyResource & { parent?: PolicyResource; provider?: unknown };
        pr.parent = r.parent ? byUrn.get(r.parent) : undefined;
        const prov = r.provider ? byUrn.get(r.provider) : undefined;
        pr.provider = prov ? { type: prov.type, props: prov.props, urn: prov.urn, name: prov.name } : undefined;
        const deps = new Set<string>(r.options.dependsOn);
        for (const [prop, urns] of Object.entries(r.propertyDependencies)) {
            pr.propertyDependencies[prop] = urns.map((u) => byUrn.get(u)).filter((x): x is PolicyResource => x !== undefined);
            urns.forEach((u) => deps.add(u));
        }
        pr.dependencies = [...deps].map((u) => byUrn.get(u)).filter((x): x is PolicyResource => x !== undefined);
    }
    return byUrn;
}

/** Evaluates every enabled policy; returns findings in a stable order. */
export async function evaluatePolicies(resources: PlanResource[], packConfig: PackConfig, policies: SecureDsPolicy[] = packPolicies): Promise<PlanFinding[]> {
    const findings: PlanFinding[] = [];
    const byUrn = policyResources(resources);
    for (const { policy, level, config } of resolvePolicies(packConfig, policies)) {
        if (level === "disabled") continue;
        const report =
            (urnFallback?: string): ReportViolation =>
            (message: string, urn?: string) => {
                findings.push({ policy: policy.name, level, urn: urn ?? urnFallback, message, controls: policy.controls });
            };
        if (isStackPolicy(policy)) {
            const args: StackValidationArgs = {
                resources: [...byUrn.values()],
                getConfig: <T extends object>() => config as T,
                stackTags: new Map(),
                notApplicable,
            };
            await runValidations(policy.validateStack, args, report());
            continue;
        }
        for (const r of resources) {
            const pr = byUrn.get(r.urn) as PolicyResource;
            const args = {
                type: r.type,
                props: r.inputs,
                urn: r.urn,
                name: r.name,
                opts: pr.opts,
                provider: pr.provider,
                stackTags: new Map<string, string>(),
                isType: (cls: { __pulumiType?: string }) => cls.__pulumiType === r.type,
                asType: (cls: { __pulumiType?: string }) => (cls.__pulumiType === r.type ? r.inputs : undefined),
                getConfig: <T extends object>() => config as T,
                notApplicable,
            } as unknown as ResourceValidationArgs;
            await runValidations(policy.validateResource, args, report(r.urn));
        }
    }
    return findings;
}
