import { describe, expect, it } from "vitest";
import { PlatformConfigError, parsePlatformConfig, workloadConfig } from "../../stacks/config";
import { capacityPlanOutput, networkPlan, networkSchema } from "../../stacks/schema/network";
import { readPlatformSection, stackConfigPath } from "../../plan/stackConfig";

type Raw = Record<string, unknown> & { network: Record<string, unknown> };

function stack(name: "dev" | "prod"): Raw {
    return structuredClone(readPlatformSection(stackConfigPath(name))) as Raw;
}

/** The problems of a config, or [] when it parses. */
function problems(raw: unknown): string[] {
    try {
        parsePlatformConfig(raw);
        return [];
    } catch (err) {
        if (err instanceof PlatformConfigError) return err.problems;
        throw err;
    }
}

/** Problems about the network section only (other sections may be work in progress). */
const networkProblems = (raw: unknown) => problems(raw).filter((p) => p.startsWith("secure-ds:platform.network"));

describe("network config: capacity", () => {
    it("the example stacks fit", () => {
        expect(networkProblems(stack("dev"))).toEqual([]);
        expect(networkProblems(stack("prod"))).toEqual([]);
    });
    it("a prod config for 3,000 users in a /24 fails with a capacity error naming the numbers", () => {
        const raw = stack("prod");
        raw.network = { ...raw.network, cidr: "10.40.0.0/24", expectedUsers: 3000 };
        const found = networkProblems(raw);
        expect(found).toHaveLength(1);
        expect(found[0]).toMatch(
            /^secure-ds:platform\.network\.cidr: "10\.40\.0\.0\/24" is too small: split into 3 subnets of \/26 it holds 59 usable IPs per subnet, but 3,000 users need 18,018 per subnet/,
        );
        expect(found[0]).toContain("use subnets of at least /17");
    });
    it("3,000 users even overflow a /16 once 20% growth is added, and the message says a /16 cannot hold them", () => {
        const raw = stack("prod");
        raw.network = { ...raw.network, expectedUsers: 3000 };
        const found = networkProblems(raw);
        expect(found).toHaveLength(1);
        expect(found[0]).toContain("16,379 usable IPs per subnet");
        expect(found[0]).toContain("more than a /16 VPC");
        raw.network = { ...raw.network, growthPercent: 0 };
        expect(networkProblems(raw)).toEqual([]);
    });
    it("counts configured users when they exceed the estimate", () => {
        const raw = stack("dev");
        raw.network = { ...raw.network, cidr: "10.20.0.0/26", expectedUsers: 1, growthPercent: 0, trainingInstancesPerUser: 0 };
        // 5 configured users x 3 IPs + 15 domain IPs = 30 > 27 usable in a /27.
        expect(networkProblems(raw)[0]).toContain("5 users need 30 per subnet");
    });
    it("names subnetPrefixLength when that is what is too small or does not fit", () => {
        const raw = stack("dev");
        raw.network = { ...raw.network, subnetPrefixLength: 28 };
        expect(networkProblems(raw)[0]).toMatch(/^secure-ds:platform\.network\.subnetPrefixLength: 28 is too small/);
        raw.network = { ...raw.network, cidr: "10.20.0.0/24", subnetPrefixLength: 24 };
        expect(networkProblems(raw)[0]).toMatch(/^secure-ds:platform\.network\.subnetPrefixLength: 24 cannot be split into 2 subnets of \/24/);
    });
    it("rejects per-user figures that contradict each other", () => {
        const raw = stack("dev");
        raw.network = { ...raw.network, appsPerUser: 1, instanceTypesPerUser: 2 };
        expect(networkProblems(raw)).toEqual([
            "secure-ds:platform.network.instanceTypesPerUser: 2 exceeds appsPerUser (1); every instance runs at least one app, so raise appsPerUser or lower instanceTypesPerUser",
        ]);
    });
});

