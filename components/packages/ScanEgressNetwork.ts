import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { layoutSubnets } from "../network/capacityPlanner";
import { NETWORK_EGRESS_TAG } from "../tags";

export interface ScanEgressNetworkArgs {
    /** IPv4 block of the VPC, /16 to /24 (stacks/schema/packages.ts), never the data VPC's. Required. */
    cidr: string;
    /** Availability zones (from config): one private subnet each; the NAT sits in the first. At least 1. Required. */
    availabilityZones: string[];
    /** Prefix of the Name tags, e.g. `acme-dev`. Required. */
    namePrefix: string;
}

/**
 * The package scanning network (S2): private subnets whose only way out is one NAT gateway, and
 * nothing inbound. It is not the data VPC: it carries no network-isolation tag, so the N6 rules
 * that forbid gateways and default routes do not apply to it, while the rules for every VPC do
 * (flow logs G5, closed default security group, no public IP on launch).
 *
 * Built from aws.ec2 resources rather than awsx.ec2.Vpc: awsx is a remote component whose
 * children its provider plugin creates, so neither the offline plan nor the policy pack would see
 * the gateways, routes and subnets it is judged on. One NAT shared by the zones, as before: scans
 * are batch jobs, and a zone outage only delays them.
 *
 * The block is cut into four equal quarters: one private subnet per zone from the first quarter
 * on, the NAT's public subnet in the quarter after them. With at most two zones the last quarter
 * is left to the gate's no-internet subnets (GateEndpointSubnets, `spareCidr`).
 */
export class ScanEgressNetwork extends pulumi.ComponentResource {
    readonly vpc: aws.ec2.Vpc;
    readonly vpcId: pulumi.Output<string>;
    readonly privateSubnets: aws.ec2.Subnet[];
    readonly privateSubnetIds: pulumi.Output<string>[];
    /** Route tables of the private subnets (the gate's S3 gateway endpoint is added to them). */
    readonly privateRouteTables: aws.ec2.RouteTable[] = [];
    readonly publicSubnet: aws.ec2.Subnet;
    readonly natGateway: aws.ec2.NatGateway;
    /** The last quarter of the block, used by no subnet here (undefined with three zones). */
    readonly spareCidr?: string;

    constructor(name: string, args: ScanEgressNetworkArgs, opts?: pulumi.ComponentResourceOptions) {
        super("secure-ds:packages:ScanEgressNetwork", name, {}, opts);
        const zones = args.availabilityZones;
        if (zones.length < 1 || zones.length > 3) {
            throw new Error(
                `ScanEgressNetwork ${name}: ${zones.length} availability zone(s); use 1 to 3 (the public subnet takes one quarter of ${args.cidr}).`,
            );
        }
        const quarters = layoutSubnets(args.cidr, 4).subnetCidrs;
        this.spareCidr = zones.length <= 2 ? quarters[3] : undefined;
        const child = { parent: this };
        const tags = (role: string) => ({ Name: `${args.namePrefix}-package-scanning${role ? `-${role}` : ""}` });

        // Declares the egress role: the pack admits an internet path only in a VPC that says so (N6).
        this.vpc = new aws.ec2.Vpc(
            `${name}-vpc`,
            {
                cidrBlock: args.cidr,
                enableDnsSupport: true,
                enableDnsHostnames: true,
                tags: { ...tags(""), [NETWORK_EGRESS_TAG.key]: NETWORK_EGRESS_TAG.value },
            },
            child,
        );
        this.vpcId = this.vpc.id;
        // AWS's default group admits all traffic between its members; nothing here uses it, so it is adopted empty.
        new aws.ec2.DefaultSecurityGroup(`${name}-default-sg`, { vpcId: this.vpc.id, ingress: [], egress: [], tags: tags("default-unused") }, child);

        const igw = new aws.ec2.InternetGateway(`${name}-igw`, { vpcId: this.vpc.id, tags: tags("igw") }, child);
        // The NAT gets its public address from the EIP; the subnet itself hands out none (N6, subnet-no-public-ip).
        this.publicSubnet = this.subnet(name, "public", quarters[zones.length], zones[0], tags("public"));
        const publicRouteTable = new aws.ec2.RouteTable(`${name}-public-rt`, { vpcId: this.vpc.id, tags: tags("public") }, child);
        new aws.ec2.Route(`${name}-public-default`, { routeTableId: publicRouteTable.id, destinationCidrBlock: "0.0.0.0/0", gatewayId: igw.id }, child);
        new aws.ec2.RouteTableAssociation(`${name}-public-rta`, { subnetId: this.publicSubnet.id, routeTableId: publicRouteTable.id }, child);

        const eip = new aws.ec2.Eip(`${name}-nat-eip`, { domain: "vpc", tags: tags("nat") }, { parent: this, dependsOn: [igw] });
        this.natGateway = new aws.ec2.NatGateway(
            `${name}-nat`,
            { allocationId: eip.allocationId, subnetId: this.publicSubnet.id, connectivityType: "public", tags: tags("nat") },
            // A public NAT gateway only works once the VPC has its internet gateway attached.
            { parent: this, dependsOn: [igw] },
        );

        this.privateSubnets = zones.map((az, i) => {
            const subnet = this.subnet(name, `private-${az}`, quarters[i], az, tags(`private-${az}`));
            const routeTable = new aws.ec2.RouteTable(`${name}-private-rt-${az}`, { vpcId: this.vpc.id, tags: tags(`private-${az}`) }, child);
            new aws.ec2.Route(
                `${name}-private-default-${az}`,
                { routeTableId: routeTable.id, destinationCidrBlock: "0.0.0.0/0", natGatewayId: this.natGateway.id },
                child,
            );
            new aws.ec2.RouteTableAssociation(`${name}-private-rta-${az}`, { subnetId: subnet.id, routeTableId: routeTable.id }, child);
            this.privateRouteTables.push(routeTable);
            return subnet;
        });
        this.privateSubnetIds = this.privateSubnets.map((s) => s.id);

        this.registerOutputs({ vpcId: this.vpcId, privateSubnetIds: this.privateSubnetIds, natGatewayId: this.natGateway.id });
    }

    private subnet(name: string, role: string, cidrBlock: string, availabilityZone: string, tags: Record<string, string>): aws.ec2.Subnet {
        return new aws.ec2.Subnet(`${name}-${role}`, { vpcId: this.vpc.id, cidrBlock, availabilityZone, mapPublicIpOnLaunch: false, tags }, { parent: this });
    }
}
