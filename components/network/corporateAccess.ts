/**
 * Pure decisions of corporate access (N13, N14): which corporate ranges may be routed to the
 * transit gateway (N13), the fixed IP of the Route 53 Resolver inbound endpoint in each subnet
 * (N14), and the forwarding rules the corporate DNS must hold. No Pulumi, no I/O: the config
 * schema, the components and the plan output all call it, so what the plan prints is what is built.
 */
import { IPv4CidrRange } from "ip-num";

/** Interface endpoints a corporate browser or CLI talks to, and the private-DNS domain each answers for. */
const CORPORATE_ENDPOINT_DOMAINS: readonly { key: string; domain: (region: string, partition: string) => string }[] = [
    // Studio's UI and presigned URLs: d-xxxx.studio.<region>.sagemaker.aws (SageMaker developer guide, "Connect to Studio through an interface VPC endpoint").
    { key: "studio", domain: (region) => `studio.${region}.sagemaker.aws` },
    // CreatePresignedDomainUrl and the rest of the SageMaker API (same guide, "api.sagemaker.<region>.amazonaws.com").
    { key: "sagemaker.api", domain: (region, partition) => `api.sagemaker.${region}.${partition === "aws-cn" ? "amazonaws.com.cn" : "amazonaws.com"}` },
    // The broker's private API (API Gateway developer guide, "Private APIs": {api-id}.execute-api.<region>.amazonaws.com).
    { key: "execute-api", domain: (region, partition) => `execute-api.${region}.${partition === "aws-cn" ? "amazonaws.com.cn" : "amazonaws.com"}` },
];

/** Endpoint keys corporate clients reach over the transit gateway: their endpoints also admit 443 from the corporate ranges. */
export const CORPORATE_CLIENT_ENDPOINTS: readonly string[] = CORPORATE_ENDPOINT_DOMAINS.map((e) => e.key);

/** Why each corporate range cannot be routed to the attachment, by index; empty when all can. */
export function corporateCidrProblems(vpcCidr: string, corporateCidrs: readonly string[]): { index: number; problem: string }[] {
    const vpc = IPv4CidrRange.fromCidr(vpcCidr);
    const problems: { index: number; problem: string }[] = [];
    corporateCidrs.forEach((cidr, index) => {
        const range = IPv4CidrRange.fromCidr(cidr);
        if (range.getPrefix().getValue() === 0n) {
            problems.push({
                index,
                problem: `"${cidr}" is a default route; the data VPC has no route to everywhere, list the corporate ranges only (N6, N13)`,
            });
        } else if (range.isOverlapping(vpc)) {
            // A route may not be more specific than, or cover, the VPC's local route towards a transit
            // gateway (VPC user guide, "Route priority": only appliance targets may be more specific than local).
            problems.push({ index, problem: `"${cidr}" overlaps the data VPC's ${vpcCidr}; corporate ranges must be outside the VPC` });
        } else if (corporateCidrs.indexOf(cidr) !== index) {
            problems.push({ index, problem: `"${cidr}" is listed twice` });
        }
    });
    return problems;
}

/**
 * The fixed IP of the inbound endpoint in a subnet: the highest usable address (the broadcast
 * address is one of the 5 AWS reserves, VPC user guide "Subnet CIDR blocks"). Fixed so the plan can
 * print the forwarding targets before anything exists; Studio and the endpoints take addresses
 * from the pool, which AWS hands out from the low end first in practice, but nothing reserves it:
 * a taken address fails the endpoint's creation (the error names the IP) rather than moving it.
 */
export function resolverInboundIp(subnetCidr: string): string {
    return IPv4CidrRange.fromCidr(subnetCidr).getLast().previousIPNumber().toString();
}

/** One forwarding rule of the corporate DNS: queries for `domain` (and below) go to `targetIps` on port 53. */
export interface ForwardingRule {
    domain: string;
    targetIps: string[];
}

/** The forwarding rules for the endpoints this VPC has among the corporate ones. */
export function corporateForwardingRules(args: {
    region: string;
    partition: string;
    endpointKeys: readonly string[];
    subnetCidrs: readonly string[];
}): ForwardingRule[] {
    const targetIps = args.subnetCidrs.map(resolverInboundIp);
    return CORPORATE_ENDPOINT_DOMAINS.filter((e) => args.endpointKeys.includes(e.key)).map((e) => ({
        domain: e.domain(args.region, args.partition),
        targetIps,
    }));
}
