/**
 * Builds the offline plan: run the program under the mock engine, evaluate the policy pack with
 * the stack's enforcement, summarise. Used by `npm run plan` and by the tests.
 */
import { PlatformConfigError, parsePlatformConfig, policyEnforcement } from "../stacks/config";
import { PackConfig, evaluatePolicies, packConfigPath, readPackConfig } from "./evaluate";
import { PLAN_FORMAT_VERSION, Plan, PlanFinding, PlanResource, PlanSummary } from "./types";
import { runPlatform } from "./platformRun";

export interface BuildPlanOptions {
    stack: string;
    config: Record<string, unknown>;
    /** Pack config file; default policy-pack/config/<policyEnforcement>.json. */
    packConfigFile?: string;
}

/** The component a custom resource belongs to: its top-most ancestor below the account layer. */
function componentOf(resource: PlanResource, byUrn: Map<string, PlanResource>): string {
    if (resource.type.startsWith("pulumi:providers:")) return "(layer provider)";
    let current: PlanResource | undefined = resource;
    let component = "(layer, no component)";
    while (current?.parent) {
        const parent = byUrn.get(current.parent);
        if (!parent || parent.type === "pulumi:pulumi:Stack" || parent.type.startsWith("secure-ds:stacks:")) break;
        component = parent.type;
        current = parent;
    }
    return component;
}

export function summarise(
    stack: string,
    environment: string | undefined,
    resources: PlanResource[],
    findings: PlanFinding[],
    outputs: Record<string, unknown>,
): PlanSummary {
    const byUrn = new Map(resources.map((r) => [r.urn, r]));
    const byAccount: PlanSummary["byAccount"] = {};
    for (const r of resources) {
        if (!r.custom) continue;
        const account = r.account ?? "(no provider account)";
        const component = componentOf(r, byUrn);
        byAccount[account] ??= {};
        byAccount[account][component] = (byAccount[account][component] ?? 0) + 1;
    }
    const sections: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(outputs)) {
        if (key.endsWith("Plan")) sections[key] = value;
    }
    return {
        stack,
        environment,
        resourceCount: resources.length,
        customResourceCount: resources.filter((r) => r.custom).length,
        byAccount,
        findings: {
            mandatory: findings.filter((f) => f.level === "mandatory").length,
            advisory: findings.filter((f) => f.level === "advisory").length,
        },
        sections,
    };
}

/** Runs the program for a stack config and evaluates the pack. Throws PlatformConfigError on bad config. */
export async function buildPlan(options: BuildPlanOptions): Promise<Plan> {
    // Validate first so a bad config registers nothing and surfaces as one line per problem.
    const cfg = parsePlatformConfig(options.config["secure-ds:platform"] ?? missingPlatform());
    const run = await runPlatform(options.stack, options.config);
    const packConfig = readPackConfig(options.packConfigFile ?? packConfigPath(policyEnforcement(cfg)));
    const findings = await evaluatePolicies(run.resources, packConfig);
    return {
        formatVersion: PLAN_FORMAT_VERSION,
        project: "secure-ds",
        stack: options.stack,
        resources: run.resources,
        outputs: run.outputs,
        findings,
        packConfig,
        summary: summarise(options.stack, cfg.environment, run.resources, findings, run.outputs),
    };
}

function missingPlatform(): never {
    throw new PlatformConfigError(["secure-ds:platform: missing; set it in the stack file (see docs/configuration.md)"]);
}

/** Re-evaluates the pack over a saved plan (e.g. a CI artefact edited for a what-if). */
export async function reevaluatePlan(plan: Plan, packConfigFile?: string): Promise<Plan> {
    if (plan.formatVersion !== PLAN_FORMAT_VERSION || !Array.isArray(plan.resources)) {
        throw new Error(`not a secure-ds plan of format version ${PLAN_FORMAT_VERSION} (formatVersion: ${String(plan.formatVersion)})`);
    }
    // Default: the pack config the plan was made with, so a what-if edit is judged by the same rules.
    const packConfig = packConfigFile ? readPackConfig(packConfigFile) : (plan.packConfig as PackConfig);
    if (!packConfig) throw new Error("the plan records no packConfig; pass --pack-config FILE");
    const findings = await evaluatePolicies(plan.resources, packConfig);
    return { ...plan, findings, packConfig, summary: summarise(plan.stack, plan.summary?.environment, plan.resources, findings, plan.outputs ?? {}) };
}

/** The human-readable summary printed by `npm run plan`. */
export function formatPlan(plan: Plan): string {
    const lines: string[] = [];
    const s = plan.summary;
    lines.push(`secure-ds offline plan: stack ${plan.stack}${s.environment ? ` (environment ${s.environment})` : ""}`);
    lines.push(`${s.resourceCount} resources, ${s.customResourceCount} of them cloud resources`);
    lines.push("");
    lines.push("Resources per account and component:");
    for (const [account, components] of Object.entries(s.byAccount).sort()) {
        const total = Object.values(components).reduce((a, b) => a + b, 0);
        lines.push(`  account ${account}: ${total}`);
        const width = Math.max(...Object.keys(components).map((c) => c.length));
        for (const [component, count] of Object.entries(components).sort()) {
            lines.push(`    ${component.padEnd(width)}  ${String(count).padStart(4)}`);
        }
    }
    for (const [name, section] of Object.entries(s.sections)) {
        lines.push("");
        lines.push(`${name}:`);
        lines.push(
            ...JSON.stringify(section, null, 2)
                .split("\n")
                .map((l) => `  ${l}`),
        );
    }
    lines.push("");
    lines.push(`Findings: ${s.findings.mandatory} mandatory, ${s.findings.advisory} advisory`);
    const byUrn = new Map(plan.resources.map((r) => [r.urn, r]));
    for (const f of [...plan.findings].sort((a, b) => (a.level === b.level ? a.policy.localeCompare(b.policy) : a.level === "mandatory" ? -1 : 1))) {
        const resource = f.urn ? byUrn.get(f.urn) : undefined;
        lines.push(`  [${f.level}] ${f.policy} ${resource ? `${resource.type} ${resource.name}` : "(stack)"}: ${f.message}`);
    }
    lines.push("");
    lines.push(s.findings.mandatory > 0 ? `FAILED: ${s.findings.mandatory} mandatory policy violation(s)` : "OK: no mandatory policy violation");
    return lines.join("\n");
}
