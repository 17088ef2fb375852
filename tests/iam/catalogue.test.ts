/**
 * Catalogue check over the real plans: every policy document the program generates for the dev
 * and prod stacks names only actions, condition keys, operators and ARNs AWS knows, and fits its
 * size limit. Zero findings; a failure prints document, statement and fix.
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { collectDocuments } from "../../tools/iam/collect";
import { formatFindings, lintDocuments } from "../../tools/iam/lint";
import { REPO_ROOT } from "../../plan/stackConfig";
import { networkIsolationMiscased } from "./fixtures/seedDocuments";
import { ALL_STACKS, loadStackPlan } from "../harness/stackPlans";

describe.each(ALL_STACKS)("IAM catalogue check of the %s plan", (stack) => {
    it("collects the documents of every carrier in the plan", () => {
        const plan = loadStackPlan(stack);
        const docs = collectDocuments(plan.resources);
        // Every KMS key carries a key policy; every role a trust policy.
        const keys = plan.resources.filter((r) => r.type === "aws:kms/key:Key");
        const roles = plan.resources.filter((r) => r.type === "aws:iam/role:Role");
        expect(keys.length).toBeGreaterThan(0);
        expect(docs.filter((d) => d.kind === "kms-key")).toHaveLength(keys.length);
        expect(docs.filter((d) => d.kind === "trust")).toHaveLength(roles.length);
        for (const d of docs) expect(() => JSON.parse(d.raw), d.label).not.toThrow();
    });

    it("has zero findings", async () => {
        const plan = loadStackPlan(stack);
        const docs = collectDocuments(plan.resources);
        const findings = await lintDocuments(docs);
        expect(findings, `${docs.length} documents checked\n${formatFindings(findings)}`).toEqual([]);
    });
});

describe("npm run iam-lint", () => {
    const run = (file: string): { code: number; out: string } => {
        try {
            const out = execFileSync(
                process.execPath,
                [path.join(REPO_ROOT, "node_modules/tsx/dist/cli.mjs"), path.join(REPO_ROOT, "tools/iamLint.ts"), "--plan", file],
                { encoding: "utf8" },
            );
            return { code: 0, out };
        } catch (err) {
            const e = err as { status: number; stdout: string };
            return { code: e.status, out: e.stdout };
        }
    };

    it("exits 0 on a clean plan and 1 with a per-finding report when a document is broken", () => {
        // Self-contained: the dev plan's KMS keys only, so the exit code does not depend on other components.
        const plan = loadStackPlan("dev");
        const keysOnly = { ...plan, resources: plan.resources.filter((r) => r.type === "aws:kms/key:Key") };
        expect(keysOnly.resources.length).toBeGreaterThan(0);
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "iam-lint-"));
        const clean = path.join(dir, "clean.json");
        fs.writeFileSync(clean, JSON.stringify(keysOnly));
        const ok = run(clean);
        expect(ok.code, ok.out).toBe(0);
        expect(ok.out).toContain("IAM catalogue check: no findings");

        const broken = structuredClone(keysOnly);
        broken.resources.push({
            urn: "urn:pulumi:dev::secure-ds::aws:iam/policy:Policy::user-addition",
            type: "aws:iam/policy:Policy",
            name: "user-addition",
            custom: true,
            inputs: { policy: JSON.stringify(networkIsolationMiscased) },
            outputs: {},
            options: { protect: false, retainOnDelete: false, dependsOn: [], ignoreChanges: [], deleteBeforeReplace: false },
            propertyDependencies: {},
        });
        const bad = path.join(dir, "broken.json");
        fs.writeFileSync(bad, JSON.stringify(broken));
        const failed = run(bad);
        expect(failed.code).toBe(1);
        expect(failed.out).toContain("- [condition-key-case] aws:iam/policy:Policy user-addition (policy), statement RequireNetworkIsolation (#0)");
        expect(failed.out).toContain('fix: write "sagemaker:NetworkIsolation"');
        fs.rmSync(dir, { recursive: true, force: true });
    });
});
