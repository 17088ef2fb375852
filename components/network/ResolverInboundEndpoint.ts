import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { resolverInboundIp } from "./corporateAccess";

export interface ResolverInboundEndpointArgs {
    /** The data VPC. Required. */
    vpcId: pulumi.Input<string>;
    /** One subnet per AZ, with its CIDR: one endpoint IP in each (at least 2, Route 53 Resolver's minimum). Required. */
    subnets: { id: pulumi.Input<string>; cidr: string }[];
    /** Ranges of the corporate DNS resolvers: the only sources admitted, on TCP and UDP 53 (N14). Required, at least one. */
    corporateResolverCidrs: string[];
    /** `<organization>-<environment>-<network>`: the endpoint's and group's names. Required. */
    namePrefix: string;
}

const DNS = 53;

/**
 * N14: corporate DNS resolves the Studio endpoints' private names. An inbound Route 53 Resolver
 * endpoint with one fixed IP per subnet (corporateAccess.ts: the plan prints the forwarding
 * targets), in its own security group that admits DNS (TCP and UDP 53) from the corporate
 * resolvers only, and nothing else: no egress rule (the group is stateful, answers need none).
 */
export class ResolverInboundEndpoint extends pulumi.ComponentResource {
    readonly securityGroup: aws.ec2.SecurityGroup;
    readonly endpoint: aws.route53.ResolverEndpoint;
    /** The endpoint's IPs, in subnet order: the corporate forwarders' targets. */
    readonly ips: string[];

    constructor(name: string, args: ResolverInboundEndpointArgs, opts?: pulumi.ComponentResourceOptions) {
        super("secure-ds:network:ResolverInboundEndpoint", name, {}, opts);
        // Route 53 API reference, CreateResolverEndpoint: IpAddresses has 2 to 6 items (multi-AZ for resilience).
        if (args.subnets.length < 2 || args.subnets.length > 6) {
            throw new Error(
                `ResolverInboundEndpoint ${name}: ${args.subnets.length} subnet(s); a Resolver endpoint needs 2 to 6 IP addresses, one per subnet.`,
            );
        }
        if (args.corporateResolverCidrs.length === 0) {
            throw new Error(
                `ResolverInboundEndpoint ${name}: corporateResolverCidrs is empty; list the corporate resolvers' ranges (network.resolverInbound).`,
            );
        }
        const child = { parent: this };
        this.securityGroup = new aws.ec2.SecurityGroup(
            `${name}-sg`,
            {
                vpcId: args.vpcId,
                // EC2 group descriptions: a-z A-Z 0-9 spaces ._-:/()#,@[]+=&;{}!$* up to 255 (EC2 API reference, CreateSecurityGroup).
                description: "Route 53 Resolver inbound endpoint: DNS from the corporate resolvers only (N14)",
                revokeRulesOnDelete: true,
                tags: { Name: `${args.namePrefix}-resolver-inbound` },
            },
            child,
        );
        args.corporateResolverCidrs.forEach((cidr, i) => {
            for (const protocol of ["udp", "tcp"] as const) {
                new aws.vpc.SecurityGroupIngressRule(
                    `${name}-dns-${protocol}-${i}`,
                    {
                        securityGroupId: this.securityGroup.id,
                        ipProtocol: protocol,
                        fromPort: DNS,
                        toPort: DNS,
                        cidrIpv4: cidr,
                        description: `DNS over ${protocol.toUpperCase()} from corporate resolvers ${cidr}`,
                    },
                    child,
                );
            }
        });
        this.ips = args.subnets.map((s) => resolverInboundIp(s.cidr));
        this.endpoint = new aws.route53.ResolverEndpoint(
            `${name}-endpoint`,
            {
                direction: "INBOUND",
                // Name: up to 64 characters, not starting with a digit (Route 53 API reference, CreateResolverEndpoint).
                name: `${args.namePrefix}-inbound`.slice(0, 64),
                securityGroupIds: [this.securityGroup.id],
                ipAddresses: args.subnets.map((s, i) => ({ subnetId: s.id, ip: this.ips[i] })),
                // Plain DNS, what corporate forwarders speak; DoH is opt-in (Route 53 API reference, Protocols).
                protocols: ["Do53"],
                resolverEndpointType: "IPV4",
                tags: { Name: `${args.namePrefix}-resolver-inbound` },
            },
            child,
        );
        this.registerOutputs({ endpointId: this.endpoint.id, ips: this.ips });
    }
}
