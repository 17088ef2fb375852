/**
 * Team stacks planned for real: a generated 3 teams × 10 users config split into a workload
 * base and team stacks of 2 teams (plan/teamStackSplit.ts), planned as
 * `npm run plan -- --team-stacks` does (base first, team stacks in 2 worker processes), against
 * the same config planned as one stack. The per-stack size is shown to be a fixed overhead plus
 * a per-team figure (independent of the total), which bounds a 10-team stack; the full
 * 100 × 10 split is bench/teamStacks.ts.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { generatedConfig } from "../../bench/generatedConfig";
import { buildPlan } from "../../plan/buildPlan";
import { ProgramFailedError } from "../../plan/engine";
import { isEngineBuiltin } from "../../plan/summary";
import { TeamStacksPlan, planTeamStacks } from "../../plan/teamStacks";
import { SplitStack, splitIntoTeamStacks } from "../../plan/teamStackSplit";
import { Plan, PlanResource } from "../../plan/types";

const TEAMS = 3;
const USERS = 10;
const TEAMS_PER_STACK = 2;
/** Fixed, so that onboarding a user leaves the base's config (and plan) as it is. */
const BUDGET = { teams: 10, users: 100 };
const MAX_RESOURCES = 2000;
const env = { PULUMI_NODEJS_TRANSPILE_ONLY: "true" };

function split(config: Record<string, unknown>) {
    return splitIntoTeamStacks(config, { base: "generated", teamsPerStack: TEAMS_PER_STACK, budget: BUDGET });
}

function planSplit(s: { base: SplitStack; teamStacks: SplitStack[] }): Promise<TeamStacksPlan> {
    return planTeamStacks({ base: "generated", configOf: () => s.base.config, teamStacks: s.teamStacks, workers: 2, mode: "up", env });
}

/** A config with one more user in the last team. */
function withOneMoreUser(config: Record<string, unknown>): Record<string, unknown> {
    const copy = structuredClone(config);
    const teams = (copy["secure-ds:platform"] as { teams: { name: string; users: { name: string; role: string }[] }[] }).teams;
    const last = teams[teams.length - 1] as (typeof teams)[number];
    last.users.push({ name: `${last.name}-u99`, role: "scientist" });
    return copy;
}

const cloud = (p: Plan) => p.resources.filter((r) => r.custom && !isEngineBuiltin(r));
/** URN → inputs of a plan's resources (the stack's name is in every URN; compared per stack). */
const byUrn = (p: Plan) => new Map(p.resources.map((r) => [r.urn, JSON.stringify(r.inputs)]));
/** type and name → inputs: a resource's identity across stacks (URNs name the stack and parents). */
const byName = (resources: PlanResource[]) => new Map(resources.map((r) => [`${r.type} ${r.name}`, JSON.stringify(r.inputs)]));

let single: Plan;
let before: TeamStacksPlan;
let after: TeamStacksPlan;
const config = generatedConfig(TEAMS, USERS);

beforeAll(async () => {
    single = await buildPlan({ stack: "generated", config, mode: "up", env });
    before = await planSplit(split(config));
    after = await planSplit(split(withOneMoreUser(config)));
}, 1_800_000);

describe("team stacks of a split config", () => {
    it("plan in the workload account only, and the split raises no cross-stack problem", () => {
        const workload = (config["secure-ds:platform"] as { accounts: { workload: { accountId: string } } }).accounts.workload.accountId;
        expect(before.teamStacks).toHaveLength(2);
        for (const plan of before.teamStacks) {
            expect(cloud(plan).length).toBeGreaterThan(100);
            expect(new Set(cloud(plan).map((r) => r.account))).toEqual(new Set([workload]));
            expect(plan.contractViolations).toEqual([]);
            expect(plan.summary.findings.mandatory).toBe(0);
        }
        expect(before.problems).toEqual([]);
    });

    it("build the same team resources, with the same inputs, as the single stack (the referenced network is the local one)", () => {
        const inline = byName(cloud(single).filter((r) => r.urn.includes("TeamEnvironment") || r.urn.includes("SecureStudioDomain")));
        const split = byName(before.teamStacks.flatMap(cloud).filter((r) => r.urn.includes("TeamEnvironment") || r.urn.includes("SecureStudioDomain")));
        expect(inline.size).toBeGreaterThan(TEAMS * USERS * 5);
        expect([...split.keys()].sort()).toEqual([...inline.keys()].sort());
        for (const [key, inputs] of inline) expect(split.get(key), key).toBe(inputs);
    });

    it("hold the account's quotas together: domains and profiles count over every stack", () => {
        const used = (key: string) => before.accountQuotas.find((q) => q.key === key)?.used;
        expect(used("sagemaker/L-B683BCB0")).toBe(TEAMS);
        expect(used("sagemaker/L-AC46C40F")).toBe(TEAMS * USERS);
        expect(before.accountQuotas.filter((q) => q.exceeded)).toEqual([]);
    });

    it(`grow by a fixed figure per team, so a stack of 10 teams × ${USERS} users stays within ${MAX_RESOURCES} resources`, () => {
        const [two, one] = before.teamStacks.map((p) => p.summary.resourceCount) as [number, number];
        const perTeam = two - one;
        const overhead = one - perTeam;
        expect(perTeam).toBeGreaterThan(USERS * 5);
        expect(overhead).toBeGreaterThanOrEqual(0);
        // The base's plan holds no team resource: a team stack's size depends on its own teams only.
        expect(cloud(before.base.plans[0] as Plan).filter((r) => r.urn.includes("TeamEnvironment"))).toEqual([]);
        expect(overhead + 10 * perTeam).toBeLessThanOrEqual(MAX_RESOURCES);
    });

    it("adding one user changes exactly one stack: the team stack of the user's team", () => {
        const plans = (p: TeamStacksPlan) => [...p.base.plans, ...p.teamStacks];
        const changed = plans(before).filter((p, i) => {
            const a = byUrn(p);
            const b = byUrn(plans(after)[i] as Plan);
            return a.size !== b.size || [...a].some(([urn, inputs]) => b.get(urn) !== inputs);
        });
        expect(changed.map((p) => p.stack)).toEqual(["generated-teams-02"]);
    });
});

describe("a team stack whose base is wrong", () => {
    const [first] = split(config).teamStacks;
    const stack = first as SplitStack;
    const baseOutputs = () => structuredClone(before.base.plans[0]?.outputs ?? {});

    it("fails naming the base stack and the output when the base lacks workloadBase", async () => {
        const outputs = baseOutputs();
        delete outputs.workloadBase;
        const plan = buildPlan({ stack: stack.stack, config: stack.config, mode: "preview", env, stackReferences: { generated: outputs } });
        await expect(plan).rejects.toThrow(ProgramFailedError);
        await expect(plan).rejects.toThrow(/stack reference generated: output "workloadBase" is missing \(the workloadBase stack exports it\)/);
    }, 600_000);

    it("is refused when the base builds one of its teams (a base that has team t001 inline)", async () => {
        const outputs = baseOutputs();
        const base = outputs.workloadBase as { baseTeams: { name: string; users: string[] }[] };
        base.baseTeams = [{ name: "t001", users: [] }];
        const plan = buildPlan({ stack: stack.stack, config: stack.config, mode: "preview", env, stackReferences: { generated: outputs } });
        await expect(plan).rejects.toThrow(/team stack on generated: team t001 is built by the base stack already; a team lives in one stack only/);
    }, 600_000);
});
