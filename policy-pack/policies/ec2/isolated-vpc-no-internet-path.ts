import { SecureDsStackPolicy, TYPES, linked, list, ofType, propsOf } from "../common";
import { anywhereIn, isAnywhere, isIsolatedVpc, vpcsOf } from "./common";

/**
 * N6: the isolated data-science VPC has no path to the internet. Anything that would create one is
 * reported: internet gateways (and their attachments), egress-only gateways, NAT gateways, peering,
 * and default routes (0.0.0.0/0, ::/0) in its route tables, declared as route resources or inline.
 * A SageMaker domain must sit in such a VPC: dropping the tag cannot switch the rule off.
 */
export const isolatedVpcNoInternetPath: SecureDsStackPolicy = {
    name: "isolated-vpc-no-internet-path",
    description:
        "A VPC tagged secure-ds:network-isolation=isolated must have no internet gateway, egress-only gateway, NAT gateway, peering or default route, and SageMaker domains must use such a VPC (N6).",
    controls: ["N6"],
    remediation:
        "Remove the gateway, NAT, peering or 0.0.0.0/0 / ::/0 route from the data-science VPC; reach AWS services through VPC endpoints (IsolatedNetwork endpoints.extra). Egress belongs in a separate scanning VPC, never in the isolated one.",
    enforcementLevel: "mandatory",
    validateStack: (args, reportViolation) => {
        const resources = args.resources;
        const vpcs = ofType(resources, TYPES.ec2Vpc);
        for (const domain of ofType(resources, TYPES.sagemakerDomain)) {
            const domainVpcs = linked(domain, "vpcId", vpcs);
            const open = domainVpcs.filter((v) => !isIsolatedVpc(v));
            if (open.length > 0) {
                reportViolation(
                    `Domain ${domain.name} is in VPC ${open.map((v) => v.name).join(", ")}, which is not tagged secure-ds:network-isolation=isolated; Studio belongs in the isolated network (N6).`,
                    domain.urn,
                );
            }
        }
        const isolated = resources.filter(isIsolatedVpc);
        if (isolated.length === 0) return;
        const name = (vpcs: typeof isolated) => vpcs.map((v) => v.name).join(", ");

        const forbidden: [string, string][] = [
            [TYPES.ec2InternetGateway, "an internet gateway"],
            [TYPES.ec2InternetGatewayAttachment, "an internet gateway attachment"],
            [TYPES.ec2EgressOnlyInternetGateway, "an egress-only internet gateway"],
            [TYPES.ec2NatGateway, "a NAT gateway"],
            [TYPES.ec2VpcPeeringConnection, "a VPC peering connection"],
        ];
        for (const [type, what] of forbidden) {
            for (const r of ofType(resources, type)) {
                const vpcs = vpcsOf(r, resources, isolated);
                if (vpcs.length > 0) {
                    reportViolation(`${r.name} is ${what} in the isolated VPC ${name(vpcs)}; the data-science network must have no internet path (N6).`, r.urn);
                }
            }
        }
        for (const r of ofType(resources, TYPES.ec2Route)) {
            const route = propsOf(r, TYPES.ec2Route);
            const dest = [route?.destinationCidrBlock, route?.destinationIpv6CidrBlock].filter(isAnywhere);
            if (dest.length === 0) continue;
            const vpcs = vpcsOf(r, resources, isolated);
            if (vpcs.length > 0) {
                reportViolation(`Route ${r.name} sends ${dest.join(", ")} out of the isolated VPC ${name(vpcs)}; remove the default route (N6).`, r.urn);
            }
        }
        for (const r of ofType(resources, TYPES.ec2RouteTable, TYPES.ec2DefaultRouteTable)) {
            const routes = list(propsOf(r, TYPES.ec2RouteTable, TYPES.ec2DefaultRouteTable)?.routes);
            const dest = routes.flatMap((route) => anywhereIn([route?.cidrBlock, route?.ipv6CidrBlock]));
            if (dest.length === 0) continue;
            const vpcs = vpcsOf(r, resources, isolated);
            if (vpcs.length > 0) {
                reportViolation(
                    `Route table ${r.name} has an inline route for ${dest.join(", ")} in the isolated VPC ${name(vpcs)}; remove the default route (N6).`,
                    r.urn,
                );
            }
        }
    },
};
