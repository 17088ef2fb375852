/**
 * Pulumi's property wire format (google.protobuf.Struct carrying "signature" objects), decoded
 * into the plain JSON the plan records and encoded back for the analyzer. The signatures are the
 * ones @pulumi/pulumi's runtime/rpc and the engine's plugin/rpc.go agree on.
 */

import { PLAN_UNKNOWN } from "../types";

/** The engine's marker for a value not known until the resource exists (plugin.UnknownStringValue). */
export const UNKNOWN = PLAN_UNKNOWN;

export const SIG_KEY = "4dabf18193072939515e22adb298388d";
export const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";
export const RESOURCE_SIG = "5cf8f73096256a8f31e491e813e4eb8e";
export const OUTPUT_SIG = "d0e6a833031e9bbcd3f4e8bde6ca49a4";
export const ASSET_SIG = "c44067f5952c0a294b673a41bacd8c17";
export const ARCHIVE_SIG = "0def7320c3a5731c473e5ecbe6d01bc7";

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function isObject(value: unknown): value is Record<string, Json> {
    return value !== null && typeof value === "object" && !Array.isArray(value);
}

/**
 * One wire value → the value the plan records, as the analyzer sees it once the engine has
 * marshalled it without KeepResources: secrets unwrapped, a resource reference downgraded to its
 * id (custom) or URN (component), an output value to its value or UNKNOWN. Assets and archives
 * keep their signature object: the pack deserializes them itself.
 */
export function decodeValue(value: Json): Json {
    if (Array.isArray(value)) return value.map(decodeValue);
    if (!isObject(value)) return value;
    const sig = value[SIG_KEY];
    if (sig === SECRET_SIG) return decodeValue(value.value ?? null);
    if (sig === OUTPUT_SIG) return "value" in value ? decodeValue(value.value) : UNKNOWN;
    if (sig === RESOURCE_SIG) {
        if (typeof value.id === "string") return value.id === "" ? UNKNOWN : value.id;
        return value.urn ?? null;
    }
    if (sig === ASSET_SIG || sig === ARCHIVE_SIG) return value;
    const out: Record<string, Json> = {};
    for (const [k, v] of Object.entries(value)) out[k] = decodeValue(v);
    return out;
}

export function decodeObject(value: Record<string, Json> | undefined): Record<string, Json> {
    const out: Record<string, Json> = {};
    for (const [k, v] of Object.entries(value ?? {})) out[k] = decodeValue(v);
    return out;
}

/** True when the value is, or contains, an unknown. */
export function containsUnknown(value: Json): boolean {
    if (value === UNKNOWN) return true;
    if (Array.isArray(value)) return value.some(containsUnknown);
    if (isObject(value)) return Object.values(value).some(containsUnknown);
    return false;
}

/** Dependencies carried inside output values (remote component inputs), by top-level property. */
export function outputValueDependencies(object: Record<string, Json> | undefined): Record<string, string[]> {
    const out: Record<string, string[]> = {};
    const walk = (key: string, value: Json): void => {
        if (Array.isArray(value)) value.forEach((v) => walk(key, v));
        else if (isObject(value)) {
            if (value[SIG_KEY] === OUTPUT_SIG && Array.isArray(value.dependencies)) {
                out[key] = [...new Set([...(out[key] ?? []), ...value.dependencies.filter((d): d is string => typeof d === "string")])];
            }
            Object.values(value).forEach((v) => walk(key, v));
        }
    };
    for (const [k, v] of Object.entries(object ?? {})) walk(k, v);
    return out;
}

/** Wraps the named top-level properties as secrets (additionalSecretOutputs). */
export function markSecrets(object: Record<string, Json>, names: string[]): Record<string, Json> {
    const out = { ...object };
    for (const name of names) {
        const v = out[name];
        if (v !== undefined && !(isObject(v) && v[SIG_KEY] === SECRET_SIG)) out[name] = { [SIG_KEY]: SECRET_SIG, value: v };
    }
    return out;
}

/** Output values (sent only to remote components) replaced by their value or UNKNOWN; secrets kept. */
export function resolveOutputValues(value: Json): Json {
    if (Array.isArray(value)) return value.map(resolveOutputValues);
    if (!isObject(value)) return value;
    if (value[SIG_KEY] === OUTPUT_SIG) {
        const inner = "value" in value ? resolveOutputValues(value.value) : UNKNOWN;
        return value.secret === true ? { [SIG_KEY]: SECRET_SIG, value: inner } : inner;
    }
    const out: Record<string, Json> = {};
    for (const [k, v] of Object.entries(value)) out[k] = resolveOutputValues(v);
    return out;
}
