import { describe, expect, it } from "vitest";
import { TYPES } from "../../policy-pack/policies/common";
import { isolatedVpcEndpointPolicy } from "../../policy-pack/policies/ec2/isolated-vpc-endpoint-policy";
import { isolatedVpcNoInternetPath } from "../../policy-pack/policies/ec2/isolated-vpc-no-internet-path";
import { logGroupEncryptedRetention } from "../../policy-pack/policies/logs/log-group-encrypted-retention";
import { securityGroupNoPublicIngress } from "../../policy-pack/policies/ec2/security-group-no-public-ingress";
import { vpcEndpointPrivateDns } from "../../policy-pack/policies/ec2/vpc-endpoint-private-dns";
import { vpcFlowLogs } from "../../policy-pack/policies/ec2/vpc-flow-logs";
import { policies } from "../../policy-pack/policies";

import { StackCaseResource, UNKNOWN, runResourcePolicy, runStackPolicy } from "../harness/policyArgs";

const networkPolicies = policies.filter((p) =>
    [
        "isolated-vpc-no-internet-path",
        "security-group-no-public-ingress",
        "vpc-endpoint-private-dns",
        "isolated-vpc-endpoint-policy",
        "vpc-flow-logs",
        "log-group-encrypted-retention",
    ].includes(p.name),
);

const KEY = "arn:aws:kms:eu-west-1:111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab";
const ISOLATED = { "secure-ds:network-isolation": "isolated" };

/** An isolated VPC with a subnet and a route table, as IsolatedNetwork registers them. */
const isolatedVpc = (extra: StackCaseResource[] = []): StackCaseResource[] => [
    { type: TYPES.ec2Vpc, name: "vpc", props: { cidrBlock: "10.20.0.0/16", tags: ISOLATED } },
    { type: TYPES.ec2Subnet, name: "subnet", props: { cidrBlock: "10.20.0.0/17" }, propertyDependencies: { vpcId: ["vpc"] } },
    { type: TYPES.ec2RouteTable, name: "rt", props: {}, propertyDependencies: { vpcId: ["vpc"] } },
    ...extra,
];
/** A VPC allowed egress (the package pipeline's scanning VPC). */
const egressVpc: StackCaseResource[] = [
    { type: TYPES.ec2Vpc, name: "scan-vpc", props: { cidrBlock: "10.99.0.0/16", tags: { Name: "scan" } } },
    { type: TYPES.ec2Subnet, name: "scan-public", props: {}, propertyDependencies: { vpcId: ["scan-vpc"] } },
    { type: TYPES.ec2RouteTable, name: "scan-rt", props: {}, propertyDependencies: { vpcId: ["scan-vpc"] } },
    { type: TYPES.ec2InternetGateway, name: "scan-igw", props: {}, propertyDependencies: { vpcId: ["scan-vpc"] } },
    { type: TYPES.ec2NatGateway, name: "scan-nat", props: {}, propertyDependencies: { subnetId: ["scan-public"] } },
    {
        type: TYPES.ec2Route,
        name: "scan-default",
        props: { destinationCidrBlock: "0.0.0.0/0" },
        propertyDependencies: { routeTableId: ["scan-rt"], gatewayId: ["scan-igw"] },
    },
];

