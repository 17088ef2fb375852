/**
 * `plan --diff` on the real program: onboarding a team and a user in a copy
 * of the dev stack's config, diffed against the dev plan, shows exactly the new team's and user's
 * creates and one in-place update (the churn scientist role's trust policy names the new user;
 * the trail's data-event selector names the platform's bucket prefix, so it does not change), no
 * replace and no delete; the
 * same against a stack export of the deployed dev stack; a force-new change shows a replace. And
 * the dev summary fits one screen.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { buildPlan } from "../../plan/buildPlan";
import { readDiffBase } from "../../plan/diff/base";
import { diffPlan } from "../../plan/diff/compare";
import { formatDiff } from "../../plan/diff/format";
import { formatPlan } from "../../plan/format";
import { readStackConfigFile, stackConfigPath } from "../../plan/stackConfig";
import { Plan } from "../../plan/types";
import { loadStackPlan, stackPlanFile } from "../harness/stackPlans";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "secure-ds-plan-diff-"));

/** The dev config with a new team (risk, one admin) and a new user in churn. */
function onboarded(): Record<string, unknown> {
    const config = structuredClone(readStackConfigFile(stackConfigPath("dev")));
    const platform = config["secure-ds:platform"] as { teams: Record<string, unknown>[] };
    const churn = platform.teams.find((t) => t.name === "churn") as { users: unknown[]; federation: unknown };
    churn.users.push({ name: "frank", role: "scientist" });
    platform.teams.push({
        name: "risk",
        monthlyBudgetUsd: 1000,
        budgetAlertEmails: ["risk-leads@example.com"],
        federation: churn.federation,
        users: [{ name: "grace", role: "admin" }],
    });
    return config;
}

/** What `pulumi stack export` of the deployed dev stack would hold: the `up` plan's resources as ResourceV3 state. */
function exportOf(plan: Plan): string {
    const file = path.join(tmp, "dev-export.json");
    const resources = plan.resources.map((r) => ({
        urn: r.urn,
        custom: r.custom,
        ...(r.id ? { id: r.id } : {}),
        type: r.type,
        inputs: r.inputs,
        outputs: r.outputs,
        ...(r.parent ? { parent: r.parent } : {}),
        ...(r.options.protect ? { protect: true } : {}),
        ...(r.provider ? { provider: r.provider } : {}),
        propertyDependencies: r.propertyDependencies,
    }));
    fs.writeFileSync(
        file,
        JSON.stringify({ version: 3, deployment: { manifest: { time: "2026-12-01T00:00:00Z", magic: "", version: "v3.248.0" }, resources } }),
    );
    return file;
}

const NEW_NAMES = /frank|grace|risk/;

