/**
 * Defaults of the network components, in a module without Pulumi imports so the config schema
 * (stacks/schema/network.ts) can read them.
 */
import { DEFAULT_LOG_RETENTION_DAYS } from "../logRetention";
import type { IsolatedNetworkArgs } from "./IsolatedNetwork";
import type { VpcFlowLogsArgs } from "./VpcFlowLogs";
import type { DnsFirewallArgs } from "./DnsFirewall";
import type { TransitGatewayHubArgs } from "./TransitGatewayHub";
import { DEFAULT_INTERFACE_ENDPOINTS } from "./endpointCatalog";

export const VPC_FLOW_LOGS_DEFAULTS = {
    retentionInDays: DEFAULT_LOG_RETENTION_DAYS,
    // G5: rejected traffic alone misses exfiltration that succeeded.
    trafficType: "ALL",
    // The log group is audit evidence.
    protect: true,
} satisfies Partial<VpcFlowLogsArgs>;

export const ISOLATED_NETWORK_DEFAULTS = {
    interfaceEndpoints: DEFAULT_INTERFACE_ENDPOINTS.map((e) => e.key),
    flowLogRetentionDays: VPC_FLOW_LOGS_DEFAULTS.retentionInDays,
} satisfies Partial<IsolatedNetworkArgs>;

export const DNS_FIREWALL_DEFAULTS = {
    // The lowest priority AWS accepts above 100: the walled garden is evaluated before any other rule group.
    ruleGroupPriority: 101,
    // Rule priorities inside the group: allow first, then block everything; gaps leave room for more rules.
    allowRulePriority: 100,
    blockRulePriority: 200,
} satisfies Partial<DnsFirewallArgs> & { allowRulePriority: number; blockRulePriority: number };

export const TRANSIT_GATEWAY_HUB_DEFAULTS = {
    // AWS's default ASN (EC2 API reference, TransitGatewayRequestOptions AmazonSideAsn).
    amazonSideAsn: 64512,
    // AWS's default; it only spreads corporate traffic over several VPN tunnels.
    vpnEcmpSupport: true,
} satisfies Partial<TransitGatewayHubArgs>;
