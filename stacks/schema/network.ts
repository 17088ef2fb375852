import { Validator } from "ip-num";
import { z } from "zod";
import { DNS_DOMAIN_PATTERN } from "../../components/network/dnsAllowList";
import {
    CapacityPlan,
    MAX_SUBNET_PREFIX,
    MIN_SUBNET_PREFIX,
    SubnetLayout,
    defaultSubnetPrefixLength,
    layoutSubnets,
    planCapacity,
} from "../../components/network/capacityPlanner";
import {
    CODEARTIFACT_ASSETS_BUCKETS,
    disabledEndpointProblem,
    extraEndpointProblem,
    resolveInterfaceEndpoints,
} from "../../components/network/endpointCatalog";
import { ISOLATED_NETWORK_DEFAULTS } from "../../components/network/defaults";
import { ForwardingRule, corporateCidrProblems, corporateForwardingRules } from "../../components/network/corporateAccess";
import { LOG_RETENTION_DAYS } from "../../components/logRetention";
import { ipv4Cidr, positiveInt } from "./common";
import { resolverInboundSchema, transitGatewaySchema } from "./corporateNetwork";
import { SamlBrokerConfig } from "./access";
import { SamlBrokerIdpPlan, samlBrokerIdpPlan } from "./samlBrokerPlan";

const nonNegativeInt = (what: string) =>
    z
        .number()
        .int({ message: `is not a whole number of ${what}` })
        .min(0, { message: `must be 0 or more ${what}` });

/** S3 bucket names (3-63 characters, lower case, digits, dots, hyphens). */
const bucketNameSchema = z.string().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, { message: "is not an S3 bucket name" });

const endpointsSchema = z.strictObject({
    /** More interface endpoints, by service short name (e.g. athena, glue, sagemaker.metrics). Default none. */
    extra: z.array(z.string()).default([]),
    /** Optional default endpoints to leave out (e.g. notebook, servicecatalog). Required ones cannot be. Default none. */
    disabled: z.array(z.string()).default([]),
});

/** The data-science VPC. See docs/configuration.md#network. */
export const networkSchema = z.strictObject({
    /** IPv4 block of the isolated data-science VPC. */
    cidr: ipv4Cidr,
    /** Users the network must hold (sizes subnets with the capacity planner). Default 50. */
    expectedUsers: positiveInt("users").default(50),
    /** Apps a user runs at once (capacity planner). Default 4. */
    appsPerUser: positiveInt("apps").default(4),
    /** Distinct app instance types per user: one ENI each (capacity planner). Default 2. */
    instanceTypesPerUser: positiveInt("instance types").default(2),
    /** Concurrent training/processing instances per user in the VPC: 2 IPs each (capacity planner). Default 1. */
    trainingInstancesPerUser: nonNegativeInt("instances").default(1),
    /** Training instances use EFA: 5 IPs each instead of 2 (capacity planner). Default false. */
    trainingUsesEfa: z.boolean().default(false),
    /** Headroom on top of the computed need, in percent (capacity planner). Default 20. */
    growthPercent: nonNegativeInt("percent").max(1000, { message: "is more than 1000 percent" }).default(20),
    /** Subnet prefix length. Default: the largest equal split of `cidr` into one subnet per AZ. */
    subnetPrefixLength: z
        .number()
        .int({ message: "is not a whole prefix length" })
        .min(MIN_SUBNET_PREFIX, { message: `is larger than a /${MIN_SUBNET_PREFIX}, the largest subnet AWS allows` })
        .max(MAX_SUBNET_PREFIX, { message: `is smaller than a /${MAX_SUBNET_PREFIX}, the smallest subnet AWS allows` })
        .optional(),
    /** Interface endpoints beyond / below the default set. */
    endpoints: endpointsSchema.default(() => ({ extra: [], disabled: [] })),
    /** More buckets (names) readable through the S3 gateway endpoint, e.g. AWS sample-data buckets. Default none. */
    s3EndpointExtraBuckets: z.array(bucketNameSchema).default([]),
    /**
     * Domains the VPC may resolve besides its endpoints' and the platform's (N11), e.g. a corporate
     * proxy's private zone. `*.` allows the subdomains. Default none: every other name is blocked.
     */
    dnsAllowedDomains: z
        .array(z.string().regex(DNS_DOMAIN_PATTERN, { message: 'is not a lower-case domain name (optionally starting with "*."); "*" alone is refused' }))
        .default([]),
    /** CodeArtifact's asset bucket of the region. Default: AWS's documented bucket for the region. */
    codeArtifactAssetsBucket: bucketNameSchema.optional(),
    /** Days VPC flow logs are kept. Default 365. */
    flowLogRetentionDays: z
        .number()
        .refine((v) => (LOG_RETENTION_DAYS as readonly number[]).includes(v), {
            message: `is not a CloudWatch Logs retention; use one of ${LOG_RETENTION_DAYS.join(", ")}`,
        })
        .default(ISOLATED_NETWORK_DEFAULTS.flowLogRetentionDays),
    /** Hub and spoke: attach the data VPC to the network account's transit gateway, routes to corporate ranges only (N13). Default: no attachment. */
    transitGateway: transitGatewaySchema.optional(),
    /** A Route 53 Resolver inbound endpoint so corporate DNS resolves the Studio endpoints (N14). Default: none. */
    resolverInbound: resolverInboundSchema.optional(),
});

