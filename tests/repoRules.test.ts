import { describe, expect, it } from "vitest";
import { checkRepoRules } from "../tools/repoRules";

describe("repository rules", () => {
    it("has no violation (AGPL test-only, no invokes, type-only aws imports in the pack, no any, component conventions)", () => {
        const violations = checkRepoRules().map((v) => `${v.file}:${v.line}: ${v.rule}: ${v.text}`);
        expect(violations).toEqual([]);
    });
});