describe("network config: endpoints", () => {
    it("removing a required endpoint names it and what breaks", () => {
        const raw = stack("dev");
        raw.network = { ...raw.network, endpoints: { disabled: ["notebook", "sts", "logs"] } };
        expect(networkProblems(raw)).toEqual([
            'secure-ds:platform.network.endpoints.disabled[1]: "sts" is required: Studio in VpcOnly mode cannot obtain credentials without it; remove it from network.endpoints.disabled',
            'secure-ds:platform.network.endpoints.disabled[2]: "logs" is required: Studio apps and lifecycle scripts cannot write their logs without it, and app start-up fails; remove it from network.endpoints.disabled',
        ]);
    });
    it("codeartifact endpoints are required (S1)", () => {
        const raw = stack("dev");
        raw.network = { ...raw.network, endpoints: { disabled: ["codeartifact.repositories"] } };
        expect(networkProblems(raw)[0]).toContain("pip cannot download packages without it");
    });
    it("rejects unknown disabled names, bad or duplicate extras and an s3 interface endpoint", () => {
        const raw = stack("dev");
        raw.network = { ...raw.network, endpoints: { extra: ["athena", "Glue!", "sts", "s3", "athena"], disabled: ["nope"] } };
        const found = networkProblems(raw);
        expect(found).toContain('secure-ds:platform.network.endpoints.extra[1]: "Glue!" is not a service short name such as athena or sagemaker.metrics');
        expect(found).toContain('secure-ds:platform.network.endpoints.extra[2]: "sts" is already one of the default endpoints');
        expect(found).toContain(
            'secure-ds:platform.network.endpoints.extra[3]: "s3" cannot be added: S3 is already served by the gateway endpoint on every route table',
        );
        expect(found).toContain('secure-ds:platform.network.endpoints.extra[4]: "athena" is listed twice');
        expect(found.find((p) => p.includes("disabled[0]"))).toMatch(/"nope" is not a default endpoint; the optional ones are sagemaker\.runtime, /);
    });
    it("opting out and adding change the endpoint set and the capacity plan", () => {
        const raw = stack("dev");
        raw.network = { ...raw.network, endpoints: { extra: ["athena", "glue"], disabled: ["notebook", "monitoring", "secretsmanager"] } };
        const plan = networkPlan(parsePlatformConfigNetworkOnly(raw));
        expect(plan.interfaceEndpoints).toHaveLength(14 - 3 + 2);
        expect(plan.interfaceEndpoints).toContain("athena");
        expect(plan.interfaceEndpoints).not.toContain("notebook");
        expect(plan.capacity.domainIpsPerSubnet.endpoints).toBe(13);
    });
});

describe("network config: other keys", () => {
    it("requires the CodeArtifact asset bucket where the region's bucket is not built in", () => {
        const raw = stack("dev");
        raw.region = "ap-south-1";
        raw.availabilityZones = ["ap-south-1a", "ap-south-1b"];
        expect(networkProblems(raw)[0]).toMatch(
            /^secure-ds:platform\.network\.codeArtifactAssetsBucket: missing; the CodeArtifact asset bucket of region ap-south-1 is not built in/,
        );
        raw.network = { ...raw.network, codeArtifactAssetsBucket: "assets-111122223333-ap-south-1" };
        expect(networkProblems(raw)).toEqual([]);
    });
    it("accepts only CloudWatch retention values and bucket names", () => {
        const raw = stack("dev");
        raw.network = { ...raw.network, flowLogRetentionDays: 100, s3EndpointExtraBuckets: ["Bad_Bucket"] };
        const found = networkProblems(raw);
        expect(found).toContain(
            "secure-ds:platform.network.flowLogRetentionDays: 100 is not a CloudWatch Logs retention; use one of 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653",
        );
        expect(found).toContain('secure-ds:platform.network.s3EndpointExtraBuckets[0]: "Bad_Bucket" is not an S3 bucket name');
    });
    it("rejects unknown keys and applies the documented defaults", () => {
        const raw = stack("dev");
        raw.network = { ...raw.network, cidrr: "x" };
        expect(networkProblems(raw)[0]).toContain('cidrr: unknown key; did you mean "cidr"?');
        const network = parsePlatformConfigNetworkOnly(stack("dev")).network;
        expect(network).toMatchObject({
            appsPerUser: 4,
            instanceTypesPerUser: 2,
            trainingInstancesPerUser: 1,
            trainingUsesEfa: false,
            growthPercent: 20,
            flowLogRetentionDays: 365,
            s3EndpointExtraBuckets: [],
            endpoints: { extra: [], disabled: [] },
        });
    });
    it("summarises the plan for the offline plan output", () => {
        const out = capacityPlanOutput(parsePlatformConfigNetworkOnly(stack("dev")));
        expect(out).toMatchObject({ ipsPerUser: 5, interfaceEndpoints: 14, domainIpsPerSubnet: 15, growthPercent: 20, recommendedSubnetMask: "/24" });
        expect(out.subnets.map((s) => s.cidr)).toEqual(["10.20.0.0/17", "10.20.128.0/17"]);
    });
});

