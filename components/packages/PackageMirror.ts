import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { AccountContext, accountRootArn } from "../guardrails/arns";
import { toPolicyJson } from "../guardrails/document";
import { keyPolicy } from "../guardrails/kmsKeyPolicy";
import {
    ReaderScope,
    approvedRepositoryPolicy,
    domainPermissionsPolicy,
    imageLifecyclePolicy,
    imageRepositoryPolicy,
    upstreamRepositoryPolicy,
} from "../guardrails/packages";
import { CustomerKey } from "../kms/CustomerKey";
import { EcosystemNames, MirrorNames, mirrorNames } from "./mirrorNames";
import { PACKAGE_MIRROR_DEFAULTS } from "./defaults";

export interface PackageMirrorArgs {
    /** Partition, region and account of the shared-services layer. Required. */
    account: AccountContext;
    /** CodeArtifact domain name (2–50 lower-case characters). Required. */
    domainName: string;
    /** ECR repository name of the approved Studio images. Required. */
    imageRepositoryName: string;
    /** Administrators of the mirror's customer keys. Required. */
    keyAdministrators: string[];
    /** Who may read approved packages and pull approved images (workload accounts or the organisation). Required. */
    readers: ReaderScope;
    /** The scan pipeline's scan role: the only reader of the public upstream repositories (S1, S2). Required. */
    scannerRoleArn: pulumi.Input<string>;
    /** The scan pipeline's publish role: the only publisher to the approved repositories (S3). Required. */
    publisherRoleArn: pulumi.Input<string>;
    /** Also mirror npm (public-npmjs + approved-npm). Default false. */
    npm?: boolean;
    /** Tagged images kept in the image repository. Default 30. */
    imageRetentionCount?: number;
}

/**
 * The package mirror (S1, S3, S5, E10): a CodeArtifact domain under a customer key with, per
 * ecosystem, a public upstream repository only the scan pipeline reads and an `approved`
 * repository without upstream that data scientists read and only the publish role writes; and
 * an ECR repository for approved Studio images (customer key, immutable tags, scan on push).
 */
export class PackageMirror extends pulumi.ComponentResource {
    readonly names: MirrorNames;
    readonly domain: aws.codeartifact.Domain;
    readonly domainKey: CustomerKey;
    readonly imageKey: CustomerKey;
    readonly repositories: Record<string, aws.codeartifact.Repository>;
    readonly imageRepository: aws.ecr.Repository;
    /** `https://<domain>-<owner>.d.codeartifact.<region>.amazonaws.com/pypi/approved/simple/` */
    readonly pipIndexUrl: pulumi.Output<string>;
    readonly imageRepositoryUrl: pulumi.Output<string>;

    constructor(name: string, args: PackageMirrorArgs, opts?: pulumi.ComponentResourceOptions) {
        super("secure-ds:packages:PackageMirror", name, {}, opts);
        const settings = packageMirrorSettings(name, args);
        this.names = mirrorNames(args.account, args.domainName, args.imageRepositoryName, settings.npm);
        const c: Step = { name, args, settings, keyUsers: keyUsers(args), child: { parent: this } };

        ({ key: this.domainKey, domain: this.domain } = this.createDomain(c));
        const ecosystems = [this.names.pypi, ...(this.names.npm ? [this.names.npm] : [])];
        this.repositories = {};
        for (const eco of ecosystems) Object.assign(this.repositories, this.createRepositories(c, eco));
        ({ key: this.imageKey, repository: this.imageRepository } = this.createImageRepository(c));

        this.pipIndexUrl = pulumi.output(this.names.pipIndexUrl);
        this.imageRepositoryUrl = this.imageRepository.repositoryUrl;
        this.registerOutputs({
            domainName: this.domain.domain,
            domainOwner: args.account.accountId,
            pipIndexUrl: this.pipIndexUrl,
            imageRepositoryUrl: this.imageRepositoryUrl,
        });
    }

