/**
 * IsolatedNetwork's arguments with their defaults applied, validated before the first resource is
 * registered: zones, the subnet layout (capacityPlanner.ts) against the capacity plan, the
 * endpoint selection (endpointCatalog.ts) and the region's CodeArtifact asset bucket. Pure.
 */
import { MIN_SUBNET_PREFIX, SubnetLayout, layoutSubnets } from "./capacityPlanner";
import { ISOLATED_NETWORK_DEFAULTS } from "./defaults";
import {
    CODEARTIFACT_ASSETS_BUCKETS,
    DEFAULT_INTERFACE_ENDPOINTS,
    InterfaceEndpointSpec,
    SERVICE_KEY_PATTERN,
    interfaceEndpointSpec,
    requiredEndpointKeys,
} from "./endpointCatalog";
import type { IsolatedNetworkArgs } from "./IsolatedNetwork";

export interface NetworkSettings {
    layout: SubnetLayout;
    /** The interface endpoints to create, in order; keys outside the catalogue get the platform-principals policy. */
    endpoints: InterfaceEndpointSpec[];
    codeArtifactAssetsBucket: string;
    flowLogRetentionDays: number;
}

export function networkSettings(name: string, args: IsolatedNetworkArgs): NetworkSettings {
    const { region } = args.account;
    const endpointKeys = args.interfaceEndpoints ?? ISOLATED_NETWORK_DEFAULTS.interfaceEndpoints;
    const assetsBucket = args.codeArtifactAssetsBucket ?? CODEARTIFACT_ASSETS_BUCKETS[region];
    const zones = args.availabilityZones;
    if (zones.length < 2) {
        throw new Error(
            `IsolatedNetwork ${name}: availabilityZones has ${zones.length} zone(s); SageMaker Studio in VpcOnly mode needs subnets in at least 2. Add a zone.`,
        );
    }
    if (new Set(zones).size !== zones.length) {
        throw new Error(`IsolatedNetwork ${name}: availabilityZones lists a zone twice (${zones.join(", ")}); list each zone once.`);
    }
    let layout: SubnetLayout;
    try {
        layout = layoutSubnets(args.cidr, zones.length, args.subnetPrefixLength);
    } catch (err) {
        throw new Error(
            `IsolatedNetwork ${name}: cidr ${args.cidr} cannot be split into ${zones.length} subnets (${(err as Error).message}). Use a larger cidr or a longer subnetPrefixLength.`,
        );
    }
    if (args.capacity && layout.usableIpsPerSubnet < args.capacity.ipsPerSubnet) {
        throw new Error(
            `IsolatedNetwork ${name}: subnets of /${layout.subnetPrefixLength} hold ${layout.usableIpsPerSubnet} usable IPs, but the capacity plan needs ${args.capacity.ipsPerSubnet} per subnet; use subnets of at least /${args.capacity.recommendedSubnetPrefixLength ?? MIN_SUBNET_PREFIX}.`,
        );
    }
    const missing = requiredEndpointKeys().filter((k) => !endpointKeys.includes(k));
    if (missing.length > 0) {
        const why = missing.map((k) => `${k} (${DEFAULT_INTERFACE_ENDPOINTS.find((e) => e.key === k)?.requiredBecause})`).join("; ");
        throw new Error(`IsolatedNetwork ${name}: interfaceEndpoints leaves out required endpoints: ${why}. Add them back.`);
    }
    const badKeys = endpointKeys.filter((k) => !SERVICE_KEY_PATTERN.test(k) || k === "s3");
    if (badKeys.length > 0 || new Set(endpointKeys).size !== endpointKeys.length) {
        throw new Error(
            `IsolatedNetwork ${name}: interfaceEndpoints must be distinct service short names other than s3 (the gateway serves S3); check ${badKeys.join(", ") || endpointKeys.join(", ")}.`,
        );
    }
    if (!assetsBucket) {
        throw new Error(
            `IsolatedNetwork ${name}: the CodeArtifact asset bucket of ${region} is not known; pass codeArtifactAssetsBucket (CodeArtifact user guide, "Create the Amazon S3 gateway endpoint").`,
        );
    }
    return {
        layout,
        endpoints: endpointKeys.map(interfaceEndpointSpec),
        codeArtifactAssetsBucket: assetsBucket,
        flowLogRetentionDays: args.flowLogRetentionDays ?? ISOLATED_NETWORK_DEFAULTS.flowLogRetentionDays,
    };
}
