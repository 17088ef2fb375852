/**
 * Reading values out of resource properties. At policy time a property may be absent, of another
 * shape than the provider declares (a single object where a list is expected, a JSON string where
 * an object is), or unknown during a preview; these readers never throw on a malformed value.
 */
import type { Many } from "./props";

/** A plain-object view of a value read from props. */
export function record(value: unknown): Record<string, unknown> {
    return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/**
 * What `list()` returns: for a list property of a typed view (common/props.ts), its elements,
 * each possibly null or undefined as the engine may send them; for anything else, unknowns.
 */
export type ListOf<V> = unknown extends V ? unknown[] : [NonNullable<V>] extends [Many<infer E>] ? (E | null | undefined)[] : unknown[];

/** A list view of a value read from props (a single object counts as a list of one). */
export function list<V>(value: V): ListOf<V> {
    if (Array.isArray(value)) return value as ListOf<V>;
    return (value === undefined || value === null ? [] : [value]) as ListOf<V>;
}

/** String values of a scalar-or-list field (Action, Resource, a condition value). */
export function strings(value: unknown): string[] {
    return list(value).filter((v): v is string => typeof v === "string");
}

/** A non-empty string, or undefined. */
export function text(value: unknown): string | undefined {
    return typeof value === "string" && value.length > 0 ? value : undefined;
}

/**
 * A provider input as the engine sends it: provider config arrives JSON-encoded, so a string is
 * parsed; a string that is not JSON is returned as it is.
 */
export function decoded(value: unknown): unknown {
    if (typeof value !== "string") return value;
    try {
        return JSON.parse(value);
    } catch {
        return value;
    }
}
