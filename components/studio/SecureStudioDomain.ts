import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { AccountContext } from "../guardrails/arns";
import { PolicyDocument, toPolicyJson } from "../guardrails/document";
import { presignedUrlPerimeter, sageMakerDistributionImageArns } from "../guardrails/studioAccess";
import { studioHomeKeyPolicy } from "../guardrails/studioRoles";
import { CustomerKey } from "../kms/CustomerKey";
import { NamingContext, namePrefix } from "../naming";
import { NetworkContext } from "../network/types";
import { TeamStudioBinding } from "../team/types";
import { IDLE_MINUTES_RANGE, SECURE_STUDIO_DOMAIN_DEFAULTS } from "./defaults";
import { STUDIO_APP_INSTANCE_TYPES, hiddenInstanceTypes, isKnownInstanceType } from "./instanceTypes";
import { StudioAppKind, lifecycleConfigContent } from "./lifecycleScript";
import { StudioCustomImage } from "./StudioImages";
import { StudioUserProfile } from "./StudioUserProfile";

/** The network as the domain uses it (NetworkContext, or a fake in tests). */
export type StudioNetwork = Pick<NetworkContext, "vpcId" | "subnetIds" | "domainSecurityGroupId" | "userSecurityGroup" | "interfaceEndpointIds">;

export interface SecureStudioDomainArgs {
    /** Organization and environment: the domain is `<organization>-<environment>-<team>`. Required. */
    naming: NamingContext;
    /** Partition, region and account of the workload layer. Required. */
    account: AccountContext;
    /** The team whose users, roles, key and buckets the domain uses. Required. */
    team: TeamStudioBinding;
    /** Subnets, security groups, the per-user group factory and the Studio endpoint id. Required. */
    network: StudioNetwork;
    /** Administrators of the home EFS key (the layer's admin roles). They also create the domain. Required. */
    keyAdministrators: string[];
    /** IAM (presigned URLs) or SSO (IAM Identity Center). Default IAM. */
    authMode?: "IAM" | "SSO";
    /** With SSO: which user attribute is the Identity Center user name. Required with SSO. */
    identityCenterUserName?: "name" | "email";
    /** Idle minutes before JupyterLab (and Code Editor) apps shut down, 60–525600 (G7). Default 120. */
    idleMinutes?: number;
    /** Instance types users may start apps on (G2); the others are hidden in the portal. Default: CPU, small to medium (SECURE_STUDIO_DOMAIN_DEFAULTS). */
    allowedInstanceTypes?: string[];
    /** Corporate CIDRs allowed to request presigned URLs (N8). Default none: only through the VPC endpoints. */
    presignedUrlSourceIps?: string[];
    /** Offer Code Editor with its own lifecycle configuration and idle shutdown. Default false (hidden). */
    codeEditor?: boolean;
    /** Internal conda channel for the lifecycle script. Default none: conda offline. */
    condaChannelUrl?: string;
    /** Create the team's shared space, run by the team's space role. Default false. */
    sharedSpace?: boolean;
    /** Notebook sharing: "disabled", or "enabled" into the team's outputs bucket with the team key (E5). Default disabled. */
    notebookSharing?: "disabled" | "enabled";
    /** Approved custom images for JupyterLab (I7), from StudioImages. Default none. */
    customImages?: StudioCustomImage[];
    /**
     * Protect the domain (`protect` + `retainOnDelete`): replacing it creates a new home EFS.
     * Default true.
     */
    protect?: boolean;
}

const DOMAIN_NAME = /^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}$/;

