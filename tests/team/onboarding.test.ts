/**
 * Onboarding is config: adding a team or a user adds resources and replaces nothing;
 * removing a team that holds data is refused by the engine because its data-bearing resources
 * are protected. Proved plan-vs-plan on the dev stack, with the whole platform.
 */
import { describe, expect, it } from "vitest";
import { RunResult } from "../../plan/engine";
import { runPlatform } from "../../plan/platformRun";
import { readStackConfigFile, stackConfigPath } from "../../plan/stackConfig";
import type { PlanResource } from "../../plan/types";
import type { RawConfig } from "../harness/configCases";
import { loadStackPlan } from "../harness/stackPlans";

type StackConfig = Record<string, unknown>;
const devConfig = (): StackConfig => structuredClone(readStackConfigFile(stackConfigPath("dev")));
/** The platform section of a stack file's config, which the tests edit in place. */
const platform = (c: StackConfig): RawConfig => c["secure-ds:platform"] as RawConfig;

/**
 * Input properties whose change the AWS provider applies in place (a policy document, a trust
 * policy, a parameter value, a trail's data-event selectors that now name the new team's buckets).
 * Any other changed input of an existing resource could replace it.
 */
const IN_PLACE = new Set(["policy", "assumeRolePolicy", "insecureValue", "value", "advancedEventSelectors"]);

interface Diff {
    added: PlanResource[];
    removed: PlanResource[];
    changed: { urn: string; keys: string[] }[];
}

function diff(before: RunResult, after: RunResult): Diff {
    const b = new Map(before.resources.map((r) => [r.urn, r]));
    const a = new Map(after.resources.map((r) => [r.urn, r]));
    const changed: Diff["changed"] = [];
    for (const [urn, old] of b) {
        const now = a.get(urn);
        if (!now) continue;
        const keys = [...new Set([...Object.keys(old.inputs), ...Object.keys(now.inputs)])].filter(
            (k) => JSON.stringify(old.inputs[k]) !== JSON.stringify(now.inputs[k]),
        );
        if (keys.length > 0) changed.push({ urn, keys });
    }
    return { added: after.resources.filter((r) => !b.has(r.urn)), removed: before.resources.filter((r) => !a.has(r.urn)), changed };
}

/** What `pulumi up` says when a program stops declaring protected resources: it refuses to delete them. */
export function deletionBlockers(d: Diff): string[] {
    return d.removed
        .filter((r) => r.options.protect)
        .map(
            (r) =>
                `${r.type} ${r.name} is protected and still holds data: the update fails instead of deleting it; export the data, then run \`pulumi state unprotect '${r.urn}'\` to remove it deliberately`,
        );
}

describe("onboarding by config (plan vs plan)", () => {
    // The dev plan as the stack file builds it (once per run); each change runs the program again.
    const base: RunResult = loadStackPlan("dev");

    it("adding a team adds only new resources and replaces nothing", async () => {
        const config = devConfig();
        platform(config).teams.push({
            name: "pricing",
            monthlyBudgetUsd: 500,
            federation: { samlProviderArn: "arn:aws:iam::111111111111:saml-provider/corp-idp" },
            users: [{ name: "grace", role: "admin" }],
        });
        const d = diff(base, await runPlatform("dev", config));
        expect(d.removed.map((r) => r.urn)).toEqual([]);
        expect(d.added.length).toBeGreaterThan(50);
        // every new resource belongs to the new team (its environment, its Studio domain, its user)
        expect(d.added.filter((r) => !/pricing|grace/.test(r.name)).map((r) => r.name)).toEqual([]);
        expect(d.changed.filter((c) => c.keys.some((k) => !IN_PLACE.has(k)))).toEqual([]);
    });

    it("adding a user adds that user's resources and changes only documents in place", async () => {
        const config = devConfig();
        platform(config).teams[0].users.push({ name: "frank", role: "scientist" });
        const d = diff(base, await runPlatform("dev", config));
        expect(d.removed.map((r) => r.urn)).toEqual([]);
        expect(d.changed.filter((c) => c.keys.some((k) => !IN_PLACE.has(k)))).toEqual([]);
        // The only team documents that change are the human roles' trust policies (the new user may assume them).
        const teamChanges = d.changed.filter((c) => c.urn.includes("secure-ds:team:TeamEnvironment"));
        expect(teamChanges.map((c) => c.urn.split("::").pop())).toEqual(["team-fraud-scientist"]);
        expect(teamChanges.every((c) => c.keys.join() === "assumeRolePolicy")).toBe(true);
    });

    it("removing a team that holds data is refused: its key and buckets are protected and retained", async () => {
        const config = devConfig();
        platform(config).teams.splice(1, 1); // churn
        const d = diff(base, await runPlatform("dev", config));
        const blockers = deletionBlockers(d);
        const dataBearing = d.removed.filter((r) => r.name.startsWith("team-churn") && (r.type === "aws:kms/key:Key" || r.type === "aws:s3/bucket:Bucket"));
        expect(dataBearing.map((r) => r.name).sort()).toEqual(["team-churn-data", "team-churn-key-key", "team-churn-models", "team-churn-outputs"]);
        for (const r of dataBearing) expect(r.options).toMatchObject({ protect: true, retainOnDelete: true });
        for (const r of dataBearing) expect(blockers.some((b) => b.includes(` ${r.name} is protected`))).toBe(true);
        expect(blockers[0]).toMatch(/is protected and still holds data: the update fails instead of deleting it/);
        // nothing of another team goes
        expect(d.removed.filter((r) => r.urn.includes("fraud"))).toEqual([]);
    });
});
