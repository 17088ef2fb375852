import { describe, expect, it } from "vitest";
import { PlatformConfigError, mandatoryTags, parsePlatformConfig, policyEnforcement } from "../../stacks/config";
import { lastRunResources } from "../../plan/engine";
import { runPlatform } from "../../plan/platformRun";
import { RawConfig, configProblems, rawStackConfig } from "../harness/configCases";

type Raw = RawConfig;
const dev = (): Raw => rawStackConfig("dev");

const problems = configProblems;

describe("platform config", () => {
    it("accepts the dev and prod stack files", () => {
        expect(problems(rawStackConfig("dev"))).toEqual([]);
        expect(problems(rawStackConfig("prod"))).toEqual([]);
    });

    it("applies documented defaults", () => {
        const raw = dev();
        delete raw.studio;
        delete raw.policyEnforcement;
        const cfg = parsePlatformConfig(raw);
        expect(cfg.studio.authMode).toBe("IAM");
        expect(cfg.studio.idleMinutes).toBe(120);
        expect(cfg.partition).toBe("aws");
        expect(policyEnforcement(cfg)).toBe("advisory");
        expect(policyEnforcement({ ...cfg, environment: "prod" })).toBe("mandatory");
    });

    it("names the key, the value and the allowed values for an unknown user role", () => {
        const raw = dev();
        // @ts-expect-error the schema must reject a role that is not one of its values
        raw.teams[1].users[0].role = "superuser";
        expect(problems(raw)).toEqual(['secure-ds:platform.teams[1].users[0].role: "superuser" is not one of admin, scientist']);
    });

    it("rejects a malformed account id", () => {
        const raw = dev();
        raw.accounts.workload.accountId = "12345";
        // Sorted by key path, the role-account cross-check of accounts.workload comes first.
        expect(problems(raw)).toContain(
            'secure-ds:platform.accounts.workload.accountId: "12345" is not a 12-digit AWS account id (quote it in YAML so leading zeros survive)',
        );
    });

    it("rejects an account id given as a YAML number", () => {
        const raw = dev();
        // @ts-expect-error YAML reads an unquoted account id as a number
        raw.accounts.workload.accountId = 111111111111;
        expect(problems(raw)[0]).toMatch(/^secure-ds:platform\.accounts\.workload\.accountId: 111111111111 is a number; expected a string/);
    });

    it("rejects a CIDR that is not a CIDR, and one with host bits", () => {
        const raw = dev();
        raw.network.cidr = "10.20.0.0/33";
        expect(problems(raw)).toContain('secure-ds:platform.network.cidr: "10.20.0.0/33" is not an IPv4 CIDR block such as 10.20.0.0/16');
        raw.network.cidr = "banana";
        expect(problems(raw)[0]).toContain('"banana" is not an IPv4 CIDR block');
        raw.network.cidr = "10.20.0.1/16";
        expect(problems(raw)[0]).toContain("has host bits set");
    });

    it("rejects a duplicate team name and a user in two teams", () => {
        const raw = dev();
        raw.teams[1].name = raw.teams[0].name;
        expect(problems(raw)).toEqual(['secure-ds:platform.teams[1].name: "fraud" is already the name of teams[0]; team names must be unique']);
        const raw2 = dev();
        raw2.teams[1].users[0].name = "alice";
        expect(problems(raw2)[0]).toContain('secure-ds:platform.teams[1].users[0].name: "alice" is already a user of team fraud');
    });

    it("names a missing required key", () => {
        const raw = dev();
        // @ts-expect-error the schema must name a missing required section
        delete raw.accounts.workload;
        expect(problems(raw)).toEqual(["secure-ds:platform.accounts.workload: missing; expected a section (see docs/configuration.md)"]);
        const raw2 = dev();
        // @ts-expect-error the schema must name a missing required key
        delete raw2.region;
        expect(problems(raw2)[0]).toMatch(/^secure-ds:platform\.region: missing; expected a string/);
    });

    it("rejects unknown keys so a typo never falls back to a default", () => {
        const raw = dev();
        // @ts-expect-error a misspelt key, which the schema must reject too
        raw.studio = { ...raw.studio, idleMinute: 30 };
        expect(problems(raw)).toEqual(['secure-ds:platform.studio.idleMinute: unknown key; did you mean "idleMinutes"? (docs/configuration.md)']);
    });

    it("checks cross-field rules: zones in region, role ARNs in their account, an admin for the keys", () => {
        const raw = dev();
        raw.availabilityZones = ["eu-west-1a", "us-east-1b"];
        expect(problems(raw)).toContain('secure-ds:platform.availabilityZones[1]: "us-east-1b" is not in region eu-west-1; use zones of the configured region');
        const raw2 = dev();
        raw2.accounts.workload.assumeRoleArn = "arn:aws:iam::999999999999:role/x";
        expect(problems(raw2)[0]).toContain("belongs to account 999999999999, not the workload account 111111111111");
        const raw3 = dev();
        delete raw3.accounts.workload.assumeRoleArn;
        expect(problems(raw3)[0]).toBe(
            "secure-ds:platform.accounts.workload.adminRoleArns: missing; set assumeRoleArn or adminRoleArns so the account's KMS keys have an administrator",
        );
    });

    it("reports every problem at once, one line each", () => {
        const raw = dev();
        // @ts-expect-error an environment that is not one of the schema's values
        raw.environment = "staging";
        raw.studio = { ...raw.studio, idleMinutes: 5 };
        raw.teams[0].monthlyBudgetUsd = -1;
        const p = problems(raw);
        expect(p).toHaveLength(3);
        for (const line of p) {
            expect(line).toMatch(/^secure-ds:platform\.[^:]+: /);
            expect(line).not.toContain("\n");
        }
        expect(p).toContain("secure-ds:platform.studio.idleMinutes: 5 is below 60, the shortest idle timeout SageMaker accepts");
    });

    it("builds the mandatory tags", () => {
        const cfg = parsePlatformConfig(dev());
        expect(mandatoryTags(cfg, "fraud")).toEqual({ team: "fraud", environment: "dev", owner: "data-platform@example.com", "cost-center": "cc-4711" });
    });
});

describe("a bad config registers nothing", () => {
    for (const [what, mutate] of [
        // @ts-expect-error a role that is not one of the schema's values
        ["unknown user role", (r: Raw) => (r.teams[0].users[0].role = "superuser")],
        ["malformed account id", (r: Raw) => (r.accounts.workload.accountId = "abc")],
        ["CIDR that is not a CIDR", (r: Raw) => (r.network.cidr = "10.0.0.0/99")],
        ["duplicate team", (r: Raw) => (r.teams[1].name = "fraud")],
        // @ts-expect-error a required section deleted
        ["missing key", (r: Raw) => delete r.tags],
    ] as const) {
        it(`${what}: the program fails with the config error before any cloud resource`, async () => {
            const raw = dev();
            mutate(raw);
            await expect(runPlatform("dev", { "secure-ds:platform": raw })).rejects.toBeInstanceOf(PlatformConfigError);
            // Only the stack itself was registered: no provider, no cloud resource.
            expect(lastRunResources().map((r) => r.type)).toEqual(["pulumi:pulumi:Stack"]);
        });
    }
});
