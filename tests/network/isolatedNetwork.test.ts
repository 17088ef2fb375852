import { beforeAll, describe, expect, it } from "vitest";
import * as pulumi from "@pulumi/pulumi";
import { IsolatedNetwork, IsolatedNetworkArgs } from "../../components/network/IsolatedNetwork";
import { DEFAULT_INTERFACE_ENDPOINTS } from "../../components/network/endpointCatalog";
import { PlanResource } from "../../plan/types";
import { runWithMocks } from "../../plan/engine";

const ACCOUNT = { partition: "aws", region: "eu-west-1", accountId: "111111111111" };
const KEY = "arn:aws:kms:eu-west-1:111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab";
const AZS = ["eu-west-1a", "eu-west-1b", "eu-west-1c"];
const ARCHIVE = "arn:aws:s3:::acme-dev-audit-archive-222222222222";
const BASE: IsolatedNetworkArgs = {
    cidr: "10.20.0.0/16",
    availabilityZones: AZS,
    account: ACCOUNT,
    naming: { organization: "acme", environment: "dev" },
    principalScope: { accountIds: ["111111111111", "222222222222"] },
    flowLogsKmsKeyArn: KEY,
    dnsQueryLogDestinationArn: ARCHIVE,
};
const USERS = ["alice", "bob"];

async function build(args: IsolatedNetworkArgs = BASE, users: string[] = USERS): Promise<PlanResource[]> {
    const run = await runWithMocks({
        stack: "test",
        config: {},
        program: () => {
            const net = new IsolatedNetwork("ds", args);
            const parent = new pulumi.ComponentResource("test:index:Profiles", "profiles");
            users.forEach((u) => net.userSecurityGroup(u, parent));
            net.jobSecurityGroup("fraud", parent);
            return { vpcId: net.vpcId };
        },
    });
    return run.resources;
}

let resources: PlanResource[];
const ofType = (type: string) => resources.filter((r) => r.type === type);
const one = (type: string, name: string) => {
    const found = resources.filter((r) => r.type === type && r.name === name);
    expect(found, `${type} ${name}`).toHaveLength(1);
    return found[0];
};
const urnOf = (type: string, name: string) => one(type, name).urn;
/** URNs a property was computed from. */
const deps = (r: PlanResource, prop: string) => r.propertyDependencies[prop] ?? [];

beforeAll(async () => {
    resources = await build();
});

