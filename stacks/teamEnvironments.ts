/**
 * One TeamEnvironment per team of the stack's config, on a network built here (workload layer)
 * or referenced from the workload base (teams layer): the same arguments either way, so a team
 * planned in a team stack gets the same resources as one planned inline.
 */
import * as pulumi from "@pulumi/pulumi";
import { macieServiceLinkedRoleArn } from "../components/guardrails/arns";
import { NetworkContext } from "../components/network/types";
import { TeamDataLakeInput, TeamEnvironment } from "../components/team/TeamEnvironment";
import { mandatoryTags } from "./config";
import { LayerContext } from "./context";

/** What the teams build on: the account's network, access-log bucket, data lake and package index. */
export interface TeamFoundation {
    network: NetworkContext;
    accessLogBucket: pulumi.Input<string>;
    /** The shared data lake, when the account has one. */
    dataLake?: TeamDataLakeInput;
    /** The approved pip repository endpoint, published in each team's parameters. */
    codeArtifactRepositoryEndpoint?: pulumi.Input<string>;
    /** The SAML broker's role and the teams it serves (access.samlBroker.teams): their data-scientist roles trust it. */
    samlBroker?: { roleArn: string; role: pulumi.Resource; teams: readonly string[] };
}

/** Administrators of the team buckets: the deployer and the account's key administrators. */
export function bucketAdministrators(ctx: LayerContext): string[] {
    return [...new Set([...(ctx.account.assumeRoleArn ? [ctx.account.assumeRoleArn] : []), ...ctx.keyAdmins])];
}

/** One TeamEnvironment per configured team, in config order. */
export function createTeamEnvironments(ctx: LayerContext, foundation: TeamFoundation, parent: pulumi.Resource): TeamEnvironment[] {
    const { cfg } = ctx;
    return cfg.teams.map(
        (team) =>
            new TeamEnvironment(
                `team-${team.name}`,
                {
                    team,
                    naming: ctx.naming,
                    account: ctx.aws,
                    sharedServicesAccountId: cfg.accounts.sharedServices.accountId,
                    network: foundation.network,
                    keyAdministrators: ctx.keyAdmins,
                    bucketAdministrators: bucketAdministrators(ctx),
                    accessLogBucket: foundation.accessLogBucket,
                    appInstanceTypes: cfg.studio.instanceTypes,
                    sdkDefaultTags: mandatoryTags(cfg, team.name),
                    // Macie classifies the team buckets' objects: its role must get past the team and network rules.
                    dataInspectorArns: cfg.governance.securityServices.macie ? [macieServiceLinkedRoleArn(ctx.aws)] : [],
                    codeArtifactRepositoryEndpoint: foundation.codeArtifactRepositoryEndpoint,
                    dataLake: team.dataLake ? foundation.dataLake : undefined,
                    samlBroker:
                        foundation.samlBroker && foundation.samlBroker.teams.includes(team.name)
                            ? { roleArn: foundation.samlBroker.roleArn, role: foundation.samlBroker.role }
                            : undefined,
                },
                { parent },
            ),
    );
}