describe("plan --diff after onboarding a team and a user (dev)", async () => {
    const after = await buildPlan({ stack: "dev", config: onboarded(), mode: "preview" });
    const base = readDiffBase(stackPlanFile("dev", "preview"));
    const diff = diffPlan(base, after);
    const ops = (op: string) => diff.resources.filter((r) => r.op === op);

    it("creates only the new team's and user's resources", () => {
        expect(ops("create").length).toBeGreaterThan(50);
        expect(
            ops("create")
                .filter((r) => !NEW_NAMES.test(r.urn))
                .map((r) => r.urn),
        ).toEqual([]);
        expect(ops("create").map((r) => r.type)).toEqual(expect.arrayContaining(["aws:sagemaker/userProfile:UserProfile", "secure-ds:team:TeamEnvironment"]));
    });

    // The trail's data-event selector names the platform's bucket prefix, not each bucket: the new team's buckets are covered unchanged.
    it("updates exactly one resource in place: the churn scientist's trust policy (the trail is unchanged)", () => {
        expect(ops("update").map((r) => `${r.type} ${r.name}`)).toEqual(["aws:iam/role:Role team-churn-scientist"]);
        const [role] = ops("update");
        expect(role.changes.map((c) => [c.path.split(".")[0], c.new])).toEqual([
            ["assumeRolePolicy", "frank"],
            ["assumeRolePolicy", "frank"],
        ]);
    });

    it("replaces and deletes nothing", () => {
        expect(diff.counts.replace).toBe(0);
        expect(diff.counts.delete).toBe(0);
        expect(diff.counts.same).toBe(base.resources.length - 1);
    });

    it("prints like pulumi preview", () => {
        const text = formatDiff(diff, "dev").join("\n");
        expect(text).toContain("  ~  aws:iam/role:Role team-churn-scientist  update");
        expect(text).toMatch(/\n {2}\+ {2}aws:sagemaker\/userProfile:UserProfile studio-churn-frank {2}create\n/);
        expect(text).toContain(`Resources: ${diff.counts.create} to create, 1 to update, 0 to replace, 0 to delete`);
    });

    it("shows the same against a stack export of the deployed stack, its known values unknown in the preview not counted", () => {
        const fromState = diffPlan(readDiffBase(exportOf(loadStackPlan("dev", "up"))), after);
        expect(fromState.base.kind).toBe("stack-export");
        expect(fromState.counts).toEqual(diff.counts);
        expect(fromState.resources.map((r) => `${r.op} ${r.urn}`)).toEqual(diff.resources.map((r) => `${r.op} ${r.urn}`));
        expect(fromState.unknownOnly).toBeGreaterThan(0);
    });

    it("shows a replace for a force-new change: a role's path, a bucket's name", () => {
        const changed = structuredClone(after);
        const role = changed.resources.find((r) => r.type === "aws:iam/role:Role" && r.name === "team-fraud-scientist");
        const bucket = changed.resources.find((r) => r.type === "aws:s3/bucket:Bucket" && r.name.startsWith("team-fraud"));
        if (!role || !bucket) throw new Error("the dev plan has no fraud scientist role or fraud bucket");
        role.inputs.path = "/teams/";
        bucket.inputs.bucket = `${String(bucket.inputs.bucket)}-v2`;
        const d = diffPlan(base, changed);
        expect(
            d.resources
                .filter((r) => r.op === "replace")
                .map((r) => r.urn)
                .sort(),
        ).toEqual([role.urn, bucket.urn].sort());
        expect(formatDiff(d, "dev").join("\n")).toContain("[forces replacement: path]");
    });
});

describe("the dev summary", () => {
    const dev = loadStackPlan("dev", "preview");
    /** Lines as a 100-column terminal shows them (a longer line wraps). */
    const screenLines = (text: string) => text.split("\n").reduce((n, l) => n + Math.max(1, Math.ceil([...l].length / 100)), 0);

    it("fits one screen: under 60 lines at 100 columns, no line wider", () => {
        const text = formatPlan(dev);
        expect(screenLines(text)).toBeLessThan(60);
        expect(text.split("\n").filter((l) => [...l].length > 100)).toEqual([]);
    });

    it("shows the tree and the components' plans as tables, not JSON", () => {
        const text = formatPlan(dev);
        expect(text).toMatch(/\n {2}account 111111111111: \d+/);
        expect(text).toMatch(/TeamEnvironment ×2 \(team-churn, team-fraud\) \d+/);
        for (const section of ["capacity: ", "studio: ", "packages: ", "governance: "]) expect(text).toContain(`\n${section}`);
        expect(text).not.toMatch(/^\s*[{}[\]],?$/m);
    });

    it("gives every component, field and policy with --verbose", () => {
        const text = formatPlan(dev, { verbose: true });
        expect(text).toContain("TeamEnvironment team-churn ");
        expect(text).toContain("TeamEnvironment team-fraud ");
        expect(text).toMatch(/\n {4}acme-dev-fraud +false +fraud +alice, bob, carol\n/);
        for (const policy of Object.keys(dev.summary.deferred.byPolicy)) expect(text).toContain(`  ${policy}: `);
    });
});
