import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { policies } from "../../policy-pack/policies";
import { isStackPolicy } from "../../policy-pack/policies/common";
import { readPackConfig, resolvePolicies } from "../../plan/evaluate";
import { REPO_ROOT } from "../../plan/stackConfig";
import { readGuardrails } from "../../tools/controlsDoc";

/** Control IDs defined by the guardrail catalogue (docs/guardrails.md). */
function catalogueIds(): Set<string> {
    return new Set(readGuardrails().map((row) => row.id));
}

describe("policy pack", () => {
    it("has uniquely named policies with description, controls and remediation", () => {
        const names = policies.map((p) => p.name);
        expect(new Set(names).size).toBe(names.length);
        for (const p of policies) {
            expect(p.name, p.name).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
            expect(p.description.length, p.name).toBeGreaterThan(20);
            expect(p.remediation.length, p.name).toBeGreaterThan(10);
            expect(p.controls.length, p.name).toBeGreaterThan(0);
        }
    });

    it("cites only control IDs of the guardrail catalogue", () => {
        const ids = catalogueIds();
        expect(ids.size).toBeGreaterThan(40);
        for (const p of policies) {
            for (const c of p.controls) expect(ids.has(c), `${p.name} cites unknown control ${c}`).toBe(true);
        }
    });

    it("documents every config parameter with a default", () => {
        for (const p of policies) {
            for (const [key, schema] of Object.entries(p.configSchema?.properties ?? {})) {
                const s = schema as { default?: unknown; description?: string };
                expect(s.default, `${p.name}.${key} has no default`).toBeDefined();
                expect(s.description, `${p.name}.${key} has no description`).toBeTruthy();
            }
        }
    });

    it("keeps the critical rules mandatory in the advisory (dev) pack config and everything mandatory in prod", () => {
        const advisory = resolvePolicies(readPackConfig(path.join(REPO_ROOT, "policy-pack", "config", "advisory.json")));
        const mandatory = resolvePolicies(readPackConfig(path.join(REPO_ROOT, "policy-pack", "config", "mandatory.json")));
        const levelIn = (resolved: typeof advisory, name: string) => resolved.find((r) => r.policy.name === name)?.level;
        for (const critical of ["sagemaker-domain-vpc-only", "sagemaker-domain-kms-key", "isolated-vpc-no-internet-path", "security-group-no-public-ingress"]) {
            expect(levelIn(advisory, critical)).toBe("mandatory");
        }
        expect(mandatory.every((r) => r.level === "mandatory")).toBe(true);
    });

    it("rejects a pack config naming an unknown policy", () => {
        expect(() => resolvePolicies({ "no-such-policy": "mandatory" })).toThrow(/unknown policy "no-such-policy"/);
    });

    it("has resource and stack policies with their validation functions", () => {
        for (const p of policies) {
            if (isStackPolicy(p)) expect(p.validateStack, p.name).toBeDefined();
            else expect(p.validateResource, p.name).toBeDefined();
        }
    });

    it("is runnable by `pulumi preview --policy-pack policy-pack`: own package.json with a version, entry only builds the pack", () => {
        const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, "policy-pack", "package.json"), "utf8")) as {
            version?: string;
            dependencies?: Record<string, string>;
        };
        expect(pkg.version).toMatch(/^\d+\.\d+\.\d+$/);
        expect(pkg.dependencies?.["@pulumi/policy"]).toBeDefined();
        expect(fs.readFileSync(path.join(REPO_ROOT, "policy-pack", "PulumiPolicy.yaml"), "utf8")).toMatch(/runtime: nodejs/);
        const entry = fs.readFileSync(path.join(REPO_ROOT, "policy-pack", "index.ts"), "utf8");
        expect(entry).toMatch(/new PolicyPack\(/);
        // @pulumi/policy resolves from the pack folder (through the repository's node_modules).
        expect(() => require.resolve("@pulumi/policy", { paths: [path.join(REPO_ROOT, "policy-pack")] })).not.toThrow();
    });
});
