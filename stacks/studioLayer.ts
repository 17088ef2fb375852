/**
 * Studio wiring of the workload layer, kept here so workload.ts only calls
 * `createStudio` after the teams: approved images (once), one SecureStudioDomain per team, and
 * one backup of every domain's home EFS.
 */
import * as pulumi from "@pulumi/pulumi";
import { namePrefix } from "../components/naming";
import { NetworkContext } from "../components/network/types";
import { SecureStudioDomain } from "../components/studio/SecureStudioDomain";
import { StudioHomeBackup } from "../components/studio/StudioHomeBackup";
import { StudioImages } from "../components/studio/StudioImages";
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
                customImages: images?.images,
            },
            { parent },
        );
    }
    const backup = new StudioHomeBackup(
        "studio-home-backup",
        {
            naming: ctx.naming,
            account: ctx.aws,
            keyAdministrators: ctx.keyAdmins,
            fileSystems: Object.fromEntries(Object.entries(domains).map(([team, d]) => [team, d.homeEfsFileSystemId])),
            schedule: studio.backup.schedule,
            retentionDays: studio.backup.retentionDays,
            coldStorageAfterDays: studio.backup.coldStorageAfterDays,
        },
        { parent },
    );
    return { domains, images, backup };
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
