/**
 * The domain names the isolated VPC may resolve (N11): the hostnames of its VPC endpoints, derived
 * from the endpoint catalogue, plus the Studio, CodeArtifact, S3 and EFS names the platform uses
 * and the VPC's own internal names. Everything else is blocked by the DNS firewall, so a query is
 * no channel to a name server an attacker runs. Pure module.
 *
 * DNS Firewall domain specifications (Route 53 Developer Guide, "Route 53 Resolver DNS Firewall
 * domain lists"): a name matches itself only; `*.` matches every subdomain (not the name itself);
 * `*` alone matches every name.
 */

/** DNS suffix of AWS service hostnames in a partition. */
function awsDnsSuffix(partition: string): string {
    return partition === "aws-cn" ? "amazonaws.com.cn" : "amazonaws.com";
}

/**
 * Hostnames of the interface endpoint with short name `key` (endpointCatalog.ts). Most services
 * are `<service>.<region>.<suffix>`; a dotted key names a sub-service, whose hostname reverses the
 * parts (`sagemaker.api` → `api.sagemaker.<region>.<suffix>`). The exceptions are spelled out.
 */
export function endpointDnsNames(key: string, region: string, partition: string): string[] {
    const suffix = awsDnsSuffix(partition);
    switch (key) {
        // Studio and notebook URLs are `<domain-id>.studio.<region>.sagemaker.aws` (SageMaker Developer Guide, VPC endpoints).
        case "studio":
        case "notebook":
            return [`*.${key}.${region}.sagemaker.aws`];
        // Image pulls go to `<registry-id>.dkr.ecr.<region>.<suffix>`.
        case "ecr.dkr":
            return [`*.dkr.ecr.${region}.${suffix}`];
        // The API is `codeartifact.<region>`; repositories are `<domain>-<owner>.d.codeartifact.<region>` (CodeArtifact User Guide, VPC endpoints).
        case "codeartifact.api":
            return [`codeartifact.${region}.${suffix}`];
        case "codeartifact.repositories":
            return [`*.d.codeartifact.${region}.${suffix}`];
        // Private APIs answer at {rest-api-id}.execute-api.<region>.<suffix> (API Gateway developer guide, "Invoking a private API").
        case "execute-api":
            return [`*.execute-api.${region}.${suffix}`];
        default: {
            const parts = key.split(".");
            return [`${[...parts].reverse().join(".")}.${region}.${suffix}`];
        }
    }
}

/** Names the VPC needs besides its interface endpoints: the S3 gateway, EFS mounts and EC2's internal names. */
function platformDnsNames(region: string, partition: string): string[] {
    const suffix = awsDnsSuffix(partition);
    return [
        // The S3 gateway endpoint serves the regional names, path and virtual-hosted style.
        `s3.${region}.${suffix}`,
        `*.s3.${region}.${suffix}`,
        // Studio's home EFS is mounted by `<fs-id>.efs.<region>.<suffix>`.
        `*.efs.${region}.${suffix}`,
        // The VPC's own hostnames (enableDnsHostnames): ip-10-...<region>.compute.internal, ec2.internal in us-east-1.
        `*.${region}.compute.internal`,
        "*.ec2.internal",
    ];
}

/**
 * The allow-list of the isolated VPC: the endpoint hostnames, the platform names and `extra`
 * (config), each once, in a stable order.
 */
export function isolatedVpcAllowedDomains(args: {
    endpointKeys: readonly string[];
    region: string;
    partition: string;
    extra?: readonly string[];
    /** A DynamoDB gateway endpoint is on the route tables (the SAML broker's ledger): its regional name resolves. */
    dynamoDbGateway?: boolean;
}): string[] {
    const names = [
        ...args.endpointKeys.flatMap((k) => endpointDnsNames(k, args.region, args.partition)),
        ...platformDnsNames(args.region, args.partition),
        ...(args.dynamoDbGateway ? [`dynamodb.${args.region}.${awsDnsSuffix(args.partition)}`] : []),
        ...(args.extra ?? []),
    ];
    return [...new Set(names)];
}

/** A DNS Firewall domain specification: a hostname, optionally starting with `*.`. `*` alone (everything) is refused. */
export const DNS_DOMAIN_PATTERN = /^(\*\.)?([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9-]{2,63}$/;