describe("IsolatedNetwork: VPC, subnets, routes", () => {
    it("registers the component type and a VPC with DNS on and the isolation tag", () => {
        expect(resources.some((r) => r.type === "secure-ds:network:IsolatedNetwork" && r.name === "ds")).toBe(true);
        const vpc = one("aws:ec2/vpc:Vpc", "ds-vpc");
        expect(vpc.inputs).toMatchObject({ cidrBlock: "10.20.0.0/16", enableDnsSupport: true, enableDnsHostnames: true, instanceTenancy: "default" });
        expect(vpc.inputs.tags).toMatchObject({ "secure-ds:network-isolation": "isolated" });
    });
    it("has no internet gateway, egress-only gateway, NAT, EIP, peering or route resource at all", () => {
        for (const t of [
            "internetGateway:InternetGateway",
            "egressOnlyInternetGateway:EgressOnlyInternetGateway",
            "natGateway:NatGateway",
            "eip:Eip",
            "vpcPeeringConnection:VpcPeeringConnection",
            "route:Route",
            "internetGatewayAttachment:InternetGatewayAttachment",
        ]) {
            expect(ofType(`aws:ec2/${t}`), t).toEqual([]);
        }
        expect(resources.filter((r) => r.type.startsWith("awsx:"))).toEqual([]);
    });
    it("creates one isolated subnet per AZ with the planned CIDRs and no public IPs", () => {
        const subnets = ofType("aws:ec2/subnet:Subnet");
        expect(subnets.map((s) => [s.inputs.availabilityZone, s.inputs.cidrBlock, s.inputs.mapPublicIpOnLaunch])).toEqual([
            ["eu-west-1a", "10.20.0.0/18", false],
            ["eu-west-1b", "10.20.64.0/18", false],
            ["eu-west-1c", "10.20.128.0/18", false],
        ]);
        const vpc = urnOf("aws:ec2/vpc:Vpc", "ds-vpc");
        subnets.forEach((s) => expect(deps(s, "vpcId")).toEqual([vpc]));
    });
    it("gives every subnet its own route table with no routes, and empties the main route table", () => {
        const tables = ofType("aws:ec2/routeTable:RouteTable");
        expect(tables).toHaveLength(3);
        tables.forEach((t) => expect(t.inputs.routes ?? []).toEqual([]));
        for (const az of AZS) {
            const a = one("aws:ec2/routeTableAssociation:RouteTableAssociation", `ds-rta-${az}`);
            expect(deps(a, "subnetId")).toEqual([urnOf("aws:ec2/subnet:Subnet", `ds-subnet-${az}`)]);
            expect(deps(a, "routeTableId")).toEqual([urnOf("aws:ec2/routeTable:RouteTable", `ds-rt-${az}`)]);
        }
        const main = one("aws:ec2/defaultRouteTable:DefaultRouteTable", "ds-main-rt");
        expect(main.inputs.routes).toEqual([]);
        expect(deps(main, "defaultRouteTableId")).toEqual([urnOf("aws:ec2/vpc:Vpc", "ds-vpc")]);
    });
    it("adopts the default security group with no rules (Security Hub EC2.2)", () => {
        const dsg = one("aws:ec2/defaultSecurityGroup:DefaultSecurityGroup", "ds-default-sg");
        expect(dsg.inputs.ingress).toEqual([]);
        expect(dsg.inputs.egress).toEqual([]);
    });
});