export type NetworkConfig = z.infer<typeof networkSchema>;

type Issue = (path: (string | number)[], message: string) => void;

/** What the network section and the platform around it decide together. */
export interface NetworkPlan {
    capacity: CapacityPlan;
    layout?: SubnetLayout;
    /** Interface endpoint keys in creation order. */
    interfaceEndpoints: string[];
    codeArtifactAssetsBucket?: string;
}

/** What the network plan reads of the config: the network, the zones, the teams and the team stacks' budget. */
interface NetworkInputs {
    region: string;
    availabilityZones: string[];
    network: NetworkConfig;
    teams: { users: unknown[] }[];
    stack?: { teamStacks?: { users: number } };
    /** With a SAML broker the VPC also holds its execute-api endpoint and its Lambda's ENIs. */
    access?: { samlBroker?: unknown };
}

/** Users the network is sized for: the estimate, or the configured users (and the team stacks' budget) if there are more. */
function plannedUsers(network: NetworkConfig, configuredUsers: number): number {
    return Math.max(network.expectedUsers, configuredUsers);
}

/** Computes the capacity plan and subnet layout of a (schema-valid) network section. Never throws for valid input. */
export function networkPlan(cfg: NetworkInputs): NetworkPlan {
    const network = cfg.network;
    const samlBroker = cfg.access?.samlBroker !== undefined;
    const interfaceEndpoints = resolveInterfaceEndpoints(network.endpoints, { samlBroker }).map((e) => e.key);
    const azs = cfg.availabilityZones.length;
    // The team stacks' budget, not their teams: adding a user to a team stack never resizes the base.
    const configuredUsers = cfg.teams.reduce((n, t) => n + t.users.length, 0) + (cfg.stack?.teamStacks?.users ?? 0);
    const instanceTypes = Math.min(network.instanceTypesPerUser, network.appsPerUser);
    const capacity = planCapacity({
        users: plannedUsers(network, configuredUsers),
        appsPerUser: network.appsPerUser,
        instanceTypesPerUser: instanceTypes,
        trainingInstancesPerUser: network.trainingInstancesPerUser,
        trainingUsesEfa: network.trainingUsesEfa,
        interfaceEndpoints: interfaceEndpoints.length,
        availabilityZones: azs,
        growthPercent: network.growthPercent,
        // The hub attachment, the Resolver inbound endpoint and the broker Lambda's ENI (Lambda
        // places one per subnet and security-group pair: Lambda developer guide, "Hyperplane ENIs").
        corporateAccessEnisPerSubnet: (network.transitGateway ? 1 : 0) + (network.resolverInbound ? 1 : 0) + (samlBroker ? 1 : 0),
    });
    let layout: SubnetLayout | undefined;
    try {
        layout = layoutSubnets(network.cidr, azs, network.subnetPrefixLength);
    } catch {
        layout = undefined;
    }
    return {
        capacity,
        layout,
        interfaceEndpoints,
        codeArtifactAssetsBucket: network.codeArtifactAssetsBucket ?? CODEARTIFACT_ASSETS_BUCKETS[cfg.region],
    };
}

