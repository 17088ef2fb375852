/**
 * The policy pack config, read and checked as pkg/resource/analyzer/config.go does
 * (parsePolicyPackConfig, ReconcilePolicyPackConfig, validatePolicyConfig), and stricter:
 * a policy name the pack does not have and a property its configSchema does not declare are
 * errors too (the CLI would silently ignore both, so a typo would switch a guardrail's tuning off).
 */
import Ajv, { ErrorObject } from "ajv";
import type { EnforcementLevel } from "./types";

export const ENFORCEMENT_LEVELS: readonly EnforcementLevel[] = ["advisory", "mandatory", "remediate", "disabled"];

/** A pack config problem: `npm run plan` exits 2 with this one line. */
export class PackConfigError extends Error {}

export interface PolicyConfigEntry {
    enforcementLevel?: EnforcementLevel;
    properties?: Record<string, unknown>;
}

export interface PolicySchema {
    properties?: Record<string, Record<string, unknown>>;
    required?: string[];
}

/** What GetAnalyzerInfo says of one policy. */
export interface PolicyMeta {
    name: string;
    enforcementLevel: EnforcementLevel;
    configSchema?: PolicySchema;
}

export interface ResolvedPolicyConfig {
    enforcementLevel: EnforcementLevel;
    properties: Record<string, unknown>;
}

function isLevel(value: unknown): value is EnforcementLevel {
    return typeof value === "string" && (ENFORCEMENT_LEVELS as readonly string[]).includes(value);
}

const levelProblem = (key: string, value: unknown) =>
    `"${key}": ${JSON.stringify(value)} is not a valid enforcement level (one of ${ENFORCEMENT_LEVELS.join(", ")})`;

/** parsePolicyPackConfig: each entry is a level or an object with an optional `enforcementLevel`. */
export function parsePackConfig(text: string, file: string): Record<string, PolicyConfigEntry> {
    const fail = (problem: string): never => {
        throw new PackConfigError(`policy pack config ${file}: ${problem}`);
    };
    if (text.trim() === "") return {};
    let doc: unknown;
    try {
        doc = JSON.parse(text);
    } catch (err) {
        return fail(`not JSON (${err instanceof Error ? err.message : String(err)})`);
    }
    if (doc === null || typeof doc !== "object" || Array.isArray(doc)) return fail("must be a JSON object");
    const out: Record<string, PolicyConfigEntry> = {};
    for (const [key, value] of Object.entries(doc as Record<string, unknown>)) {
        // The CLI resolves `environments` through Pulumi ESC, which needs the service.
        if (key === "environments") fail(`"environments" (Pulumi ESC) cannot be resolved offline`);
        if (typeof value === "string") {
            if (!isLevel(value)) fail(levelProblem(key, value));
            out[key] = { enforcementLevel: value as EnforcementLevel };
        } else if (value !== null && typeof value === "object" && !Array.isArray(value)) {
            const { enforcementLevel, ...properties } = value as Record<string, unknown>;
            if (enforcementLevel !== undefined && !isLevel(enforcementLevel)) fail(levelProblem(`${key}.enforcementLevel`, enforcementLevel));
            out[key] = {
                ...(enforcementLevel !== undefined ? { enforcementLevel: enforcementLevel as EnforcementLevel } : {}),
                ...(Object.keys(properties).length > 0 ? { properties } : {}),
            };
        } else {
            fail(`"${key}": ${JSON.stringify(value)} is not a valid value; must be a string or object`);
        }
    }
    return out;
}

const ajv = new Ajv({ allErrors: true, strict: false });

function describe(policy: string, error: ErrorObject): string {
    const at = error.instancePath.replace(/^\//, "").replace(/\//g, ".");
    if (error.keyword === "additionalProperties") {
        const extra = String((error.params as { additionalProperty?: unknown }).additionalProperty);
        return `"${policy}".${extra}: not a property of the policy's configSchema`;
    }
    return `"${policy}"${at ? `.${at}` : ""}: ${error.message ?? "invalid"}`;
}

/**
 * ReconcilePolicyPackConfig: schema defaults, then the pack's initial config, then the file
 * (`all` first, then each policy's entry), then each policy's properties validated against its
 * configSchema. Throws PackConfigError naming the first offending key.
 */
export function reconcilePackConfig(
    policies: PolicyMeta[],
    initial: Record<string, PolicyConfigEntry>,
    config: Record<string, PolicyConfigEntry>,
    file: string,
): Record<string, ResolvedPolicyConfig> {
    const known = new Set(policies.map((p) => p.name));
    for (const key of Object.keys(config)) {
        if (key !== "all" && !known.has(key)) {
            throw new PackConfigError(`policy pack config ${file}: "${key}" is not a policy of the pack`);
        }
    }
    const result: Record<string, ResolvedPolicyConfig> = {};
    for (const p of policies) {
        const defaults: Record<string, unknown> = {};
        for (const [k, schema] of Object.entries(p.configSchema?.properties ?? {})) if ("default" in schema) defaults[k] = schema.default;
        result[p.name] = { enforcementLevel: p.enforcementLevel, properties: defaults };
    }
    for (const layer of [initial, config]) {
        const all = layer.all?.enforcementLevel;
        if (all) for (const r of Object.values(result)) r.enforcementLevel = all;
        for (const [name, entry] of Object.entries(layer)) {
            const r = result[name];
            if (!r) continue;
            if (entry.enforcementLevel) r.enforcementLevel = entry.enforcementLevel;
            Object.assign(r.properties, entry.properties ?? {});
        }
    }
    for (const p of policies) {
        const schema = {
            type: "object",
            properties: p.configSchema?.properties ?? {},
            additionalProperties: false,
            ...(p.configSchema?.required?.length ? { required: p.configSchema.required } : {}),
        };
        const validate = ajv.compile(schema);
        if (!validate(result[p.name].properties)) {
            throw new PackConfigError(`policy pack config ${file}: ${describe(p.name, (validate.errors ?? [])[0])}`);
        }
    }
    return result;
}
