/**
 * Splits one stack config whose workload layer holds many teams into a workload base stack
 * (no teams, a team-stack budget) and team stacks of at most `teamsPerStack` teams each (layer
 * `teams`, referencing the base). Every other section is kept as it is in both, so the team
 * stacks share the base's network, Studio, packages, governance and accounts.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { stringify } from "yaml";

export interface SplitOptions {
    /** The base stack's name; the team stacks are `<base>-teams-<nn>`. */
    base: string;
    teamsPerStack: number;
    /**
     * The budget the base declares (stack.teamStacks). Default: the split's teams and users plus
     * 20% headroom, so onboarding a few users changes a team stack only.
     */
    budget?: { teams: number; users: number };
}

export interface SplitStack {
    stack: string;
    config: Record<string, unknown>;
}

interface SplitTeam {
    name: string;
    users: unknown[];
    jobInstanceTypes?: string[];
    networkIsolation?: boolean;
    dataLake?: boolean;
}

const HEADROOM = 1.2;

export function splitIntoTeamStacks(config: Record<string, unknown>, options: SplitOptions): { base: SplitStack; teamStacks: SplitStack[] } {
    if (!Number.isInteger(options.teamsPerStack) || options.teamsPerStack < 1) {
        throw new Error(`teamsPerStack must be a whole number of at least 1, not ${options.teamsPerStack}`);
    }
    const platform = config["secure-ds:platform"] as Record<string, unknown> | undefined;
    const teams = (platform?.teams ?? []) as SplitTeam[];
    if (!platform || teams.length === 0) throw new Error("splitIntoTeamStacks: the config has no secure-ds:platform.teams to split");
    const stack = (platform.stack ?? {}) as Record<string, unknown>;
    const users = teams.reduce((n, t) => n + t.users.length, 0);
    const budget = options.budget ?? { teams: Math.ceil(teams.length * HEADROOM), users: Math.ceil(users * HEADROOM) };
    const baseLayers = stack.layers as string[] | undefined;
    const basePlatform = {
        ...structuredClone(platform),
        teams: [],
        stack: {
            ...structuredClone(stack),
            ...(baseLayers ? { layers: baseLayers.filter((l) => l !== "teams") } : {}),
            teamStacks: {
                ...budget,
                jobInstanceTypes: [...new Set(teams.flatMap((t) => t.jobInstanceTypes ?? []))],
                networkIsolationTeams: teams.filter((t) => t.networkIsolation).map((t) => t.name),
                dataLake: teams.some((t) => t.dataLake),
            },
        },
    };
    const teamStacks: SplitStack[] = [];
    for (let i = 0; i < teams.length; i += options.teamsPerStack) {
        const name = `${options.base}-teams-${String(i / options.teamsPerStack + 1).padStart(2, "0")}`;
        teamStacks.push({
            stack: name,
            config: {
                ...config,
                "secure-ds:platform": {
                    ...structuredClone(platform),
                    teams: structuredClone(teams.slice(i, i + options.teamsPerStack)),
                    stack: { layers: ["teams"], upstream: { workloadBase: options.base } },
                },
            },
        });
    }
    return { base: { stack: options.base, config: { ...config, "secure-ds:platform": basePlatform } }, teamStacks };
}

/** Writes a config's split (base and team stacks) as Pulumi.<stack>.yaml files in `dir`; returns their paths. */
export function writeTeamStackFiles(config: Record<string, unknown>, dir: string, options: SplitOptions): string[] {
    const split = splitIntoTeamStacks(config, options);
    fs.mkdirSync(dir, { recursive: true });
    return [split.base, ...split.teamStacks].map((s) => {
        const file = path.join(dir, `Pulumi.${s.stack}.yaml`);
        fs.writeFileSync(file, stringify({ config: s.config }));
        return file;
    });
}
