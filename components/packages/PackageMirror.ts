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
import { PACKAGE_MIRROR_DEFAULTS } from "./defaults";

/** One mirrored ecosystem: a public upstream repository and the approved repository. */
export interface EcosystemNames {
    /** CodeArtifact package format: pypi, npm. */
    format: "pypi" | "npm";
    /** External connection of the upstream repository, e.g. public:pypi. */
    externalConnection: string;
    upstreamRepository: string;
    upstreamRepositoryArn: string;
    upstreamPackagesArn: string;
    approvedRepository: string;
    approvedRepositoryArn: string;
    approvedPackagesArn: string;
}

/** Every name and ARN of the mirror, computed from config so that roles and policies can name them first. */
export interface MirrorNames {
    domainName: string;
    domainOwner: string;
    domainArn: string;
    pypi: EcosystemNames;
    npm?: EcosystemNames;
    /** pip index URL of the approved repository (`pip config set global.index-url` after `aws codeartifact login`). */
    pipIndexUrl: string;
    imageRepositoryName: string;
}

const ECOSYSTEMS = {
    pypi: { externalConnection: "public:pypi", upstream: "public-pypi", approved: "approved" },
    npm: { externalConnection: "public:npmjs", upstream: "public-npmjs", approved: "approved-npm" },
} as const;

