import { SecureDsPolicy } from "../types";
import { isolatedVpcEndpointPolicy } from "./isolatedVpcEndpointPolicy";
import { isolatedVpcNoInternetPath } from "./isolatedVpcNoInternetPath";
import { logGroupEncryptedRetention } from "./logGroupEncryptedRetention";
import { securityGroupNoPublicIngress } from "./securityGroupNoPublicIngress";
import { vpcEndpointPrivateDns } from "./vpcEndpointPrivateDns";
import { vpcFlowLogs } from "./vpcFlowLogs";

export const networkPolicies: SecureDsPolicy[] = [
    isolatedVpcNoInternetPath,
    securityGroupNoPublicIngress,
    vpcEndpointPrivateDns,
    isolatedVpcEndpointPolicy,
    vpcFlowLogs,
    logGroupEncryptedRetention,
];
