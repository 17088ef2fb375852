/**
 * The plan through the CLI's own entry points (cmd/run for the program, cmd/run-policy-pack for
 * the pack), no mocks: the same resources as the mock-runtime engine had, URNs as the engine
 * computes them, no provider calls, and the difference between preview and up.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { PLAN_UNKNOWN, Plan, PlanResource } from "../../plan/types";
import { REPO_ROOT } from "../../plan/stackConfig";
import { ORGANIZATION_STACKS, loadStackPlan } from "../harness/stackPlans";
import mockRuntimeCounts from "./mockRuntimeCounts.json";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "secure-ds-engine-"));
// This run's plans (tests/harness/stackPlans.ts), built by the global setup with the same buildPlan.
const plans: Record<string, Plan> = {
    "dev-preview": loadStackPlan("dev", "preview"),
    "prod-preview": loadStackPlan("prod", "preview"),
    "dev-up": loadStackPlan("dev", "up"),
};

const counts = (resources: PlanResource[]) => {
    const c: Record<string, number> = {};
    for (const r of resources) c[r.type] = (c[r.type] ?? 0) + 1;
    return c;
};

/** The URN from the recorded parent chain, computed here without plan/engine/urn.ts. */
function expectedUrn(r: PlanResource, byUrn: Map<string, PlanResource>, plan: Plan): string {
    const chain: string[] = [r.type];
    for (let p = r.parent ? byUrn.get(r.parent) : undefined; p && p.type !== "pulumi:pulumi:Stack"; p = p.parent ? byUrn.get(p.parent) : undefined) {
        chain.unshift(p.type);
    }
    return `urn:pulumi:${plan.stack}::${plan.project}::${chain.join("$")}::${r.name}`;
}

describe("the plan through the CLI's entry points", () => {
    // The fixture's "//" entry says how the counts moved since the mock-runtime engine's last run.
    it("registers the resources per type that the mock-runtime engine had, and no default provider", () => {
        for (const stack of ["dev", "prod"] as const) {
            const plan = plans[`${stack}-preview`];
            // prod's organisation is four stacks since the per-account split: their resources together.
            const got = counts(stack === "prod" ? [...ORGANIZATION_STACKS.flatMap((s) => loadStackPlan(s).resources), ...plan.resources] : plan.resources);
            // Every resource names its layer's provider; a default one would mean a package the layers do not cover.
            // The builtin provider of stack references (pulumi:providers:pulumi) is the engine's, not a package's.
            const defaults = plan.resources.filter(
                (r) => r.type.startsWith("pulumi:providers:") && r.type !== "pulumi:providers:pulumi" && r.name.startsWith("default"),
            );
            expect(defaults.map((r) => r.urn)).toEqual([]);
            expect(got).toEqual(mockRuntimeCounts[stack]);
        }
        expect(counts(plans["dev-up"].resources)).toEqual(counts(plans["dev-preview"].resources));
    });

    it("gives every resource the URN the engine computes from its parent chain (no root stack type)", () => {
        for (const plan of Object.values(plans)) {
            const byUrn = new Map(plan.resources.map((r) => [r.urn, r]));
            expect(byUrn.size).toBe(plan.resources.length);
            for (const r of plan.resources) {
                if (r.type === "pulumi:pulumi:Stack") expect(r.urn).toBe(`urn:pulumi:${plan.stack}::secure-ds::pulumi:pulumi:Stack::secure-ds-${plan.stack}`);
                else expect(r.urn).toBe(expectedUrn(r, byUrn, plan));
                expect(r.urn).not.toContain("pulumi:pulumi:Stack$");
            }
        }
    });

    it("has no remote component whose resources it cannot see: every VPC is built from aws.ec2 resources", () => {
        for (const plan of Object.values(plans)) {
            expect(plan.resources.filter((r) => r.remote || r.visible === false)).toEqual([]);
            expect(plan.summary.notVisible).toEqual([]);
        }
    });

    it("in preview an ARN of a new role is unknown, in up it is known", () => {
        const role = (plan: Plan) => plan.resources.find((r) => r.type === "aws:iam/role:Role" && r.name === "team-fraud-studio");
        expect(plans["dev-preview"].mode).toBe("preview");
        expect(role(plans["dev-preview"])?.outputs.arn).toBe(PLAN_UNKNOWN);
        expect(role(plans["dev-preview"])?.id).toBe(PLAN_UNKNOWN);
        expect(role(plans["dev-preview"])?.inputs.assumeRolePolicy).not.toBe(PLAN_UNKNOWN);
        expect(String(role(plans["dev-up"])?.outputs.arn)).toMatch(/^arn:aws:iam::111111111111:role\//);
        expect(plans["dev-up"].undecided).toEqual([]);
    });

    it("counts the checks a preview cannot decide, per policy and configured level, deferred ones apart", () => {
        for (const key of ["dev-preview", "prod-preview"]) {
            const { undecided, deferred, summary } = plans[key];
            // Since the pack judges presence and relations without reading unknown values, what a
            // first preview cannot decide is the documents that embed new ARNs: deferred to `pulumi up`.
            expect(undecided.length + deferred.length).toBeGreaterThan(0);
            for (const [list, counts] of [
                [undecided, summary.undecided],
                [deferred, summary.deferred],
            ] as const) {
                expect(counts.total).toBe(list.length);
                const total = Object.values(counts.byPolicy)
                    .flatMap((levels) => Object.values(levels))
                    .reduce((a, b) => a + (b ?? 0), 0);
                expect(total).toBe(list.length);
                for (const u of list) expect(u.message).not.toMatch(/^can't run/);
            }
        }
    });

    it("judges with the pack's own server: no mandatory finding in dev or prod", () => {
        for (const plan of Object.values(plans)) expect(plan.findings.filter((f) => f.level === "mandatory")).toEqual([]);
    });
});

describe("pack config errors on the command line", () => {
    const run = (config: object) => {
        const file = path.join(tmp, `pack-${Math.random().toString(36).slice(2)}.json`);
        fs.writeFileSync(file, JSON.stringify(config));
        return spawnSync(
            process.execPath,
            [
                path.join(REPO_ROOT, "node_modules", "tsx", "dist", "cli.mjs"),
                path.join(REPO_ROOT, "tools", "plan.ts"),
                "--stack",
                "dev",
                "--quiet",
                "--pack-config",
                file,
            ],
            {
                cwd: REPO_ROOT,
                encoding: "utf8",
                timeout: 300_000,
            },
        );
    };

    it("exits 2 with one line naming the key for a bad enforcement level", () => {
        const r = run({ all: "mandatry" });
        expect(r.status).toBe(2);
        expect(r.stderr.trim().split("\n")).toHaveLength(1);
        expect(r.stderr).toMatch(/"all": "mandatry" is not a valid enforcement level/);
    });

    it("exits 2 naming the policy and property for a value its configSchema refuses", () => {
        const r = run({ "log-group-retention-minimum": { minimumRetentionDays: "lots" } });
        expect(r.status).toBe(2);
        expect(r.stderr.trim().split("\n")).toHaveLength(1);
        expect(r.stderr).toMatch(/"log-group-retention-minimum"\.minimumRetentionDays: must be integer/);
    });
});
