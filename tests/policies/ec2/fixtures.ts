/** VPC stacks shared by the EC2 rule tests. */
import { StackCaseResource } from "../../harness/policyArgs";
import { r } from "../fixtures";

export const ISOLATED = { "secure-ds:network-isolation": "isolated" };
/** The tag of the package scanning VPC, the only one allowed an internet path. */
export const EGRESS = { Name: "scan", "secure-ds:network-isolation": "egress" };

/** Type tokens the cases use, spelt out: a typo in policies/common/types.ts then fails a test instead of being copied into it. */
export const EC2 = {
    vpc: "aws:ec2/vpc:Vpc",
    subnet: "aws:ec2/subnet:Subnet",
    routeTable: "aws:ec2/routeTable:RouteTable",
    defaultRouteTable: "aws:ec2/defaultRouteTable:DefaultRouteTable",
    route: "aws:ec2/route:Route",
    internetGateway: "aws:ec2/internetGateway:InternetGateway",
    natGateway: "aws:ec2/natGateway:NatGateway",
    vpcEndpoint: "aws:ec2/vpcEndpoint:VpcEndpoint",
    securityGroup: "aws:ec2/securityGroup:SecurityGroup",
    defaultSecurityGroup: "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup",
    ingressRule: "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
} as const;

/** An isolated VPC with a subnet and a route table, as IsolatedNetwork registers them. */
export const isolatedVpc = (extra: StackCaseResource[] = []): StackCaseResource[] => [
    { type: EC2.vpc, name: "vpc", props: { cidrBlock: "10.20.0.0/16", tags: ISOLATED } },
    { type: EC2.subnet, name: "subnet", props: { cidrBlock: "10.20.0.0/17" }, propertyDependencies: { vpcId: ["vpc"] } },
    { type: EC2.routeTable, name: "rt", props: {}, propertyDependencies: { vpcId: ["vpc"] } },
    ...extra,
];

/** A VPC allowed egress (the package pipeline's scanning VPC). */
export const egressVpc: StackCaseResource[] = [
    { type: EC2.vpc, name: "scan-vpc", props: { cidrBlock: "10.99.0.0/16", tags: EGRESS } },
    { type: EC2.subnet, name: "scan-public", props: {}, propertyDependencies: { vpcId: ["scan-vpc"] } },
    { type: EC2.routeTable, name: "scan-rt", props: {}, propertyDependencies: { vpcId: ["scan-vpc"] } },
    { type: EC2.internetGateway, name: "scan-igw", props: {}, propertyDependencies: { vpcId: ["scan-vpc"] } },
    { type: EC2.natGateway, name: "scan-nat", props: {}, propertyDependencies: { subnetId: ["scan-public"] } },
    {
        type: EC2.route,
        name: "scan-default",
        props: { destinationCidrBlock: "0.0.0.0/0" },
        propertyDependencies: { routeTableId: ["scan-rt"], gatewayId: ["scan-igw"] },
    },
];

/** A bare isolated VPC and an interface endpoint of it per service. */
export const VPC = r(EC2.vpc, "vpc", { tags: ISOLATED });
export const endpoint = (svc: string) => r(EC2.vpcEndpoint, `vpce-${svc}`, { serviceName: `com.amazonaws.eu-west-1.${svc}` }, { vpcId: ["vpc"] });
export const ALL_ENDPOINTS = ["s3", "sts", "logs", "kms", "sagemaker.api", "sagemaker.runtime", "ecr.api", "ecr.dkr", "ssm"].map(endpoint);
