/**
 * Stack file and config errors as a user meets them: YAML syntax with file:line:column, a missing
 * stack file naming the stacks that exist, "did you mean" for unknown keys at every level and
 * for a misspelt namespace, each problem once and sorted by key path, pointed at its line.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { editDistance } from "../../components/didYouMean";
import { missingPlatformConfig, PlatformConfigError, parsePlatformConfig } from "../../stacks/config";
import { formatConfigProblems, readStackConfigFile, repositoryStacks, REPO_ROOT, StackFileError, stackConfigPath } from "../../plan/stackConfig";
import { configProblems, rawStackConfig } from "../harness/configCases";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "secure-ds-config-errors-"));
const write = (name: string, text: string): string => {
    const file = path.join(tmp, name);
    fs.writeFileSync(file, text);
    return file;
};

describe("stack file errors", () => {
    it("gives a YAML syntax error as file:line:column, as a StackFileError (exit 2), not a stack trace", () => {
        const file = write("Pulumi.indent.yaml", "config:\n  secure-ds:platform:\n    organization: acme\n   region: eu-west-1\n");
        expect(() => readStackConfigFile(file)).toThrow(StackFileError);
        expect(() => readStackConfigFile(file)).toThrow(new RegExp(`^${file.replace(/[.]/g, "\\.")}:4:\\d+: YAML syntax error: `));
        const unclosed = write("Pulumi.unclosed.yaml", 'config:\n  secure-ds:platform: { organization: "acme\n');
        expect(() => readStackConfigFile(unclosed)).toThrow(/Pulumi\.unclosed\.yaml:\d+:\d+: YAML syntax error: /);
    });

    it("names the stacks that exist for a missing stack file, and the nearest one", () => {
        const err = (() => {
            try {
                readStackConfigFile(stackConfigPath("dve"));
            } catch (e) {
                return e as Error;
            }
            throw new Error("no error");
        })();
        expect(err).toBeInstanceOf(StackFileError);
        expect(err.message).toContain(`the stacks in ${REPO_ROOT}: ${repositoryStacks().join(", ")}`);
        expect(err.message).toContain("did you mean --stack dev?");
        expect(repositoryStacks()).toEqual(expect.arrayContaining(["dev", "prod", "management", "log-archive", "shared-services"]));
    });

    it("refuses a stack file without a config map", () => {
        expect(() => readStackConfigFile(write("Pulumi.empty.yaml", "encryptionsalt: x\n"))).toThrow(/has no top-level "config:" map/);
    });
});

describe("did you mean", () => {
    it("suggests the nearest key at every level: top, section, list element, nested section", () => {
        const r = rawStackConfig("dev") as unknown as Record<string, unknown> & {
            studio: Record<string, unknown>;
            teams: { users: Record<string, unknown>[]; federation: Record<string, unknown> }[];
            network: Record<string, unknown>;
        };
        r.tagz = r.tags;
        r.studio.idelMinutes = 60;
        r.teams[0].users[0].emial = "a@example.com";
        r.network.expectedUser = 5;
        r.teams[1].federation.samlProvidrArn = "arn:aws:iam::111111111111:saml-provider/x";
        expect(configProblems(r)).toEqual([
            'secure-ds:platform.network.expectedUser: unknown key; did you mean "expectedUsers"? (docs/configuration.md)',
            'secure-ds:platform.studio.idelMinutes: unknown key; did you mean "idleMinutes"? (docs/configuration.md)',
            'secure-ds:platform.tagz: unknown key; did you mean "tags"? (docs/configuration.md)',
            'secure-ds:platform.teams[0].users[0].emial: unknown key; did you mean "email"? (docs/configuration.md)',
            'secure-ds:platform.teams[1].federation.samlProvidrArn: unknown key; did you mean "samlProviderArn"? (docs/configuration.md)',
        ]);
    });

    it("lists the keys when none is near", () => {
        const r = rawStackConfig("dev") as unknown as { studio: Record<string, unknown> };
        r.studio.zzzzzzzz = 1;
        const [line] = configProblems(r);
        expect(line).toMatch(/^secure-ds:platform\.studio\.zzzzzzzz: unknown key; expected one of .*idleMinutes/);
    });

    it("counts a swap of two neighbours as one edit", () => {
        expect(editDistance("emial", "email")).toBe(1);
        expect(editDistance("platfrom", "platform")).toBe(1);
        expect(editDistance("abc", "abc")).toBe(0);
        expect(editDistance("", "abc")).toBe(3);
    });

    it("recognises a misspelt namespace instead of only saying secure-ds:platform is missing", () => {
        for (const key of ["secure-ds:platfrom", "secure-ds:plattform", "secrue-ds:platform"]) {
            expect(missingPlatformConfig([key, "aws:region"]).problems).toEqual([
                `${key}: unknown config key; did you mean "secure-ds:platform"? (the platform config is read from secure-ds:platform only)`,
            ]);
        }
        expect(missingPlatformConfig(["aws:region"]).problems).toEqual([
            "secure-ds:platform: missing; set it in Pulumi.<stack>.yaml (see docs/configuration.md)",
        ]);
        const file = write("Pulumi.typo.yaml", "config:\n  aws:region: eu-west-1\n  secure-ds:platfrom:\n    organization: acme\n");
        expect(formatConfigProblems(file, missingPlatformConfig(Object.keys(readStackConfigFile(file))))).toContain(
            `${file}:3:3: secure-ds:platfrom: unknown config key; did you mean "secure-ds:platform"?`,
        );
    });
});

describe("each problem once, sorted by key path", () => {
    it("sorts by path with list indexes as numbers and never repeats a line", () => {
        const r = rawStackConfig("dev") as unknown as { teams: { users: { role: string }[] }[]; studio: Record<string, unknown>; region: string };
        for (let i = 0; i < 12; i++) r.teams[0].users.push({ ...r.teams[0].users[1], name: `u${i}` } as never);
        r.teams[0].users[11].role = "root";
        r.teams[0].users[2].role = "root";
        r.studio.idelMinutes = 1;
        r.region = "nowhere";
        const p = configProblems(r);
        expect(new Set(p).size).toBe(p.length);
        const at = (s: string) => p.findIndex((x) => x.startsWith(s));
        expect(at("secure-ds:platform.region")).toBeLessThan(at("secure-ds:platform.studio"));
        expect(at("secure-ds:platform.studio")).toBeLessThan(at("secure-ds:platform.teams[0].users[2].role"));
        expect(at("secure-ds:platform.teams[0].users[2].role")).toBeLessThan(at("secure-ds:platform.teams[0].users[11].role"));
    });

    it("reports a fault the cross-checks meet twice once", () => {
        // The deployer listed again as a key administrator, in the wrong account: the account check meets it twice.
        const r = rawStackConfig("dev") as unknown as { accounts: { workload: Record<string, unknown> }; availabilityZones: string[] };
        r.accounts.workload.assumeRoleArn = "arn:aws:iam::999999999999:role/secure-ds-deployer";
        r.accounts.workload.adminRoleArns = ["arn:aws:iam::999999999999:role/secure-ds-deployer"];
        r.availabilityZones = ["eu-west-1a", "eu-west-1a"];
        const p = configProblems(r);
        expect(p).toEqual([
            "secure-ds:platform.accounts.workload: role arn:aws:iam::999999999999:role/secure-ds-deployer belongs to account 999999999999, not the workload account 111111111111",
            'secure-ds:platform.availabilityZones[1]: "eu-west-1a" is listed twice; each zone gets one subnet',
        ]);
    });

    it("points each problem at its line in the stack file", () => {
        const raw = { config: { "secure-ds:platform": rawStackConfig("dev") } };
        const platform = raw.config["secure-ds:platform"] as unknown as { studio: Record<string, unknown> };
        platform.studio.idelMinutes = 5;
        const file = write("Pulumi.located.yaml", stringify(raw));
        const lineOf =
            fs
                .readFileSync(file, "utf8")
                .split("\n")
                .findIndex((l) => l.includes("idelMinutes:")) + 1;
        let error: PlatformConfigError | undefined;
        try {
            parsePlatformConfig(readStackConfigFile(file)["secure-ds:platform"]);
        } catch (e) {
            error = e as PlatformConfigError;
        }
        expect(error).toBeInstanceOf(PlatformConfigError);
        const text = formatConfigProblems(file, error as PlatformConfigError);
        expect(text).toMatch(new RegExp(`:${lineOf}:\\d+: secure-ds:platform\\.studio\\.idelMinutes: unknown key; did you mean "idleMinutes"\\?`));
    });
});