const fmt = (n: number) => n.toLocaleString("en-US");

/**
 * Cross-field checks of the network section (called from the platform schema's superRefine):
 * endpoint selection, asset bucket for the region, and whether the CIDR/AZ split holds the users.
 */
export function refineNetwork(cfg: NetworkInputs, issue: Issue): void {
    const network = cfg.network;
    network.endpoints.extra.forEach((key, i) => {
        const problem = extraEndpointProblem(key);
        if (problem) issue(["network", "endpoints", "extra", i], `"${key}" ${problem}`);
        if (network.endpoints.extra.indexOf(key) !== i) issue(["network", "endpoints", "extra", i], `"${key}" is listed twice`);
    });
    network.endpoints.disabled.forEach((key, i) => {
        const problem = disabledEndpointProblem(key);
        if (problem) issue(["network", "endpoints", "disabled", i], `"${key}" ${problem}`);
    });
    if (!network.codeArtifactAssetsBucket && !CODEARTIFACT_ASSETS_BUCKETS[cfg.region]) {
        issue(
            ["network", "codeArtifactAssetsBucket"],
            `missing; the CodeArtifact asset bucket of region ${cfg.region} is not built in (known: ${Object.keys(CODEARTIFACT_ASSETS_BUCKETS).join(", ")}). Name it from the CodeArtifact user guide ("Create the Amazon S3 gateway endpoint")`,
        );
    }
    // Unparsable ranges are reported by the field validators.
    const rangesValid = [network.cidr, ...(network.transitGateway?.corporateCidrs ?? [])].every((c) => Validator.isValidIPv4CidrRange(c)[0]);
    if (network.transitGateway && rangesValid) {
        for (const { index, problem } of corporateCidrProblems(network.cidr, network.transitGateway.corporateCidrs)) {
            issue(["network", "transitGateway", "corporateCidrs", index], problem);
        }
    }
    if (network.instanceTypesPerUser > network.appsPerUser) {
        issue(
            ["network", "instanceTypesPerUser"],
            `${network.instanceTypesPerUser} exceeds appsPerUser (${network.appsPerUser}); every instance runs at least one app, so raise appsPerUser or lower instanceTypesPerUser`,
        );
        return;
    }
    const azs = cfg.availabilityZones.length;
    const vpcPrefix = Number(network.cidr.split("/")[1]);
    if (!Number.isInteger(vpcPrefix) || cfg.availabilityZones.length < 1) return; // reported by the field validators
    if (vpcPrefix < MIN_SUBNET_PREFIX || vpcPrefix > MAX_SUBNET_PREFIX) {
        issue(["network", "cidr"], `"${network.cidr}" is not a valid VPC size; AWS allows /${MIN_SUBNET_PREFIX} to /${MAX_SUBNET_PREFIX}`);
        return;
    }
    const plan = networkPlan(cfg);
    const subnetPrefix = network.subnetPrefixLength ?? defaultSubnetPrefixLength(network.cidr, azs);
    if (!plan.layout) {
        issue(
            ["network", network.subnetPrefixLength !== undefined ? "subnetPrefixLength" : "cidr"],
            `${network.subnetPrefixLength !== undefined ? network.subnetPrefixLength : `"${network.cidr}"`} cannot be split into ${azs} subnets of /${subnetPrefix} (one per availability zone); ${network.cidr} holds at most ${2 ** Math.max(0, subnetPrefix - vpcPrefix)}. Use a larger cidr or a longer subnetPrefixLength`,
        );
        return;
    }
    const c = plan.capacity;
    if (plan.layout.usableIpsPerSubnet < c.ipsPerSubnet) {
        const recommendation =
            c.recommendedSubnetPrefixLength === undefined
                ? `even a /${MIN_SUBNET_PREFIX} subnet (${fmt(2 ** (32 - MIN_SUBNET_PREFIX) - 5)} usable IPs) cannot hold that; lower expectedUsers or the per-user figures`
                : `use subnets of at least /${c.recommendedSubnetPrefixLength}${c.recommendedVpcPrefixLength !== undefined ? `, i.e. a VPC cidr of at least /${c.recommendedVpcPrefixLength}` : ` (${azs} of them need more than a /${MIN_SUBNET_PREFIX} VPC: lower the users or the AZ count)`}`;
        const path = network.subnetPrefixLength !== undefined ? ["network", "subnetPrefixLength"] : ["network", "cidr"];
        issue(
            path,
            `${network.subnetPrefixLength !== undefined ? network.subnetPrefixLength : `"${network.cidr}"`} is too small: split into ${azs} subnets of /${plan.layout.subnetPrefixLength} it holds ${fmt(plan.layout.usableIpsPerSubnet)} usable IPs per subnet, ` +
                `but ${fmt(c.inputs.users)} users need ${fmt(c.ipsPerSubnet)} per subnet (${c.ipsPerUser.total} per user, ${c.domainIpsPerSubnet.total} for EFS${c.domainIpsPerSubnet.corporateAccess > 0 ? `, ${c.inputs.interfaceEndpoints} endpoints and ${c.domainIpsPerSubnet.corporateAccess} corporate-access ENIs` : ` and ${c.inputs.interfaceEndpoints} endpoints`}, +${c.inputs.growthPercent}% growth); ` +
                `${recommendation}`,
        );
    }
}

