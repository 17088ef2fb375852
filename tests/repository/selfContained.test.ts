/**
 * The repository is self-contained: no tracked file reads, imports or links a path above the root
 * (tests/repository/selfContained.ts). Planted examples are written so that, read from this file's
 * own folder, they stay inside: the scan of the tree covers this file too.
 */
import { describe, expect, it } from "vitest";
import { escapes } from "./selfContained";
import { trackedTextFiles } from "./trackedFiles";

const found = (file: string, text: string) => escapes(file, text).map((e) => `${e.line}:${e.text}`);

describe("self-contained repository", () => {
    it("no tracked text file names a path above the root", () => {
        const files = trackedTextFiles();
        // The scan reaches code, tests, docs, the workflow and the CI script.
        expect(files.map((f) => f.file)).toEqual(
            expect.arrayContaining([
                ".ci/run",
                ".github/workflows/stacks.yml",
                "docs/guardrails.md",
                "README.md",
                "stacks/index.ts",
                "tests/repository/selfContained.test.ts",
            ]),
        );
        expect(files.flatMap((f) => escapes(f.file, f.text).map((e) => `${f.file}:${e.line}: ${e.text} (${e.why})`))).toEqual([]);
    });

    it("resolves relative paths from the file's own folder", () => {
        expect(found("README.md", "see [the catalogue](../catalogue.md)")).toEqual(["1:../catalogue.md"]);
        expect(found("docs/guardrails.md", "see [the plan format](../docs/plan-format.md) and ../../x")).toEqual(["1:../../x"]);
        expect(found("stacks/index.ts", 'import { x } from "../stacks/config";\nimport { y } from "../../lib/y";\n')).toEqual(["2:../../lib/y"]);
        expect(found("README.md", "[x](docs/../../outside.md)")).toEqual(["1:docs/../../outside.md"]);
    });

    it("reads __dirname-relative joins of literals", () => {
        expect(found("tools/cli.ts", 'const root = path.resolve(__dirname, "..");\n')).toEqual([]);
        expect(found("tools/cli.ts", 'const out = path.join(__dirname, "..", "..");\n')).toEqual(['1:path.join(__dirname, "..", ".."']);
        expect(found("tools/cli.ts", "const out = path.resolve(__dirname, '../..', 'lib');\n")).toEqual([
            "1:../..",
            "1:path.resolve(__dirname, '../..', 'lib'",
        ]);
    });

    it('treats $(dirname "$0")/.. as the script\'s folder, and leaves absolute paths and URLs alone', () => {
        expect(found(".ci/run", 'cd "$(dirname "$0")/.."\n')).toEqual([]);
        expect(found("run", 'cd "$(dirname "$0")/.."\n')).toEqual(["1:/.."]);
        expect(found("README.md", "/usr/lib/../bin and https://example.com/a/../b\n")).toEqual([]);
    });

    it("fails on a mention of a folder that lives beside clones", () => {
        const reference = ["shared", "reference"].join("/");
        const seeds = ["shared", "seeds"].join("/");
        const sibling = ["..", "shared"].join("/");
        expect(found("docs/x.md", `from ${reference}\nand ${seeds}/001\n`)).toEqual([`1:${reference}`, `2:${seeds}`]);
        expect(found("docs/x.md", `cp ${sibling}/x .\n`)).toEqual([`1:${sibling}`]);
    });
});
