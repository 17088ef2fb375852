/**
 * SecureStudioDomain's arguments with their defaults applied, validated before the first resource
 * is registered. Pure.
 */
import { TeamUser } from "../team/types";
import { IDLE_MINUTES_RANGE, SECURE_STUDIO_DOMAIN_DEFAULTS } from "./defaults";
import { STUDIO_APP_INSTANCE_TYPES, isKnownInstanceType } from "./instanceTypes";
import { namePrefix } from "../naming";
import type { SecureStudioDomainArgs } from "./SecureStudioDomain";
import type { StudioCustomImage } from "./StudioImages";

/** SageMaker's domain name rule. */
const DOMAIN_NAME = /^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}$/;

export interface DomainSettings {
    /** `<organization>-<environment>-<team>`. */
    domainName: string;
    authMode: "IAM" | "SSO";
    idleMinutes: number;
    allowedInstanceTypes: string[];
    /** The instance type apps start on: ml.t3.medium when allowed, else the first allowed Studio app type. */
    defaultInstanceType: string;
    presignedUrlSourceIps: string[];
    codeEditor: boolean;
    sharedSpace: boolean;
    notebookSharing: "disabled" | "enabled";
    customImages: StudioCustomImage[];
    protect: boolean;
    /** The team's first admin (the schema requires one), else its first user: owner of the shared space. */
    spaceOwner?: TeamUser;
}

export function domainSettings(name: string, args: SecureStudioDomainArgs): DomainSettings {
    const D = SECURE_STUDIO_DOMAIN_DEFAULTS;
    const authMode = args.authMode ?? D.authMode;
    const idleMinutes = args.idleMinutes ?? D.idleMinutes;
    const allowed = args.allowedInstanceTypes ?? D.allowedInstanceTypes;
    const sourceIps = args.presignedUrlSourceIps ?? D.presignedUrlSourceIps;
    const sharedSpace = args.sharedSpace ?? D.sharedSpace;
    const sharing = args.notebookSharing ?? D.notebookSharing;
    const team = args.team;
    const domainName = `${namePrefix(args.naming)}-${team.teamName}`;

    const problem = (message: string) => new Error(`SecureStudioDomain ${name}: ${message}`);
    if (!Number.isInteger(idleMinutes) || idleMinutes < IDLE_MINUTES_RANGE.min || idleMinutes > IDLE_MINUTES_RANGE.max) {
        throw problem(
            `idleMinutes ${idleMinutes} is out of range; SageMaker accepts whole minutes from ${IDLE_MINUTES_RANGE.min} to ${IDLE_MINUTES_RANGE.max}.`,
        );
    }
    if (allowed.length === 0) {
        throw problem("allowedInstanceTypes is empty; list at least one instance type users may start apps on.");
    }
    const unknown = allowed.filter((t) => !isKnownInstanceType(t));
    if (unknown.length > 0) {
        throw problem(
            `allowedInstanceTypes has unknown instance types ${unknown.join(", ")}; use types SageMaker offers (components/studio/instanceTypes.ts).`,
        );
    }
    const appTypes = allowed.filter((t) => STUDIO_APP_INSTANCE_TYPES.includes(t));
    if (appTypes.length === 0) {
        throw problem(`allowedInstanceTypes (${allowed.join(", ")}) has no type Studio apps can run on; add one such as ml.t3.medium.`);
    }
    if (authMode === "SSO" && args.identityCenterUserName === undefined) {
        throw problem(
            "authMode is SSO but identityCenterUserName is not set; configure studio.identityCenter so profiles can be bound to Identity Center users.",
        );
    }
    if (authMode === "SSO" && args.identityCenterUserName === "email") {
        const missing = team.users.filter((u) => u.email === undefined).map((u) => u.name);
        if (missing.length > 0) {
            throw problem(`Identity Center user names are e-mail addresses, but users ${missing.join(", ")} have no email; add them.`);
        }
    }
    if (!DOMAIN_NAME.test(domainName)) {
        throw problem(`domain name "${domainName}" is not valid for SageMaker; use letters, digits and hyphens, at most 63 characters.`);
    }
    if (sharing === "enabled" && team.bucketNames.outputs === undefined) {
        throw problem('notebookSharing is enabled but the team has no "outputs" bucket to share into; disable sharing or give the team an outputs bucket.');
    }
    if (sourceIps.length === 0 && args.network.interfaceEndpointIds.studio === undefined) {
        throw problem(
            'the network has no "studio" interface endpoint and no presigned-URL source IPs are set, so nobody could open Studio (N8); add the endpoint or studio.presignedUrlSourceIps.',
        );
    }
    const spaceOwner = team.users.find((u) => u.role === "admin") ?? team.users[0];
    if (sharedSpace && spaceOwner === undefined) {
        throw problem("sharedSpace is set but the team has no users; a shared space needs an owner profile.");
    }
    const names = new Set<string>();
    for (const user of team.users) {
        if (names.has(user.name)) throw problem(`user ${user.name} is listed twice; each user gets one profile.`);
        names.add(user.name);
    }
    return {
        domainName,
        authMode,
        idleMinutes,
        allowedInstanceTypes: allowed,
        defaultInstanceType: appTypes.includes("ml.t3.medium") ? "ml.t3.medium" : appTypes[0],
        presignedUrlSourceIps: sourceIps,
        codeEditor: args.codeEditor ?? D.codeEditor,
        sharedSpace,
        notebookSharing: sharing,
        customImages: args.customImages ?? D.customImages,
        protect: args.protect ?? D.protect,
        spaceOwner,
    };
}
