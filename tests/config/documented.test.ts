import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { platformSchema } from "../../stacks/config";
import { REPO_ROOT } from "../../plan/stackConfig";

/** Every object key of a zod schema, with its dotted path (arrays as []). */
function keysOf(schema: z.core.$ZodType, prefix: string, out: string[]): void {
    const def = schema._zod.def as {
        type: string;
        innerType?: z.core.$ZodType;
        shape?: Record<string, z.core.$ZodType>;
        element?: z.core.$ZodType;
        in?: z.core.$ZodType;
        valueType?: z.core.$ZodType;
        options?: z.core.$ZodType[];
    };
    switch (def.type) {
        case "object":
            for (const [key, value] of Object.entries(def.shape ?? {})) {
                const p = prefix ? `${prefix}.${key}` : key;
                out.push(p);
                keysOf(value, p, out);
            }
            return;
        case "optional":
        case "default":
        case "nullable":
        case "readonly":
        case "prefault":
            if (def.innerType) keysOf(def.innerType, prefix, out);
            return;
        case "pipe":
            if (def.in) keysOf(def.in, prefix, out);
            return;
        case "array":
            if (def.element) keysOf(def.element, `${prefix}[]`, out);
            return;
        case "union":
            for (const option of def.options ?? []) keysOf(option, prefix, out);
            return;
        default:
            return;
    }
}

describe("docs/configuration.md", () => {
    it("documents every key of the platform schema", () => {
        const doc = fs.readFileSync(path.join(REPO_ROOT, "docs", "configuration.md"), "utf8");
        const keys: string[] = [];
        keysOf(platformSchema, "", keys);
        expect(keys.length).toBeGreaterThan(60);
        // A key counts as documented when a code span of the document names it as a word
        // (`key`, `section.key`, `{ key, other }`).
        const prose = doc.replace(/```[\s\S]*?```/g, "");
        const spans = [...prose.matchAll(/`([^`]+)`/g)].map((m) => m[1]);
        const named = (word: string) => spans.some((span) => new RegExp(`(^|[^A-Za-z0-9-])${word}([^A-Za-z0-9-]|$)`).test(span));
        expect(named("definitelyNotAConfigKey")).toBe(false);
        const undocumented = [...new Set(keys)].filter((k) => !named((k.split(".").pop() ?? k).replace(/\[\]/g, "")));
        expect(undocumented, "keys missing from docs/configuration.md (write each as `key` in its section)").toEqual([]);
    });
});
