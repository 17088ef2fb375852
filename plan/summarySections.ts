/**
 * The components' plan sections (stack outputs ending in `Plan`: capacity, studio, packages,
 * governance, pipeline, organization, ...) as short tables instead of JSON. By default a section
 * flows its fields as `key value` cells on a few lines, lists of records shown by their first
 * values; `verbose` gives one field per line and a row per record. The JSON keeps everything.
 */
import { count, cut, flow, SCREEN_WIDTH } from "./text";

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);

/** `capacityPlan` → `capacity`. */
const sectionTitle = (key: string): string => key.replace(/Plan$/, "");

function scalar(value: unknown): string {
    if (typeof value === "number") return count(value);
    if (typeof value === "string") return value;
    return JSON.stringify(value) ?? "";
}

/** A record's values on one line: `a b c` for its scalars, nested parts in brackets. */
function inline(value: unknown): string {
    if (Array.isArray(value)) return value.length === 0 ? "none" : value.map(inline).join(", ");
    if (isRecord(value)) {
        const entries = Object.entries(value);
        if (entries.length === 0) return "none";
        return entries.map(([k, v]) => (isRecord(v) || Array.isArray(v) ? `${k} [${inline(v)}]` : `${k} ${scalar(v)}`)).join(", ");
    }
    return scalar(value);
}

/** A list of records as rows: the values of each record, columns aligned. */
function rows(records: Record<string, unknown>[], indent: string): string[] {
    const keys = [...new Set(records.flatMap((r) => Object.keys(r)))];
    const cells = records.map((r) => keys.map((k) => (r[k] === undefined ? "" : isRecord(r[k]) || Array.isArray(r[k]) ? inline(r[k]) : scalar(r[k]))));
    const widths = keys.map((k, i) => Math.max(k.length, ...cells.map((c) => c[i].length)));
    const line = (values: string[]) => cut(`${indent}${values.map((v, i) => v.padEnd(widths[i])).join("  ")}`.trimEnd(), SCREEN_WIDTH);
    return [line(keys), ...cells.map(line)];
}

function shortCell(key: string, value: unknown): string {
    if (Array.isArray(value) && value.length > 0 && value.every(isRecord)) {
        return `${key} ${value.length}: ${value
            .map((r) =>
                cut(
                    Object.values(r)
                        .filter((v) => !isRecord(v) && !Array.isArray(v))
                        .map(scalar)
                        .join(" "),
                    40,
                ),
            )
            .join(", ")}`;
    }
    return `${key} ${cut(inline(value), 60)}`;
}

export function formatSection(key: string, value: unknown, verbose: boolean): string[] {
    const title = `${sectionTitle(key)}: `;
    if (!isRecord(value)) return [cut(`${title}${inline(value)}`, SCREEN_WIDTH)];
    const entries = Object.entries(value);
    if (!verbose)
        return flow(
            title,
            entries.map(([k, v]) => shortCell(k, v)),
            "  ",
        );
    const lines = [`${sectionTitle(key)}:`];
    const width = Math.max(...entries.map(([k]) => k.length));
    for (const [k, v] of entries) {
        if (Array.isArray(v) && v.length > 0 && v.every(isRecord)) {
            lines.push(`  ${k}:`);
            lines.push(...rows(v, "    "));
        } else {
            // A list wraps between its items, a long text between its words.
            const items = Array.isArray(v) ? v.map(inline) : inline(v).split(" ");
            lines.push(...flow(`  ${k.padEnd(width)}  `, items, `  ${"".padEnd(width)}  `, SCREEN_WIDTH, Array.isArray(v) ? ", " : " "));
        }
    }
    return lines;
}

export function formatSections(sections: Record<string, unknown>, verbose: boolean): string[] {
    return Object.entries(sections).flatMap(([key, value]) => formatSection(key, value, verbose));
}
