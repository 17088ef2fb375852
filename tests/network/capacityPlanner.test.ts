import { describe, expect, it } from "vitest";
import { defaultSubnetPrefixLength, layoutSubnets, planCapacity, usableIps } from "../../components/network/capacityPlanner";

/** The whitepaper's scenario: two instance types (two apps each), one concurrent training instance, 3 AZs, 10 endpoints. */
const WHITEPAPER = {
    users: 1,
    appsPerUser: 4,
    instanceTypesPerUser: 2,
    trainingInstancesPerUser: 1,
    trainingUsesEfa: false,
    interfaceEndpoints: 10,
    availabilityZones: 3,
    growthPercent: 0,
};

describe("planCapacity: the whitepaper's worked example", () => {
    it("one user consumes 38 IPs in the VPC: 5 at user level, 33 at domain level", () => {
        const plan = planCapacity(WHITEPAPER);
        expect(plan.ipsPerUser).toEqual({ jupyterServer: 1, apps: 2, training: 2, total: 5 });
        expect(plan.domainIpsPerSubnet).toEqual({ efsMountTarget: 1, endpoints: 10, corporateAccess: 0, total: 11 });
        expect(plan.domainIps).toBe(33);
        expect(plan.ipsForOneUser).toBe(38);
    });
    it("100 users need 511 IPs per subnet, so a /22", () => {
        const plan = planCapacity({ ...WHITEPAPER, users: 100 });
        expect(plan.ipsPerSubnet).toBe(511);
        expect(plan.recommendedSubnetPrefixLength).toBe(22);
        // A /23 has 512 addresses but only 507 usable: the 5 reserved addresses decide it.
        expect(usableIps(23)).toBe(507);
        expect(usableIps(22)).toBe(1019);
    });
});

describe("planCapacity: the table", () => {
    const cases: { name: string; change: Partial<typeof WHITEPAPER>; perUser: number; perSubnet: number; prefix: number | undefined }[] = [
        { name: "EFA training: 5 IPs per instance", change: { users: 100, trainingUsesEfa: true }, perUser: 1 + 2 + 5, perSubnet: 100 * 8 + 11, prefix: 22 },
        { name: "no training in the VPC", change: { users: 100, trainingInstancesPerUser: 0 }, perUser: 3, perSubnet: 311, prefix: 23 },
        { name: "two training instances", change: { users: 10, trainingInstancesPerUser: 2 }, perUser: 7, perSubnet: 81, prefix: 25 },
        { name: "the platform's 16 endpoints", change: { users: 20, interfaceEndpoints: 16 }, perUser: 5, perSubnet: 117, prefix: 25 },
        { name: "20% growth", change: { users: 100, growthPercent: 20 }, perUser: 5, perSubnet: Math.ceil(511 * 1.2), prefix: 22 },
        { name: "growth pushes into the next mask", change: { users: 100, growthPercent: 100 }, perUser: 5, perSubnet: 1022, prefix: 21 },
        { name: "3,000 users", change: { users: 3000, interfaceEndpoints: 16 }, perUser: 5, perSubnet: 15017, prefix: 18 },
        { name: "more than a /16 holds", change: { users: 14000 }, perUser: 5, perSubnet: 70011, prefix: undefined },
        {
            name: "a tiny domain still gets a legal /28",
            change: { users: 1, interfaceEndpoints: 0, availabilityZones: 2 },
            perUser: 5,
            perSubnet: 6,
            prefix: 28,
        },
    ];
    for (const c of cases) {
        it(c.name, () => {
            const plan = planCapacity({ ...WHITEPAPER, ...c.change });
            expect(plan.ipsPerUser.total).toBe(c.perUser);
            expect(plan.ipsPerSubnet).toBe(c.perSubnet);
            expect(plan.recommendedSubnetPrefixLength).toBe(c.prefix);
        });
    }
    it("recommends the VPC block that holds one such subnet per AZ", () => {
        expect(planCapacity({ ...WHITEPAPER, users: 100 }).recommendedVpcPrefixLength).toBe(20); // 3 AZs → 4 slots of /22
        expect(planCapacity({ ...WHITEPAPER, users: 100, availabilityZones: 2 }).recommendedVpcPrefixLength).toBe(21);
        expect(planCapacity({ ...WHITEPAPER, users: 3000, interfaceEndpoints: 16 }).recommendedVpcPrefixLength).toBe(16);
        expect(planCapacity({ ...WHITEPAPER, users: 6000, interfaceEndpoints: 16 }).recommendedVpcPrefixLength).toBeUndefined();
    });
    it("rejects impossible inputs with a sentence naming the input", () => {
        expect(() => planCapacity({ ...WHITEPAPER, users: 0 })).toThrow(/users is 0/);
        expect(() => planCapacity({ ...WHITEPAPER, users: 1.5 })).toThrow(/whole number/);
        expect(() => planCapacity({ ...WHITEPAPER, instanceTypesPerUser: 5 })).toThrow(/exceeds appsPerUser/);
        expect(() => planCapacity({ ...WHITEPAPER, growthPercent: -1 })).toThrow(/growthPercent/);
    });
});

describe("layoutSubnets", () => {
    it("splits the VPC into the largest equal subnets, one per AZ, from the start of the block", () => {
        expect(layoutSubnets("10.20.0.0/16", 2)).toEqual({
            vpcCidr: "10.20.0.0/16",
            subnetPrefixLength: 17,
            subnetCidrs: ["10.20.0.0/17", "10.20.128.0/17"],
            usableIpsPerSubnet: 32763,
        });
        expect(layoutSubnets("10.40.0.0/16", 3).subnetCidrs).toEqual(["10.40.0.0/18", "10.40.64.0/18", "10.40.128.0/18"]);
        expect(defaultSubnetPrefixLength("10.40.0.0/24", 3)).toBe(26);
    });
    it("honours an explicit subnet size", () => {
        expect(layoutSubnets("10.20.0.0/16", 3, 22).subnetCidrs).toEqual(["10.20.0.0/22", "10.20.4.0/22", "10.20.8.0/22"]);
    });
    it("refuses splits that do not fit or are not legal subnet sizes", () => {
        expect(() => layoutSubnets("10.20.0.0/27", 3)).toThrow(/outside/);
        expect(() => layoutSubnets("10.20.0.0/24", 3, 23)).toThrow(/cannot hold/);
        expect(() => layoutSubnets("10.20.0.0/24", 3, 29)).toThrow(/outside/);
    });
});