describe("IsolatedNetwork: endpoints", () => {
    const interfaces = () => ofType("aws:ec2/vpcEndpoint:VpcEndpoint").filter((e) => e.inputs.vpcEndpointType === "Interface");
    it("creates every default interface endpoint with the right service name", () => {
        const names = interfaces()
            .map((e) => e.inputs.serviceName)
            .sort();
        expect(names).toEqual(
            [
                "aws.sagemaker.eu-west-1.notebook",
                "aws.sagemaker.eu-west-1.studio",
                ...[
                    "sagemaker.api",
                    "sagemaker.runtime",
                    "sts",
                    "logs",
                    "monitoring",
                    "kms",
                    "ssm",
                    "secretsmanager",
                    "ecr.api",
                    "ecr.dkr",
                    "codeartifact.api",
                    "codeartifact.repositories",
                ].map((s) => `com.amazonaws.eu-west-1.${s}`),
            ].sort(),
        );
        expect(interfaces()).toHaveLength(DEFAULT_INTERFACE_ENDPOINTS.length);
    });
    it("puts every interface endpoint in every subnet, with private DNS, the endpoint SG and a policy", () => {
        const subnets = ofType("aws:ec2/subnet:Subnet")
            .map((s) => s.urn)
            .sort();
        const sg = urnOf("aws:ec2/securityGroup:SecurityGroup", "ds-endpoints-sg");
        for (const e of interfaces()) {
            expect(e.inputs.privateDnsEnabled, e.name).toBe(true);
            expect((e.inputs.subnetIds as string[]).length, e.name).toBe(3);
            expect([...deps(e, "subnetIds")].sort(), e.name).toEqual(subnets);
            expect(deps(e, "securityGroupIds"), e.name).toEqual([sg]);
            expect(typeof e.inputs.policy, e.name).toBe("string");
        }
    });
    it("scopes interface endpoint policies to the platform's principals (STS etc. to the platform's resources too, N12), CodeArtifact to reads", () => {
        const sts = one("aws:ec2/vpcEndpoint:VpcEndpoint", "ds-vpce-sts");
        expect(JSON.parse(sts.inputs.policy as string).Statement).toEqual([
            {
                Sid: "PlatformPrincipalsToPlatformResources",
                Effect: "Allow",
                Principal: "*",
                Action: "*",
                Resource: "*",
                Condition: {
                    StringEquals: { "aws:PrincipalAccount": ["111111111111", "222222222222"], "aws:ResourceAccount": ["111111111111", "222222222222"] },
                },
            },
        ]);
        const api = one("aws:ec2/vpcEndpoint:VpcEndpoint", "ds-vpce-sagemaker-api");
        expect(JSON.parse(api.inputs.policy as string).Statement[0].Sid).toBe("PlatformPrincipalsOnly");
        const ca = JSON.parse(one("aws:ec2/vpcEndpoint:VpcEndpoint", "ds-vpce-codeartifact-repositories").inputs.policy as string);
        expect(ca.Statement.map((s: { Sid: string }) => s.Sid)).toEqual(["ReadPlatformRepositories", "CodeArtifactBearerTokens"]);
        expect(ca.Statement[1].Condition.StringEquals["sts:AWSServiceName"]).toBe("codeartifact.amazonaws.com");
    });
    it("attaches the S3 gateway endpoint to every route table with the bucket-scoped policy", () => {
        const s3 = one("aws:ec2/vpcEndpoint:VpcEndpoint", "ds-vpce-s3");
        expect(s3.inputs).toMatchObject({ serviceName: "com.amazonaws.eu-west-1.s3", vpcEndpointType: "Gateway" });
        expect(s3.inputs.privateDnsEnabled).toBeUndefined();
        expect([...deps(s3, "routeTableIds")].sort()).toEqual(
            ofType("aws:ec2/routeTable:RouteTable")
                .map((t) => t.urn)
                .sort(),
        );
        const resourcesAllowed = JSON.parse(s3.inputs.policy as string).Statement.flatMap((s: { Resource: string[] }) => s.Resource);
        expect(resourcesAllowed).toEqual([
            "arn:aws:s3:::acme-dev-*",
            "arn:aws:s3:::acme-dev-*/*",
            "arn:aws:s3:::assets-438097961670-eu-west-1/*",
            "arn:aws:s3:::prod-eu-west-1-starport-layer-bucket/*",
        ]);
    });
});

