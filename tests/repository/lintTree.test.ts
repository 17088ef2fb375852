/**
 * `eslint .` over the real tree, and the import-cycle rule, which needs real files to follow
 * imports. Both are in this file so that vitest runs them one after the other: the whole-tree run
 * never sees the cycle test's temporary files.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT, findings, repositoryEslint } from "./eslint";

const eslint = repositoryEslint();

describe("eslint over the repository", () => {
    it("reports no problem in stacks, components, plan, policy-pack, tools, bench and tests", async () => {
        const results = await eslint.lintFiles(["."]);
        const linted = results.map((r) => path.relative(ROOT, r.filePath).split(path.sep)[0]);
        expect(new Set(linted)).toEqual(
            new Set(["bench", "components", "eslint.config.mjs", "plan", "policy-pack", "stacks", "tests", "tools", "vitest.config.mts"]),
        );
        expect(findings(results)).toEqual([]);
    });
});

describe("import-x/no-cycle", () => {
    // Inside the root so that the repository config applies; removed after the test.
    const dir = path.join(ROOT, "tests", `.cycle-${process.pid}`);
    const write = (name: string, code: string) => fs.writeFileSync(path.join(dir, name), code);

    beforeAll(() => {
        fs.mkdirSync(dir);
        write("a.ts", 'import { b } from "./b";\nexport const a = () => b;\n');
        write("b.ts", 'import { a } from "./a";\nexport const b = () => a;\n');
        write("c.ts", 'import { a } from "./a";\nexport const c = () => a;\n');
    });
    afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

    it("fails both files of a two-file cycle and passes a file that only depends on it", async () => {
        const found = findings(await eslint.lintFiles([path.join(dir, "a.ts"), path.join(dir, "b.ts"), path.join(dir, "c.ts")]));
        expect(found.map((f) => `${path.basename(f.file)}:${f.line}:${f.rule}`)).toEqual(["a.ts:1:import-x/no-cycle", "b.ts:1:import-x/no-cycle"]);
    });
});
