/**
 * Helpers shared by the EC2 (VPC, subnet, route, security group, endpoint) rules. Resources are
 * linked through `propertyDependencies` (ids are unknown in a real preview), see `references()`
 * in ../common/resources.ts.
 */
import type { PolicyResource } from "@pulumi/policy";
import { TYPES, linked, list, propsOf, text, typed } from "../common";

/**
 * The tag every VPC of the platform carries to declare its network role (components/tags.ts):
 * `isolated` on the data-science VPC (components/network/IsolatedNetwork.ts), `egress` on the
 * package scanning VPC (components/packages/ScanEgressNetwork.ts). The pack cannot import
 * components, so the vocabulary is repeated here; tests/policies/ec2/networkRoleTag.test.ts keeps
 * the two equal.
 */
export const ISOLATION_TAG = "secure-ds:network-isolation";
export const NETWORK_ROLES = { isolated: "isolated", egress: "egress" } as const;

/** The network role a VPC declares, or undefined when it declares none (or an unknown one). */
export function networkRoleOf(r: PolicyResource): (typeof NETWORK_ROLES)[keyof typeof NETWORK_ROLES] | undefined {
    const role = propsOf(r, TYPES.ec2Vpc)?.tags?.[ISOLATION_TAG];
    return role === NETWORK_ROLES.isolated || role === NETWORK_ROLES.egress ? role : undefined;
}

/** A VPC that declares itself isolated: no internet path may be attached to it. */
export function isIsolatedVpc(r: PolicyResource): boolean {
    return networkRoleOf(r) === NETWORK_ROLES.isolated;
}

/** A VPC that declares itself the egress (package scanning) network: the only place an internet path may be. */
export function isEgressVpc(r: PolicyResource): boolean {
    return networkRoleOf(r) === NETWORK_ROLES.egress;
}

/** The VPCs among `vpcs` a resource belongs to through `property` directly (vpcId) or through a subnet / route table. */
export function vpcsOf(r: PolicyResource, resources: readonly PolicyResource[], vpcs: readonly PolicyResource[]): PolicyResource[] {
    // routeTableId may name a VPC's main route table (vpc.mainRouteTableId): that is the VPC itself.
    const direct = [
        ...linked(r, "vpcId", vpcs),
        ...linked(r, "peerVpcId", vpcs),
        ...linked(r, "defaultRouteTableId", vpcs),
        ...linked(r, "routeTableId", vpcs),
    ];
    // Shared views (called once per resource: a fresh list each time would be a scan and a new index each time).
    const subnets = typed(resources, TYPES.ec2Subnet);
    const routeTables = typed(resources, TYPES.ec2RouteTable, TYPES.ec2DefaultRouteTable);
    const viaSubnet = linked(r, "subnetId", subnets).flatMap((s) => linked(s, "vpcId", vpcs));
    const viaRouteTable = linked(r, "routeTableId", routeTables).flatMap((t) => [...linked(t, "vpcId", vpcs), ...linked(t, "defaultRouteTableId", vpcs)]);
    return [...new Set([...direct, ...viaSubnet, ...viaRouteTable])];
}

/** IPv4/IPv6 "anywhere". */
export function isAnywhere(cidr: unknown): boolean {
    const c = text(cidr);
    return c === "0.0.0.0/0" || c === "::/0" || c === "::0/0";
}

/** The "anywhere" CIDRs in a list-or-scalar property. */
export function anywhereIn(value: unknown): string[] {
    return list(value).filter(isAnywhere).map(String);
}

/** The VPC endpoints of the stack that belong to an isolated VPC (none when the stack has no isolated VPC). */
export function isolatedVpcEndpoints(resources: PolicyResource[]): PolicyResource[] {
    const isolated = resources.filter(isIsolatedVpc);
    if (isolated.length === 0) return [];
    return resources.filter((r) => r.type === TYPES.ec2VpcEndpoint && vpcsOf(r, resources, isolated).length > 0);
}

/** An IPv4 CIDR as [first address, last address] (32-bit numbers), or undefined when it is not one. */
function ipv4Bounds(cidr: string): [number, number] | undefined {
    const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(cidr);
    if (!m) return undefined;
    const octets = m.slice(1, 5).map(Number);
    const prefix = Number(m[5]);
    if (octets.some((o) => o > 255) || prefix > 32) return undefined;
    const address = octets.reduce((n, o) => n * 256 + o, 0);
    const size = 2 ** (32 - prefix);
    const first = address - (address % size);
    return [first, first + size - 1];
}

/** Whether IPv4 block `inner` lies inside one of `outers` (false for anything that is not an IPv4 CIDR). */
export function ipv4WithinAny(inner: string, outers: readonly string[]): boolean {
    const i = ipv4Bounds(inner);
    if (!i) return false;
    return outers.some((outer) => {
        const o = ipv4Bounds(outer);
        return o !== undefined && o[0] <= i[0] && i[1] <= o[1];
    });
}
