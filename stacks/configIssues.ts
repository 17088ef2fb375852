/**
 * Turning the schema's issues into the lines a user reads: one per problem, each once, sorted by
 * key path, with "did you mean" for an unknown key (at every level: the schema is walked to the
 * object the key sits in) and for a misspelt config namespace (`secure-ds:platfrom`).
 */
import { z } from "zod";
import { nearest, typoDistance } from "../components/didYouMean";

export type IssuePath = readonly PropertyKey[];

/** The object schemas' keys at `path` below `schema` (list indexes and map keys step into elements). */
export function knownKeysAt(schema: z.core.$ZodType, path: IssuePath): string[] {
    let current: z.core.$ZodType | undefined = schema;
    let rest = [...path];
    for (let guard = 0; current && guard < 200; guard++) {
        const def: z.core.$ZodTypeDef = current._zod.def;
        switch (def.type) {
            case "object": {
                const shape: Record<string, z.core.$ZodType> = (def as z.core.$ZodObjectDef).shape;
                if (rest.length === 0) return Object.keys(shape);
                const [head, ...tail] = rest;
                current = shape[String(head)];
                rest = tail;
                break;
            }
            case "array":
                if (rest.length === 0) return [];
                current = (def as z.core.$ZodArrayDef).element;
                rest = rest.slice(1);
                break;
            case "record":
                if (rest.length === 0) return [];
                current = (def as z.core.$ZodRecordDef).valueType;
                rest = rest.slice(1);
                break;
            case "optional":
            case "nullable":
            case "default":
            case "prefault":
            case "catch":
            case "readonly":
            case "nonoptional":
                current = (def as z.core.$ZodOptionalDef).innerType;
                break;
            case "pipe":
                current = (def as z.core.$ZodPipeDef).in;
                break;
            case "lazy":
                current = (def as z.core.$ZodLazyDef).getter();
                break;
            case "union": {
                // The first option that has the rest of the path.
                const options = (def as z.core.$ZodUnionDef).options;
                const found = options.map((o) => knownKeysAt(o, rest)).find((keys) => keys.length > 0);
                return found ?? [];
            }
            default:
                return [];
        }
    }
    return [];
}

/** ` (did you mean "x"?)` for an unknown key, or "" when no known key is near. */
export function didYouMean(unknown: string, known: readonly string[]): string {
    // A typo, or a key cut short or run on (`severity` for `severityThreshold`).
    const lower = unknown.toLowerCase();
    const affix = unknown.length >= 4 ? known.filter((k) => k.toLowerCase().startsWith(lower) || lower.startsWith(k.toLowerCase())) : [];
    const close = [...new Set([...nearest(unknown, known, typoDistance(unknown)), ...affix])];
    return close.length > 0
        ? `did you mean ${close
              .slice(0, 2)
              .map((k) => `"${k}"`)
              .join(" or ")}?`
        : "";
}

/** Compares key paths element by element, list indexes as numbers. */
export function comparePaths(a: IssuePath, b: IssuePath): number {
    for (let i = 0; i < Math.min(a.length, b.length); i++) {
        const x = a[i];
        const y = b[i];
        if (x === y) continue;
        if (typeof x === "number" && typeof y === "number") return x - y;
        return String(x).localeCompare(String(y));
    }
    return a.length - b.length;
}

/** Lines with their paths, each once, sorted by path (then text). */
export function uniqueSorted(problems: { path: IssuePath; line: string }[]): { path: IssuePath; line: string }[] {
    const seen = new Set<string>();
    return [...problems]
        .sort((a, b) => comparePaths(a.path, b.path) || a.line.localeCompare(b.line))
        .filter((p) => (seen.has(p.line) ? false : (seen.add(p.line), true)));
}

/**
 * A config key that looks like a misspelling of `expected` (`secure-ds:platfrom`,
 * `secure-sd:platform`, `secure-ds.platform`): a key of the same namespace other than it, or one
 * within typo distance of the whole key. The stack file's other namespaces (aws:, pulumi:) are
 * not ours to judge.
 */
export function namespaceTypos(keys: readonly string[], expected: string): string[] {
    if (keys.includes(expected)) return [];
    const namespace = expected.split(":")[0];
    return keys.filter((k) => k.split(":")[0] === namespace || nearest(k, [expected], typoDistance(expected)).length > 0);
}