    /**
     * The CodeArtifact domain under its own key, and who may read it. CodeArtifact encrypts assets
     * through grants it creates for the calling account; account principals may use the key only
     * through CodeArtifact, and their IAM policies still decide.
     */
    private createDomain(c: Step): { key: CustomerKey; domain: aws.codeartifact.Domain } {
        const { account, domainName, readers } = c.args;
        const key = new CustomerKey(
            `${c.name}-domain-key`,
            {
                description: `CodeArtifact domain ${domainName}: package assets`,
                alias: `${domainName}-codeartifact`,
                policy: keyPolicy({
                    administrators: c.args.keyAdministrators,
                    users: c.keyUsers,
                    viaServices: [`codeartifact.${account.region}.amazonaws.com`],
                }),
            },
            c.child,
        );
        const domain = new aws.codeartifact.Domain(
            `${c.name}-domain`,
            { domain: domainName, encryptionKey: key.arn },
            { parent: this, protect: true, retainOnDelete: true },
        );
        new aws.codeartifact.DomainPermissions(
            `${c.name}-domain-permissions`,
            {
                domain: domain.domain,
                domainOwner: account.accountId,
                policyDocument: toPolicyJson(domainPermissionsPolicy(this.names.domainArn, readers, account.partition)),
            },
            c.child,
        );
        return { key, domain };
    }

    /** One ecosystem: the upstream only the scan role reads (S1, S2), the approved repository only the publish role writes (S3). */
    private createRepositories(c: Step, eco: EcosystemNames): Record<string, aws.codeartifact.Repository> {
        const { account } = c.args;
        const upstream = new aws.codeartifact.Repository(
            `${c.name}-${eco.upstreamRepository}`,
            {
                domain: this.domain.domain,
                domainOwner: account.accountId,
                repository: eco.upstreamRepository,
                description: `Unscanned ${eco.format} packages from ${eco.externalConnection}; read only by the scan pipeline.`,
                externalConnections: { externalConnectionName: eco.externalConnection },
            },
            { parent: this, protect: true, retainOnDelete: true },
        );
        // No upstreams and no external connection: only what the pipeline published is here (S2).
        const approved = new aws.codeartifact.Repository(
            `${c.name}-${eco.approvedRepository}`,
            {
                domain: this.domain.domain,
                domainOwner: account.accountId,
                repository: eco.approvedRepository,
                description: `Scanned and approved ${eco.format} packages; published only by the scan pipeline.`,
            },
            { parent: this, protect: true, retainOnDelete: true },
        );
        new aws.codeartifact.RepositoryPermissionsPolicy(
            `${c.name}-${eco.upstreamRepository}-policy`,
            {
                domain: this.domain.domain,
                domainOwner: account.accountId,
                repository: upstream.repository,
                policyDocument: pulumi
                    .output(c.args.scannerRoleArn)
                    .apply((scannerRoleArn) =>
                        toPolicyJson(
                            upstreamRepositoryPolicy({ repositoryArn: eco.upstreamRepositoryArn, packagesArn: eco.upstreamPackagesArn, scannerRoleArn }),
                        ),
                    ),
            },
            c.child,
        );
        new aws.codeartifact.RepositoryPermissionsPolicy(
            `${c.name}-${eco.approvedRepository}-policy`,
            {
                domain: this.domain.domain,
                domainOwner: account.accountId,
                repository: approved.repository,
                policyDocument: pulumi.output(c.args.publisherRoleArn).apply((publisherRoleArn) =>
                    toPolicyJson(
                        approvedRepositoryPolicy({
                            repositoryArn: eco.approvedRepositoryArn,
                            packagesArn: eco.approvedPackagesArn,
                            publisherRoleArn,
                            readers: c.args.readers,
                            partition: account.partition,
                        }),
                    ),
                ),
            },
            c.child,
        );
        return { [eco.upstreamRepository]: upstream, [eco.approvedRepository]: approved };
    }

