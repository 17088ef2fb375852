/**
 * Every name and ARN of the package mirror, computed from config so that roles and policies
 * (the scan pipeline's stage policies) can name them before the mirror exists. Pure.
 */
import { AccountContext } from "../guardrails/arns";

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
