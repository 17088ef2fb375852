/**
 * Corporate access (N13, N14) end to end: dev, without it, plans as before; a config
 * derived from prod's with a transit gateway and a Resolver inbound endpoint plans with no
 * mandatory finding once the pack config lists the corporate ranges, builds what the
 * corporateAccessPlan output tells the corporate side, and is refused by the pack while the
 * security team has not listed the ranges.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { buildPlan } from "../../plan/buildPlan";
import { evaluatePolicies, packConfigPath, readPackConfig } from "../../plan/evaluate";
import { readStackConfigFile, stackConfigPath } from "../../plan/stackConfig";
import { Plan, PlanResource } from "../../plan/types";
import { loadStackPlan } from "../harness/stackPlans";

const T = {
    attachment: "aws:ec2transitgateway/vpcAttachment:VpcAttachment",
    route: "aws:ec2/route:Route",
    resolverEndpoint: "aws:route53/resolverEndpoint:ResolverEndpoint",
    ingress: "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
    endpoint: "aws:ec2/vpcEndpoint:VpcEndpoint",
    securityGroup: "aws:ec2/securityGroup:SecurityGroup",
};
const CORPORATE = ["10.0.0.0/12", "172.16.0.0/12"];
const RESOLVERS = ["10.1.53.0/28"];
const TGW = "tgw-0123456789abcdef0";

/** Prod's stack config with corporate access added (Pulumi.prod.yaml itself is not changed). */
function prodWithHub(): Record<string, unknown> {
    const config = readStackConfigFile(stackConfigPath("prod"));
    const platform = config["secure-ds:platform"] as { network: Record<string, unknown> };
    platform.network.transitGateway = { id: TGW, corporateCidrs: CORPORATE };
    platform.network.resolverInbound = { corporateResolverCidrs: RESOLVERS };
    return config;
}

const ofType = (plan: Plan, type: string): PlanResource[] => plan.resources.filter((r) => r.type === type);

describe("corporate access off (dev)", () => {
    it("dev has no attachment, no hub route, no inbound endpoint, no corporate group and no corporateAccessPlan", () => {
        const dev = loadStackPlan("dev");
        expect(ofType(dev, T.attachment)).toEqual([]);
        expect(ofType(dev, T.resolverEndpoint)).toEqual([]);
        expect(ofType(dev, T.route).filter((r) => "transitGatewayId" in r.inputs)).toEqual([]);
        expect(dev.resources.filter((r) => r.name.includes("corporate"))).toEqual([]);
        expect(dev.outputs.corporateAccessPlan).toBeUndefined();
        const capacity = dev.outputs.capacityPlan as { domainIpsPerSubnet: number; interfaceEndpoints: number };
        expect(capacity.domainIpsPerSubnet).toBe(1 + capacity.interfaceEndpoints);
    });
});