/**
 * A SageMaker Studio domain for one team, locked down by default:
 * - VpcOnly in the platform's isolated subnets, with the domain security group in domain
 *   settings AND the default user settings (N1, N2; without them lifecycle scripts hang);
 * - home EFS encrypted with a dedicated customer key, retained when the domain is deleted (E1, G9);
 * - per-user identity in CloudTrail (USER_PROFILE_NAME, I5), Docker access off, tags propagated;
 * - native idle shutdown (G7), the lifecycle script (private packages, SDK defaults, S1),
 *   instance types off the allow-list hidden (G2), sharing off or to the team key (E5);
 * - shared spaces run by the team's space role (never as a user's role);
 * - one profile per user with its own security group (N9, I2) and the presigned-URL perimeter
 *   on the team's data-scientist role (I1, N8, I6, I7, G2).
 *
 * One domain per team: every user of a domain can open every shared space of it and shared
 * spaces all run as the domain's one space role, so team isolation needs a domain per team
 * (whitepaper, multi-domain tenancy).
 */
export class SecureStudioDomain extends pulumi.ComponentResource {
    readonly domain: aws.sagemaker.Domain;
    readonly homeKey: CustomerKey;
    readonly lifecycleConfigs: Partial<Record<StudioAppKind, aws.sagemaker.StudioLifecycleConfig>>;
    readonly userProfiles: Record<string, StudioUserProfile>;
    readonly sharedSpace?: aws.sagemaker.Space;
    readonly perimeterPolicy: aws.iam.RolePolicy;
    /** The perimeter document, for tests and the IAM proofs. */
    readonly perimeterDocument: pulumi.Output<PolicyDocument>;
    readonly domainId: pulumi.Output<string>;
    readonly domainArn: pulumi.Output<string>;
    /** The home EFS (G9): back it up with StudioHomeBackup. */
    readonly homeEfsFileSystemId: pulumi.Output<string>;

