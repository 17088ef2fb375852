import { expect, it } from "vitest";
import { transitGatewayRoutes } from "../../../policy-pack/policies/ec2/transit-gateway-routes";
import { StackCaseResource } from "../../harness/policyArgs";
import { describeRule, expectCompliant, expectViolations } from "../../harness/ruleTests";
import { edit, previewed, r } from "../fixtures";
import { EC2, egressVpc, isolatedVpc } from "./fixtures";

const TGW = "tgw-0123456789abcdef0";
const CORPORATE = { corporateCidrs: ["10.0.0.0/12", "192.168.0.0/16"] };

/** The isolated VPC with a route of `props` towards the hub from its route table. */
const routed = (props: Record<string, unknown>): StackCaseResource[] =>
    isolatedVpc([r(EC2.route, "hub-route", { transitGatewayId: TGW, ...props }, { routeTableId: ["rt"] })]);

describeRule(transitGatewayRoutes, () => {
    it("passes corporate ranges (and blocks inside them) routed to the hub, also in a preview", async () => {
        const resources = [
            ...routed({ destinationCidrBlock: "10.0.0.0/12" }),
            r(EC2.route, "inside", { transitGatewayId: TGW, destinationCidrBlock: "192.168.10.0/24" }, { routeTableId: ["rt"] }),
        ];
        await expectCompliant(transitGatewayRoutes, resources, CORPORATE);
        await expectCompliant(transitGatewayRoutes, previewed(resources), CORPORATE);
    });
    it("passes an isolated VPC without routes to a hub, and the egress VPC's default route to its internet gateway", async () => {
        await expectCompliant(transitGatewayRoutes, [...isolatedVpc(), ...egressVpc]);
    });
    it.each<[string, StackCaseResource[]]>([
        ["a planted default route to the hub", routed({ destinationCidrBlock: "0.0.0.0/0" })],
        ["an IPv6 default route to the hub", routed({ destinationIpv6CidrBlock: "::/0" })],
        [
            "a default route to a hub in the egress VPC too",
            edit(egressVpc, "scan-default", (x) => (x.props = { destinationCidrBlock: "0.0.0.0/0", transitGatewayId: TGW })),
        ],
        [
            "an inline default route of a route table to the hub",
            edit(isolatedVpc(), "rt", (x) => (x.props.routes = [{ cidrBlock: "0.0.0.0/0", transitGatewayId: TGW }])),
        ],
    ])("reports %s, whatever the corporate list", async (_label, resources) => {
        const found = await expectViolations(transitGatewayRoutes, resources, CORPORATE);
        expect(found.join("\n")).toMatch(/never be a default route/);
    });
    it.each<[string, StackCaseResource[], string]>([
        ["a range outside the corporate list", routed({ destinationCidrBlock: "172.16.0.0/12" }), "not inside the corporate ranges"],
        ["a range larger than a corporate range", routed({ destinationCidrBlock: "10.0.0.0/8" }), "not inside the corporate ranges"],
        ["an IPv6 range", routed({ destinationIpv6CidrBlock: "fd00::/8" }), "IPv6"],
        ["a prefix list", routed({ destinationPrefixListId: "pl-0123456789abcdef0" }), "prefix list"],
        [
            "an inline route outside the list",
            edit(isolatedVpc(), "rt", (x) => (x.props.routes = [{ cidrBlock: "172.16.0.0/12", transitGatewayId: TGW }])),
            "not inside",
        ],
    ])("reports %s in the isolated VPC", async (_label, resources, message) => {
        const found = await expectViolations(transitGatewayRoutes, resources, CORPORATE);
        expect(found.join("\n")).toContain(message);
    });
    it("refuses every hub route of an isolated VPC while the pack config lists no corporate range", async () => {
        const found = await expectViolations(transitGatewayRoutes, routed({ destinationCidrBlock: "10.0.0.0/12" }));
        expect(found.join("\n")).toContain("none configured");
    });
});
