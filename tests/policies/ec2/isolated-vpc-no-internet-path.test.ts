import { expect, it } from "vitest";
import { isolatedVpcNoInternetPath } from "../../../policy-pack/policies/ec2/isolated-vpc-no-internet-path";
import { StackCaseResource, UNKNOWN } from "../../harness/policyArgs";
import { describeRule, expectCompliant, expectViolations } from "../../harness/ruleTests";
import { EGRESS, ISOLATED, EC2, egressVpc, isolatedVpc } from "./fixtures";

const RTA = "aws:ec2/routeTableAssociation:RouteTableAssociation";
const EIP = "aws:ec2/eip:Eip";

/**
 * The egress path components/packages/ScanEgressNetwork.ts builds, attached to the VPC `vpc`:
 * internet gateway, a public subnet holding the NAT and its EIP, and a private subnet whose
 * default route goes to the NAT, each subnet with its own route table.
 */
const egressPath = (vpc: string): StackCaseResource[] => {
    const n = (role: string) => `${vpc}-${role}`;
    const subnet = (role: string): StackCaseResource => ({
        type: EC2.subnet,
        name: n(role),
        props: { mapPublicIpOnLaunch: false },
        propertyDependencies: { vpcId: [vpc] },
    });
    const table = (role: string, target: Record<string, string[]>, props: Record<string, unknown>): StackCaseResource[] => [
        { type: EC2.routeTable, name: n(`${role}-rt`), props: {}, propertyDependencies: { vpcId: [vpc] } },
        { type: EC2.route, name: n(`${role}-default`), props, propertyDependencies: { routeTableId: [n(`${role}-rt`)], ...target } },
        { type: RTA, name: n(`${role}-rta`), props: {}, propertyDependencies: { subnetId: [n(role)], routeTableId: [n(`${role}-rt`)] } },
    ];
    return [
        { type: EC2.internetGateway, name: n("igw"), props: {}, propertyDependencies: { vpcId: [vpc] } },
        subnet("public"),
        ...table("public", { gatewayId: [n("igw")] }, { destinationCidrBlock: "0.0.0.0/0" }),
        { type: EIP, name: n("nat-eip"), props: { domain: "vpc" } },
        {
            type: EC2.natGateway,
            name: n("nat"),
            props: { connectivityType: "public" },
            propertyDependencies: { subnetId: [n("public")], allocationId: [n("nat-eip")] },
        },
        subnet("private"),
        ...table("private", { natGatewayId: [n("nat")] }, { destinationCidrBlock: "0.0.0.0/0" }),
    ];
};