describe("IsolatedNetwork: security groups", () => {
    const rules = () => [
        ...ofType("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule"),
        ...ofType("aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule"),
    ];
    const sg = (name: string) => urnOf("aws:ec2/securityGroup:SecurityGroup", name);
    const rulesOf = (type: "Ingress" | "Egress", groupName: string) =>
        ofType(`aws:vpc/securityGroup${type}Rule:SecurityGroup${type}Rule`).filter((r) => deps(r, "securityGroupId")[0] === sg(groupName));
    /** A rule as [protocol, from, to, peer] where peer is a group name, a CIDR or "s3-prefix-list". */
    const shape = (r: PlanResource) => {
        const peerGroup = deps(r, "referencedSecurityGroupId")[0];
        const peer = peerGroup ? resources.find((x) => x.urn === peerGroup)?.name : (r.inputs.cidrIpv4 ?? (r.inputs.prefixListId ? "s3-prefix-list" : "?"));
        return [r.inputs.ipProtocol, r.inputs.fromPort, r.inputs.toPort, peer];
    };
    it("never uses 0.0.0.0/0, ::/0 or inline rules; all-protocol rules only between one team's job instances", () => {
        for (const r of rules()) {
            expect(r.inputs.cidrIpv4 === undefined || r.inputs.cidrIpv4 === "10.20.0.0/16", r.name).toBe(true);
            expect(r.inputs.cidrIpv6, r.name).toBeUndefined();
            if (r.inputs.ipProtocol === "-1") {
                expect(shape(r)[3], r.name).toBe("ds-jobs-fraud-sg");
                expect(deps(r, "securityGroupId")[0], r.name).toBe(sg("ds-jobs-fraud-sg"));
            } else {
                expect(r.inputs.ipProtocol, r.name).toBe("tcp");
            }
        }
        for (const g of ofType("aws:ec2/securityGroup:SecurityGroup")) {
            expect(g.inputs.ingress ?? [], g.name).toEqual([]);
            expect(g.inputs.egress ?? [], g.name).toEqual([]);
            expect(g.inputs.revokeRulesOnDelete, g.name).toBe(true);
        }
    });
    it("endpoint SG: one rule, 443 from the VPC range, however many users; no egress", () => {
        // One rule per user would exceed the default quota of 60 rules per group at a few dozen users.
        expect(rulesOf("Ingress", "ds-endpoints-sg").map(shape)).toEqual([["tcp", 443, 443, "10.20.0.0/16"]]);
        expect(rulesOf("Egress", "ds-endpoints-sg")).toEqual([]);
        const touchingEndpointGroup = rules().filter((r) => deps(r, "securityGroupId")[0] === sg("ds-endpoints-sg"));
        expect(touchingEndpointGroup.every((r) => r.parent !== resources.find((x) => x.type === "test:index:Profiles")?.urn)).toBe(true);
    });
    it("domain SG: no ingress; NFS to the VPC, 443 to the endpoints and to S3", () => {
        expect(rulesOf("Ingress", "ds-domain-sg")).toEqual([]);
        expect(rulesOf("Egress", "ds-domain-sg").map(shape).sort()).toEqual(
            [
                ["tcp", 2049, 2049, "10.20.0.0/16"],
                ["tcp", 443, 443, "ds-endpoints-sg"],
                ["tcp", 443, 443, "s3-prefix-list"],
            ].sort(),
        );
    });
    it("one SG per user: self 8192-65535 in and out, NFS, 443 to endpoints and S3; no other user admitted", () => {
        for (const user of USERS) {
            const name = `ds-user-${user}-sg`;
            expect(one("aws:ec2/securityGroup:SecurityGroup", name).inputs.tags).toMatchObject({ "secure-ds:user-profile": user });
            expect(rulesOf("Ingress", name).map(shape)).toEqual([["tcp", 8192, 65535, name]]);
            expect(rulesOf("Egress", name).map(shape).sort()).toEqual(
                [
                    ["tcp", 8192, 65535, name],
                    ["tcp", 2049, 2049, "10.20.0.0/16"],
                    ["tcp", 443, 443, "ds-endpoints-sg"],
                    ["tcp", 443, 443, "s3-prefix-list"],
                ].sort(),
            );
        }
    });
    it("one SG per team's jobs: all traffic between its own instances, 443 to endpoints and S3; nothing else admitted", () => {
        const name = "ds-jobs-fraud-sg";
        expect(one("aws:ec2/securityGroup:SecurityGroup", name).inputs.tags).toMatchObject({ "secure-ds:jobs-of-team": "fraud" });
        expect(rulesOf("Ingress", name).map(shape)).toEqual([["-1", undefined, undefined, name]]);
        expect(rulesOf("Egress", name).map(shape).sort()).toEqual(
            [
                ["-1", undefined, undefined, name],
                ["tcp", 443, 443, "ds-endpoints-sg"],
                ["tcp", 443, 443, "s3-prefix-list"],
            ].sort(),
        );
    });
    it("user rules are children of the caller's parent, so they live and die with the profile", () => {
        const parent = resources.find((r) => r.type === "test:index:Profiles")?.urn;
        expect(one("aws:ec2/securityGroup:SecurityGroup", "ds-user-alice-sg").parent).toBe(parent);
        expect(one("aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule", "ds-user-alice-endpoints-out").parent).toBe(parent);
        expect(one("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", "ds-user-alice-self-in").parent).toBe(parent);
    });
});

