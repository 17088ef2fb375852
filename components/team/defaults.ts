/**
 * Defaults of TeamEnvironment and of the team it builds, in a module without Pulumi imports so
 * the config schema (stacks/schema/teams.ts) can read them.
 */
import { MANDATORY_TAG_KEYS } from "../tags";
import type { TeamEnvironmentArgs } from "./TeamEnvironment";
import type { TeamFederation, TeamSpec } from "./types";

/** SageMaker runs a training or processing job for at most 28 days. */
export const MAX_JOB_RUNTIME_HOURS = 672;

type TeamEnvironmentDefaults = Partial<Omit<TeamEnvironmentArgs, "team">> & {
    team: Partial<Omit<TeamSpec, "federation">> & { federation: Partial<TeamFederation> };
};

export const TEAM_ENVIRONMENT_DEFAULTS = {
    team: {
        budgetAlertEmails: [],
        budgetAlerts: [
            { percent: 80, type: "ACTUAL" },
            { percent: 100, type: "FORECASTED" },
        ],
        federation: { requireMfaForAdmin: true },
        perUserExecutionRoles: false,
        networkIsolation: false,
        maxJobRuntimeHours: 24,
        dataLake: false,
    },
    mandatoryTagKeys: MANDATORY_TAG_KEYS,
    dataInspectorArns: [],
} satisfies TeamEnvironmentDefaults;

/** A team with every defaulted setting filled in. */
export type ResolvedTeam = Required<Omit<TeamSpec, "jobInstanceTypes" | "federation">> &
    Pick<TeamSpec, "jobInstanceTypes"> & { federation: TeamFederation & { requireMfaForAdmin: boolean } };

/** Fills in the team's defaulted settings (TEAM_ENVIRONMENT_DEFAULTS.team). */
export function withTeamDefaults(team: TeamSpec): ResolvedTeam {
    const D = TEAM_ENVIRONMENT_DEFAULTS.team;
    return {
        ...team,
        budgetAlertEmails: team.budgetAlertEmails ?? D.budgetAlertEmails,
        budgetAlerts: team.budgetAlerts ?? D.budgetAlerts,
        federation: { ...team.federation, requireMfaForAdmin: team.federation.requireMfaForAdmin ?? D.federation.requireMfaForAdmin },
        perUserExecutionRoles: team.perUserExecutionRoles ?? D.perUserExecutionRoles,
        networkIsolation: team.networkIsolation ?? D.networkIsolation,
        maxJobRuntimeHours: team.maxJobRuntimeHours ?? D.maxJobRuntimeHours,
        dataLake: team.dataLake ?? D.dataLake,
    };
}
