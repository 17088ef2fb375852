/**
 * The workload base's side of contract `workloadBase`: what its team stacks build on, exported
 * by every stack with the workload layer (with or without team stacks, so a team stack can be
 * added to any workload stack later).
 */
import * as pulumi from "@pulumi/pulumi";
import { PlatformConfig } from "./config";
import { WorkloadBaseContract } from "./contracts/workloadBase";
import { networkIsolationTeams, platformInstanceTypes } from "./governanceLayer";
import { exportedNetwork } from "./referencedNetwork";
import { WorkloadLayer } from "./workload";

export function workloadBaseValue(
    cfg: PlatformConfig,
    accountId: string,
    workload: WorkloadLayer,
    codeArtifactRepositoryEndpoint: pulumi.Input<string> | undefined,
): pulumi.Output<WorkloadBaseContract> {
    const lake = workload.dataLake;
    const images = workload.studio.images?.images ?? [];
    const backup = workload.studio.backup;
    const budget = cfg.stack.teamStacks;
    return pulumi
        .all([
            exportedNetwork(workload.network),
            workload.logsKey.arn,
            workload.accessLogs.name,
            lake ? pulumi.all([lake.bucketName, lake.bucketArn, lake.keyArn]) : undefined,
            codeArtifactRepositoryEndpoint,
            pulumi.all(images.map((i) => pulumi.all([i.imageName, i.appImageConfigName, i.imageArn, i.imageVersionNumber]))),
            pulumi.all([backup.plan.id, backup.role.arn]),
        ])
        .apply(([network, logsKeyArn, accessLogBucket, lakeRefs, endpoint, imageRefs, [planId, roleArn]]) => ({
            accountId,
            network,
            logsKeyArn,
            accessLogBucket,
            ...(lakeRefs ? { dataLake: { bucketName: lakeRefs[0], bucketArn: lakeRefs[1], keyArn: lakeRefs[2] } } : {}),
            ...(endpoint !== undefined ? { codeArtifactRepositoryEndpoint: endpoint } : {}),
            studio: {
                customImages: imageRefs.map(([imageName, appImageConfigName, imageArn, imageVersionNumber]) => ({
                    imageName,
                    appImageConfigName,
                    imageArn,
                    imageVersionNumber,
                })),
                backup: { vaultName: backup.vaultName, planId, roleArn },
            },
            guardrails: {
                allowedInstanceTypes: platformInstanceTypes(cfg),
                requireNetworkIsolation: cfg.governance.requireNetworkIsolation,
                networkIsolationTeams: networkIsolationTeams(cfg),
            },
            ...(budget ? { budget: { teams: budget.teams, users: budget.users } } : {}),
            baseTeams: cfg.teams.map((t) => ({ name: t.name, users: t.users.map((u) => u.name) })),
        }));
}