describe("IsolatedNetwork: flow logs", () => {
    it("logs ALL traffic of the VPC to a KMS-encrypted, retained, protected log group", () => {
        const fl = one("aws:ec2/flowLog:FlowLog", "ds-flow-logs");
        expect(fl.inputs).toMatchObject({ trafficType: "ALL", logDestinationType: "cloud-watch-logs" });
        expect(deps(fl, "vpcId")).toEqual([urnOf("aws:ec2/vpc:Vpc", "ds-vpc")]);
        expect(deps(fl, "logDestination")).toEqual([urnOf("aws:cloudwatch/logGroup:LogGroup", "ds-flow-logs-logs")]);
        expect(fl.options.dependsOn).toContain(urnOf("aws:iam/rolePolicy:RolePolicy", "ds-flow-logs-delivery"));
        const group = one("aws:cloudwatch/logGroup:LogGroup", "ds-flow-logs-logs");
        expect(group.inputs).toMatchObject({ name: "/secure-ds/acme-dev/vpc-flow-logs/data-science", kmsKeyId: KEY, retentionInDays: 365 });
        expect(group.options).toMatchObject({ protect: true, retainOnDelete: true });
    });
    it("delivers through a role only this account's flow logs can assume, writing only its group", () => {
        const role = one("aws:iam/role:Role", "ds-flow-logs-role");
        expect(role.inputs.name).toBe("acme-dev-ds-flow-logs");
        expect(JSON.parse(role.inputs.assumeRolePolicy as string).Statement).toEqual([
            {
                Sid: "VpcFlowLogsOfThisAccount",
                Effect: "Allow",
                Principal: { Service: "vpc-flow-logs.amazonaws.com" },
                Action: "sts:AssumeRole",
                Condition: {
                    StringEquals: { "aws:SourceAccount": "111111111111" },
                    ArnLike: { "aws:SourceArn": "arn:aws:ec2:eu-west-1:111111111111:vpc-flow-log/*" },
                },
            },
        ]);
        const policy = JSON.parse(one("aws:iam/rolePolicy:RolePolicy", "ds-flow-logs-delivery").inputs.policy as string);
        const groupArn = one("aws:cloudwatch/logGroup:LogGroup", "ds-flow-logs-logs").outputs.arn as string;
        expect(groupArn).toMatch(/:log-group:\/secure-ds\/acme-dev\/vpc-flow-logs\/data-science$/);
        expect(policy.Statement[0].Resource).toEqual([groupArn, `${groupArn}:log-stream:*`]);
    });
});

