import type { PolicyResource } from "@pulumi/policy";
import { NOT_KNOWN, SecureDsStackPolicy, TYPES, known, list, ofType, propsOf, text } from "../common";
import { isAnywhere, isIsolatedVpc, ipv4WithinAny, vpcsOf } from "./common";

/** A route towards a transit gateway, as a route resource or an inline route of a route table. */
interface TransitRoute {
    owner: PolicyResource;
    label: string;
    ipv4: unknown;
    ipv6: unknown;
    prefixList: unknown;
}

/** Whether a route resource names a transit gateway: a value (an unknown one counts) or a dependency on a resource. */
function towardsTransitGateway(route: PolicyResource): boolean {
    const id = known(() => propsOf(route, TYPES.ec2Route)?.transitGatewayId);
    return (id !== undefined && id !== null && id !== "") || (route.propertyDependencies?.transitGatewayId ?? []).length > 0;
}

function transitRoutes(resources: PolicyResource[]): TransitRoute[] {
    const found: TransitRoute[] = [];
    for (const r of ofType(resources, TYPES.ec2Route)) {
        const p = propsOf(r, TYPES.ec2Route);
        if (p && towardsTransitGateway(r)) {
            found.push({
                owner: r,
                label: `Route ${r.name}`,
                ipv4: known(() => p.destinationCidrBlock),
                ipv6: known(() => p.destinationIpv6CidrBlock),
                prefixList: known(() => p.destinationPrefixListId),
            });
        }
    }
    for (const r of ofType(resources, TYPES.ec2RouteTable, TYPES.ec2DefaultRouteTable)) {
        list(propsOf(r, TYPES.ec2RouteTable, TYPES.ec2DefaultRouteTable)?.routes).forEach((route, i) => {
            const inline = route as Record<string, unknown> | null | undefined;
            if (inline && text(inline.transitGatewayId) !== undefined) {
                found.push({
                    owner: r,
                    label: `Route table ${r.name} routes[${i}]`,
                    ipv4: inline.cidrBlock,
                    ipv6: inline.ipv6CidrBlock,
                    prefixList: inline.destinationPrefixListId,
                });
            }
        });
    }
    return found;
}

/**
 * N13: a transit gateway carries only corporate traffic. A route towards a transit gateway for
 * 0.0.0.0/0 or ::/0 is refused in every VPC (the hub would become the data VPC's way to the
 * internet); in an isolated VPC every route towards one must be an IPv4 block inside the
 * corporate ranges of this rule's config (`corporateCidrs`, set by the security team in the pack
 * config, not by the program), and an IPv6, prefix-list or unknown destination is refused (it
 * cannot be shown to be corporate). With the default empty list, no route to a transit gateway
 * passes in an isolated VPC.
 */
export const transitGatewayRoutes: SecureDsStackPolicy = {
    name: "transit-gateway-routes",
    description:
        "Routes towards a transit gateway never carry 0.0.0.0/0 or ::/0, and in a VPC tagged secure-ds:network-isolation=isolated they carry only IPv4 blocks inside the configured corporate ranges (N13).",
    controls: ["N13", "N6"],
    remediation:
        "Route only corporate ranges to the hub (network.transitGateway.corporateCidrs) and list the same ranges in this policy's corporateCidrs in the pack config; the data VPC has no default route of any kind.",
    enforcementLevel: "mandatory",
    configSchema: {
        properties: {
            corporateCidrs: {
                type: "array",
                items: { type: "string" },
                default: [],
                description: "IPv4 blocks of the corporate network an isolated VPC may route to a transit gateway. Default none: no such route is allowed.",
            },
        },
    },
    validateStack: (args, reportViolation) => {
        const { corporateCidrs } = args.getConfig<{ corporateCidrs: string[] }>();
        const vpcs = ofType(args.resources, TYPES.ec2Vpc);
        for (const route of transitRoutes(args.resources)) {
            const anywhere = [route.ipv4, route.ipv6].filter(isAnywhere).map(String);
            if (anywhere.length > 0) {
                reportViolation(
                    `${route.label} sends ${anywhere.join(", ")} to a transit gateway: the hub must never be a default route (N13, N6).`,
                    route.owner.urn,
                );
                continue;
            }
            const isolated = vpcsOf(route.owner, args.resources, vpcs).filter(isIsolatedVpc);
            if (isolated.length === 0) continue;
            const where = `in the isolated VPC ${isolated.map((v) => v.name).join(", ")}`;
            const ipv4 = route.ipv4 === NOT_KNOWN ? undefined : text(route.ipv4);
            if (route.ipv6 !== NOT_KNOWN && text(route.ipv6) !== undefined) {
                reportViolation(
                    `${route.label} ${where} sends IPv6 ${String(route.ipv6)} to a transit gateway; only IPv4 corporate ranges may go there (N13).`,
                    route.owner.urn,
                );
            } else if (route.prefixList === NOT_KNOWN || text(route.prefixList) !== undefined) {
                reportViolation(
                    `${route.label} ${where} sends a prefix list to a transit gateway; its entries cannot be checked against the corporate ranges, route the CIDR blocks (N13).`,
                    route.owner.urn,
                );
            } else if (ipv4 === undefined) {
                reportViolation(
                    `${route.label} ${where} goes to a transit gateway with a destination the pack cannot read; route literal corporate CIDR blocks (N13).`,
                    route.owner.urn,
                );
            } else if (!ipv4WithinAny(ipv4, corporateCidrs)) {
                reportViolation(
                    `${route.label} ${where} sends ${ipv4} to a transit gateway, which is not inside the corporate ranges (${corporateCidrs.join(", ") || "none configured"}); route only corporate ranges, or have the security team add it to corporateCidrs of transit-gateway-routes (N13).`,
                    route.owner.urn,
                );
            }
        }
    },
};
