/**
 * Each network property of the dev plan, mutated one at a time in memory, is caught by the pack
 * with the mandatory configuration (what prod runs).
 */
import { describe, expect, it } from "vitest";
import { evaluatePolicies, packConfigPath, readPackConfig } from "../../plan/evaluate";
import { PlanFinding, PlanResource } from "../../plan/types";
import { loadStackPlan } from "../harness/stackPlans";
import { planResource } from "../harness/planResource";

/**
 * The rules this test follows: internet paths, public ingress, endpoints, flow logs and their log
 * groups. Each mutation below must be reported by exactly the rule it targets among these (other
 * rules, such as security-group-descriptions, may also see an added resource).
 */
const NETWORK_RULES = new Set([
    "isolated-vpc-no-internet-path",
    "security-group-no-public-ingress",
    "vpc-endpoint-private-dns",
    "isolated-vpc-endpoint-policy",
    "vpc-flow-logs",
    "log-group-encrypted-retention",
]);
const plan = loadStackPlan("dev");

/** Network findings of the mandatory pack over a mutated copy of the dev plan's resources. */
async function findingsAfter(mutate: (resources: PlanResource[]) => void): Promise<PlanFinding[]> {
    const resources = structuredClone(plan.resources);
    mutate(resources);
    const findings = await evaluatePolicies(resources, readPackConfig(packConfigPath("mandatory")));
    return findings.filter((f) => NETWORK_RULES.has(f.policy));
}

const find = (resources: PlanResource[], type: string, name?: string): PlanResource => {
    const r = resources.find((x) => x.type === type && (name === undefined || x.name === name));
    if (!r) throw new Error(`the dev plan has no ${type} ${name ?? ""}`);
    return r;
};
const VPC = "aws:ec2/vpc:Vpc";
const vpcUrn = (resources: PlanResource[]) => find(resources, VPC, "data-science-vpc").urn;
/** The first `type` of the isolated data VPC: the scanning VPC's subnets and route tables come earlier in the plan. */
const isolatedOne = (resources: PlanResource[], type: string): PlanResource => {
    const r = resources.find((x) => x.type === type && x.name.startsWith("data-science-"));
    if (!r) throw new Error(`the dev plan has no ${type} of the data VPC`);
    return r;
};

/** A resource added to the plan as the engine would record it. */
function added(type: string, name: string, inputs: Record<string, unknown>, propertyDependencies: Record<string, string[]>): PlanResource {
    return planResource("dev", type, name, inputs, propertyDependencies);
}

describe("the dev plan's network under the mandatory pack", () => {
    it("contains the isolated network and no network finding as planned", async () => {
        expect(plan.resources.filter((r) => r.type === "secure-ds:network:IsolatedNetwork")).toHaveLength(1);
        expect(plan.outputs.capacityPlan).toMatchObject({ users: 20, ipsPerUser: 5 });
        expect(await findingsAfter(() => undefined)).toEqual([]);
    });

    const mutations: [string, string, (resources: PlanResource[]) => void][] = [
        [
            "private DNS turned off on an interface endpoint",
            "vpc-endpoint-private-dns",
            (rs) => {
                find(rs, "aws:ec2/vpcEndpoint:VpcEndpoint", "data-science-vpce-sts").inputs.privateDnsEnabled = false;
            },
        ],
        [
            "an ingress rule opened to 0.0.0.0/0",
            "security-group-no-public-ingress",
            (rs) => {
                const rule = find(rs, "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule");
                delete rule.inputs.referencedSecurityGroupId;
                rule.inputs.cidrIpv4 = "0.0.0.0/0";
            },
        ],
        [
            "an inline ::/0 ingress on the endpoint security group",
            "security-group-no-public-ingress",
            (rs) => {
                find(rs, "aws:ec2/securityGroup:SecurityGroup", "data-science-endpoints-sg").inputs.ingress = [
                    { protocol: "tcp", fromPort: 443, toPort: 443, ipv6CidrBlocks: ["::/0"] },
                ];
            },
        ],
        [
            "the flow log removed",
            "vpc-flow-logs",
            (rs) => {
                rs.splice(rs.indexOf(find(rs, "aws:ec2/flowLog:FlowLog")), 1);
            },
        ],
        [
            "the flow log reduced to rejected traffic",
            "vpc-flow-logs",
            (rs) => {
                find(rs, "aws:ec2/flowLog:FlowLog").inputs.trafficType = "REJECT";
            },
        ],
        [
            "an internet gateway attached to the isolated VPC",
            "isolated-vpc-no-internet-path",
            (rs) => {
                rs.push(added("aws:ec2/internetGateway:InternetGateway", "igw", {}, { vpcId: [vpcUrn(rs)] }));
            },
        ],
        [
            "a NAT gateway in an isolated subnet",
            "isolated-vpc-no-internet-path",
            (rs) => {
                rs.push(added("aws:ec2/natGateway:NatGateway", "nat", {}, { subnetId: [isolatedOne(rs, "aws:ec2/subnet:Subnet").urn] }));
            },
        ],
        [
            "a 0.0.0.0/0 route in an isolated route table",
            "isolated-vpc-no-internet-path",
            (rs) => {
                rs.push(
                    added(
                        "aws:ec2/route:Route",
                        "default",
                        { destinationCidrBlock: "0.0.0.0/0", gatewayId: "igw-0123" },
                        { routeTableId: [isolatedOne(rs, "aws:ec2/routeTable:RouteTable").urn] },
                    ),
                );
            },
        ],
        [
            "an egress-only gateway for IPv6",
            "isolated-vpc-no-internet-path",
            (rs) => {
                rs.push(added("aws:ec2/egressOnlyInternetGateway:EgressOnlyInternetGateway", "eigw", {}, { vpcId: [vpcUrn(rs)] }));
            },
        ],
        [
            "the KMS key removed from the flow-log group",
            "log-group-encrypted-retention",
            (rs) => {
                delete find(rs, "aws:cloudwatch/logGroup:LogGroup").inputs.kmsKeyId;
            },
        ],
        [
            "the flow-log group set to never expire",
            "log-group-encrypted-retention",
            (rs) => {
                delete find(rs, "aws:cloudwatch/logGroup:LogGroup").inputs.retentionInDays;
            },
        ],
        [
            "an endpoint policy removed",
            "isolated-vpc-endpoint-policy",
            (rs) => {
                delete find(rs, "aws:ec2/vpcEndpoint:VpcEndpoint", "data-science-vpce-kms").inputs.policy;
            },
        ],
        [
            "the S3 gateway opened to every bucket",
            "isolated-vpc-endpoint-policy",
            (rs) => {
                find(rs, "aws:ec2/vpcEndpoint:VpcEndpoint", "data-science-vpce-s3").inputs.policy = JSON.stringify({
                    Version: "2012-10-17",
                    Statement: [{ Effect: "Allow", Principal: "*", Action: "s3:*", Resource: "*" }],
                });
            },
        ],
    ];
    for (const [what, policy, mutate] of mutations) {
        it(`catches ${what} (${policy})`, async () => {
            const findings = await findingsAfter(mutate);
            expect(findings.map((f) => f.policy)).toEqual([policy]);
            expect(findings[0].level).toBe("mandatory");
        });
    }
});
