import type { PolicyResource } from "@pulumi/policy";
import { SecureDsStackPolicy, TYPES, linked, list, ofType, propsOf } from "../common";
import { ISOLATION_TAG, NETWORK_ROLES, anywhereIn, isAnywhere, isEgressVpc, isIsolatedVpc, networkRoleOf, vpcsOf } from "./common";

/** The properties through which each kind of internet path names its VPC (directly or via a subnet or route table). */
const LINKS: Record<string, string[]> = {
    [TYPES.ec2InternetGateway]: ["vpcId"],
    [TYPES.ec2InternetGatewayAttachment]: ["vpcId"],
    [TYPES.ec2EgressOnlyInternetGateway]: ["vpcId"],
    [TYPES.ec2NatGateway]: ["subnetId"],
    [TYPES.ec2VpcPeeringConnection]: ["vpcId", "peerVpcId"],
    [TYPES.ec2Route]: ["routeTableId"],
    [TYPES.ec2RouteTable]: ["vpcId"],
    [TYPES.ec2DefaultRouteTable]: ["defaultRouteTableId"],
};

/** Does the resource name a VPC, subnet or route table at all? (`in` does not read the value, so an unknown one counts.) */
function namesALink(r: PolicyResource): boolean {
    return (LINKS[r.type] ?? []).some((p) => p in r.props || (r.propertyDependencies?.[p] ?? []).length > 0);
}

/**
 * N6: the isolated data-science VPC has no path to the internet, and the rule fails closed.
 * Every VPC declares its network role with the secure-ds:network-isolation tag (`isolated` or
 * `egress`); an internet path (internet gateway and its attachment, egress-only gateway, NAT
 * gateway, peering, a 0.0.0.0/0 or ::/0 route, declared as a route resource or inline) may exist
 * only in a VPC tagged `egress`, and one that names a VPC this rule cannot relate to a VPC of the
 * stack is refused too. A SageMaker domain must sit in an isolated VPC of the stack. So neither
 * dropping the tag nor hiding the link (a literal or laundered id) switches the rule off.
 */
export const isolatedVpcNoInternetPath: SecureDsStackPolicy = {
    name: "isolated-vpc-no-internet-path",
    description:
        "Every VPC declares its role with secure-ds:network-isolation (isolated or egress); internet gateways, egress-only gateways, NAT gateways, peering and default routes may exist only in an egress VPC of the stack, and SageMaker domains must use an isolated VPC of the stack (N6).",
    controls: ["N6"],
    remediation:
        "Remove the gateway, NAT, peering or 0.0.0.0/0 / ::/0 route from the data-science VPC; reach AWS services through VPC endpoints (IsolatedNetwork endpoints.extra). Egress belongs in a separate scanning VPC, never in the isolated one.",
    enforcementLevel: "mandatory",
    validateStack: (args, reportViolation) => {
        const resources = args.resources;
        const vpcs = ofType(resources, TYPES.ec2Vpc);
        const name = (found: PolicyResource[]) => found.map((v) => v.name).join(", ");
        for (const vpc of vpcs) {
            if (networkRoleOf(vpc) === undefined) {
                reportViolation(
                    `VPC ${vpc.name} declares no network role; tag it ${ISOLATION_TAG}=${NETWORK_ROLES.isolated} (data science) or =${NETWORK_ROLES.egress} (package scanning) (N6).`,
                    vpc.urn,
                );
            }
        }
        for (const domain of ofType(resources, TYPES.sagemakerDomain)) {
            const domainVpcs = linked(domain, "vpcId", vpcs);
            const open = domainVpcs.filter((v) => !isIsolatedVpc(v));
            if (open.length > 0) {
                reportViolation(
                    `Domain ${domain.name} is in VPC ${name(open)}, which is not tagged ${ISOLATION_TAG}=${NETWORK_ROLES.isolated}; Studio belongs in the isolated network (N6).`,
                    domain.urn,
                );
            } else if (domainVpcs.length === 0 && "vpcId" in domain.props) {
                reportViolation(
                    `Domain ${domain.name} names a VPC that is not a VPC of this stack; pass the isolated network's vpc.id so the pack can check it (N6).`,
                    domain.urn,
                );
            }
        }

        /** Reports `r` (described by `lead`, e.g. "igw is an internet gateway in") unless every VPC it belongs to is an egress VPC of the stack. */
        const judge = (r: PolicyResource, lead: string, remedy: string) => {
            const inVpcs = vpcsOf(r, resources, vpcs);
            const notEgress = inVpcs.filter((v) => !isEgressVpc(v));
            if (notEgress.length > 0) {
                const where = notEgress.every(isIsolatedVpc) ? "the isolated VPC" : "the VPC not tagged egress";
                reportViolation(`${lead} ${where} ${name(notEgress)}; ${remedy} (N6).`, r.urn);
            } else if (inVpcs.length === 0 && namesALink(r)) {
                reportViolation(
                    `${lead} a VPC that is not a VPC of this stack (or cannot be related to one); an internet path may exist only in the egress VPC, linked through its ${(LINKS[r.type] ?? []).join("/")} (N6).`,
                    r.urn,
                );
            }
        };
        const noPath = "the data-science network must have no internet path";
        const forbidden: [string, string][] = [
            [TYPES.ec2InternetGateway, "an internet gateway"],
            [TYPES.ec2InternetGatewayAttachment, "an internet gateway attachment"],
            [TYPES.ec2EgressOnlyInternetGateway, "an egress-only internet gateway"],
            [TYPES.ec2NatGateway, "a NAT gateway"],
            [TYPES.ec2VpcPeeringConnection, "a VPC peering connection"],
        ];
        for (const [type, what] of forbidden) {
            for (const r of ofType(resources, type)) judge(r, `${r.name} is ${what} in`, noPath);
        }
        for (const r of ofType(resources, TYPES.ec2Route)) {
            const route = propsOf(r, TYPES.ec2Route);
            const dest = [route?.destinationCidrBlock, route?.destinationIpv6CidrBlock].filter(isAnywhere);
            if (dest.length > 0) judge(r, `Route ${r.name} sends ${dest.join(", ")} out of`, "remove the default route");
        }
        for (const r of ofType(resources, TYPES.ec2RouteTable, TYPES.ec2DefaultRouteTable)) {
            const routes = list(propsOf(r, TYPES.ec2RouteTable, TYPES.ec2DefaultRouteTable)?.routes);
            const dest = routes.flatMap((route) => anywhereIn([route?.cidrBlock, route?.ipv6CidrBlock]));
            if (dest.length > 0) judge(r, `Route table ${r.name} has an inline route for ${dest.join(", ")} in`, "remove the default route");
        }
    },
};
