/**
 * The package scanning network (components/packages/ScanEgressNetwork.ts): its security-relevant
 * inputs under the mock runtime, and its place in the offline plans of dev and prod, where every
 * gateway, route and subnet is a resource the policy pack judges.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { RunResult, runWithMocks } from "../../plan/engine";
import { Plan, PlanResource } from "../../plan/types";
import { loadStackPlan } from "../harness/stackPlans";

const ZONES = ["eu-west-1a", "eu-west-1b"];

function runNetwork(availabilityZones: string[] = ZONES): Promise<RunResult> {
    return runWithMocks({
        stack: "test",
        config: {},
        program: async () => {
            const { ScanEgressNetwork } = await import("../../components/packages/ScanEgressNetwork");
            new ScanEgressNetwork("scan", { cidr: "10.250.0.0/22", availabilityZones, namePrefix: "acme-dev" });
        },
    });
}

const T = {
    vpc: "aws:ec2/vpc:Vpc",
    subnet: "aws:ec2/subnet:Subnet",
    routeTable: "aws:ec2/routeTable:RouteTable",
    route: "aws:ec2/route:Route",
    association: "aws:ec2/routeTableAssociation:RouteTableAssociation",
    igw: "aws:ec2/internetGateway:InternetGateway",
    eip: "aws:ec2/eip:Eip",
    nat: "aws:ec2/natGateway:NatGateway",
    defaultSg: "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup",
    flowLog: "aws:ec2/flowLog:FlowLog",
} as const;

/** What the network registers for two zones: one NAT shared by the zones, as the awsx VPC's `Single` strategy had. */
const TWO_ZONE_COUNTS = {
    "secure-ds:packages:ScanEgressNetwork": 1,
    [T.vpc]: 1,
    [T.defaultSg]: 1,
    [T.igw]: 1,
    [T.eip]: 1,
    [T.nat]: 1,
    [T.subnet]: 3,
    [T.routeTable]: 3,
    [T.route]: 3,
    [T.association]: 3,
};

const counts = (resources: PlanResource[]) => {
    const c: Record<string, number> = {};
    for (const r of resources) c[r.type] = (c[r.type] ?? 0) + 1;
    return c;
};

describe("ScanEgressNetwork", () => {
    let r: RunResult;
    const named = (name: string): PlanResource => {
        const found = r.resources.filter((x) => x.name === name);
        expect(found, name).toHaveLength(1);
        return found[0];
    };
    beforeAll(async () => {
        r = await runNetwork();
    }, 60_000);

    it("registers exactly the VPC, gateways, subnets and routes the scan stage needs, under the component", () => {
        const stack = r.resources.filter((x) => x.type !== "pulumi:pulumi:Stack");
        expect(counts(stack)).toEqual(TWO_ZONE_COUNTS);
        const component = named("scan");
        for (const x of stack.filter((y) => y !== component)) {
            expect(x.parent, x.name).toBe(component.urn);
            expect(x.name).toMatch(/^scan-/);
        }
    });

    it("builds the VPC with DNS support and hostnames, declaring the egress network role (never isolated)", () => {
        expect(named("scan-vpc").inputs).toEqual({
            cidrBlock: "10.250.0.0/22",
            enableDnsSupport: true,
            enableDnsHostnames: true,
            tags: { Name: "acme-dev-package-scanning", "secure-ds:network-isolation": "egress" },
        });
    });

    it("never assigns public IPs on launch, the NAT's subnet included, and cuts the block into quarters", () => {
        const subnets = r.resources.filter((x) => x.type === T.subnet);
        expect(subnets.map((s) => [s.name, s.inputs.cidrBlock, s.inputs.availabilityZone, s.inputs.mapPublicIpOnLaunch]).sort()).toEqual(
            [
                ["scan-private-eu-west-1a", "10.250.0.0/24", "eu-west-1a", false],
                ["scan-private-eu-west-1b", "10.250.1.0/24", "eu-west-1b", false],
                ["scan-public", "10.250.2.0/24", "eu-west-1a", false],
            ].sort(),
        );
        for (const s of subnets) expect(s.inputs.vpcId).toBe(named("scan-vpc").outputs.id);
    });

    it("routes the private subnets to the NAT and only the public subnet to the internet gateway", () => {
        const id = (name: string) => named(name).outputs.id;
        const routes = r.resources.filter((x) => x.type === T.route).map((x) => [x.name, x.inputs]);
        expect(Object.fromEntries(routes)).toEqual({
            "scan-public-default": { routeTableId: id("scan-public-rt"), destinationCidrBlock: "0.0.0.0/0", gatewayId: id("scan-igw") },
            "scan-private-default-eu-west-1a": {
                routeTableId: id("scan-private-rt-eu-west-1a"),
                destinationCidrBlock: "0.0.0.0/0",
                natGatewayId: id("scan-nat"),
            },
            "scan-private-default-eu-west-1b": {
                routeTableId: id("scan-private-rt-eu-west-1b"),
                destinationCidrBlock: "0.0.0.0/0",
                natGatewayId: id("scan-nat"),
            },
        });
        const associations = r.resources.filter((x) => x.type === T.association).map((x) => [x.inputs.subnetId, x.inputs.routeTableId]);
        expect(associations.sort()).toEqual(
            [
                [id("scan-public"), id("scan-public-rt")],
                [id("scan-private-eu-west-1a"), id("scan-private-rt-eu-west-1a")],
                [id("scan-private-eu-west-1b"), id("scan-private-rt-eu-west-1b")],
            ].sort(),
        );
        for (const t of r.resources.filter((x) => x.type === T.routeTable)) expect(t.inputs.routes ?? []).toEqual([]);
    });

    it("puts the NAT in the public subnet with its EIP, both after the internet gateway", () => {
        const nat = named("scan-nat");
        expect(nat.inputs).toMatchObject({
            subnetId: named("scan-public").outputs.id,
            allocationId: named("scan-nat-eip").outputs.allocationId,
            connectivityType: "public",
        });
        expect(named("scan-nat-eip").inputs).toMatchObject({ domain: "vpc" });
        expect(named("scan-igw").inputs.vpcId).toBe(named("scan-vpc").outputs.id);
        for (const x of [nat, named("scan-nat-eip")]) expect(x.options.dependsOn).toEqual([named("scan-igw").urn]);
    });

    it("adopts the default security group with no rules", () => {
        expect(named("scan-default-sg").inputs).toEqual({
            vpcId: named("scan-vpc").outputs.id,
            ingress: [],
            egress: [],
            tags: { Name: "acme-dev-package-scanning-default-unused" },
        });
    });

    it("gives a single zone its own private subnet and refuses zone counts the layout cannot hold", async () => {
        const one = await runNetwork(["eu-west-1a"]);
        const subnets = one.resources.filter((x) => x.type === T.subnet).map((s) => [s.name, s.inputs.cidrBlock]);
        expect(subnets.sort()).toEqual([
            ["scan-private-eu-west-1a", "10.250.0.0/24"],
            ["scan-public", "10.250.1.0/24"],
        ]);
        await expect(runNetwork([])).rejects.toThrow(/0 availability zone\(s\); use 1 to 3/);
        await expect(runNetwork(["a", "b", "c", "d"])).rejects.toThrow(/4 availability zone\(s\); use 1 to 3/);
    }, 60_000);
});

