/**
 * The rules of eslint.config.mjs besides layering: no explicit `any` anywhere, and no data-source
 * invokes in the program. Each planted violation must fail at the path it is planted at.
 */
import { describe, expect, it } from "vitest";
import { lintPlanted } from "./eslint";

const rulesAt = async (file: string, code: string) => (await lintPlanted(file, code)).map((f) => `${f.line}:${f.rule}`);

describe("no explicit any", () => {
    it("fails on `Record<string, any>`, `as any` and `any[]` in every folder, tests included", async () => {
        const code = 'export type Raw = Record<string, any>;\nexport const x = JSON.parse("1") as any;\nexport const xs: any[] = [];\n';
        for (const file of [
            "stacks/Planted.ts",
            "components/x/Planted.ts",
            "policy-pack/policies/x/Planted.ts",
            "plan/Planted.ts",
            "tools/Planted.ts",
            "bench/Planted.ts",
            "tests/harness/Planted.ts",
        ]) {
            expect(await rulesAt(file, code), file).toEqual([
                "1:@typescript-eslint/no-explicit-any",
                "2:@typescript-eslint/no-explicit-any",
                "3:@typescript-eslint/no-explicit-any",
            ]);
        }
    });

    it("passes `unknown`", async () => {
        expect(await rulesAt("tests/harness/Planted.ts", "export type Raw = Record<string, unknown>;\n")).toEqual([]);
    });
});

describe("no data-source invokes in stacks/ and components/", () => {
    const invokes = [
        'import * as aws from "@pulumi/aws";',
        "export const identity = aws.getCallerIdentity();",
        "export const vpc = aws.ec2.getVpcOutput({ default: true });",
        'import { getAvailabilityZones, getRegion } from "@pulumi/aws";',
        "export const zones = [getAvailabilityZones, getRegion];",
        "",
    ].join("\n");
    const expected = ["2:no-restricted-syntax", "3:no-restricted-syntax", "4:no-restricted-syntax", "4:no-restricted-syntax", "5:no-restricted-syntax"];

    it("fails on aws.<get>, aws.<module>.<get>(Output) and an imported invoke", async () => {
        expect(await rulesAt("stacks/Planted.ts", invokes)).toEqual(expected);
        expect(await rulesAt("components/network/Planted.ts", invokes)).toEqual(expected);
    });

    it("passes resources and result types, and leaves the other folders to their own rules", async () => {
        const ok = 'import * as aws from "@pulumi/aws";\nexport const Vpc = aws.ec2.Vpc;\nexport type R = aws.ec2.GetVpcResult;\n';
        expect(await rulesAt("components/network/Planted.ts", ok)).toEqual([]);
        expect(await rulesAt("tools/Planted.ts", invokes)).toEqual([]);
    });
});

describe("no imports the layering rules cannot see", () => {
    it("fails on dynamic import(), module.require(), createRequire() and an aliased require in shipped folders", async () => {
        const code = [
            'export const a = import("@pulumi/aws");',
            'export const b = module.require("@cloud-copilot/iam-simulate");',
            'import { createRequire } from "node:module";',
            "const r = require;",
            "export { r };",
        ].join("\n");
        for (const file of [
            "stacks/Planted.ts",
            "components/x/Planted.ts",
            "policy-pack/policies/x/Planted.ts",
            "plan/Planted.ts",
            "tools/Planted.ts",
            "bench/Planted.ts",
        ]) {
            const rules = await rulesAt(file, code);
            for (const line of [1, 2, 3, 4]) expect(rules, `${file} line ${line}`).toContain(`${line}:no-restricted-syntax`);
        }
    });

    it("fails on the AWS SDK imported under another namespace name in the program", async () => {
        expect(await rulesAt("components/x/Planted.ts", 'import * as A from "@pulumi/aws";\nexport const v = A.ec2.getVpcOutput({});\n')).toContain(
            "1:no-restricted-syntax",
        );
        expect(await rulesAt("components/x/Planted.ts", 'import * as aws from "@pulumi/aws";\nexport const b = new aws.s3.BucketV2("b");\n')).toEqual([]);
    });
});
