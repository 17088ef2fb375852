/**
 * The CLI's entry points as the CLI starts them, on copies of the project: the program and the
 * pack are compiled and type-checked with the project's strict tsconfig (by the project's
 * TypeScript 5.9 under the SDK's vendored ts-node 7), and a program that reads the cloud fails
 * the plan.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { PackStartError, startPolicyPack } from "../../plan/analyzer/packProcess";
import { CloudCallError, ProgramFailedError, runProgramViaCli } from "../../plan/engine";
import { readProjectFile } from "../../plan/engine/project";
import { stackConfig } from "../../plan/engine/pulumiConfig";
import { REPO_ROOT, readStackConfigFile, stackConfigPath } from "../../plan/stackConfig";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "secure-ds-entry-"));

/** A copy of the project's sources with node_modules linked, to plant errors in. */
function projectCopy(name: string, dirs: string[]): string {
    const root = path.join(tmp, name);
    fs.mkdirSync(root);
    fs.symlinkSync(path.join(REPO_ROOT, "node_modules"), path.join(root, "node_modules"));
    for (const f of ["package.json", "tsconfig.json", "Pulumi.yaml"]) fs.copyFileSync(path.join(REPO_ROOT, f), path.join(root, f));
    for (const d of dirs) fs.cpSync(path.join(REPO_ROOT, d), path.join(root, d), { recursive: true, filter: (src) => !src.includes("node_modules") });
    return root;
}

// Only an error under `strict` (noImplicitAny): loose defaults would compile it.
const PLANTED = "export function planted(value) {\n    return value;\n}\n";

function plantInProgram(root: string): void {
    fs.writeFileSync(path.join(root, "stacks", "planted.ts"), PLANTED);
    fs.appendFileSync(path.join(root, "stacks", "index.ts"), '\nimport "./planted";\n');
}

async function runDev(root: string) {
    const project = readProjectFile(root);
    const config = stackConfig(project.name, readStackConfigFile(stackConfigPath("dev")), project.config);
    return runProgramViaCli({ project, stack: "dev", mode: "preview", config });
}

describe("the program through cmd/run", () => {
    it("fails on a type error that only the project's strict tsconfig reports, compiled by TypeScript 5.9 under ts-node 7", async () => {
        const root = projectCopy("strict", ["stacks", "components"]);
        plantInProgram(root);
        const error = await runDev(root).then(
            () => undefined,
            (e: unknown) => e,
        );
        expect(error).toBeInstanceOf(ProgramFailedError);
        const failure = error as ProgramFailedError;
        expect(failure.message).toMatch(/Unable to compile TypeScript/);
        expect(failure.message).toMatch(/planted\.ts.*TS7006|TS7006.*planted/s);
        const debug = failure.diagnostics.map((d) => d.message).join("\n");
        expect(debug).toMatch(/Found typescript version 5\.9\.\d+ at .*node_modules\/typescript/);
        expect(debug).toMatch(/Using vendored ts-node@7\.0\.1/);
    }, 300_000);

    it("without stacks/tsconfig.json the same program compiles under cmd/run's loose defaults", async () => {
        const root = projectCopy("loose", ["stacks", "components"]);
        plantInProgram(root);
        fs.rmSync(path.join(root, "stacks", "tsconfig.json"));
        const run = await runDev(root);
        expect(run.resources.length).toBeGreaterThan(400);
    }, 300_000);

    it("fails the plan, naming the call, when the program makes an invoke", async () => {
        const root = path.join(tmp, "invoker");
        fs.mkdirSync(root);
        fs.symlinkSync(path.join(REPO_ROOT, "node_modules"), path.join(root, "node_modules"));
        fs.writeFileSync(path.join(root, "package.json"), JSON.stringify({ name: "invoker", main: "index.ts" }));
        fs.writeFileSync(path.join(root, "Pulumi.yaml"), "name: invoker\nruntime: nodejs\nmain: index.ts\n");
        fs.writeFileSync(path.join(root, "index.ts"), 'import * as aws from "@pulumi/aws";\nexport const account = aws.getCallerIdentityOutput().accountId;\n');
        const project = readProjectFile(root);
        const error = await runProgramViaCli({ project, stack: "dev", mode: "preview", config: {} }).then(
            () => undefined,
            (e: unknown) => e,
        );
        expect(error).toBeInstanceOf(CloudCallError);
        expect((error as CloudCallError).calls).toEqual([{ kind: "invoke", token: "aws:index/getCallerIdentity:getCallerIdentity" }]);
        expect(String(error)).toMatch(/made 1 provider call\(s\) \(invoke aws:index\/getCallerIdentity:getCallerIdentity\)/);
    }, 300_000);
});

describe("the pack through cmd/run-policy-pack", () => {
    it("does not start when a policy has a type error under the project's strict tsconfig", async () => {
        const root = projectCopy("pack", ["policy-pack"]);
        const pack = path.join(root, "policy-pack");
        fs.writeFileSync(path.join(pack, "planted.ts"), PLANTED);
        // First, so that it is compiled before `new PolicyPack` starts serving.
        fs.writeFileSync(path.join(pack, "index.ts"), `import "./planted";\n${fs.readFileSync(path.join(pack, "index.ts"), "utf8")}`);
        const started = startPolicyPack({
            packDir: pack,
            engineAddress: "127.0.0.1:1",
            organization: "organization",
            project: "secure-ds",
            stack: "dev",
            dryRun: true,
            config: {},
        });
        await expect(started).rejects.toBeInstanceOf(PackStartError);
        await expect(started).rejects.toThrow(/TS7006/);
    }, 300_000);
});