describe("the scanning network in the offline plans", () => {
    // This run's first preview of dev and the prod shared-services stack (tests/harness/stackPlans.ts).
    const plans: Record<string, Plan> = { dev: loadStackPlan("dev", "preview"), "shared-services": loadStackPlan("shared-services") };

    it.each(["dev", "shared-services"])("%s: lists every child with its URN under the ScanPipeline component, and nothing hidden", (stack) => {
        const plan = plans[stack];
        const pipeline = plan.resources.filter((x) => x.type === "secure-ds:packages:ScanPipeline");
        expect(pipeline).toHaveLength(1);
        const network = plan.resources.filter((x) => x.type === "secure-ds:packages:ScanEgressNetwork");
        expect(network).toHaveLength(1);
        expect(network[0].parent).toBe(pipeline[0].urn);
        const chain = pipeline[0].urn.split("::")[2];
        expect(network[0].urn).toBe(`urn:pulumi:${stack}::secure-ds::${chain}$secure-ds:packages:ScanEgressNetwork::${network[0].name}`);
        const children = plan.resources.filter((x) => x.parent === network[0].urn);
        expect(counts([network[0], ...children])).toEqual(TWO_ZONE_COUNTS);
        for (const child of children) {
            expect(child.urn).toBe(`urn:pulumi:${stack}::secure-ds::${chain}$secure-ds:packages:ScanEgressNetwork$${child.type}::${child.name}`);
            expect(child.name.startsWith(`${network[0].name}-`), child.name).toBe(true);
            expect(child.provider).toBe(`urn:pulumi:${stack}::secure-ds::pulumi:providers:aws::sharedServices`);
        }
        expect(plan.resources.filter((x) => x.remote || x.visible === false || x.type.startsWith("awsx:"))).toEqual([]);
        expect(plan.summary.notVisible).toEqual([]);
    });

    it.each(["dev", "shared-services"])("%s: the scanning VPC's flow log records ALL traffic of that VPC", (stack) => {
        const plan = plans[stack];
        const vpc = plan.resources.find((x) => x.type === T.vpc && x.parent?.endsWith("$secure-ds:packages:ScanEgressNetwork::packages-pipeline-scan-network"));
        const flowLogs = plan.resources.filter((x) => x.type === T.flowLog && x.propertyDependencies?.vpcId?.includes(vpc?.urn ?? ""));
        expect(flowLogs).toHaveLength(1);
        expect(flowLogs[0].inputs.trafficType).toBe("ALL");
    });

    it.each(["dev", "shared-services"])("%s: the pack reports no mandatory finding, and none at all on the scanning network", (stack) => {
        const plan = plans[stack];
        expect(plan.findings.filter((f) => f.level === "mandatory")).toEqual([]);
        expect(plan.findings.filter((f) => f.urn?.includes("ScanEgressNetwork"))).toEqual([]);
    });
});
