/** A large synthetic stack config (teams × users) built from the dev stack, for benchmarks. */
import { readStackConfigFile, stackConfigPath } from "../plan/stackConfig";

export function generatedConfig(teams: number, usersPerTeam: number): Record<string, unknown> {
    const config = readStackConfigFile(stackConfigPath("dev"));
    const platform = structuredClone(config["secure-ds:platform"]) as Record<string, unknown>;
    const pad = (n: number, width: number) => String(n).padStart(width, "0");
    // Every generated team reuses the first dev team's federation (the identity provider is per account).
    const federation = (platform.teams as Array<Record<string, unknown>>)[0].federation;
    platform.teams = Array.from({ length: teams }, (_, t) => ({
        name: `t${pad(t + 1, 3)}`,
        federation,
        monthlyBudgetUsd: 1000,
        budgetAlertEmails: ["finops@example.com"],
        users: Array.from({ length: usersPerTeam }, (_, u) => ({ name: `t${pad(t + 1, 3)}-u${pad(u + 1, 2)}`, role: u === 0 ? "admin" : "scientist" })),
    }));
    const network = platform.network as Record<string, unknown>;
    network.expectedUsers = teams * usersPerTeam;
    return { ...config, "secure-ds:platform": platform };
}