describe("corporate access on (a prod-derived config with a hub and a Resolver inbound endpoint)", () => {
    let plan: Plan;
    beforeAll(async () => {
        // The security team's side: the pack config lists the corporate ranges (transit-gateway-routes).
        const mandatory = readPackConfig(packConfigPath("mandatory")) as Record<string, unknown>;
        const packConfigFile = path.join(fs.mkdtempSync(path.join(process.env.TMPDIR ?? "/tmp", "hub-pack-")), "pack.json");
        fs.writeFileSync(
            packConfigFile,
            JSON.stringify({ ...mandatory, "transit-gateway-routes": { enforcementLevel: "mandatory", corporateCidrs: CORPORATE } }),
        );
        plan = await buildPlan({
            stack: "prod",
            config: prodWithHub(),
            packConfigFile,
            stackReferences: { "log-archive": loadStackPlan("log-archive").outputs, "shared-services": loadStackPlan("shared-services").outputs },
        });
    }, 600_000);

    it("plans with no mandatory finding and no contract violation", () => {
        expect(plan.findings.filter((f) => f.level === "mandatory")).toEqual([]);
        expect(plan.contractViolations).toEqual([]);
    });

    it("attaches the data VPC's subnets with DNS support on and appliance mode, IPv6 and group referencing off", () => {
        const [attachment, ...more] = ofType(plan, T.attachment);
        expect(more).toEqual([]);
        expect(attachment.inputs).toMatchObject({
            transitGatewayId: TGW,
            dnsSupport: "enable",
            applianceModeSupport: "disable",
            ipv6Support: "disable",
            securityGroupReferencingSupport: "disable",
        });
        expect(attachment.inputs.subnetIds).toHaveLength(3);
    });

    it("routes exactly the corporate ranges to the hub from each of the 3 route tables, and nothing else", () => {
        const hubRoutes = ofType(plan, T.route).filter((r) => r.inputs.transitGatewayId !== undefined);
        expect(hubRoutes).toHaveLength(3 * CORPORATE.length);
        expect(new Set(hubRoutes.map((r) => r.inputs.destinationCidrBlock))).toEqual(new Set(CORPORATE));
        expect(ofType(plan, T.route).filter((r) => r.inputs.destinationCidrBlock === "0.0.0.0/0" && r.urn.includes("data-science"))).toEqual([]);
    });

    it("builds the inbound endpoint at the IPs the plan prints as forwarding targets, its group admitting DNS from the corporate resolvers only", () => {
        const out = plan.outputs.corporateAccessPlan as { resolverInbound: { forwardingRules: { domain: string; targetIps: string[] }[] } };
        expect(out.resolverInbound.forwardingRules.map((r) => r.domain)).toEqual([
            "studio.eu-central-1.sagemaker.aws",
            "api.sagemaker.eu-central-1.amazonaws.com",
        ]);
        const [endpoint] = ofType(plan, T.resolverEndpoint);
        expect(endpoint.inputs.direction).toBe("INBOUND");
        const ips = (endpoint.inputs.ipAddresses as { ip: string }[]).map((a) => a.ip);
        expect(ips).toEqual(["10.40.63.254", "10.40.127.254", "10.40.191.254"]);
        for (const rule of out.resolverInbound.forwardingRules) expect(rule.targetIps).toEqual(ips);
        const dnsRules = ofType(plan, T.ingress).filter((r) => r.name.includes("resolver-inbound"));
        expect(dnsRules.map((r) => [r.inputs.ipProtocol, r.inputs.fromPort, r.inputs.toPort, r.inputs.cidrIpv4]).sort()).toEqual([
            ["tcp", 53, 53, RESOLVERS[0]],
            ["udp", 53, 53, RESOLVERS[0]],
        ]);
    });

    it("opens 443 from the corporate ranges on the Studio and SageMaker API endpoints only", () => {
        const corporateGroup = ofType(plan, T.securityGroup).find((g) => g.name.endsWith("corporate-clients-sg"));
        expect(corporateGroup).toBeDefined();
        const withGroup = ofType(plan, T.endpoint).filter((e) => (e.propertyDependencies.securityGroupIds ?? []).includes(corporateGroup?.urn ?? ""));
        expect(withGroup.map((e) => String(e.inputs.serviceName)).sort()).toEqual([
            "aws.sagemaker.eu-central-1.studio",
            "com.amazonaws.eu-central-1.sagemaker.api",
        ]);
    });

    it("counts the attachment's and the endpoint's ENIs in every subnet", () => {
        const prod = loadStackPlan("prod").outputs.capacityPlan as { domainIpsPerSubnet: number };
        expect((plan.outputs.capacityPlan as { domainIpsPerSubnet: number }).domainIpsPerSubnet).toBe(prod.domainIpsPerSubnet + 2);
    });

    it("is refused by the pack while its config lists no corporate range: every hub route, by transit-gateway-routes", async () => {
        const findings = await evaluatePolicies(structuredClone(plan.resources), readPackConfig(packConfigPath("mandatory")));
        const mandatory = findings.filter((f) => f.level === "mandatory");
        expect(new Set(mandatory.map((f) => f.policy))).toEqual(new Set(["transit-gateway-routes"]));
        expect(mandatory).toHaveLength(3 * CORPORATE.length);
    });
});