describe("IsolatedNetwork: DNS firewall (N11)", () => {
    const R53 = "aws:route53/";
    it("associates a walled garden with the VPC: the endpoints' and platform names allowed, everything else NXDOMAIN", () => {
        const association = one(`${R53}resolverFirewallRuleGroupAssociation:ResolverFirewallRuleGroupAssociation`, "ds-dns-firewall-association");
        expect(association.inputs).toMatchObject({ priority: 101, mutationProtection: "ENABLED" });
        expect(deps(association, "vpcId")).toEqual([urnOf("aws:ec2/vpc:Vpc", "ds-vpc")]);
        const allowed = one(`${R53}resolverFirewallDomainList:ResolverFirewallDomainList`, "ds-dns-firewall-allowed").inputs.domains as string[];
        expect(allowed).toEqual(
            expect.arrayContaining([
                "api.sagemaker.eu-west-1.amazonaws.com",
                "sts.eu-west-1.amazonaws.com",
                "*.studio.eu-west-1.sagemaker.aws",
                "*.dkr.ecr.eu-west-1.amazonaws.com",
                "codeartifact.eu-west-1.amazonaws.com",
                "*.d.codeartifact.eu-west-1.amazonaws.com",
                "*.s3.eu-west-1.amazonaws.com",
            ]),
        );
        expect(allowed).not.toContain("*");
        expect(allowed.filter((d) => !/(amazonaws\.com|sagemaker\.aws|\.internal)$/.test(d))).toEqual([]);
        expect(one(`${R53}resolverFirewallDomainList:ResolverFirewallDomainList`, "ds-dns-firewall-everything").inputs.domains).toEqual(["*"]);
        const allow = one(`${R53}resolverFirewallRule:ResolverFirewallRule`, "ds-dns-firewall-allow-platform").inputs;
        const block = one(`${R53}resolverFirewallRule:ResolverFirewallRule`, "ds-dns-firewall-block-rest").inputs;
        expect(allow).toMatchObject({ action: "ALLOW" });
        expect(block).toMatchObject({ action: "BLOCK", blockResponse: "NXDOMAIN" });
        expect(allow.priority as number).toBeLessThan(block.priority as number);
    });
    it("fails closed and logs every query to the audit archive", () => {
        const config = one(`${R53}resolverFirewallConfig:ResolverFirewallConfig`, "ds-dns-firewall-config");
        expect(config.inputs.firewallFailOpen).toBe("DISABLED");
        expect(deps(config, "resourceId")).toEqual([urnOf("aws:ec2/vpc:Vpc", "ds-vpc")]);
        expect(one(`${R53}resolverQueryLogConfig:ResolverQueryLogConfig`, "ds-dns-firewall-query-logs").inputs.destinationArn).toBe(ARCHIVE);
        const logs = one(`${R53}resolverQueryLogConfigAssociation:ResolverQueryLogConfigAssociation`, "ds-dns-firewall-query-logs-association");
        expect(deps(logs, "resourceId")).toEqual([urnOf("aws:ec2/vpc:Vpc", "ds-vpc")]);
    });
    it("allows the configured extra names and refuses '*'", async () => {
        const withExtra = await build({ ...BASE, dnsExtraAllowedDomains: ["*.corp.example.com"] });
        const allowed = withExtra.find((r) => r.name === "ds-dns-firewall-allowed")?.inputs.domains as string[];
        expect(allowed).toContain("*.corp.example.com");
        await expect(build({ ...BASE, dnsExtraAllowedDomains: ["*"] })).rejects.toThrow(/"\*" alone would allow every name/);
    });
});

