/**
 * The workload base's isolated network as a team stack sees it: a NetworkContext rebuilt from
 * contract `workloadBase`, equivalent to the IsolatedNetwork of the base (same ids, same CIDR,
 * same endpoint keys, and the same per-user and per-team security groups through
 * WorkloadSecurityGroups). What must be known before the reference resolves (the CIDR, the
 * number of subnets, the endpoint keys) comes from the team stack's own `network` section, and
 * is held to the base's values: a team stack configured for another network fails naming the
 * difference.
 */
import * as pulumi from "@pulumi/pulumi";
import { SAML_BROKER_API_ENDPOINT } from "../components/network/endpointCatalog";
import { NetworkContext } from "../components/network/types";
import { WorkloadSecurityGroups } from "../components/network/workloadSecurityGroups";
import { WorkloadBaseContract, WorkloadBaseNetwork } from "./contracts/workloadBase";

/** The base's IsolatedNetwork component name (stacks/workload.ts): the prefix of every group a team adds. */
export const WORKLOAD_NETWORK_NAME = "data-science";

/** What the team stack's config says the network is (its `network` section and zones). */
export interface ExpectedNetwork {
    vpcCidr: string;
    availabilityZones: string[];
    interfaceEndpoints: string[];
}

/** The differences between the base's network and the team stack's expectation, one phrase each. */
export function networkMismatches(actual: WorkloadBaseNetwork, expected: ExpectedNetwork): string[] {
    const problems: string[] = [];
    if (actual.name !== WORKLOAD_NETWORK_NAME) problems.push(`network name is ${actual.name}, not ${WORKLOAD_NETWORK_NAME}`);
    if (actual.vpcCidr !== expected.vpcCidr) problems.push(`network.cidr is ${actual.vpcCidr} in the base, ${expected.vpcCidr} here`);
    if (actual.subnetIds.length !== expected.availabilityZones.length) {
        problems.push(`the base has ${actual.subnetIds.length} subnets, availabilityZones lists ${expected.availabilityZones.length} here`);
    }
    // The SAML broker's endpoint is the base's own (access.samlBroker lives there): team stacks do not select it.
    const baseKeys = Object.keys(actual.interfaceEndpointIds)
        .filter((k) => k !== SAML_BROKER_API_ENDPOINT.key)
        .sort();
    const keys = [...expected.interfaceEndpoints].sort();
    if (baseKeys.join(",") !== keys.join(",")) {
        problems.push(`the base's interface endpoints are ${baseKeys.join(", ")}, network.endpoints selects ${keys.join(", ")} here`);
    }
    return problems;
}

/** The base's network from its contract; `stackName` names the base in errors. */
export function referencedNetwork(base: pulumi.Output<WorkloadBaseContract>, expected: ExpectedNetwork, stackName: string): NetworkContext {
    const network = base.apply((b) => {
        const problems = networkMismatches(b.network, expected);
        if (problems.length > 0) {
            throw new pulumi.RunError(
                `stack reference ${stackName}: output "workloadBase" describes another network (${problems.join("; ")}); copy the base's network section and availabilityZones into this team stack`,
            );
        }
        return b.network;
    });
    const pick = <T>(f: (n: WorkloadBaseNetwork) => T): pulumi.Output<T> => network.apply(f);
    const endpointSecurityGroupId = pick((n) => n.endpointSecurityGroupId);
    const s3PrefixListId = pick((n) => n.s3PrefixListId);
    const vpcId = pick((n) => n.vpcId);
    const groups = new WorkloadSecurityGroups(`team stack network (base ${stackName})`, WORKLOAD_NETWORK_NAME, {
        vpcId,
        vpcCidr: expected.vpcCidr,
        endpointSecurityGroupId,
        s3PrefixListId,
    });
    return {
        vpcId,
        vpcCidr: expected.vpcCidr,
        subnetIds: expected.availabilityZones.map((_, i) => pick((n) => n.subnetIds[i] as string)),
        s3EndpointId: pick((n) => n.s3EndpointId),
        interfaceEndpointIds: Object.fromEntries(expected.interfaceEndpoints.map((key) => [key, pick((n) => n.interfaceEndpointIds[key] as string)])),
        endpointSecurityGroupId,
        domainSecurityGroupId: pick((n) => n.domainSecurityGroupId),
        s3PrefixListId,
        routeTableIds: expected.availabilityZones.map((_, i) => pick((n) => n.routeTableIds[i] as string)),
        userSecurityGroup: (userName, parent) => groups.user(userName, parent),
        jobSecurityGroup: (teamName, parent) => groups.jobs(teamName, parent),
    };
}

/** The contract's network part of the base's own network (its export). */
export function exportedNetwork(network: NetworkContext): pulumi.Output<WorkloadBaseNetwork> {
    return pulumi
        .all([
            network.vpcId,
            pulumi.all(network.subnetIds),
            pulumi.all(network.routeTableIds ?? []),
            network.s3EndpointId,
            network.s3PrefixListId ?? "",
            pulumi.all(network.interfaceEndpointIds),
            network.endpointSecurityGroupId,
            network.domainSecurityGroupId,
        ])
        .apply(([vpcId, subnetIds, routeTableIds, s3EndpointId, s3PrefixListId, interfaceEndpointIds, endpointSecurityGroupId, domainSecurityGroupId]) => ({
            name: WORKLOAD_NETWORK_NAME,
            vpcCidr: network.vpcCidr,
            vpcId,
            subnetIds,
            routeTableIds,
            s3EndpointId,
            s3PrefixListId,
            interfaceEndpointIds,
            endpointSecurityGroupId,
            domainSecurityGroupId,
        }));
}