describe("isolated-vpc-no-internet-path (N6)", () => {
    it("passes the isolated VPC with endpoints only, and leaves an egress VPC alone", async () => {
        const endpoint: StackCaseResource = {
            type: TYPES.ec2VpcEndpoint,
            name: "s3",
            props: { vpcEndpointType: "Gateway" },
            propertyDependencies: { vpcId: ["vpc"], routeTableIds: ["rt"] },
        };
        expect(await runStackPolicy(isolatedVpcNoInternetPath, [...isolatedVpc([endpoint]), ...egressVpc])).toEqual([]);
    });
    it("reports an internet gateway, its attachment and an egress-only gateway", async () => {
        const v = await runStackPolicy(
            isolatedVpcNoInternetPath,
            isolatedVpc([
                { type: TYPES.ec2InternetGateway, name: "igw", props: {}, propertyDependencies: { vpcId: ["vpc"] } },
                { type: TYPES.ec2InternetGateway, name: "igw2", props: {} },
                { type: TYPES.ec2InternetGatewayAttachment, name: "att", props: {}, propertyDependencies: { vpcId: ["vpc"], internetGatewayId: ["igw2"] } },
                { type: TYPES.ec2EgressOnlyInternetGateway, name: "eigw", props: {}, propertyDependencies: { vpcId: ["vpc"] } },
            ]),
        );
        expect(v).toHaveLength(3);
        expect(v[0]).toContain("igw is an internet gateway in the isolated VPC vpc");
    });
    it("reports a NAT gateway placed in an isolated subnet", async () => {
        const v = await runStackPolicy(
            isolatedVpcNoInternetPath,
            isolatedVpc([{ type: TYPES.ec2NatGateway, name: "nat", props: { connectivityType: "public" }, propertyDependencies: { subnetId: ["subnet"] } }]),
        );
        expect(v).toEqual(["nat is a NAT gateway in the isolated VPC vpc; the data-science network must have no internet path (N6)."]);
    });
    it("reports default routes: IPv4, IPv6, inline, and on the main route table", async () => {
        const v = await runStackPolicy(
            isolatedVpcNoInternetPath,
            isolatedVpc([
                { type: TYPES.ec2Route, name: "r4", props: { destinationCidrBlock: "0.0.0.0/0" }, propertyDependencies: { routeTableId: ["rt"] } },
                { type: TYPES.ec2Route, name: "r6", props: { destinationIpv6CidrBlock: "::/0" }, propertyDependencies: { routeTableId: ["rt"] } },
                { type: TYPES.ec2Route, name: "private", props: { destinationCidrBlock: "192.168.0.0/16" }, propertyDependencies: { routeTableId: ["rt"] } },
                {
                    type: TYPES.ec2RouteTable,
                    name: "inline",
                    props: { routes: [{ cidrBlock: "0.0.0.0/0", gatewayId: "igw-1" }] },
                    propertyDependencies: { vpcId: ["vpc"] },
                },
                {
                    type: TYPES.ec2DefaultRouteTable,
                    name: "main",
                    props: { routes: [{ ipv6CidrBlock: "::/0" }] },
                    propertyDependencies: { defaultRouteTableId: ["vpc"] },
                },
                { type: TYPES.ec2Route, name: "main-route", props: { destinationCidrBlock: "0.0.0.0/0" }, propertyDependencies: { routeTableId: ["main"] } },
            ]),
        );
        expect(v.map((m) => m.split(" ")[0] + " " + m.split(" ")[1]).sort()).toEqual(
            ["Route main-route", "Route r4", "Route r6", "Route table", "Route table"].sort(),
        );
    });
    it("reports a peering connection from either side", async () => {
        const v = await runStackPolicy(isolatedVpcNoInternetPath, [
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
        expect(await runStackPolicy(isolatedVpcNoInternetPath, [...isolatedVpc([domain("vpc")]), ...egressVpc])).toEqual([]);
        const v = await runStackPolicy(isolatedVpcNoInternetPath, [...isolatedVpc(), ...egressVpc, domain("scan-vpc")]);
        expect(v).toEqual([
            "Domain studio is in VPC scan-vpc, which is not tagged secure-ds:network-isolation=isolated; Studio belongs in the isolated network (N6).",
        ]);
    });
    it("finds resources by known ids when there are no property dependencies", async () => {
        const v = await runStackPolicy(isolatedVpcNoInternetPath, [
            { type: TYPES.ec2Vpc, name: "vpc", props: { id: "vpc-123", tags: ISOLATED } },
            { type: TYPES.ec2InternetGateway, name: "igw", props: { vpcId: "vpc-123" } },
        ]);
        expect(v).toHaveLength(1);
    });
});

describe("security-group-no-public-ingress (N6, N9)", () => {
    const rule = (props: Record<string, unknown>) =>
        runResourcePolicy(securityGroupNoPublicIngress, {
            type: TYPES.vpcSecurityGroupIngressRule,
            props: { ipProtocol: "tcp", fromPort: 443, toPort: 443, ...props },
        });
    it("passes referenced groups and private CIDRs, and ignores egress", async () => {
        expect(await rule({ referencedSecurityGroupId: "sg-1" })).toEqual([]);
        expect(await rule({ cidrIpv4: "10.20.0.0/16" })).toEqual([]);
        expect(
            await runResourcePolicy(securityGroupNoPublicIngress, {
                type: "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule",
                props: { cidrIpv4: "0.0.0.0/0" },
            }),
        ).toEqual([]);
        expect(
            await runResourcePolicy(securityGroupNoPublicIngress, { type: TYPES.ec2SecurityGroup, props: { egress: [{ cidrBlocks: ["0.0.0.0/0"] }] } }),
        ).toEqual([]);
    });
    it("reports v7 ingress rules from anywhere (IPv4 and IPv6)", async () => {
        expect(await rule({ cidrIpv4: "0.0.0.0/0" })).toHaveLength(1);
        expect(await rule({ cidrIpv6: "::/0" })).toHaveLength(1);
    });
    it("reports inline ingress on security groups and the default security group", async () => {
        const v = await runResourcePolicy(securityGroupNoPublicIngress, {
            type: TYPES.ec2SecurityGroup,
            name: "sg",
            props: { ingress: [{ cidrBlocks: ["10.0.0.0/8"] }, { cidrBlocks: ["0.0.0.0/0"], ipv6CidrBlocks: ["::/0"] }] },
        });
        expect(v).toEqual([
            "aws:ec2/securityGroup:SecurityGroup sg admits ingress from 0.0.0.0/0, ::/0 in ingress[1]; admit the platform's security groups instead (N6, N9).",
        ]);
        expect(
            await runResourcePolicy(securityGroupNoPublicIngress, { type: TYPES.ec2DefaultSecurityGroup, props: { ingress: [{ cidrBlocks: ["0.0.0.0/0"] }] } }),
        ).toHaveLength(1);
    });
    it("reports classic ingress SecurityGroupRules but not egress ones", async () => {
        expect(
            await runResourcePolicy(securityGroupNoPublicIngress, { type: TYPES.ec2SecurityGroupRule, props: { type: "ingress", cidrBlocks: ["0.0.0.0/0"] } }),
        ).toHaveLength(1);
        expect(
            await runResourcePolicy(securityGroupNoPublicIngress, { type: TYPES.ec2SecurityGroupRule, props: { type: "egress", cidrBlocks: ["0.0.0.0/0"] } }),
        ).toEqual([]);
    });
    it("skips unknown values as a preview would", async () => {
        expect(await rule({ cidrIpv4: UNKNOWN })).toEqual([]);
    });
});

describe("vpc-endpoint-private-dns (N7)", () => {
    const ep = (props: Record<string, unknown>) =>
        runResourcePolicy(vpcEndpointPrivateDns, { type: TYPES.ec2VpcEndpoint, props: { serviceName: "com.amazonaws.eu-west-1.sts", ...props } });
    it("passes interface endpoints with private DNS and gateway endpoints", async () => {
        expect(await ep({ vpcEndpointType: "Interface", privateDnsEnabled: true })).toEqual([]);
        expect(await ep({ vpcEndpointType: "Gateway", serviceName: "com.amazonaws.eu-west-1.s3" })).toEqual([]);
        expect(await ep({ serviceName: "com.amazonaws.eu-west-1.s3" })).toEqual([]);
    });
    it("reports interface endpoints with private DNS off or unset", async () => {
        const v = await ep({ vpcEndpointType: "Interface", privateDnsEnabled: false });
        expect(v).toEqual(["Interface endpoint test (com.amazonaws.eu-west-1.sts) has private DNS off; set privateDnsEnabled: true (N7)."]);
        expect(await ep({ vpcEndpointType: "Interface" })).toHaveLength(1);
    });
});

describe("isolated-vpc-endpoint-policy (N7)", () => {
    const scoped = JSON.stringify({
        Version: "2012-10-17",
        Statement: [{ Effect: "Allow", Principal: "*", Action: "*", Resource: "*", Condition: { StringEquals: { "aws:PrincipalAccount": ["111111111111"] } } }],
    });
    const s3 = JSON.stringify({
        Version: "2012-10-17",
        Statement: [{ Effect: "Allow", Principal: "*", Action: "s3:GetObject", Resource: ["arn:aws:s3:::prod-eu-west-1-starport-layer-bucket/*"] }],
    });
    const open = JSON.stringify({ Version: "2012-10-17", Statement: [{ Sid: "Open", Effect: "Allow", Principal: { AWS: "*" }, Action: "*", Resource: "*" }] });
    const endpoint = (name: string, policy: unknown, vpc = "vpc"): StackCaseResource => ({
        type: TYPES.ec2VpcEndpoint,
        name,
        props: { policy },
        propertyDependencies: { vpcId: [vpc] },
    });
    it("passes scoped policies, and endpoints of other VPCs", async () => {
        expect(
            await runStackPolicy(isolatedVpcEndpointPolicy, [
                ...isolatedVpc([endpoint("sts", scoped), endpoint("s3", s3)]),
                ...egressVpc,
                endpoint("scan-sts", undefined, "scan-vpc"),
            ]),
        ).toEqual([]);
    });
    it("reports a missing policy, a full-access policy and a policy that is not JSON", async () => {
        const v = await runStackPolicy(
            isolatedVpcEndpointPolicy,
            isolatedVpc([endpoint("none", undefined), endpoint("open", open), endpoint("bad", "{not json")]),
        );
        expect(v).toEqual([
            "Endpoint none in the isolated VPC has no policy, so it allows any principal full access (N7).",
            "Endpoint open in the isolated VPC: statement Open allows any principal on every resource without a condition (N7).",
            "Endpoint bad has a policy that is not JSON (N7).",
        ]);
    });
});

describe("vpc-flow-logs (G5)", () => {
    const flowLog = (name: string, vpc: string, trafficType = "ALL"): StackCaseResource => ({
        type: TYPES.ec2FlowLog,
        name,
        props: { trafficType, logDestination: "arn:aws:logs:eu-west-1:111111111111:log-group:/x" },
        propertyDependencies: { vpcId: [vpc] },
    });
    it("passes VPCs with an ALL flow log, including an awsx VPC and its child VPC", async () => {
        expect(
            await runStackPolicy(vpcFlowLogs, [
                ...isolatedVpc([flowLog("fl", "vpc")]),
                { type: TYPES.awsxVpc, name: "scan", props: {} },
                { type: TYPES.ec2Vpc, name: "scan-child", props: {}, parent: "scan" },
                flowLog("scan-fl", "scan"),
            ]),
        ).toEqual([]);
    });
    it("reports a VPC without flow logs, and an awsx VPC without them", async () => {
        const v = await runStackPolicy(vpcFlowLogs, [...isolatedVpc(), { type: TYPES.awsxVpc, name: "scan", props: {} }]);
        expect(v).toEqual(["VPC vpc has no flow log; add one with trafficType ALL (G5).", "VPC scan has no flow log; add one with trafficType ALL (G5)."]);
    });
    it("reports a flow log of the wrong traffic type or without a destination, honouring the configured type", async () => {
        expect(await runStackPolicy(vpcFlowLogs, isolatedVpc([flowLog("fl", "vpc", "REJECT")]))).toHaveLength(1);
        expect(
            await runStackPolicy(
                vpcFlowLogs,
                isolatedVpc([{ type: TYPES.ec2FlowLog, name: "fl", props: { trafficType: "ALL" }, propertyDependencies: { vpcId: ["vpc"] } }]),
            ),
        ).toHaveLength(1);
        expect(await runStackPolicy(vpcFlowLogs, isolatedVpc([flowLog("fl", "vpc", "REJECT")]), { trafficType: "REJECT" })).toEqual([]);
    });
    it("does not count a flow log of another VPC", async () => {
        expect(await runStackPolicy(vpcFlowLogs, [...isolatedVpc(), { type: TYPES.ec2Vpc, name: "other", props: {} }, flowLog("fl", "other")])).toHaveLength(1);
    });
});

describe("log-group-encrypted-retention (E8)", () => {
    const group = (props: Record<string, unknown>, config?: Record<string, unknown>) =>
        runResourcePolicy(logGroupEncryptedRetention, { type: TYPES.cloudwatchLogGroup, name: "lg", props, config });
    it("passes a customer key and a retention", async () => {
        expect(await group({ kmsKeyId: KEY, retentionInDays: 365 })).toEqual([]);
    });
    it("reports no key, an AWS-managed key, no retention and never-expire", async () => {
        expect(await group({ retentionInDays: 365 })).toEqual(["Log group lg has no kmsKeyId; encrypt it with the layer's logs key (E8)."]);
        expect(await group({ kmsKeyId: "alias/aws/logs", retentionInDays: 365 })).toHaveLength(1);
        expect(await group({ kmsKeyId: KEY })).toEqual(["Log group lg never expires (retentionInDays not set); set a retention (E8)."]);
        expect(await group({ kmsKeyId: KEY, retentionInDays: 0 })).toHaveLength(1);
    });
    it("honours the configured minimum retention", async () => {
        expect(await group({ kmsKeyId: KEY, retentionInDays: 30 }, { minimumRetentionDays: 90 })).toEqual([
            "Log group lg keeps logs 30 days, less than the required 90 (E8).",
        ]);
        expect(await group({ kmsKeyId: KEY, retentionInDays: 90 }, { minimumRetentionDays: 90 })).toEqual([]);
    });
    it("ignores other types", async () => {
        expect(await runResourcePolicy(logGroupEncryptedRetention, { type: TYPES.ec2Vpc, props: {} })).toEqual([]);
    });
});

describe("network rules metadata", () => {
    it("every rule names controls, a remediation and a description", () => {
        for (const p of networkPolicies) {
            expect(p.controls.length, p.name).toBeGreaterThan(0);
            expect(
                p.controls.every((c) => /^[NIEGS]\d+$/.test(c)),
                p.name,
            ).toBe(true);
            expect(p.remediation.length, p.name).toBeGreaterThan(20);
            expect(p.description.length, p.name).toBeGreaterThan(20);
        }
    });
});