describe("IsolatedNetwork: options and validation", () => {
    it("honours the endpoint selection, extra buckets, retention and organisation scope", async () => {
        const rs = await build(
            {
                ...BASE,
                availabilityZones: AZS.slice(0, 2),
                interfaceEndpoints: ["sagemaker.api", "sts", "logs", "ssm", "codeartifact.api", "codeartifact.repositories", "athena"],
                s3ExtraReadBuckets: ["sagemaker-sample-files"],
                flowLogRetentionDays: 90,
                principalScope: { accountIds: ["111111111111"], organizationId: "o-a1b2c3d4e5" },
            },
            [],
        );
        const endpoints = rs.filter((r) => r.type === "aws:ec2/vpcEndpoint:VpcEndpoint");
        expect(endpoints).toHaveLength(8);
        const athena = endpoints.find((e) => e.name === "ds-vpce-athena");
        expect(athena?.inputs.serviceName).toBe("com.amazonaws.eu-west-1.athena");
        expect(JSON.parse(athena?.inputs.policy as string).Statement[0].Condition).toEqual({ StringEquals: { "aws:PrincipalOrgID": "o-a1b2c3d4e5" } });
        const s3 = JSON.parse(endpoints.find((e) => e.name === "ds-vpce-s3")?.inputs.policy as string);
        expect(s3.Statement[3]).toMatchObject({
            Sid: "ConfiguredReadOnlyBuckets",
            Action: ["s3:GetObject", "s3:ListBucket"],
            Resource: ["arn:aws:s3:::sagemaker-sample-files", "arn:aws:s3:::sagemaker-sample-files/*"],
        });
        expect(rs.find((r) => r.type === "aws:cloudwatch/logGroup:LogGroup")?.inputs.retentionInDays).toBe(90);
        expect(rs.filter((r) => r.type === "aws:ec2/subnet:Subnet").map((s) => s.inputs.cidrBlock)).toEqual(["10.20.0.0/17", "10.20.128.0/17"]);
    });
    it("uses China service names in aws-cn", async () => {
        const rs = await build(
            {
                ...BASE,
                account: { partition: "aws-cn", region: "cn-north-1", accountId: "111111111111" },
                availabilityZones: ["cn-north-1a", "cn-north-1b"],
                codeArtifactAssetsBucket: "assets-cn",
            },
            [],
        );
        const names = rs.filter((r) => r.type === "aws:ec2/vpcEndpoint:VpcEndpoint").map((e) => e.inputs.serviceName);
        expect(names).toContain("cn.com.amazonaws.cn-north-1.sts");
        expect(names).toContain("aws.sagemaker.cn-north-1.studio");
        expect(rs.find((r) => r.type === "aws:iam/role:Role")?.inputs.assumeRolePolicy).toContain("vpc-flow-logs.amazonaws.com.cn");
    });
    const invalid: [string, Partial<IsolatedNetworkArgs>, RegExp][] = [
        ["one AZ", { availabilityZones: ["eu-west-1a"] }, /at least 2/],
        ["a repeated AZ", { availabilityZones: ["eu-west-1a", "eu-west-1a"] }, /twice/],
        [
            "a required endpoint left out",
            { interfaceEndpoints: ["sagemaker.api", "logs", "ssm", "codeartifact.api", "codeartifact.repositories"] },
            /sts \(Studio in VpcOnly mode cannot obtain credentials without it\)/,
        ],
        ["an s3 interface endpoint", { interfaceEndpoints: [...DEFAULT_INTERFACE_ENDPOINTS.map((e) => e.key), "s3"] }, /other than s3/],
        ["a CIDR too small for the AZs", { cidr: "10.20.0.0/27" }, /cannot be split/],
        ["a region without a known asset bucket", { account: { ...ACCOUNT, region: "ap-south-1" } }, /asset bucket of ap-south-1/],
        [
            "subnets smaller than the capacity plan",
            { cidr: "10.20.0.0/24", capacity: { ipsPerSubnet: 500, recommendedSubnetPrefixLength: 23 } as IsolatedNetworkArgs["capacity"] },
            /needs 500 per subnet/,
        ],
    ];
    for (const [what, change, message] of invalid) {
        it(`refuses ${what} before registering anything`, async () => {
            let thrown: unknown;
            // The program swallows the error: the engine then reports that nothing at all was registered.
            await expect(
                runWithMocks({
                    stack: "test",
                    config: {},
                    program: () => {
                        try {
                            new IsolatedNetwork("bad", { ...BASE, ...change });
                        } catch (err) {
                            thrown = err;
                        }
                    },
                }),
            ).rejects.toThrow(/recorded no cloud resource/);
            expect(String(thrown)).toMatch(message);
        });
    }
    it("refuses a repeated job security group for one team", async () => {
        await expect(
            runWithMocks({
                stack: "test",
                config: {},
                program: () => {
                    const net = new IsolatedNetwork("ds", BASE);
                    net.jobSecurityGroup("fraud", net);
                    net.jobSecurityGroup("fraud", net);
                },
            }),
        ).rejects.toThrow(/jobSecurityGroup\("fraud"\) was already called/);
    });
    it("refuses a bad or repeated user profile name", async () => {
        await expect(build(BASE, ["alice", "alice"])).rejects.toThrow(/already called/);
        await expect(build(BASE, ["bad name"])).rejects.toThrow(/not a SageMaker user profile name/);
    });
});