describeRule(isolatedVpcNoInternetPath, () => {
    it("passes the isolated VPC with endpoints only, and leaves an egress VPC alone", async () => {
        const endpoint: StackCaseResource = {
            type: EC2.vpcEndpoint,
            name: "s3",
            props: { vpcEndpointType: "Gateway" },
            propertyDependencies: { vpcId: ["vpc"], routeTableIds: ["rt"] },
        };
        await expectCompliant(isolatedVpcNoInternetPath, [...isolatedVpc([endpoint]), ...egressVpc]);
    });
    it("passes the scanning network's internet gateway, NAT and default routes in the VPC tagged egress", async () => {
        const scanVpc: StackCaseResource = { type: EC2.vpc, name: "scan-vpc", props: { cidrBlock: "10.250.0.0/22", tags: EGRESS } };
        await expectCompliant(isolatedVpcNoInternetPath, [...isolatedVpc(), scanVpc, ...egressPath("scan-vpc")]);
    });
    it("fails closed: a VPC without a network role, and the same internet path in it, are reported", async () => {
        const untagged: StackCaseResource = { type: EC2.vpc, name: "scan-vpc", props: { cidrBlock: "10.250.0.0/22", tags: { Name: "scan" } } };
        const v = await expectViolations(isolatedVpcNoInternetPath, [...isolatedVpc(), untagged, ...egressPath("scan-vpc")]);
        expect(v[0]).toBe(
            "VPC scan-vpc declares no network role; tag it secure-ds:network-isolation=isolated (data science) or =egress (package scanning) (N6).",
        );
        expect(v.slice(1).sort()).toEqual(
            [
                "scan-vpc-igw is an internet gateway in the VPC not tagged egress scan-vpc; the data-science network must have no internet path (N6).",
                "scan-vpc-nat is a NAT gateway in the VPC not tagged egress scan-vpc; the data-science network must have no internet path (N6).",
                "Route scan-vpc-public-default sends 0.0.0.0/0 out of the VPC not tagged egress scan-vpc; remove the default route (N6).",
                "Route scan-vpc-private-default sends 0.0.0.0/0 out of the VPC not tagged egress scan-vpc; remove the default route (N6).",
            ].sort(),
        );
    });
    it("fails closed: an internet gateway whose VPC id is not a VPC of the stack is reported, known or unknown", async () => {
        for (const vpcId of ["vpc-0123456789abcdef0", UNKNOWN]) {
            const v = await expectViolations(isolatedVpcNoInternetPath, [...isolatedVpc(), { type: EC2.internetGateway, name: "igw", props: { vpcId } }]);
            expect(v).toEqual([
                "igw is an internet gateway in a VPC that is not a VPC of this stack (or cannot be related to one); an internet path may exist only in the egress VPC, linked through its vpcId (N6).",
            ]);
        }
    });
    it("reports a default route on the isolated VPC's main route table (routeTableId = vpc.mainRouteTableId)", async () => {
        const v = await expectViolations(
            isolatedVpcNoInternetPath,
            isolatedVpc([
                { type: EC2.route, name: "main-default", props: { destinationCidrBlock: "0.0.0.0/0" }, propertyDependencies: { routeTableId: ["vpc"] } },
            ]),
        );
        expect(v).toEqual(["Route main-default sends 0.0.0.0/0 out of the isolated VPC vpc; remove the default route (N6)."]);
    });
    it("reports a SageMaker domain whose VPC is not a VPC of the stack", async () => {
        const v = await expectViolations(isolatedVpcNoInternetPath, [
            ...isolatedVpc(),
            { type: "aws:sagemaker/domain:Domain", name: "studio", props: { appNetworkAccessType: "VpcOnly", vpcId: "vpc-0123456789abcdef0" } },
        ]);
        expect(v).toEqual(["Domain studio names a VPC that is not a VPC of this stack; pass the isolated network's vpc.id so the pack can check it (N6)."]);
    });
    it("reports the same internet gateway, NAT and default routes attached to the isolated VPC", async () => {
        const v = await expectViolations(isolatedVpcNoInternetPath, isolatedVpc(egressPath("vpc")));
        expect(v.sort()).toEqual(
            [
                "vpc-igw is an internet gateway in the isolated VPC vpc; the data-science network must have no internet path (N6).",
                "vpc-nat is a NAT gateway in the isolated VPC vpc; the data-science network must have no internet path (N6).",
                "Route vpc-public-default sends 0.0.0.0/0 out of the isolated VPC vpc; remove the default route (N6).",
                "Route vpc-private-default sends 0.0.0.0/0 out of the isolated VPC vpc; remove the default route (N6).",
            ].sort(),
        );
    });
    it("reports an internet gateway, its attachment and an egress-only gateway", async () => {
        const v = await expectViolations(
            isolatedVpcNoInternetPath,
            isolatedVpc([
                { type: EC2.internetGateway, name: "igw", props: {}, propertyDependencies: { vpcId: ["vpc"] } },
                { type: EC2.internetGateway, name: "igw2", props: {} },
                {
                    type: "aws:ec2/internetGatewayAttachment:InternetGatewayAttachment",
                    name: "att",
                    props: {},
                    propertyDependencies: { vpcId: ["vpc"], internetGatewayId: ["igw2"] },
                },
                { type: "aws:ec2/egressOnlyInternetGateway:EgressOnlyInternetGateway", name: "eigw", props: {}, propertyDependencies: { vpcId: ["vpc"] } },
            ]),
        );
        expect(v).toHaveLength(3);
        expect(v[0]).toContain("igw is an internet gateway in the isolated VPC vpc");
    });
    it("reports a NAT gateway placed in an isolated subnet", async () => {
        const v = await expectViolations(
            isolatedVpcNoInternetPath,
            isolatedVpc([{ type: EC2.natGateway, name: "nat", props: { connectivityType: "public" }, propertyDependencies: { subnetId: ["subnet"] } }]),
        );
        expect(v).toEqual(["nat is a NAT gateway in the isolated VPC vpc; the data-science network must have no internet path (N6)."]);
    });
    it("reports default routes: IPv4, IPv6, inline, and on the main route table", async () => {
        const v = await expectViolations(
            isolatedVpcNoInternetPath,
            isolatedVpc([
                { type: EC2.route, name: "r4", props: { destinationCidrBlock: "0.0.0.0/0" }, propertyDependencies: { routeTableId: ["rt"] } },
                { type: EC2.route, name: "r6", props: { destinationIpv6CidrBlock: "::/0" }, propertyDependencies: { routeTableId: ["rt"] } },
                { type: EC2.route, name: "private", props: { destinationCidrBlock: "192.168.0.0/16" }, propertyDependencies: { routeTableId: ["rt"] } },
                {
                    type: EC2.routeTable,
                    name: "inline",
                    props: { routes: [{ cidrBlock: "0.0.0.0/0", gatewayId: "igw-1" }] },
                    propertyDependencies: { vpcId: ["vpc"] },
                },
                {
                    type: EC2.defaultRouteTable,
                    name: "main",
                    props: { routes: [{ ipv6CidrBlock: "::/0" }] },
                    propertyDependencies: { defaultRouteTableId: ["vpc"] },
                },
                { type: EC2.route, name: "main-route", props: { destinationCidrBlock: "0.0.0.0/0" }, propertyDependencies: { routeTableId: ["main"] } },
            ]),
        );
        expect(v.map((m) => m.split(" ")[0] + " " + m.split(" ")[1]).sort()).toEqual(
            ["Route main-route", "Route r4", "Route r6", "Route table", "Route table"].sort(),
        );
    });
    it("reports a peering connection from either side", async () => {
        const v = await expectViolations(isolatedVpcNoInternetPath, [
            ...isolatedVpc(),
            ...egressVpc,
            {
                type: "aws:ec2/vpcPeeringConnection:VpcPeeringConnection",
                name: "peer",
                props: {},
                propertyDependencies: { vpcId: ["scan-vpc"], peerVpcId: ["vpc"] },
            },
        ]);
        expect(v).toHaveLength(1);
        expect(v[0]).toContain("peering");
    });
    it("reports a SageMaker domain in a VPC that is not tagged isolated, and passes one in the isolated VPC", async () => {
        const domain = (vpc: string): StackCaseResource => ({
            type: "aws:sagemaker/domain:Domain",
            name: "studio",
            props: { appNetworkAccessType: "VpcOnly" },
            propertyDependencies: { vpcId: [vpc] },
        });
        await expectCompliant(isolatedVpcNoInternetPath, [...isolatedVpc([domain("vpc")]), ...egressVpc]);
        expect(await expectViolations(isolatedVpcNoInternetPath, [...isolatedVpc(), ...egressVpc, domain("scan-vpc")])).toEqual([
            "Domain studio is in VPC scan-vpc, which is not tagged secure-ds:network-isolation=isolated; Studio belongs in the isolated network (N6).",
        ]);
    });
    it("finds resources by known ids when there are no property dependencies", async () => {
        const v = await expectViolations(isolatedVpcNoInternetPath, [
            { type: EC2.vpc, name: "vpc", props: { id: "vpc-123", tags: ISOLATED } },
            { type: EC2.internetGateway, name: "igw", props: { vpcId: "vpc-123" } },
        ]);
        expect(v).toHaveLength(1);
    });
});
