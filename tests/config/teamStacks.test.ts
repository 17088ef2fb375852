/** Team stacks (layer teams) and their base's budget are validated before anything is registered. */
import { describe, expect, it } from "vitest";
import { crossStackProblems } from "../../plan/teamStacks";
import { splitIntoTeamStacks } from "../../plan/teamStackSplit";
import { parsePlatformConfig, workloadConfig } from "../../stacks/config";
import { WorkloadBaseContract } from "../../stacks/contracts/workloadBase";
import { networkMismatches } from "../../stacks/referencedNetwork";
import { stackLayers } from "../../stacks/schema/stack";
import { teamStackProblems } from "../../stacks/teamStackChecks";
import { generatedConfig } from "../../bench/generatedConfig";
import { configProblems, rawStackConfig } from "../harness/configCases";

/** The example team stack (Pulumi.prod-team-risk.yaml) as a raw object. */
const riskStack = () => rawStackConfig("prod-team-risk");

describe("a team stack's config", () => {
    it("the example team stack is valid, builds layer teams only and is not among a default stack's layers", () => {
        expect(configProblems(riskStack())).toEqual([]);
        expect(stackLayers(parsePlatformConfig(riskStack()))).toEqual(["teams"]);
        expect(stackLayers(parsePlatformConfig(rawStackConfig("dev")))).not.toContain("teams");
    });

    it("must name its workload base", () => {
        const raw = riskStack();
        raw.stack = { layers: ["teams"] };
        expect(configProblems(raw)).toContain(
            "secure-ds:platform.stack.upstream.workloadBase: missing; layer teams reads the workloadBase stack's outputs (its teams build on the base's network, keys, buckets and Studio images): name that stack, or build layer workload here",
        );
    });

    it("builds layer teams alone: not beside the workload layer that builds teams itself", () => {
        const raw = rawStackConfig("prod");
        raw.stack = { layers: ["workload", "teams"], upstream: { logArchive: "log-archive", sharedServices: "shared-services", workloadBase: "prod" } };
        const problems = configProblems(raw);
        expect(problems).toContain(
            "secure-ds:platform.stack.layers: lists teams with workload; a team stack builds layer teams alone (a workload stack builds its own teams under teams:)",
        );
        expect(problems).toContain(
            'secure-ds:platform.stack.upstream.workloadBase: "prod" is named but this stack builds layer workload itself; drop the reference',
        );
    });

    it("deploys into the workload account: with a layer of another account it is refused", () => {
        const raw = riskStack();
        raw.stack = { layers: ["sharedServices", "teams"], upstream: { workloadBase: "prod", logArchive: "log-archive" } };
        expect(configProblems(raw).join("\n")).toMatch(/would deploy into 2 accounts \(sharedServices in 333333333333, teams in 444444444444\)/);
    });

    it("needs the base's network section and at least one team", () => {
        const raw: Partial<ReturnType<typeof riskStack>> = riskStack();
        delete raw.network;
        raw.teams = [];
        const problems = configProblems(raw);
        expect(problems).toContain(
            "secure-ds:platform.network: missing; a team stack builds on its base's VPC: copy the base stack's network section (cidr, endpoints)",
        );
        expect(problems).toContain("secure-ds:platform.teams: is empty; a team stack builds its teams and nothing else: list at least one");
    });

    it("a workload base without teams needs the team-stack budget, and the budget only belongs in a workload stack", () => {
        const raw = rawStackConfig("prod");
        const stack = { layers: ["workload" as const], upstream: { logArchive: "log-archive", sharedServices: "shared-services" } };
        raw.teams = [];
        raw.stack = stack;
        expect(configProblems(raw)).toContain(
            "secure-ds:platform.teams: is empty; the workload layer needs at least one team, or stack.teamStacks when the teams live in team stacks",
        );
        raw.stack = { ...stack, teamStacks: { teams: 5, users: 50 } };
        expect(configProblems(raw)).toEqual([]);
        const shared = rawStackConfig("shared-services");
        shared.stack = { layers: ["sharedServices"], upstream: { logArchive: "log-archive" }, teamStacks: { teams: 5, users: 50 } };
        expect(configProblems(shared)).toContain(
            "secure-ds:platform.stack.teamStacks: is set but this stack does not build layer workload; the team-stack budget belongs in the workload base stack",
        );
    });
});

/** A base contract as prod exports it for the example team stack (values of the shape the schema checks). */
function baseContract(overrides: Partial<WorkloadBaseContract> = {}): WorkloadBaseContract {
    return {
        accountId: "444444444444",
        network: {
            name: "data-science",
            vpcId: "vpc-0123456789abcdef0",
            vpcCidr: "10.40.0.0/16",
            subnetIds: ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1", "subnet-0123456789abcdef2"],
            routeTableIds: [],
            s3EndpointId: "vpce-0123456789abcdef0",
            s3PrefixListId: "pl-12345678",
            interfaceEndpointIds: {},
            endpointSecurityGroupId: "sg-0123456789abcdef0",
            domainSecurityGroupId: "sg-0123456789abcdef1",
        },
        logsKeyArn: "arn:aws:kms:eu-central-1:444444444444:key/00000000-0000-4000-a000-000000000000",
        accessLogBucket: "acme-prod-access-logs-444444444444",
        dataLake: { bucketName: "acme-prod-datalake", bucketArn: "arn:aws:s3:::acme-prod-datalake", keyArn: "arn:aws:kms:eu-central-1:444444444444:key/1" },
        codeArtifactRepositoryEndpoint: "https://acme-333333333333.d.codeartifact.eu-central-1.amazonaws.com/pypi/approved/",
        studio: { customImages: [], backup: { vaultName: "acme-prod-studio-home", planId: "plan", roleArn: "arn:aws:iam::444444444444:role/r" } },
        guardrails: {
            allowedInstanceTypes: ["ml.t3.medium", "ml.t3.large", "ml.m5.large", "ml.m5.xlarge", "ml.m5.2xlarge", "ml.m5.4xlarge", "ml.g5.xlarge"],
            requireNetworkIsolation: false,
            networkIsolationTeams: [],
        },
        budget: { teams: 20, users: 200 },
        baseTeams: [{ name: "fraud", users: ["alice", "bob"] }],
        ...overrides,
    };
}

