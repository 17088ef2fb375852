/**
 * Type tokens and correlation helpers shared by the network rules. Resources are linked through
 * `propertyDependencies` (ids are unknown in a real preview), see `references()` in ../types.
 */
import type { PolicyResource } from "@pulumi/policy";
import { list, record, references, text } from "../types";

export const N = {
    vpc: "aws:ec2/vpc:Vpc",
    defaultVpc: "aws:ec2/defaultVpc:DefaultVpc",
    awsxVpc: "awsx:ec2:Vpc",
    subnet: "aws:ec2/subnet:Subnet",
    routeTable: "aws:ec2/routeTable:RouteTable",
    defaultRouteTable: "aws:ec2/defaultRouteTable:DefaultRouteTable",
    route: "aws:ec2/route:Route",
    internetGateway: "aws:ec2/internetGateway:InternetGateway",
    internetGatewayAttachment: "aws:ec2/internetGatewayAttachment:InternetGatewayAttachment",
    egressOnlyInternetGateway: "aws:ec2/egressOnlyInternetGateway:EgressOnlyInternetGateway",
    natGateway: "aws:ec2/natGateway:NatGateway",
    peering: "aws:ec2/vpcPeeringConnection:VpcPeeringConnection",
    vpcEndpoint: "aws:ec2/vpcEndpoint:VpcEndpoint",
    flowLog: "aws:ec2/flowLog:FlowLog",
    securityGroup: "aws:ec2/securityGroup:SecurityGroup",
    defaultSecurityGroup: "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup",
    securityGroupRule: "aws:ec2/securityGroupRule:SecurityGroupRule",
    ingressRule: "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
    logGroup: "aws:cloudwatch/logGroup:LogGroup",
} as const;

/** Tag IsolatedNetwork puts on the data-science VPC (components/network/IsolatedNetwork.ts). */
export const ISOLATION_TAG = "secure-ds:network-isolation";

/** A VPC that declares itself isolated: no internet path may be attached to it. */
export function isIsolatedVpc(r: PolicyResource): boolean {
    return r.type === N.vpc && record(r.props.tags)[ISOLATION_TAG] === "isolated";
}

/** The resources among `targets` that `r.props[property]` points at. */
export function linked(r: PolicyResource, property: string, targets: PolicyResource[]): PolicyResource[] {
    return targets.filter((t) => references(r, property, t));
}

/** The VPCs among `vpcs` a resource belongs to through `property` directly (vpcId) or through a subnet / route table. */
export function vpcsOf(r: PolicyResource, resources: PolicyResource[], vpcs: PolicyResource[]): PolicyResource[] {
    const direct = [...linked(r, "vpcId", vpcs), ...linked(r, "peerVpcId", vpcs), ...linked(r, "defaultRouteTableId", vpcs)];
    const subnets = resources.filter((s) => s.type === N.subnet);
    const routeTables = resources.filter((t) => t.type === N.routeTable || t.type === N.defaultRouteTable);
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
