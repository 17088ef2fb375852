/** EC2 networking: VPCs, subnets, routes, gateways, security groups, VPC endpoints and flow logs. One rule per file, named after its policy. */
import { SecureDsPolicy } from "../common";
import { isolatedVpcDnsFirewall } from "./isolated-vpc-dns-firewall";
import { isolatedVpcEndpointPolicy } from "./isolated-vpc-endpoint-policy";
import { isolatedVpcEndpointResourceScope } from "./isolated-vpc-endpoint-resource-scope";
import { isolatedVpcNoInternetPath } from "./isolated-vpc-no-internet-path";
import { isolatedVpcRequiredEndpoints } from "./isolated-vpc-required-endpoints";
import { noDefaultVpc } from "./no-default-vpc";
import { securityGroupDescriptions } from "./security-group-descriptions";
import { securityGroupNoPublicIngress } from "./security-group-no-public-ingress";
import { subnetNoPublicIp } from "./subnet-no-public-ip";
import { vpcDefaultSecurityGroupClosed } from "./vpc-default-security-group-closed";
import { vpcEndpointPrivateDns } from "./vpc-endpoint-private-dns";
import { transitGatewayAttachment } from "./transit-gateway-attachment";
import { transitGatewayHub } from "./transit-gateway-hub";
import { transitGatewayRoutes } from "./transit-gateway-routes";
import { vpcFlowLogs } from "./vpc-flow-logs";

export const rules: SecureDsPolicy[] = [
    isolatedVpcDnsFirewall,
    isolatedVpcEndpointPolicy,
    isolatedVpcEndpointResourceScope,
    isolatedVpcNoInternetPath,
    isolatedVpcRequiredEndpoints,
    noDefaultVpc,
    securityGroupDescriptions,
    securityGroupNoPublicIngress,
    subnetNoPublicIp,
    transitGatewayAttachment,
    transitGatewayHub,
    transitGatewayRoutes,
    vpcDefaultSecurityGroupClosed,
    vpcEndpointPrivateDns,
    vpcFlowLogs,
];
