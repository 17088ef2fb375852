/**
 * Macie's weekly sensitive-data job over a team stack's data buckets (G10). The base enables
 * Macie for the account (SecurityServices) and inspects the buckets of the teams it builds
 * itself; a team stack's buckets are not in that job (the base does not know them), so each
 * team stack runs its own job over its teams' buckets, on the same schedule.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { namePrefix } from "../components/naming";
import { teamNames } from "../components/team/names";
import { LayerContext } from "./context";

export function createTeamMacieJob(ctx: LayerContext, parent: pulumi.Resource): aws.macie2.ClassificationJob | undefined {
    const { cfg } = ctx;
    const [first] = cfg.teams;
    if (!cfg.governance.securityServices.macie || first === undefined) return undefined;
    const buckets = cfg.teams.map((t) => teamNames(ctx.naming, t.name, ctx.aws.accountId).buckets.data);
    return new aws.macie2.ClassificationJob(
        `macie-team-data-${first.name}`,
        {
            // A team lives in one stack only, so its first team's name tells the stacks' jobs apart
            // (Macie job names: up to 500 characters, Macie API reference, CreateClassificationJob).
            name: `${namePrefix(ctx.naming)}-team-data-${first.name}`,
            jobType: "SCHEDULED",
            scheduleFrequency: { weeklySchedule: "MONDAY" },
            s3JobDefinition: { bucketDefinitions: [{ accountId: ctx.aws.accountId, buckets }] },
        },
        { parent },
    );
}