    constructor(name: string, args: SecureStudioDomainArgs, opts?: pulumi.ComponentResourceOptions) {
        super("secure-ds:studio:SecureStudioDomain", name, {}, opts);
        const D = SECURE_STUDIO_DOMAIN_DEFAULTS;
        const authMode = args.authMode ?? D.authMode;
        const idleMinutes = args.idleMinutes ?? D.idleMinutes;
        const allowed = args.allowedInstanceTypes ?? D.allowedInstanceTypes;
        const sourceIps = args.presignedUrlSourceIps ?? D.presignedUrlSourceIps;
        const codeEditor = args.codeEditor ?? D.codeEditor;
        const sharedSpace = args.sharedSpace ?? D.sharedSpace;
        const sharing = args.notebookSharing ?? D.notebookSharing;
        const customImages = args.customImages ?? D.customImages;
        const protect = args.protect ?? D.protect;
        const team = args.team;
        const domainName = `${namePrefix(args.naming)}-${team.teamName}`;

        // Validate everything before the first resource is registered.
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
        // The shared space is owned by the team's first admin (the schema requires one).
        const spaceOwner = team.users.find((u) => u.role === "admin") ?? team.users[0];
        if (sharedSpace && spaceOwner === undefined) {
            throw problem("sharedSpace is set but the team has no users; a shared space needs an owner profile.");
        }
        const names = new Set<string>();
        for (const user of team.users) {
            if (names.has(user.name)) throw problem(`user ${user.name} is listed twice; each user gets one profile.`);
            names.add(user.name);
        }

        const { partition, region, accountId } = args.account;
        const child = { parent: this };

        // E1: a key for this domain's home EFS and app volumes only.
        const keyUsers = pulumi
            .all([team.studioExecutionRoleArn, team.spaceExecutionRoleArn, ...Object.values(team.userExecutionRoleArns)])
            .apply((roles) => [...new Set([...args.keyAdministrators, ...roles])].sort());
        this.homeKey = new CustomerKey(
            `${name}-home-key`,
            {
                description: `${domainName}: Studio home EFS and app volumes`,
                alias: `${domainName}-studio-home`,
                policy: keyUsers.apply((users) => studioHomeKeyPolicy({ partition, region, administrators: args.keyAdministrators, users })),
                tags: { team: team.teamName },
            },
            child,
        );

        // The lifecycle script, one configuration per app type; the content is the same script
        // rendered with the team's parameter path.
        const kinds: StudioAppKind[] = codeEditor ? ["JupyterLab", "CodeEditor"] : ["JupyterLab"];
        this.lifecycleConfigs = {};
        for (const kind of kinds) {
            this.lifecycleConfigs[kind] = new aws.sagemaker.StudioLifecycleConfig(
                `${name}-${kind === "JupyterLab" ? "jupyterlab" : "codeeditor"}-setup`,
                {
                    studioLifecycleConfigName: `${domainName}-${kind === "JupyterLab" ? "jupyterlab" : "codeeditor"}`,
                    studioLifecycleConfigAppType: kind,
                    studioLifecycleConfigContent: lifecycleConfigContent({
                        parameterPath: team.parameterPath,
                        region,
                        condaChannelUrl: args.condaChannelUrl,
                        appKind: kind,
                    }),
                    tags: { team: team.teamName },
                },
                child,
            );
        }
        const jupyterLcc = this.lifecycleConfigs.JupyterLab!.arn;
        const codeEditorLcc = this.lifecycleConfigs.CodeEditor?.arn;

        // G7: users may shorten the timeout but never extend it beyond the configured one.
        const idleSettings = {
            lifecycleManagement: "ENABLED",
            idleTimeoutInMinutes: idleMinutes,
            minIdleTimeoutInMinutes: IDLE_MINUTES_RANGE.min,
            maxIdleTimeoutInMinutes: idleMinutes,
        };
        const defaultInstanceType = appTypes.includes("ml.t3.medium") ? "ml.t3.medium" : appTypes[0];
        const images = customImages.map((i) => ({
            imageName: i.imageName,
            appImageConfigName: i.appImageConfigName,
            imageVersionNumber: i.imageVersionNumber,
        }));
        const domainSg = args.network.domainSecurityGroupId;
        const outputsBucket = team.bucketNames.outputs;

        this.domain = new aws.sagemaker.Domain(
            `${name}`,
            {
                domainName,
                authMode,
                vpcId: args.network.vpcId,
                subnetIds: args.network.subnetIds,
                appNetworkAccessType: "VpcOnly",
                kmsKeyId: this.homeKey.arn,
                retentionPolicy: { homeEfsFileSystem: "Retain" },
                tagPropagation: "ENABLED",
                domainSettings: {
                    securityGroupIds: [domainSg],
                    executionRoleIdentityConfig: "USER_PROFILE_NAME",
                    dockerSettings: { enableDockerAccess: "DISABLED" },
                },
                defaultUserSettings: {
                    executionRole: team.studioExecutionRoleArn,
                    // N2: without groups here, apps start without the domain's group and
                    // lifecycle scripts hang on their first AWS call.
                    securityGroups: [domainSg],
                    sharingSettings:
                        sharing === "enabled"
                            ? { notebookOutputOption: "Allowed", s3OutputPath: pulumi.interpolate`s3://${outputsBucket}/sharing/`, s3KmsKeyId: team.kmsKeyArn }
                            : // The key is set even with sharing off: the org SCP requires
                              // sagemaker:DomainSharingOutputKmsKeyArn on CreateDomain (E5).
                              { notebookOutputOption: "Disabled", s3KmsKeyId: team.kmsKeyArn },
                    studioWebPortal: "ENABLED",
                    studioWebPortalSettings: {
                        hiddenInstanceTypes: hiddenInstanceTypes(allowed),
                        hiddenAppTypes: [...(codeEditor ? [] : ["CodeEditor"]), "Canvas", "RStudioServerPro"],
                    },
                    jupyterLabAppSettings: {
                        appLifecycleManagement: { idleSettings },
                        lifecycleConfigArns: [jupyterLcc],
                        defaultResourceSpec: { instanceType: defaultInstanceType, lifecycleConfigArn: jupyterLcc },
                        ...(images.length > 0 ? { customImages: images } : {}),
                    },
                    ...(codeEditorLcc
                        ? {
                              codeEditorAppSettings: {
                                  appLifecycleManagement: { idleSettings },
                                  lifecycleConfigArns: [codeEditorLcc],
                                  defaultResourceSpec: { instanceType: defaultInstanceType, lifecycleConfigArn: codeEditorLcc },
                              },
                          }
                        : {}),
                },
                // I3: shared spaces run as the team's space role, never as a user's role.
                defaultSpaceSettings: {
                    executionRole: team.spaceExecutionRoleArn,
                    securityGroups: [domainSg],
                    jupyterLabAppSettings: {
                        appLifecycleManagement: { idleSettings },
                        lifecycleConfigArns: [jupyterLcc],
                        defaultResourceSpec: { instanceType: defaultInstanceType, lifecycleConfigArn: jupyterLcc },
                        ...(images.length > 0 ? { customImages: images } : {}),
                    },
                },
                tags: { team: team.teamName },
            },
            // Replacing a domain (auth mode, key, VPC) creates a new, empty home EFS.
            { parent: this, protect, retainOnDelete: protect },
        );
        this.domainId = this.domain.id;
        this.domainArn = this.domain.arn;
        this.homeEfsFileSystemId = this.domain.homeEfsFileSystemId;

        this.userProfiles = {};
        for (const user of team.users) {
            this.userProfiles[user.name] = new StudioUserProfile(
                `${name}-${user.name}`,
                {
                    domainId: this.domain.id,
                    userName: user.name,
                    teamName: team.teamName,
                    // Called as a method: IsolatedNetwork keeps track of the groups it made.
                    securityGroup: (userName, parent) => args.network.userSecurityGroup(userName, parent),
                    executionRoleArn: team.userExecutionRoleArns[user.name] ?? team.studioExecutionRoleArn,
                    ssoUserName: authMode === "SSO" ? (args.identityCenterUserName === "email" ? user.email : user.name) : undefined,
                },
                child,
            );
        }

        if (sharedSpace && spaceOwner !== undefined) {
            this.sharedSpace = new aws.sagemaker.Space(
                `${name}-shared-space`,
                {
                    domainId: this.domain.id,
                    spaceName: `${team.teamName}-shared`,
                    spaceDisplayName: `${team.teamName} shared space`,
                    ownershipSettings: { ownerUserProfileName: this.userProfiles[spaceOwner.name].profile.userProfileName },
                    spaceSharingSettings: { sharingType: "Shared" },
                    spaceSettings: {
                        appType: "JupyterLab",
                        jupyterLabAppSettings: {
                            appLifecycleManagement: { idleSettings: { idleTimeoutInMinutes: idleMinutes } },
                            defaultResourceSpec: { instanceType: defaultInstanceType, lifecycleConfigArn: jupyterLcc },
                        },
                    },
                    tags: { team: team.teamName },
                },
                child,
            );
        }

        // I1, N8, I6, I7, G2 on the team's human data-scientist role.
        const endpointIds = ["studio", "sagemaker.api"]
            .map((service) => args.network.interfaceEndpointIds[service])
            .filter((id): id is pulumi.Output<string> => id !== undefined);
        this.perimeterDocument = pulumi
            .all([this.domain.id, pulumi.all(endpointIds), pulumi.all(customImages.map((i) => i.imageArn))])
            .apply(([domainId, vpcEndpointIds, imageArns]) =>
                presignedUrlPerimeter({
                    partition,
                    region,
                    accountId,
                    domainId,
                    sourceIps,
                    vpcEndpointIds,
                    approvedImageArns: [...sageMakerDistributionImageArns(partition, region), ...imageArns],
                    allowedInstanceTypes: allowed,
                }),
            );
        this.perimeterPolicy = new aws.iam.RolePolicy(
            `${name}-presigned-url-perimeter`,
            { name: "studio-presigned-url-perimeter", role: team.dataScientistRoleName, policy: this.perimeterDocument.apply(toPolicyJson) },
            child,
        );

        this.registerOutputs({
            domainId: this.domainId,
            domainArn: this.domainArn,
            homeEfsFileSystemId: this.homeEfsFileSystemId,
            homeKeyArn: this.homeKey.arn,
        });
    }
}