/** The capacity plan as the offline plan prints it (stack output `capacityPlan`). */
export interface CapacityPlanOutput {
    users: number;
    ipsPerUser: number;
    domainIpsPerSubnet: number;
    interfaceEndpoints: number;
    growthPercent: number;
    ipsForOneUser: number;
    ipsPerSubnet: number;
    recommendedSubnetMask?: string;
    subnets: { availabilityZone: string; cidr: string; usableIps: number }[];
    /** Share of each subnet's usable IPs the plan uses, in percent. */
    utilisationPercent?: number;
}

export function capacityPlanOutput(cfg: NetworkInputs): CapacityPlanOutput {
    const { capacity, layout } = networkPlan(cfg);
    return {
        users: capacity.inputs.users,
        ipsPerUser: capacity.ipsPerUser.total,
        domainIpsPerSubnet: capacity.domainIpsPerSubnet.total,
        interfaceEndpoints: capacity.inputs.interfaceEndpoints,
        growthPercent: capacity.inputs.growthPercent,
        ipsForOneUser: capacity.ipsForOneUser,
        ipsPerSubnet: capacity.ipsPerSubnet,
        ...(capacity.recommendedSubnetPrefixLength !== undefined ? { recommendedSubnetMask: `/${capacity.recommendedSubnetPrefixLength}` } : {}),
        subnets: layout
            ? cfg.availabilityZones.map((az, i) => ({ availabilityZone: az, cidr: layout.subnetCidrs[i], usableIps: layout.usableIpsPerSubnet }))
            : [],
        ...(layout ? { utilisationPercent: Math.round((capacity.ipsPerSubnet / layout.usableIpsPerSubnet) * 1000) / 10 } : {}),
    };
}

/** Corporate access as the offline plan prints it (stack output `corporateAccessPlan`): what the corporate side must configure. */
export interface CorporateAccessPlanOutput {
    transitGateway?: {
        /** The configured gateway id, or where the network stack's comes from (`<stack>: transitGatewayHub.transitGatewayId`). */
        id: string;
        /** The network stack that owns the hub, when `stack.upstream.networkHub` names it. */
        networkStack?: string;
        corporateCidrs: string[];
        applianceMode: boolean;
        /** What the transit gateway's owner (the network account) does: this stack cannot, the gateway is shared through RAM. */
        ownerSteps: string[];
    };
    resolverInbound?: {
        /** Conditional forwarders for the corporate DNS: each domain and its subdomains to the target IPs, port 53. */
        forwardingRules: ForwardingRule[];
        /** Sources the endpoint's security group admits on TCP and UDP 53. */
        admittedResolvers: string[];
    };
    /** The identity provider's side of the SAML broker (access.samlBroker): one SAML application per team. */
    samlBroker?: SamlBrokerIdpPlan;
}

