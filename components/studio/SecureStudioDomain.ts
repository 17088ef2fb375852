import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { AccountContext } from "../guardrails/arns";
import { PolicyDocument, toPolicyJson } from "../guardrails/document";
import { presignedUrlPerimeter, sageMakerDistributionImageArns } from "../guardrails/studioAccess";
import { studioHomeKeyPolicy } from "../guardrails/studioRoles";
import { CustomerKey } from "../kms/CustomerKey";
import { NamingContext } from "../naming";
import { NetworkContext } from "../network/types";
import { TeamStudioBinding, TeamUser } from "../team/types";
import { appSettings, jupyterLabAppSettings } from "./appSettings";
import { DomainSettings, domainSettings } from "./domainSettings";
import { hiddenInstanceTypes } from "./instanceTypes";
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
        const c: Step = { name, args, settings: domainSettings(name, args), child: { parent: this } };

        this.homeKey = this.createHomeKey(c);
        this.lifecycleConfigs = this.createLifecycleConfigs(c);
        this.domain = this.createDomain(c);
        this.domainId = this.domain.id;
        this.domainArn = this.domain.arn;
        this.homeEfsFileSystemId = this.domain.homeEfsFileSystemId;
        this.userProfiles = this.createUserProfiles(c);
        const owner = c.settings.spaceOwner;
        if (c.settings.sharedSpace && owner !== undefined) this.sharedSpace = this.createSharedSpace(c, owner);
        this.perimeterDocument = this.perimeter(c);
        this.perimeterPolicy = new aws.iam.RolePolicy(
            `${name}-presigned-url-perimeter`,
            { name: "studio-presigned-url-perimeter", role: args.team.dataScientistRoleName, policy: this.perimeterDocument.apply(toPolicyJson) },
            c.child,
        );

        this.registerOutputs({
            domainId: this.domainId,
            domainArn: this.domainArn,
            homeEfsFileSystemId: this.homeEfsFileSystemId,
            homeKeyArn: this.homeKey.arn,
        });
    }

    /** E1: a key for this domain's home EFS and app volumes only, used by the team's Studio roles. */
    private createHomeKey(c: Step): CustomerKey {
        const { team, account, keyAdministrators } = c.args;
        const { domainName } = c.settings;
        const keyUsers = pulumi
            .all([team.studioExecutionRoleArn, team.spaceExecutionRoleArn, ...Object.values(team.userExecutionRoleArns)])
            .apply((roles) => [...new Set([...keyAdministrators, ...roles])].sort());
        return new CustomerKey(
            `${c.name}-home-key`,
            {
                description: `${domainName}: Studio home EFS and app volumes`,
                alias: `${domainName}-studio-home`,
                policy: keyUsers.apply((users) =>
                    studioHomeKeyPolicy({ partition: account.partition, region: account.region, administrators: keyAdministrators, users }),
                ),
                tags: { team: team.teamName },
            },
            c.child,
        );
    }

    /** The lifecycle script, one configuration per app type; the content is the same script rendered with the team's parameter path. */
    private createLifecycleConfigs(c: Step): Partial<Record<StudioAppKind, aws.sagemaker.StudioLifecycleConfig>> {
        const { team } = c.args;
        const kinds: StudioAppKind[] = c.settings.codeEditor ? ["JupyterLab", "CodeEditor"] : ["JupyterLab"];
        const configs: Partial<Record<StudioAppKind, aws.sagemaker.StudioLifecycleConfig>> = {};
        for (const kind of kinds) {
            configs[kind] = new aws.sagemaker.StudioLifecycleConfig(
                `${c.name}-${kind === "JupyterLab" ? "jupyterlab" : "codeeditor"}-setup`,
                {
                    studioLifecycleConfigName: `${c.settings.domainName}-${kind === "JupyterLab" ? "jupyterlab" : "codeeditor"}`,
                    studioLifecycleConfigAppType: kind,
                    studioLifecycleConfigContent: lifecycleConfigContent({
                        parameterPath: team.parameterPath,
                        region: c.args.account.region,
                        condaChannelUrl: c.args.condaChannelUrl,
                        appKind: kind,
                    }),
                    tags: { team: team.teamName },
                },
                c.child,
            );
        }
        return configs;
    }

    /** The domain: VpcOnly with the domain group in domain and user settings (N1, N2), home EFS on its key and retained (E1, G9). */
    private createDomain(c: Step): aws.sagemaker.Domain {
        const { team, network } = c.args;
        const s = c.settings;
        const jupyterLcc = this.jupyterLabLifecycleConfig().arn;
        const codeEditorLcc = this.lifecycleConfigs.CodeEditor?.arn;
        const domainSg = network.domainSecurityGroupId;
        const outputsBucket = team.bucketNames.outputs;
        return new aws.sagemaker.Domain(
            `${c.name}`,
            {
                domainName: s.domainName,
                authMode: s.authMode,
                vpcId: network.vpcId,
                subnetIds: network.subnetIds,
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
                        s.notebookSharing === "enabled"
                            ? { notebookOutputOption: "Allowed", s3OutputPath: pulumi.interpolate`s3://${outputsBucket}/sharing/`, s3KmsKeyId: team.kmsKeyArn }
                            : // The key is set even with sharing off: the org SCP requires
                              // sagemaker:DomainSharingOutputKmsKeyArn on CreateDomain (E5).
                              { notebookOutputOption: "Disabled", s3KmsKeyId: team.kmsKeyArn },
                    studioWebPortal: "ENABLED",
                    studioWebPortalSettings: {
                        hiddenInstanceTypes: hiddenInstanceTypes(s.allowedInstanceTypes),
                        hiddenAppTypes: [...(s.codeEditor ? [] : ["CodeEditor"]), "Canvas", "RStudioServerPro"],
                    },
                    jupyterLabAppSettings: jupyterLabAppSettings(s.idleMinutes, jupyterLcc, s.defaultInstanceType, s.customImages),
                    ...(codeEditorLcc ? { codeEditorAppSettings: appSettings(s.idleMinutes, codeEditorLcc, s.defaultInstanceType) } : {}),
                },
                // I3: shared spaces run as the team's space role, never as a user's role.
                defaultSpaceSettings: {
                    executionRole: team.spaceExecutionRoleArn,
                    securityGroups: [domainSg],
                    jupyterLabAppSettings: jupyterLabAppSettings(s.idleMinutes, jupyterLcc, s.defaultInstanceType, s.customImages),
                },
                tags: { team: team.teamName },
            },
            // Replacing a domain (auth mode, key, VPC) creates a new, empty home EFS.
            { parent: this, protect: s.protect, retainOnDelete: s.protect },
        );
    }

    /** One profile per user, each with its own security group (N9, I2) and its execution role. */
    private createUserProfiles(c: Step): Record<string, StudioUserProfile> {
        const { team, network } = c.args;
        const profiles: Record<string, StudioUserProfile> = {};
        for (const user of team.users) {
            profiles[user.name] = new StudioUserProfile(
                `${c.name}-${user.name}`,
                {
                    domainId: this.domain.id,
                    userName: user.name,
                    teamName: team.teamName,
                    // Called as a method: IsolatedNetwork keeps track of the groups it made.
                    securityGroup: (userName, parent) => network.userSecurityGroup(userName, parent),
                    executionRoleArn: team.userExecutionRoleArns[user.name] ?? team.studioExecutionRoleArn,
                    ssoUserName: c.settings.authMode === "SSO" ? (c.args.identityCenterUserName === "email" ? user.email : user.name) : undefined,
                },
                c.child,
            );
        }
        return profiles;
    }

    /** The team's shared space, owned by `owner`'s profile and run by the domain's space role. */
    private createSharedSpace(c: Step, owner: TeamUser): aws.sagemaker.Space {
        const { team } = c.args;
        return new aws.sagemaker.Space(
            `${c.name}-shared-space`,
            {
                domainId: this.domain.id,
                spaceName: `${team.teamName}-shared`,
                spaceDisplayName: `${team.teamName} shared space`,
                ownershipSettings: { ownerUserProfileName: this.userProfiles[owner.name].profile.userProfileName },
                spaceSharingSettings: { sharingType: "Shared" },
                spaceSettings: {
                    appType: "JupyterLab",
                    jupyterLabAppSettings: {
                        appLifecycleManagement: { idleSettings: { idleTimeoutInMinutes: c.settings.idleMinutes } },
                        defaultResourceSpec: { instanceType: c.settings.defaultInstanceType, lifecycleConfigArn: this.jupyterLabLifecycleConfig().arn },
                    },
                },
                tags: { team: team.teamName },
            },
            c.child,
        );
    }

    /** I1, N8, I6, I7, G2 on the team's human data-scientist role: the presigned-URL perimeter. */
    private perimeter(c: Step): pulumi.Output<PolicyDocument> {
        const { partition, region, accountId } = c.args.account;
        const endpointIds = ["studio", "sagemaker.api"]
            .map((service) => c.args.network.interfaceEndpointIds[service])
            .filter((id): id is pulumi.Output<string> => id !== undefined);
        return pulumi
            .all([this.domain.id, pulumi.all(endpointIds), pulumi.all(c.settings.customImages.map((i) => i.imageArn))])
            .apply(([domainId, vpcEndpointIds, imageArns]) =>
                presignedUrlPerimeter({
                    partition,
                    region,
                    accountId,
                    domainId,
                    sourceIps: c.settings.presignedUrlSourceIps,
                    vpcEndpointIds,
                    approvedImageArns: [...sageMakerDistributionImageArns(partition, region), ...imageArns],
                    allowedInstanceTypes: c.settings.allowedInstanceTypes,
                }),
            );
    }

    /** JupyterLab always has a lifecycle configuration (createLifecycleConfigs). */
    private jupyterLabLifecycleConfig(): aws.sagemaker.StudioLifecycleConfig {
        const config = this.lifecycleConfigs.JupyterLab;
        if (config === undefined) throw new Error("SecureStudioDomain: the JupyterLab lifecycle configuration is created first; this is a bug.");
        return config;
    }
}

/** What every step of the constructor reads. */
interface Step {
    name: string;
    args: SecureStudioDomainArgs;
    settings: DomainSettings;
    child: pulumi.CustomResourceOptions;
}
