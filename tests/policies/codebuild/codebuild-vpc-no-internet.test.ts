import { expect, it } from "vitest";
import { codebuildVpcNoInternet } from "../../../policy-pack/policies/codebuild/codebuild-vpc-no-internet";
import { StackCaseResource } from "../../harness/policyArgs";
import { describeRule, expectCompliant, expectViolations } from "../../harness/ruleTests";

const T = {
    project: "aws:codebuild/project:Project",
    subnet: "aws:ec2/subnet:Subnet",
    routeTable: "aws:ec2/routeTable:RouteTable",
    route: "aws:ec2/route:Route",
    rta: "aws:ec2/routeTableAssociation:RouteTableAssociation",
};

/** A subnet with its own route table; `route` adds a default route to a NAT, as ScanEgressNetwork's private side has. */
const subnet = (name: string, route: boolean): StackCaseResource[] => [
    { type: T.subnet, name, props: { cidrBlock: "10.250.0.0/26" } },
    { type: T.routeTable, name: `${name}-rt`, props: {} },
    { type: T.rta, name: `${name}-rta`, props: {}, propertyDependencies: { subnetId: [name], routeTableId: [`${name}-rt`] } },
    ...(route
        ? [{ type: T.route, name: `${name}-default`, props: { destinationCidrBlock: "0.0.0.0/0" }, propertyDependencies: { routeTableId: [`${name}-rt`] } }]
        : []),
];
const project = (name: string, subnets: string[] | undefined): StackCaseResource => ({
    type: T.project,
    name,
    props: { name, ...(subnets ? { vpcConfig: { vpcId: "vpc-1", subnets: subnets.map(() => "subnet-x"), securityGroupIds: ["sg-1"] } } : {}) },
    ...(subnets ? { propertyDependencies: { vpcConfig: subnets } } : {}),
});
const network = [...subnet("nat-a", true), ...subnet("gate-a", false)];

describeRule(codebuildVpcNoInternet, () => {
    it("passes scan and signatures on the NAT side and publish and decide in subnets without routes", async () => {
        await expectCompliant(codebuildVpcNoInternet, [
            ...network,
            project("acme-dev-package-scan", ["nat-a"]),
            project("acme-dev-package-signatures", ["nat-a"]),
            project("acme-dev-package-publish", ["gate-a"]),
            project("acme-dev-package-decide", ["gate-a"]),
        ]);
    });
    it("reports a publish project without a VPC", async () => {
        const v = await expectViolations(codebuildVpcNoInternet, [...network, project("acme-dev-package-publish", undefined)]);
        expect(v.join("\n")).toMatch(/no vpcConfig/);
    });
    it("reports publish in a subnet with a default route, or one inline route", async () => {
        const v = await expectViolations(codebuildVpcNoInternet, [...network, project("acme-dev-package-publish", ["gate-a", "nat-a"])]);
        expect(v.join("\n")).toMatch(/nat-a.*nat-a-default/);
        const inline: StackCaseResource[] = [
            { type: T.subnet, name: "s", props: {} },
            { type: T.routeTable, name: "s-rt", props: { routes: [{ cidrBlock: "10.9.0.0/16", transitGatewayId: "tgw-1" }] } },
            { type: T.rta, name: "s-rta", props: {}, propertyDependencies: { subnetId: ["s"], routeTableId: ["s-rt"] } },
        ];
        await expectViolations(codebuildVpcNoInternet, [...inline, project("acme-dev-package-decide", ["s"])]);
    });
    it("fails closed: a subnet without a route table of the stack, or subnets the pack cannot relate", async () => {
        await expectViolations(codebuildVpcNoInternet, [{ type: T.subnet, name: "bare", props: {} }, project("acme-dev-package-publish", ["bare"])]);
        const literal: StackCaseResource = {
            type: T.project,
            name: "acme-dev-package-publish",
            props: { name: "acme-dev-package-publish", vpcConfig: { vpcId: "vpc-1", subnets: ["subnet-0abc"], securityGroupIds: ["sg-1"] } },
        };
        const v = await expectViolations(codebuildVpcNoInternet, [...network, literal]);
        expect(v.join("\n")).toMatch(/names no subnet of this stack/);
    });
    it("allows a route out only to the configured egress projects", async () => {
        await expectViolations(codebuildVpcNoInternet, [...network, project("acme-dev-package-scan", ["nat-a"])], { egressProjects: ["-package-signatures"] });
    });
});