/** The hub part of corporateAccessPlan: the owner's steps name the network stack when one is referenced. */
function transitGatewayPlan(
    cfg: { network: NetworkConfig; organizationId?: string },
    transitGateway: NonNullable<NetworkConfig["transitGateway"]>,
    networkStack: string | undefined,
): NonNullable<CorporateAccessPlanOutput["transitGateway"]> {
    const attachmentName = "the attachment tagged Name=<organization>-<environment>-data-science-hub";
    const common = { corporateCidrs: transitGateway.corporateCidrs, applianceMode: transitGateway.applianceMode };
    const packStep = `List ${transitGateway.corporateCidrs.join(", ")} in corporateCidrs of the policy pack's transit-gateway-routes rule.`;
    if (networkStack === undefined) {
        const id = transitGateway.id ?? "(no gateway id)";
        return {
            id,
            ...common,
            ownerSteps: [
                `Accept ${attachmentName} on ${id} unless the gateway accepts shared attachments automatically.`,
                `Associate it with ${transitGateway.routeTableId ?? "the spoke route table of the hub"} and route the corporate ranges only; propagate ${cfg.network.cidr} to the corporate route table, never to another spoke's.`,
                packStep,
            ],
        };
    }
    // Within the organisation, with RAM sharing enabled, the share needs no accepting (RAM user guide,
    // "Accepting and rejecting resource share invitations"); outside it the spoke accepts the invitation.
    const share = cfg.organizationId
        ? []
        : [
              `Accept the RAM invitation of the network stack ${networkStack}'s share (transitGatewayHub.resourceShareArn) in this account before the first pulumi up: aws ram accept-resource-share-invitation.`,
          ];
    return {
        id: `${networkStack}: transitGatewayHub.transitGatewayId`,
        networkStack,
        ...common,
        ownerSteps: [
            ...share,
            `In the network stack ${networkStack}: accept ${attachmentName} on its transit gateway (it accepts no shared attachment automatically).`,
            `In the network stack ${networkStack}: associate it with the spokes route table (transitGatewayHub.spokeRouteTableId) and propagate ${cfg.network.cidr} into the corporate route table (transitGatewayHub.corporateRouteTableId) only, never into the spokes table.`,
            packStep,
        ],
    };
}

/** The corporate side's configuration, from config alone: the inbound endpoint's IPs are fixed (corporateAccess.ts), so a first preview prints them too. */
export function corporateAccessPlanOutput(cfg: {
    organization: string;
    environment: string;
    region: string;
    partition: string;
    availabilityZones: string[];
    network: NetworkConfig;
    teams: { users: unknown[] }[];
    organizationId?: string;
    stack?: { upstream: { networkHub?: string }; teamStacks?: { users: number } };
    access?: { samlBroker?: SamlBrokerConfig };
}): CorporateAccessPlanOutput | undefined {
    const { transitGateway, resolverInbound } = cfg.network;
    const broker = cfg.access?.samlBroker;
    if (!transitGateway && !resolverInbound && !broker) return undefined;
    const plan = networkPlan(cfg);
    return {
        ...(transitGateway ? { transitGateway: transitGatewayPlan(cfg, transitGateway, cfg.stack?.upstream.networkHub) } : {}),
        ...(resolverInbound && plan.layout
            ? {
                  resolverInbound: {
                      forwardingRules: corporateForwardingRules({
                          region: cfg.region,
                          partition: cfg.partition,
                          endpointKeys: plan.interfaceEndpoints,
                          subnetCidrs: plan.layout.subnetCidrs,
                      }),
                      admittedResolvers: resolverInbound.corporateResolverCidrs,
                  },
              }
            : {}),
        ...(broker ? { samlBroker: samlBrokerIdpPlan(cfg, broker) } : {}),
    };
}
