/**
 * Package wiring of the shared-services layer (S1–S6), kept here so the layer file only calls
 * `createPackages`. The workload side consumes `PackagesOutputs` (team SSM parameters, the Studio
 * lifecycle script's pip configuration).
 */
import * as pulumi from "@pulumi/pulumi";
import { MirrorNames, mirrorNames } from "../components/packages/mirrorNames";
import { PackageMirror } from "../components/packages/PackageMirror";
import { ScanPipeline } from "../components/packages/ScanPipeline";
import { namePrefix } from "../components/naming";
import { PlatformConfig } from "./config";
import { LayerContext } from "./context";

/** What the workload side needs to install approved packages and pull approved images. */
export interface PackagesOutputs {
    /** CodeArtifact domain name, for `aws codeartifact login --domain`. */
    domain: string;
    /** Account id owning the domain (`--domain-owner`). */
    domainOwner: string;
    /** Repository data scientists read (`--repository`): `approved`. */
    approvedRepository: string;
    /** ARN of the approved repository (what the workload's roles may read). */
    repositoryArn: string;
    /** `https://<domain>-<owner>.d.codeartifact.<region>.amazonaws.com/pypi/approved/simple/` */
    pipIndexUrl: string;
    /** ECR repository URL of approved Studio images. */
    imageRepositoryUrl: pulumi.Output<string>;
}

export interface Packages {
    mirror: PackageMirror;
    pipeline: ScanPipeline;
    outputs: PackagesOutputs;
}

/** The mirror's names for the shared-services account: domain `<org>-<env>`, image repository `<org>-<env>/studio-images`. */
function platformMirrorNames(cfg: PlatformConfig): MirrorNames {
    const prefix = namePrefix({ organization: cfg.organization, environment: cfg.environment });
    const account = { partition: cfg.partition, region: cfg.region, accountId: cfg.accounts.sharedServices.accountId };
    return mirrorNames(account, prefix, `${prefix}/studio-images`, cfg.packages.npm.enabled);
}

/** The package mirror and the scan pipeline, or undefined when `packages.enabled` is false. */
export function createPackages(
    ctx: LayerContext,
    logsKeyArn: pulumi.Input<string>,
    parent: pulumi.Resource,
    accessLogBucket?: pulumi.Input<string>,
): Packages | undefined {
    const { cfg } = ctx;
    const p = cfg.packages;
    if (!p.enabled) return undefined;
    const names = platformMirrorNames(cfg);
    const readerAccounts = [...new Set([cfg.accounts.workload.accountId])];
    const pipeline = new ScanPipeline(
        "packages-pipeline",
        {
            account: ctx.aws,
            naming: ctx.naming,
            mirror: names,
            keyAdministrators: ctx.keyAdmins,
            logsKeyArn,
            policy: { severityThreshold: p.severityThreshold, licenseAllowList: p.licenseAllowList, exceptions: p.exceptions },
            availabilityZones: cfg.availabilityZones,
            scanVpcCidr: p.scanVpcCidr,
            intake: p.intake,
            notificationEmails: p.notificationEmails,
            scanTimeoutMinutes: p.scanTimeoutMinutes,
            pythonVersion: p.pythonVersion,
            reportRetentionDays: p.reportRetentionDays,
            accessLogBucket,
            // Validated by the schema (refineToolchainImage) wherever this layer is built.
            toolchainImage: p.toolchainImage ?? "",
            firstSeenApproval: p.firstSeenApproval,
            clamavUpdateHours: p.clamavUpdateHours,
            codeArtifactAssetsBucket: cfg.network?.codeArtifactAssetsBucket,
            organizationId: cfg.organizationId,
        },
        { parent },
    );
    const mirror = new PackageMirror(
        "packages-mirror",
        {
            account: ctx.aws,
            domainName: names.domainName,
            imageRepositoryName: names.imageRepositoryName,
            keyAdministrators: ctx.keyAdmins,
            readers: { accountIds: readerAccounts, organizationId: cfg.organizationId },
            scannerRoleArn: pipeline.scanRoleArn,
            publisherRoleArn: pipeline.publishRoleArn,
            npm: p.npm.enabled,
            imageRetentionCount: p.imageRetentionCount,
        },
        { parent },
    );
    return {
        mirror,
        pipeline,
        outputs: {
            domain: names.domainName,
            domainOwner: names.domainOwner,
            approvedRepository: names.pypi.approvedRepository,
            repositoryArn: names.pypi.approvedRepositoryArn,
            pipIndexUrl: names.pipIndexUrl,
            imageRepositoryUrl: mirror.imageRepositoryUrl,
        },
    };
}

/** The package settings in effect, for the offline plan's summary (stack output `packagesPlan`). */
export function packagesPlan(cfg: PlatformConfig): Record<string, unknown> {
    const p = cfg.packages;
    if (!p.enabled) return { enabled: false };
    const names = platformMirrorNames(cfg);
    return {
        enabled: true,
        domain: names.domainName,
        pipIndexUrl: names.pipIndexUrl,
        repositories: [names.pypi, ...(names.npm ? [names.npm] : [])].map(
            (e) => `${e.upstreamRepository} (${e.externalConnection}, scan pipeline only) -> ${e.approvedRepository} (no upstream)`,
        ),
        readers: cfg.organizationId ? `organization ${cfg.organizationId}` : `account ${cfg.accounts.workload.accountId}`,
        intake: p.intake.mode === "s3" ? "s3 (requests.zip)" : `codestar ${p.intake.provider} ${p.intake.repository ?? ""}@${p.intake.branch}`,
        severityThreshold: p.severityThreshold,
        licenseAllowList: p.licenseAllowList.join(", "),
        exceptions: p.exceptions.length,
        notificationEmails: p.notificationEmails.length,
        scanVpcCidr: p.scanVpcCidr,
        toolchainImage: p.toolchainImage,
        firstSeenApproval: p.firstSeenApproval ? "on (first-seen packages wait for a manual approval)" : "off",
        clamavMirror: `updated every ${p.clamavUpdateHours} h; the scan loads signatures only from it`,
    };
}
