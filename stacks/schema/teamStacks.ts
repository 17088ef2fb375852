/**
 * `stack.teamStacks`: the budget a workload base stack declares for the team stacks built on it
 * (layer `teams`). Whatever the base computes over all teams (subnet sizing, the SCP and
 * detective instance-type lists, the network-isolation check, the data lake) reads this budget
 * instead of the team list, so adding a team or a user to a team stack leaves the base
 * unchanged. Each team stack holds its own teams to the budget the base exports (contract
 * `workloadBase`); the multi-stack plan (plan/teamStacks.ts) holds the sum over all of them.
 */
import { z } from "zod";
import { dnsName, positiveInt } from "./common";

export const teamStacksBudgetSchema = z.strictObject({
    /** Teams the team stacks may hold in total (besides the base's own `teams`). Required. */
    teams: positiveInt("teams"),
    /** Users the team stacks may hold in total. Sizes the subnets with the base's own users. Required. */
    users: positiveInt("users"),
    /** Job and endpoint instance types the team stacks' teams may use beyond studio.instanceTypes (G2). Default none. */
    jobInstanceTypes: z.array(z.string().regex(/^ml\.[a-z0-9-]+\.[a-z0-9]+$/, { message: "is not a SageMaker instance type such as ml.m5.large" })).default([]),
    /** Teams of team stacks whose jobs must run network-isolated (G10 detective check). Default none. */
    networkIsolationTeams: z.array(dnsName(32, "team name")).default([]),
    /** Build the shared data lake for team stacks' teams with `dataLake: true`. Default false. */
    dataLake: z.boolean().default(false),
});

export type TeamStacksBudget = z.infer<typeof teamStacksBudgetSchema>;
