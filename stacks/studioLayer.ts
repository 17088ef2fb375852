/**
 * Studio wiring of the workload layer, kept here so workload.ts only calls
 * `createStudio` after the teams: approved images (once), one SecureStudioDomain per team, and
 * one backup of every domain's home EFS.
 */
import * as pulumi from "@pulumi/pulumi";
import { namePrefix } from "../components/naming";
import { NetworkContext } from "../components/network/types";
import { SecureStudioDomain } from "../components/studio/SecureStudioDomain";
import { StudioHomeBackup, studioHomeSelection } from "../components/studio/StudioHomeBackup";
import { StudioCustomImage, StudioImages } from "../components/studio/StudioImages";
import { TeamStudioBinding } from "../components/team/types";
import { LayerContext } from "./context";
import { IMAGE_USERS } from "../components/studio/imageUsers";
import { StudioConfig } from "./schema/studio";

export interface StudioLayer {
    domains: Record<string, SecureStudioDomain>;
    images?: StudioImages;
    backup: StudioHomeBackup;
}

/** What the offline plan prints about Studio (a stack output ending in `Plan`). */
export interface StudioPlanOutput {
    authMode: string;
    domains: { team: string; domain: string; users: string[]; sharedSpace: boolean }[];
    idleMinutes: number;
    allowedInstanceTypes: string[];
    approvedImages: string[];
    notebookSharing: string;
    backup: { schedule: string; retentionDays: number; coldStorageAfterDays?: number };
}

/** The base's Studio: approved images (once), one domain per team it builds, the home EFS backup plan. */
export function createStudio(ctx: LayerContext, network: NetworkContext, teams: TeamStudioBinding[], parent: pulumi.Resource): StudioLayer {
    const studio = ctx.cfg.studio;
    const images =
        studio.images.length > 0
            ? new StudioImages(
                  "studio-images",
                  {
                      naming: ctx.naming,
                      account: ctx.aws,
                      images: studio.images.map((i) => ({ name: i.name, uri: i.uri, ...IMAGE_USERS[i.user] })),
                  },
                  { parent },
              )
            : undefined;
    const domains = createDomains(ctx, network, teams, images?.images, parent);
    const backup = new StudioHomeBackup(
        "studio-home-backup",
        {
            naming: ctx.naming,
            account: ctx.aws,
            keyAdministrators: ctx.keyAdmins,
            fileSystems: Object.fromEntries(Object.entries(domains).map(([team, d]) => [team, d.homeEfsFileSystemId])),
            // Team stacks add their domains to this plan (createTeamStudio).
            selectionsElsewhere: ctx.cfg.stack.teamStacks !== undefined,
            schedule: studio.backup.schedule,
            retentionDays: studio.backup.retentionDays,
            coldStorageAfterDays: studio.backup.coldStorageAfterDays,
        },
        { parent },
    );
    return { domains, images, backup };
}

/** What a team stack's Studio uses of its workload base (contract workloadBase). */
export interface BaseStudio {
    customImages: StudioCustomImage[];
    backup: { vaultName: pulumi.Input<string>; planId: pulumi.Input<string>; roleArn: pulumi.Input<string> };
}

/**
 * A team stack's Studio: one domain per team on the base's network, with the base's approved
 * images, and each domain's home EFS added to the base's backup plan (G9).
 */
export function createTeamStudio(
    ctx: LayerContext,
    network: NetworkContext,
    teams: TeamStudioBinding[],
    base: BaseStudio,
    parent: pulumi.Resource,
): Record<string, SecureStudioDomain> {
    const domains = createDomains(ctx, network, teams, base.customImages, parent);
    for (const [team, domain] of Object.entries(domains)) {
        studioHomeSelection(
            `studio-home-backup-${team}`,
            {
                account: ctx.aws,
                vaultName: base.backup.vaultName,
                planId: base.backup.planId,
                roleArn: base.backup.roleArn,
                team,
                fileSystemId: domain.homeEfsFileSystemId,
            },
            parent,
        );
    }
    return domains;
}

/** One SecureStudioDomain per team (N1, E1), as the studio config sets them. */
function createDomains(
    ctx: LayerContext,
    network: NetworkContext,
    teams: TeamStudioBinding[],
    customImages: StudioCustomImage[] | undefined,
    parent: pulumi.Resource,
): Record<string, SecureStudioDomain> {
    const studio = ctx.cfg.studio;
    const domains: Record<string, SecureStudioDomain> = {};
    for (const team of teams) {
        domains[team.teamName] = new SecureStudioDomain(
            `studio-${team.teamName}`,
            {
                naming: ctx.naming,
                account: ctx.aws,
                team,
                network,
                keyAdministrators: ctx.keyAdmins,
                authMode: studio.authMode,
                identityCenterUserName: studio.identityCenter?.userName,
                idleMinutes: studio.idleMinutes,
                allowedInstanceTypes: studio.instanceTypes,
                presignedUrlSourceIps: studio.presignedUrlSourceIps,
                codeEditor: studio.codeEditor,
                condaChannelUrl: studio.condaChannelUrl,
                sharedSpace: studio.sharedSpaces,
                notebookSharing: studio.notebookSharing,
                customImages,
            },
            { parent },
        );
    }
    return domains;
}

/** The Studio summary for the offline plan. */
export function studioPlan(
    studio: StudioConfig,
    teams: { name: string; users: { name: string }[] }[],
    organization: string,
    environment: string,
): StudioPlanOutput {
    return {
        authMode: studio.authMode,
        domains: teams.map((t) => ({
            team: t.name,
            domain: `${namePrefix({ organization, environment })}-${t.name}`,
            users: t.users.map((u) => u.name),
            sharedSpace: studio.sharedSpaces,
        })),
        idleMinutes: studio.idleMinutes,
        allowedInstanceTypes: studio.instanceTypes,
        approvedImages: studio.images.map((i) => i.uri),
        notebookSharing: studio.notebookSharing,
        backup: { ...studio.backup },
    };
}
