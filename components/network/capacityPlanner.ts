/**
 * Subnet capacity planning for a SageMaker Studio domain, following the ENI rules of the
 * SageMaker Studio administration whitepaper (network management, "VPC network planning"):
 *
 * - Amazon EFS puts one mount target (one IP) in every subnet of the domain;
 * - every interface VPC endpoint puts one ENI in every subnet of the domain;
 * - Studio puts one ENI per distinct instance a user profile (or shared space) runs: the
 *   Jupyter server ("system" instance) plus one per distinct app instance type, since apps on the
 *   same instance type share an instance;
 * - training and processing jobs launched with the domain's VPC config take two IPs per instance
 *   (five with EFA);
 * - AWS reserves five addresses in every subnet;
 * - corporate access (N13, N14) adds, in every subnet it uses, one ENI of the transit gateway
 *   attachment ("Transit gateway VPC attachments": one network interface per subnet the
 *   attachment names, Amazon VPC Transit Gateways guide) and one of the Route 53 Resolver inbound
 *   endpoint (one ENI per IP address, Route 53 developer guide, "Resolver endpoints").
 *
 * Studio, not us, chooses the subnet of each app, and one AZ may be the only one with capacity for
 * an instance type (GPU capacity often is), so like the whitepaper every subnet is sized for the
 * whole user population plus that subnet's domain-level ENIs. Worked example of the whitepaper:
 * one user with two instance types and one concurrent training instance in a 3-AZ domain with 10
 * endpoints uses 38 IPs in the VPC (5 per user, 33 domain-level); 100 such users need 511 IPs in a
 * subnet, so a /22.
 *
 * Pure module: no Pulumi, no I/O; the config schema and the IsolatedNetwork both call it.
 */
import { IPv4CidrRange, IPv4Prefix } from "ip-num";

/** IPs AWS reserves in every subnet (network, router, DNS, future use, broadcast). */
const AWS_RESERVED_IPS_PER_SUBNET = 5;
/** Smallest and largest subnet AWS allows. */
export const MIN_SUBNET_PREFIX = 16;
export const MAX_SUBNET_PREFIX = 28;
/** IPs a training or processing instance takes in the VPC. */
const TRAINING_IPS_PER_INSTANCE = 2;
const TRAINING_IPS_PER_EFA_INSTANCE = 5;

export interface CapacityInputs {
    /** User profiles (and shared spaces) running apps at the same time. */
    users: number;
    /** Apps a user runs at once. Bounds `instanceTypesPerUser`: every instance runs at least one app. */
    appsPerUser: number;
    /** Distinct app instance types per user: one ENI each. */
    instanceTypesPerUser: number;
    /** Concurrent training/processing instances per user launched in the domain's VPC. */
    trainingInstancesPerUser: number;
    /** Training instances use EFA (5 IPs each instead of 2). */
    trainingUsesEfa: boolean;
    /** Interface VPC endpoints (gateway endpoints take no IP). */
    interfaceEndpoints: number;
    /** Availability zones, one subnet each. */
    availabilityZones: number;
    /** Headroom added on top of the computed need, in percent. */
    growthPercent: number;
    /** ENIs of corporate access in each subnet: transit gateway attachment and Resolver inbound endpoint, one each when on. Default 0. */
    corporateAccessEnisPerSubnet?: number;
}

export interface CapacityPlan {
    inputs: CapacityInputs;
    /** IPs one user takes: Jupyter server + one per instance type + training. */
    ipsPerUser: { jupyterServer: number; apps: number; training: number; total: number };
    /** Domain-level IPs in each subnet: one EFS mount target + one ENI per interface endpoint + the corporate-access ENIs. */
    domainIpsPerSubnet: { efsMountTarget: number; endpoints: number; corporateAccess: number; total: number };
    /** Domain-level IPs across all subnets. */
    domainIps: number;
    /** IPs a single user consumes in the whole VPC (the whitepaper's "38 IPs"). */
    ipsForOneUser: number;
    /** IPs the whole population consumes in the VPC. */
    totalIps: number;
    /** IPs a subnet must hold: every user's IPs plus the subnet's domain-level IPs (the whitepaper's "511"). */
    ipsPerSubnetBeforeGrowth: number;
    /** The same with the growth headroom. */
    ipsPerSubnet: number;
    /** Smallest subnet prefix length whose usable addresses (size minus 5) hold `ipsPerSubnet`; undefined if even a /16 cannot. */
    recommendedSubnetPrefixLength?: number;
    /** Smallest VPC prefix length that holds one such subnet per AZ. */
    recommendedVpcPrefixLength?: number;
}

/** Usable IPs of a subnet of the given prefix length: its size minus the 5 AWS reserves. */
export function usableIps(prefixLength: number): number {
    return 2 ** (32 - prefixLength) - AWS_RESERVED_IPS_PER_SUBNET;
}

/** Extra prefix bits needed to split a block into `count` equal subnets. */
function splitBits(count: number): number {
    return Math.ceil(Math.log2(Math.max(1, count)));
}

function checkWhole(name: string, value: number, min: number): void {
    if (!Number.isInteger(value) || value < min) {
        throw new Error(`planCapacity: ${name} is ${value}; it must be a whole number of at least ${min}.`);
    }
}

