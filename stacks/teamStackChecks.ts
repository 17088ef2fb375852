/**
 * What a team stack checks of its workload base before it builds anything on it: every
 * problem is one phrase that names the team, the value and the fix. The base's contract is the
 * only view a team stack has of the account; the multi-stack plan (plan/teamStacks.ts) checks
 * what only the set of stacks shows (team and user names across team stacks, the budget's sum).
 */
import { WorkloadConfig } from "./config";
import { WorkloadBaseContract } from "./contracts/workloadBase";

export function teamStackProblems(cfg: WorkloadConfig, base: WorkloadBaseContract): string[] {
    const problems: string[] = [];
    const baseTeams = new Set(base.baseTeams.map((t) => t.name));
    const baseUsers = new Map(base.baseTeams.flatMap((t) => t.users.map((u) => [u, t.name] as const)));
    const users = cfg.teams.reduce((n, t) => n + t.users.length, 0);
    if (!base.budget) {
        problems.push("the base declares no team-stack budget; set stack.teamStacks (teams, users) in the base stack");
    } else {
        if (cfg.teams.length > base.budget.teams) {
            problems.push(
                `${cfg.teams.length} teams exceed the base's budget of ${base.budget.teams} (stack.teamStacks.teams); raise it in the base stack first`,
            );
        }
        if (users > base.budget.users) {
            problems.push(`${users} users exceed the base's budget of ${base.budget.users} (stack.teamStacks.users); raise it in the base stack first`);
        }
    }
    const allowed = new Set(base.guardrails.allowedInstanceTypes);
    for (const type of cfg.studio.instanceTypes.filter((i) => !allowed.has(i))) {
        problems.push(`studio.instanceTypes lists ${type}, which the base does not allow (G2); add it to the base's studio.instanceTypes`);
    }
    for (const team of cfg.teams) {
        if (baseTeams.has(team.name))
            problems.push(`team ${team.name} is built by the base stack already; a team lives in one stack only: remove it here or there`);
        for (const user of team.users) {
            const owner = baseUsers.get(user.name);
            if (owner)
                problems.push(`user ${user.name} of team ${team.name} is already a user of base team ${owner}; user names must be unique across the platform`);
        }
        for (const type of (team.jobInstanceTypes ?? []).filter((i) => !allowed.has(i))) {
            problems.push(
                `team ${team.name} uses job instance type ${type}, which the base does not allow (G2); add it to the base's stack.teamStacks.jobInstanceTypes`,
            );
        }
        if (team.networkIsolation && !base.guardrails.requireNetworkIsolation && !base.guardrails.networkIsolationTeams.includes(team.name)) {
            problems.push(
                `team ${team.name} sets networkIsolation, but the base's detective check does not hold its jobs to it (G10); add ${team.name} to the base's stack.teamStacks.networkIsolationTeams`,
            );
        }
        if (team.dataLake && !base.dataLake)
            problems.push(`team ${team.name} sets dataLake, but the base has no data lake; set stack.teamStacks.dataLake in the base`);
    }
    if (cfg.packages.enabled && base.codeArtifactRepositoryEndpoint === undefined) {
        problems.push("packages are enabled here but the base exports no package index; enable packages in the base, or set packages.enabled to false here");
    }
    if (cfg.studio.images.length !== base.studio.customImages.length) {
        problems.push(
            `studio.images lists ${cfg.studio.images.length} images here, the base built ${base.studio.customImages.length}; copy the base's studio section`,
        );
    }
    return problems;
}