export function mirrorNames(account: AccountContext, domainName: string, imageRepositoryName: string, npm: boolean): MirrorNames {
    const base = `arn:${account.partition}:codeartifact:${account.region}:${account.accountId}`;
    const eco = (format: "pypi" | "npm"): EcosystemNames => {
        const e = ECOSYSTEMS[format];
        return {
            format,
            externalConnection: e.externalConnection,
            upstreamRepository: e.upstream,
            upstreamRepositoryArn: `${base}:repository/${domainName}/${e.upstream}`,
            upstreamPackagesArn: `${base}:package/${domainName}/${e.upstream}/*`,
            approvedRepository: e.approved,
            approvedRepositoryArn: `${base}:repository/${domainName}/${e.approved}`,
            approvedPackagesArn: `${base}:package/${domainName}/${e.approved}/*`,
        };
    };
    const dns = account.partition === "aws-cn" ? "amazonaws.com.cn" : "amazonaws.com";
    return {
        domainName,
        domainOwner: account.accountId,
        domainArn: `${base}:domain/${domainName}`,
        pypi: eco("pypi"),
        ...(npm ? { npm: eco("npm") } : {}),
        pipIndexUrl: `https://${domainName}-${account.accountId}.d.codeartifact.${account.region}.${dns}/pypi/${ECOSYSTEMS.pypi.approved}/simple/`,
        imageRepositoryName,
    };
}

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
        const npm = args.npm ?? PACKAGE_MIRROR_DEFAULTS.npm;
        const keep = args.imageRetentionCount ?? PACKAGE_MIRROR_DEFAULTS.imageRetentionCount;
        if (!/^[a-z][a-z0-9-]{0,48}[a-z0-9]$/.test(args.domainName)) {
            throw new Error(
                `PackageMirror ${name}: domainName "${args.domainName}" must be 2-50 lower-case letters, digits and hyphens, starting with a letter.`,
            );
        }
        if (!/^[a-z0-9]+([._/-][a-z0-9]+)*$/.test(args.imageRepositoryName) || args.imageRepositoryName.length > 256) {
            throw new Error(
                `PackageMirror ${name}: imageRepositoryName "${args.imageRepositoryName}" is not a valid ECR repository name (lower case, digits, . _ - /).`,
            );
        }
        if (!Number.isInteger(keep) || keep < 1) {
            throw new Error(`PackageMirror ${name}: imageRetentionCount ${keep} must be a positive whole number.`);
        }
        if (!args.readers.organizationId && args.readers.accountIds.length === 0) {
            throw new Error(`PackageMirror ${name}: readers names no account and no organisation; pass the workload account ids or the organisation id.`);
        }
        const { account } = args;
        this.names = mirrorNames(account, args.domainName, args.imageRepositoryName, npm);
        const child = { parent: this };
        const keyUsers = [...new Set([account.accountId, ...args.readers.accountIds])]
            .sort()
            .map((accountId) => accountRootArn({ partition: account.partition, accountId }));

        // CodeArtifact encrypts assets through grants it creates for the calling account; account
        // principals may use the key only through CodeArtifact, and their IAM policies still decide.
        this.domainKey = new CustomerKey(
            `${name}-domain-key`,
            {
                description: `CodeArtifact domain ${args.domainName}: package assets`,
                alias: `${args.domainName}-codeartifact`,
                policy: keyPolicy({ administrators: args.keyAdministrators, users: keyUsers, viaServices: [`codeartifact.${account.region}.amazonaws.com`] }),
            },
            child,
        );
        this.domain = new aws.codeartifact.Domain(
            `${name}-domain`,
            { domain: args.domainName, encryptionKey: this.domainKey.arn },
            { parent: this, protect: true, retainOnDelete: true },
        );
        new aws.codeartifact.DomainPermissions(
            `${name}-domain-permissions`,
            {
                domain: this.domain.domain,
                domainOwner: account.accountId,
                policyDocument: toPolicyJson(domainPermissionsPolicy(this.names.domainArn, args.readers, account.partition)),
            },
            child,
        );

        this.repositories = {};
        for (const eco of [this.names.pypi, ...(this.names.npm ? [this.names.npm] : [])]) {
            const upstream = new aws.codeartifact.Repository(
                `${name}-${eco.upstreamRepository}`,
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
                `${name}-${eco.approvedRepository}`,
                {
                    domain: this.domain.domain,
                    domainOwner: account.accountId,
                    repository: eco.approvedRepository,
                    description: `Scanned and approved ${eco.format} packages; published only by the scan pipeline.`,
                },
                { parent: this, protect: true, retainOnDelete: true },
            );
            this.repositories[eco.upstreamRepository] = upstream;
            this.repositories[eco.approvedRepository] = approved;
            new aws.codeartifact.RepositoryPermissionsPolicy(
                `${name}-${eco.upstreamRepository}-policy`,
                {
                    domain: this.domain.domain,
                    domainOwner: account.accountId,
                    repository: upstream.repository,
                    policyDocument: pulumi
                        .output(args.scannerRoleArn)
                        .apply((scannerRoleArn) =>
                            toPolicyJson(
                                upstreamRepositoryPolicy({ repositoryArn: eco.upstreamRepositoryArn, packagesArn: eco.upstreamPackagesArn, scannerRoleArn }),
                            ),
                        ),
                },
                child,
            );
            new aws.codeartifact.RepositoryPermissionsPolicy(
                `${name}-${eco.approvedRepository}-policy`,
                {
                    domain: this.domain.domain,
                    domainOwner: account.accountId,
                    repository: approved.repository,
                    policyDocument: pulumi.output(args.publisherRoleArn).apply((publisherRoleArn) =>
                        toPolicyJson(
                            approvedRepositoryPolicy({
                                repositoryArn: eco.approvedRepositoryArn,
                                packagesArn: eco.approvedPackagesArn,
                                publisherRoleArn,
                                readers: args.readers,
                                partition: account.partition,
                            }),
                        ),
                    ),
                },
                child,
            );
        }

        this.imageKey = new CustomerKey(
            `${name}-image-key`,
            {
                description: `ECR ${args.imageRepositoryName}: approved Studio images`,
                alias: `${args.domainName}-images`,
                policy: keyPolicy({ administrators: args.keyAdministrators, users: keyUsers, viaServices: [`ecr.${account.region}.amazonaws.com`] }),
            },
            child,
        );
        this.imageRepository = new aws.ecr.Repository(
            `${name}-images`,
            {
                name: args.imageRepositoryName,
                imageTagMutability: "IMMUTABLE",
                imageScanningConfiguration: { scanOnPush: true },
                encryptionConfigurations: [{ encryptionType: "KMS", kmsKey: this.imageKey.arn }],
                forceDelete: false,
            },
            { parent: this, protect: true, retainOnDelete: true },
        );
        new aws.ecr.LifecyclePolicy(
            `${name}-images-lifecycle`,
            { repository: this.imageRepository.name, policy: JSON.stringify(imageLifecyclePolicy(keep)) },
            child,
        );
        new aws.ecr.RepositoryPolicy(
            `${name}-images-policy`,
            { repository: this.imageRepository.name, policy: toPolicyJson(imageRepositoryPolicy(args.readers, account.partition)) },
            child,
        );

        this.pipIndexUrl = pulumi.output(this.names.pipIndexUrl);
        this.imageRepositoryUrl = this.imageRepository.repositoryUrl;
        this.registerOutputs({
            domainName: this.domain.domain,
            domainOwner: account.accountId,
            pipIndexUrl: this.pipIndexUrl,
            imageRepositoryUrl: this.imageRepositoryUrl,
        });
    }
}