/**
 * Parses a config, tolerating problems outside `network` (sections other engineers are building),
 * so these tests depend only on the network schema.
 */
function parsePlatformConfigNetworkOnly(raw: unknown) {
    try {
        return workloadConfig(parsePlatformConfig(raw));
    } catch (err) {
        if (!(err instanceof PlatformConfigError) || err.problems.some((p) => p.startsWith("secure-ds:platform.network"))) throw err;
        // Fall back to the network schema alone plus the fields networkPlan reads.
        const r = raw as Raw & { region: string; availabilityZones: string[]; teams: { users: unknown[] }[] };
        return { region: r.region, availabilityZones: r.availabilityZones, teams: r.teams, network: networkSchema.parse(r.network) };
    }
}

describe("network config: corporate access (N13, N14)", () => {
    const hub = (corporateCidrs: string[]) => {
        const raw = stack("prod");
        raw.network = { ...raw.network, transitGateway: { id: "tgw-0123456789abcdef0", corporateCidrs } };
        return raw;
    };
    it("accepts a hub with corporate ranges outside the VPC, and a Resolver inbound endpoint", () => {
        const raw = hub(["10.0.0.0/12", "172.16.0.0/12"]);
        raw.network.resolverInbound = { corporateResolverCidrs: ["10.1.53.0/28"] };
        expect(networkProblems(raw)).toEqual([]);
    });
    it("refuses a default route, a range overlapping the VPC and a range listed twice, naming each", () => {
        expect(networkProblems(hub(["0.0.0.0/0", "10.40.128.0/17", "172.16.0.0/12", "172.16.0.0/12"]))).toEqual([
            'secure-ds:platform.network.transitGateway.corporateCidrs[0]: "0.0.0.0/0" is a default route; the data VPC has no route to everywhere, list the corporate ranges only (N6, N13)',
            'secure-ds:platform.network.transitGateway.corporateCidrs[1]: "10.40.128.0/17" overlaps the data VPC\'s 10.40.0.0/16; corporate ranges must be outside the VPC',
            'secure-ds:platform.network.transitGateway.corporateCidrs[3]: "172.16.0.0/12" is listed twice',
        ]);
    });
    it("refuses an empty corporate list, a malformed gateway id and empty resolver ranges", () => {
        const raw = hub([]);
        (raw.network.transitGateway as Record<string, unknown>).id = "tgw-xyz";
        raw.network.resolverInbound = { corporateResolverCidrs: [] };
        const found = networkProblems(raw);
        expect(found).toEqual([
            "secure-ds:platform.network.resolverInbound.corporateResolverCidrs: [] is empty; list the corporate DNS resolvers' ranges",
            "secure-ds:platform.network.transitGateway.corporateCidrs: [] is empty; list the corporate ranges Studio users come from",
            'secure-ds:platform.network.transitGateway.id: "tgw-xyz" is not a transit gateway id (tgw- and 8 or 17 hex digits)',
        ]);
    });
    it("counts one attachment ENI and one resolver ENI per subnet", () => {
        const raw = hub(["10.0.0.0/12"]);
        raw.network.resolverInbound = { corporateResolverCidrs: ["10.1.53.0/28"] };
        const withHub = networkPlan(workloadConfig(parsePlatformConfig(raw)));
        const without = networkPlan(workloadConfig(parsePlatformConfig(stack("prod"))));
        expect(withHub.capacity.domainIpsPerSubnet.corporateAccess).toBe(2);
        expect(withHub.capacity.domainIpsPerSubnet.total).toBe(without.capacity.domainIpsPerSubnet.total + 2);
    });
});
