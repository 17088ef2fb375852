/**
 * Citation hygiene over every tracked text file (tests/repository/citations.ts). The planted
 * phrases are built from parts so that this file passes its own scan.
 */
import { describe, expect, it } from "vitest";
import { citations } from "./citations";
import { trackedTextFiles } from "./trackedFiles";

const join = (...parts: string[]) => parts.join("");

describe("citation hygiene", () => {
    it("no tracked text file cites a tracker item, a seed, a pitfall or material outside the clone", () => {
        const found = trackedTextFiles().flatMap((f) => citations(f.text).map((c) => `${f.file}:${c.line}: ${c.text}`));
        expect(found).toEqual([]);
    });

    it("fails on each phrase, in any case, singular or plural", () => {
        const planted = [
            join("see iss", "ue 12"),
            join("// fixes Iss", "ue #7"),
            join("per iss", "ues 3 and 4"),
            join("from se", "ed 003"),
            join("in se", "eds/004/x.md"),
            join("* PIT", "FALL 5"),
            join("pit", "falls 5 and 6"),
            join("see anch", "ors.md"),
            join("as in the Work", "shop v2"),
        ];
        expect(citations(planted.join("\n")).map((c) => c.line)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    });

    it("passes control IDs, files and ordinary words", () => {
        expect(citations("N7: private DNS (docs/guardrails.md)\nno issue with 3 accounts\nseed data, 2 pitfalls\nYAML anchors\n")).toEqual([]);
    });
});
