/**
 * The layering of eslint.config.mjs (tools/eslint/layering.ts): each planted import must fail
 * `eslint .` at the path it is planted at, and the allowed neighbours must pass, so a rule that
 * matched everything would fail here too. Planted paths are chosen so that, read from this file's
 * own folder, they stay inside the repository (tests/repository/selfContained.test.ts scans them).
 */
import { describe, expect, it } from "vitest";
import { lintPlanted } from "./eslint";

const RULE = "@typescript-eslint/no-restricted-imports";

/** The lines on which the layering rule fires, with the message of the first. */
async function layering(file: string, code: string): Promise<{ lines: number[]; first: string }> {
    const found = await lintPlanted(file, code);
    expect(found.filter((f) => f.rule !== RULE)).toEqual([]);
    const hits = found.filter((f) => f.rule === RULE);
    return { lines: hits.map((f) => f.line), first: hits[0]?.message ?? "" };
}

describe("layering: which folder may import which", () => {
    it("components/ never imports stacks/ (nor plan/, tools/, tests/, bench/)", async () => {
        const r = await layering(
            "components/x/Planted.ts",
            'import { loadPlatformConfig } from "../../stacks/config";\nexport const load = loadPlatformConfig;\n',
        );
        expect(r.lines).toEqual([1]);
        expect(r.first).toContain("components/ may not import stacks/");
        for (const target of ["plan/buildPlan", "tools/cli", "tests/harness/eslint", "bench/run"]) {
            expect((await layering("components/Planted.ts", `export * from "../${target}";\n`)).lines).toEqual([1]);
        }
    });

    it("counts the ../ against the file's depth: from components/team/, ../stacks is components/stacks", async () => {
        expect((await layering("components/team/Planted.ts", 'export * from "../stacks/x";\nexport * from "../naming";\n')).lines).toEqual([]);
        expect((await layering("components/team/Planted.ts", 'export * from "../../stacks/config";\n')).lines).toEqual([1]);
    });

    it("stacks/ never imports plan/, tools/, tests/, bench/, but may import components/", async () => {
        const r = await layering(
            "stacks/Planted.ts",
            'import { buildPlan } from "../plan/buildPlan";\nimport { secureName } from "../components/naming";\nexport const x = [buildPlan, secureName];\n',
        );
        expect(r.lines).toEqual([1]);
        expect(r.first).toContain("stacks/ may not import plan/");
    });

    it("policy-pack/ may not value-import @pulumi/aws, including a multi-line import", async () => {
        const r = await layering(
            "policy-pack/policies/x/Planted.ts",
            'import {\n    s3,\n    iam,\n} from "@pulumi/aws";\nimport { BucketV2 } from "@pulumi/aws/s3";\nimport "@pulumi/aws";\nexport const used = [s3, iam, BucketV2];\n',
        );
        expect(r.lines).toEqual([1, 5, 6]);
        expect(r.first).toContain("import type");
    });

    it("policy-pack/ may import @pulumi/aws types, multi-line or inline", async () => {
        const code =
            'import type {\n    s3,\n    iam,\n} from "@pulumi/aws";\nimport { type kms } from "@pulumi/aws";\nimport type { BucketV2 } from "@pulumi/aws/s3";\nexport type T = [s3.BucketV2, iam.Role, kms.Key, BucketV2];\n';
        expect((await layering("policy-pack/policies/x/Planted.ts", code)).lines).toEqual([]);
    });

    it("policy-pack/ imports nothing outside its folder but npm packages", async () => {
        const r = await layering(
            "policy-pack/policies/Planted.ts",
            [
                'import { secureName } from "../../components/naming";',
                'import type { PlatformConfig } from "../../stacks/config";',
                'import { T } from "../policies/types";',
                'import { PolicyPack } from "@pulumi/policy";',
                "export const x = [secureName, T, PolicyPack];",
                "export type C = PlatformConfig;",
                "",
            ].join("\n"),
        );
        expect(r.lines).toEqual([1, 2]);
        expect(r.first).toContain("leaves policy-pack/");
    });

    it("plan/, tools/ and bench/ never import tests/", async () => {
        for (const file of ["plan/Planted.ts", "tools/Planted.ts", "bench/Planted.ts"]) {
            const r = await layering(file, 'import { rawStackConfig } from "../tests/harness/configCases";\nexport const raw = rawStackConfig;\n');
            expect(r.lines, file).toEqual([1]);
            expect(r.first).toContain("may not import tests/");
        }
        expect((await layering("tools/iam/Planted.ts", 'export * from "../../tests/iam/plans";\n')).lines).toEqual([1]);
    });

    it("no shipped folder loads the AGPL simulator; tests may", async () => {
        const code =
            'import { runSimulation } from "@cloud-copilot/iam-simulate";\nexport { x } from "@cloud-copilot/iam-simulate/dist/index";\nexport const run = runSimulation;\n';
        for (const file of ["stacks/Planted.ts", "components/x/Planted.ts", "policy-pack/Planted.ts", "plan/Planted.ts", "tools/iam/Planted.ts"]) {
            const r = await layering(file, code);
            expect(r.lines, file).toEqual([1, 2]);
            expect(r.first).toContain("AGPL");
        }
        expect((await layering("tests/iam/Planted.ts", code)).lines).toEqual([]);
    });

    it("no file imports a path above the repository root, nor a relative path in a form the rules cannot count", async () => {
        expect((await layering("tests/Planted.ts", 'export * from "../../elsewhere/lib";\n')).lines).toEqual([1]);
        expect((await layering("eslint.config.planted.mjs", 'export * from "../elsewhere.mjs";\n')).lines).toEqual([1]);
        const r = await layering("components/x/Planted.ts", 'export * from "./../y";\nexport * from "../team/../../stacks/config";\n');
        expect(r.lines).toEqual([1, 2]);
        expect(r.first).toContain("normal form");
    });

    it("a file deeper than the table of depths is refused rather than left unchecked", async () => {
        const r = await layering("components/a/b/c/d/e/f/Planted.ts", 'export * from "./y";\n');
        expect(r.lines).toEqual([1]);
        expect(r.first).toContain("tools/eslint/depthGlobs.ts");
    });
});