describe("a team stack against its base's contract (teamStackProblems)", () => {
    const cfg = () => workloadConfig(parsePlatformConfig(riskStack()));

    it("accepts the example team stack on a base that fits it", () => {
        expect(teamStackProblems(cfg(), baseContract())).toEqual([]);
    });

    it("refuses a team the base builds itself, and a user name the base's teams have", () => {
        const base = baseContract({ baseTeams: [{ name: "risk", users: ["judy"] }] });
        expect(teamStackProblems(cfg(), base)).toEqual([
            "team risk is built by the base stack already; a team lives in one stack only: remove it here or there",
            "user judy of team risk is already a user of base team risk; user names must be unique across the platform",
        ]);
    });

    it("holds the teams to the base's budget, instance types and guardrails", () => {
        expect(teamStackProblems(cfg(), baseContract({ budget: { teams: 1, users: 2 } }))).toEqual([
            "3 users exceed the base's budget of 2 (stack.teamStacks.users); raise it in the base stack first",
        ]);
        expect(teamStackProblems(cfg(), baseContract({ budget: undefined }))[0]).toMatch(/the base declares no team-stack budget/);
        const narrow = baseContract({ guardrails: { allowedInstanceTypes: ["ml.t3.medium"], requireNetworkIsolation: false, networkIsolationTeams: [] } });
        expect(teamStackProblems(cfg(), narrow)[0]).toBe(
            "studio.instanceTypes lists ml.t3.large, which the base does not allow (G2); add it to the base's studio.instanceTypes",
        );
        expect(teamStackProblems(cfg(), baseContract({ dataLake: undefined }))).toEqual([
            "team risk sets dataLake, but the base has no data lake; set stack.teamStacks.dataLake in the base",
        ]);
    });
});

describe("the referenced network is the base's (networkMismatches)", () => {
    const base = baseContract().network;
    const expected = { vpcCidr: "10.40.0.0/16", availabilityZones: ["a", "b", "c"], interfaceEndpoints: [] };

    it("agrees when CIDR, zones and endpoint keys are the base's", () => {
        expect(networkMismatches(base, expected)).toEqual([]);
    });

    it("names each difference", () => {
        expect(networkMismatches(base, { vpcCidr: "10.41.0.0/16", availabilityZones: ["a", "b"], interfaceEndpoints: ["sts"] })).toEqual([
            "network.cidr is 10.40.0.0/16 in the base, 10.41.0.0/16 here",
            "the base has 3 subnets, availabilityZones lists 2 here",
            "the base's interface endpoints are , network.endpoints selects sts here",
        ]);
    });
});

describe("splitting a generated config into a base and team stacks", () => {
    const split = splitIntoTeamStacks(generatedConfig(25, 10), { base: "generated", teamsPerStack: 10 });
    const platform = (c: Record<string, unknown>) => c["secure-ds:platform"] as Record<string, unknown> & { teams: { name: string }[] };

    it("puts every team in exactly one team stack of at most teamsPerStack teams, and none in the base", () => {
        expect(split.teamStacks.map((s) => s.stack)).toEqual(["generated-teams-01", "generated-teams-02", "generated-teams-03"]);
        expect(split.teamStacks.map((s) => platform(s.config).teams.length)).toEqual([10, 10, 5]);
        const names = split.teamStacks.flatMap((s) => platform(s.config).teams.map((t) => t.name));
        expect(new Set(names).size).toBe(25);
        expect(platform(split.base.config).teams).toEqual([]);
    });

    it("yields valid stack configs: the base with a budget covering the teams with headroom", () => {
        expect(configProblems(split.base.config["secure-ds:platform"])).toEqual([]);
        for (const s of split.teamStacks) expect(configProblems(s.config["secure-ds:platform"])).toEqual([]);
        expect((platform(split.base.config).stack as { teamStacks: unknown }).teamStacks).toMatchObject({ teams: 30, users: 300 });
        expect(crossStackProblems(split.base, split.teamStacks)).toEqual([]);
    });

    it("the multi-stack check finds a team in two stacks and a sum above the budget", () => {
        const [first, second] = split.teamStacks;
        if (!first || !second) throw new Error("expected team stacks");
        const copy = structuredClone(second);
        platform(copy.config).teams.push(structuredClone(platform(first.config).teams[0] as { name: string }));
        const tight = splitIntoTeamStacks(generatedConfig(25, 10), { base: "generated", teamsPerStack: 10, budget: { teams: 25, users: 240 } });
        expect(crossStackProblems(split.base, [first, copy])[0]).toBe(
            "team t001 is in stacks generated-teams-01 and generated-teams-02; a team lives in one stack only",
        );
        expect(crossStackProblems(tight.base, tight.teamStacks)).toEqual([
            "the team stacks hold 250 users, above the budget of 240 (generated: stack.teamStacks.users); raise it in generated first",
        ]);
    });
});