    /** The approved Studio images (S5, E10): its own key, immutable tags, scan on push, expiry, the readers' pull policy. */
    private createImageRepository(c: Step): { key: CustomerKey; repository: aws.ecr.Repository } {
        const { account, imageRepositoryName, readers } = c.args;
        const key = new CustomerKey(
            `${c.name}-image-key`,
            {
                description: `ECR ${imageRepositoryName}: approved Studio images`,
                alias: `${c.args.domainName}-images`,
                policy: keyPolicy({ administrators: c.args.keyAdministrators, users: c.keyUsers, viaServices: [`ecr.${account.region}.amazonaws.com`] }),
            },
            c.child,
        );
        const repository = new aws.ecr.Repository(
            `${c.name}-images`,
            {
                name: imageRepositoryName,
                imageTagMutability: "IMMUTABLE",
                imageScanningConfiguration: { scanOnPush: true },
                encryptionConfigurations: [{ encryptionType: "KMS", kmsKey: key.arn }],
                forceDelete: false,
            },
            { parent: this, protect: true, retainOnDelete: true },
        );
        new aws.ecr.LifecyclePolicy(
            `${c.name}-images-lifecycle`,
            { repository: repository.name, policy: JSON.stringify(imageLifecyclePolicy(c.settings.imageRetentionCount)) },
            c.child,
        );
        new aws.ecr.RepositoryPolicy(
            `${c.name}-images-policy`,
            { repository: repository.name, policy: toPolicyJson(imageRepositoryPolicy(readers, account.partition)) },
            c.child,
        );
        return { key, repository };
    }
}

type PackageMirrorSettings = Required<Pick<PackageMirrorArgs, "npm" | "imageRetentionCount">>;

/** What every step of the constructor reads. */
interface Step {
    name: string;
    args: PackageMirrorArgs;
    settings: PackageMirrorSettings;
    /** Root principals of this account and the reader accounts, sorted: the users of both keys. */
    keyUsers: string[];
    child: pulumi.CustomResourceOptions;
}

/** Applies the defaults (PACKAGE_MIRROR_DEFAULTS) and validates, before any resource is registered. */
function packageMirrorSettings(name: string, args: PackageMirrorArgs): PackageMirrorSettings {
    const settings = {
        npm: args.npm ?? PACKAGE_MIRROR_DEFAULTS.npm,
        imageRetentionCount: args.imageRetentionCount ?? PACKAGE_MIRROR_DEFAULTS.imageRetentionCount,
    };
    if (!/^[a-z][a-z0-9-]{0,48}[a-z0-9]$/.test(args.domainName)) {
        throw new Error(`PackageMirror ${name}: domainName "${args.domainName}" must be 2-50 lower-case letters, digits and hyphens, starting with a letter.`);
    }
    if (!/^[a-z0-9]+([._/-][a-z0-9]+)*$/.test(args.imageRepositoryName) || args.imageRepositoryName.length > 256) {
        throw new Error(
            `PackageMirror ${name}: imageRepositoryName "${args.imageRepositoryName}" is not a valid ECR repository name (lower case, digits, . _ - /).`,
        );
    }
    const keep = settings.imageRetentionCount;
    if (!Number.isInteger(keep) || keep < 1) {
        throw new Error(`PackageMirror ${name}: imageRetentionCount ${keep} must be a positive whole number.`);
    }
    if (!args.readers.organizationId && args.readers.accountIds.length === 0) {
        throw new Error(`PackageMirror ${name}: readers names no account and no organisation; pass the workload account ids or the organisation id.`);
    }
    return settings;
}

function keyUsers(args: PackageMirrorArgs): string[] {
    const { account } = args;
    return [...new Set([account.accountId, ...args.readers.accountIds])].sort().map((accountId) => accountRootArn({ partition: account.partition, accountId }));
}
