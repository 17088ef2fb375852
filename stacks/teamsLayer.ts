/**
 * The teams layer: a team stack in the workload account. It builds only what belongs to its
 * teams (each team's TeamEnvironment, Studio domain with its user profiles and security groups,
 * the domain's home EFS selection in the base's backup plan, and a Macie job over the teams'
 * data buckets when Macie is on) on what the workload base
 * stack built for the whole account, read through contract `workloadBase`. Onboarding a user
 * or a team therefore changes this stack only.
 */
import * as pulumi from "@pulumi/pulumi";
import { SecureStudioDomain } from "../components/studio/SecureStudioDomain";
import { TeamEnvironment } from "../components/team/TeamEnvironment";
import { workloadConfig } from "./config";
import { LayerContext } from "./context";
import { readContract } from "./contracts/contract";
import { WorkloadBaseContract, workloadBaseContract } from "./contracts/workloadBase";
import { referencedNetwork } from "./referencedNetwork";
import { networkPlan } from "./schema/network";
import { createTeamStudio } from "./studioLayer";
import { createTeamEnvironments } from "./teamEnvironments";
import { teamStackProblems } from "./teamStackChecks";
import { createTeamMacieJob } from "./teamMacie";

export class TeamsLayer extends pulumi.ComponentResource {
    /** One environment per team of this stack, in config order. */
    readonly teams: TeamEnvironment[];
    /** One SecureStudioDomain per team (N1, E1), its home EFS in the base's backup plan (G9). */
    readonly domains: Record<string, SecureStudioDomain>;

    /** `baseStack`: the workload base stack (`stack.upstream.workloadBase`). */
    constructor(ctx: LayerContext, baseStack: string, opts?: pulumi.ComponentResourceOptions) {
        super("secure-ds:stacks:TeamsLayer", "teams", {}, { ...opts, providers: { aws: ctx.provider } });
        const cfg = workloadConfig(ctx.cfg);
        const { value, ref } = readContract(workloadBaseContract, baseStack, ctx.aws.accountId);
        const base = value.apply((b): WorkloadBaseContract => {
            const problems = teamStackProblems(cfg, b);
            if (problems.length > 0) {
                throw new pulumi.RunError(`team stack on ${baseStack}: ${problems.join("; ")}`);
            }
            return b;
        });
        const network = referencedNetwork(
            base,
            { vpcCidr: cfg.network.cidr, availabilityZones: cfg.availabilityZones, interfaceEndpoints: networkPlan(cfg).interfaceEndpoints },
            baseStack,
        );
        const lake = base.apply((b) => b.dataLake);
        this.teams = createTeamEnvironments(
            ctx,
            {
                network,
                accessLogBucket: base.apply((b) => b.accessLogBucket),
                // teamStackProblems refuses a team with dataLake when the base has none, and packages without the endpoint.
                dataLake: cfg.teams.some((t) => t.dataLake)
                    ? {
                          bucketName: lake.apply((l) => l?.bucketName ?? ""),
                          bucketArn: lake.apply((l) => l?.bucketArn ?? ""),
                          keyArn: lake.apply((l) => l?.keyArn ?? ""),
                      }
                    : undefined,
                codeArtifactRepositoryEndpoint: cfg.packages.enabled ? base.apply((b) => b.codeArtifactRepositoryEndpoint ?? "") : undefined,
            },
            this,
        );
        this.domains = createTeamStudio(
            ctx,
            network,
            this.teams.map((t) => t.studio),
            {
                // The count is the config's (studio.images, held to the base's by teamStackProblems).
                customImages: cfg.studio.images.map((_, i) => {
                    const image = base.apply((b) => b.studio.customImages[i]);
                    return {
                        imageName: image.apply((im) => im?.imageName ?? ""),
                        appImageConfigName: image.apply((im) => im?.appImageConfigName ?? ""),
                        imageArn: image.apply((im) => im?.imageArn ?? ""),
                        imageVersionNumber: image.apply((im) => im?.imageVersionNumber ?? 0),
                    };
                }),
                backup: {
                    vaultName: base.apply((b) => b.studio.backup.vaultName),
                    planId: base.apply((b) => b.studio.backup.planId),
                    roleArn: base.apply((b) => b.studio.backup.roleArn),
                },
            },
            this,
        );
        createTeamMacieJob(ctx, this);
        this.registerOutputs({ base: ref.name });
    }
}