/** Computes the IPs a domain needs per subnet and the subnet mask that holds them. */
export function planCapacity(inputs: CapacityInputs): CapacityPlan {
    checkWhole("users", inputs.users, 1);
    checkWhole("appsPerUser", inputs.appsPerUser, 1);
    checkWhole("instanceTypesPerUser", inputs.instanceTypesPerUser, 1);
    checkWhole("trainingInstancesPerUser", inputs.trainingInstancesPerUser, 0);
    checkWhole("interfaceEndpoints", inputs.interfaceEndpoints, 0);
    checkWhole("availabilityZones", inputs.availabilityZones, 1);
    checkWhole("growthPercent", inputs.growthPercent, 0);
    const corporateAccess = inputs.corporateAccessEnisPerSubnet ?? 0;
    checkWhole("corporateAccessEnisPerSubnet", corporateAccess, 0);
    if (inputs.instanceTypesPerUser > inputs.appsPerUser) {
        throw new Error(
            `planCapacity: instanceTypesPerUser (${inputs.instanceTypesPerUser}) exceeds appsPerUser (${inputs.appsPerUser}); every instance runs at least one app.`,
        );
    }
    const training = inputs.trainingInstancesPerUser * (inputs.trainingUsesEfa ? TRAINING_IPS_PER_EFA_INSTANCE : TRAINING_IPS_PER_INSTANCE);
    const perUser = { jupyterServer: 1, apps: inputs.instanceTypesPerUser, training, total: 1 + inputs.instanceTypesPerUser + training };
    const domainPerSubnet = {
        efsMountTarget: 1,
        endpoints: inputs.interfaceEndpoints,
        corporateAccess,
        total: 1 + inputs.interfaceEndpoints + corporateAccess,
    };
    const domainIps = domainPerSubnet.total * inputs.availabilityZones;
    const before = inputs.users * perUser.total + domainPerSubnet.total;
    // Integer numerator over 100: avoids 511 * 1.1 = 562.1000000000001-style float noise in the factor.
    const ipsPerSubnet = Math.ceil((before * (100 + inputs.growthPercent)) / 100);
    let recommended: number | undefined;
    for (let prefix = MAX_SUBNET_PREFIX; prefix >= MIN_SUBNET_PREFIX; prefix--) {
        if (usableIps(prefix) >= ipsPerSubnet) {
            recommended = prefix;
            break;
        }
    }
    const vpcPrefix = recommended === undefined ? undefined : recommended - splitBits(inputs.availabilityZones);
    return {
        inputs: { ...inputs, corporateAccessEnisPerSubnet: corporateAccess },
        ipsPerUser: perUser,
        domainIpsPerSubnet: domainPerSubnet,
        domainIps,
        ipsForOneUser: perUser.total + domainIps,
        totalIps: inputs.users * perUser.total + domainIps,
        ipsPerSubnetBeforeGrowth: before,
        ipsPerSubnet,
        recommendedSubnetPrefixLength: recommended,
        recommendedVpcPrefixLength: vpcPrefix !== undefined && vpcPrefix >= MIN_SUBNET_PREFIX ? vpcPrefix : undefined,
    };
}

/** How a VPC block is cut into one subnet per AZ. */
export interface SubnetLayout {
    vpcCidr: string;
    subnetPrefixLength: number;
    /** One CIDR per AZ, in AZ order, from the start of the VPC block. */
    subnetCidrs: string[];
    usableIpsPerSubnet: number;
}

/** The default subnet size: the largest equal split of the VPC block into one subnet per AZ. */
export function defaultSubnetPrefixLength(vpcCidr: string, availabilityZones: number): number {
    const vpcPrefix = Number(vpcCidr.split("/")[1]);
    return Math.max(MIN_SUBNET_PREFIX, vpcPrefix + splitBits(availabilityZones));
}

/**
 * Cuts `vpcCidr` into `availabilityZones` subnets of `/subnetPrefixLength` (default: the largest
 * equal split). Subnet CIDRs depend only on the VPC block, the AZ count and the prefix, never on the
 * expected users, so re-sizing the user estimate never replaces a subnet (and with it the domain).
 */
export function layoutSubnets(vpcCidr: string, availabilityZones: number, subnetPrefixLength?: number): SubnetLayout {
    const range = IPv4CidrRange.fromCidr(vpcCidr);
    const vpcPrefix = Number(range.getPrefix().getValue());
    const prefix = subnetPrefixLength ?? defaultSubnetPrefixLength(vpcCidr, availabilityZones);
    if (prefix < MIN_SUBNET_PREFIX || prefix > MAX_SUBNET_PREFIX) {
        throw new Error(`layoutSubnets: subnet prefix /${prefix} is outside the /${MIN_SUBNET_PREFIX}-/${MAX_SUBNET_PREFIX} AWS allows.`);
    }
    if (prefix < vpcPrefix || 2 ** (prefix - vpcPrefix) < availabilityZones) {
        throw new Error(`layoutSubnets: ${vpcCidr} cannot hold ${availabilityZones} subnets of /${prefix}.`);
    }
    const subnets = prefix === vpcPrefix ? [range] : range.splitInto(IPv4Prefix.fromNumber(BigInt(prefix)));
    return {
        vpcCidr,
        subnetPrefixLength: prefix,
        subnetCidrs: subnets.slice(0, availabilityZones).map((s) => s.toCidrString()),
        usableIpsPerSubnet: usableIps(prefix),
    };
}
