import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { stringify } from "yaml";
import { describe, expect, it } from "vitest";
import { PACK_DEFAULT_ENFORCEMENT, resolvePolicies } from "../../plan/evaluate";
import { buildPlan, formatPlan, reevaluatePlan } from "../../plan/buildPlan";
import { PLAN_FORMAT_VERSION, Plan } from "../../plan/types";
import { REPO_ROOT, readStackConfigFile, stackConfigPath } from "../../plan/stackConfig";
import type { RawConfig } from "../harness/configCases";
import { ALL_STACKS, loadStackPlan, stackPlanFile } from "../harness/stackPlans";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "secure-ds-plan-"));

function runCli(args: string[], timeout = 120_000): { status: number | null; stdout: string; stderr: string } {
    const r = spawnSync(process.execPath, [path.join(REPO_ROOT, "node_modules", "tsx", "dist", "cli.mjs"), path.join(REPO_ROOT, "tools", "plan.ts"), ...args], {
        cwd: REPO_ROOT,
        encoding: "utf8",
        timeout,
    });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

// Built once per run by the global setup, with buildPlan, and read back from their JSON files.
const dev = loadStackPlan("dev");
const prod = loadStackPlan("prod");

describe("offline plan", () => {
    it("plans dev and prod with zero mandatory findings", () => {
        for (const plan of [dev, prod]) {
            expect(plan.findings.filter((f) => f.level === "mandatory")).toEqual([]);
            expect(plan.summary.findings.mandatory).toBe(0);
            expect(plan.summary.customResourceCount).toBeGreaterThan(0);
        }
    });

    it("binds every AWS resource to the stack's one explicit provider", () => {
        for (const [plan, provider] of [
            [dev, "sharedServices"],
            [prod, "workload"],
        ] as const) {
            const aws = plan.resources.filter((r) => r.custom && r.type.startsWith("aws:"));
            expect(aws.length).toBeGreaterThan(0);
            for (const r of aws) {
                expect(r.provider, `${r.urn} has no provider`).toMatch(new RegExp(`pulumi:providers:aws::${provider}$`));
                expect(r.account, `${r.urn} has no account`).toMatch(/^\d{12}$/);
            }
        }
    });

    it("puts each layer into its configured account", () => {
        const accountsOf = (plan: Plan, layer: string) => new Set(plan.resources.filter((r) => r.custom && r.layer === layer).map((r) => r.account));
        expect(accountsOf(loadStackPlan("management"), "organization")).toEqual(new Set(["222222222222"]));
        expect(accountsOf(loadStackPlan("log-archive"), "logArchive")).toEqual(new Set(["555555555555"]));
        expect(accountsOf(loadStackPlan("shared-services"), "sharedServices")).toEqual(new Set(["333333333333"]));
        expect(accountsOf(prod, "workload")).toEqual(new Set(["444444444444"]));
        for (const layer of ["logArchive", "sharedServices", "workload"]) expect(accountsOf(dev, layer), layer).toEqual(new Set(["111111111111"]));
        expect(accountsOf(dev, "organization").size).toBe(0);
    });

    it("locks each provider to its account and carries the mandatory tags", () => {
        const providers = ALL_STACKS.flatMap((s) => loadStackPlan(s).resources.filter((r) => r.type === "pulumi:providers:aws"));
        expect(providers.map((p) => p.name).sort()).toEqual(["logArchive", "management", "sharedServices", "sharedServices", "workload"]);
        for (const p of providers) {
            const allowed = JSON.parse(String(p.inputs.allowedAccountIds)) as string[];
            expect(allowed).toEqual([p.account]);
            const tags = (JSON.parse(String(p.inputs.defaultTags)) as { tags: Record<string, string> }).tags;
            expect(Object.keys(tags)).toEqual(expect.arrayContaining(["team", "environment", "owner", "cost-center"]));
        }
    });

    it("records the documented fields for every resource", () => {
        expect(dev.formatVersion).toBe(PLAN_FORMAT_VERSION);
        for (const r of dev.resources) {
            expect(Object.keys(r)).toEqual(expect.arrayContaining(["urn", "type", "name", "custom", "inputs", "outputs", "options", "propertyDependencies"]));
            expect(Object.keys(r.options).sort()).toEqual(["deleteBeforeReplace", "dependsOn", "ignoreChanges", "protect", "retainOnDelete"]);
        }
        const key = dev.resources.find((r) => r.type === "aws:kms/key:Key");
        expect(key?.options.protect).toBe(true);
        expect(key?.options.retainOnDelete).toBe(true);
        expect(String(key?.outputs.arn)).toMatch(/^arn:aws:kms:eu-west-1:111111111111:key\//);
    });

    it("gives every physical name (bucket, role, managed policy, key alias) to one resource only", () => {
        const physical: Record<string, string> = {
            "aws:s3/bucket:Bucket": "bucket",
            "aws:iam/role:Role": "name",
            "aws:iam/policy:Policy": "name",
            "aws:kms/alias:Alias": "name",
        };
        for (const plan of [dev, prod]) {
            const seen = new Map<string, string>();
            for (const r of plan.resources) {
                const prop = physical[r.type];
                if (!prop) continue;
                const key = `${r.type} ${String(r.inputs[prop])} in ${r.account}`;
                expect(seen.get(key), `${key} is claimed by ${seen.get(key)} and ${r.urn}`).toBeUndefined();
                seen.set(key, r.urn);
            }
            expect(seen.size).toBeGreaterThan(20);
        }
    });

    it("is deterministic: two plans of one config are identical", async () => {
        // `dev` was built in another process (the global setup); this one is built here.
        const again = await buildPlan({ stack: "dev", config: readStackConfigFile(stackConfigPath("dev")) });
        expect(JSON.stringify(again)).toBe(JSON.stringify(dev));
    });

    it("prints the resource tree per account, layer and component, and the verdict", () => {
        const text = formatPlan(prod);
        expect(text).toContain("Resources: stack prod,");
        expect(text).toContain("  account 444444444444: ");
        expect(text).toMatch(/\n {4}workload: \d+\n {6}\S/);
        expect(text).toMatch(/OK: no input AWS would reject, no mandatory policy violation$/);
    });
});

describe("--evaluate", () => {
    const withPublicDomain = (plan: Plan): Plan => {
        const copy = structuredClone(plan);
        const domain = copy.resources.find((r) => r.type === "aws:sagemaker/domain:Domain");
        if (domain) {
            domain.inputs.appNetworkAccessType = "PublicInternetOnly";
        } else {
            copy.resources.push({
                urn: "urn:pulumi:dev::secure-ds::aws:sagemaker/domain:Domain::injected",
                type: "aws:sagemaker/domain:Domain",
                name: "injected",
                custom: true,
                inputs: { appNetworkAccessType: "PublicInternetOnly", kmsKeyId: "arn:aws:kms:eu-west-1:111111111111:key/x" },
                outputs: {},
                options: { protect: false, retainOnDelete: false, dependsOn: [], ignoreChanges: [], deleteBeforeReplace: false },
                propertyDependencies: {},
            });
        }
        return copy;
    };

    it("reports a PublicInternetOnly domain as a mandatory violation", async () => {
        const result = await reevaluatePlan(withPublicDomain(dev));
        const n1 = result.findings.filter((f) => f.policy === "sagemaker-domain-vpc-only");
        expect(n1).toHaveLength(1);
        expect(n1[0].level).toBe("mandatory");
        expect(n1[0].controls).toEqual(["N1"]);
    });

    it("exits non-zero from the command line for that plan, and 0 for the original", () => {
        const bad = path.join(tmp, "bad.json");
        fs.writeFileSync(bad, JSON.stringify(withPublicDomain(dev)));
        const failed = runCli(["--evaluate", bad]);
        expect(failed.status).toBe(1);
        expect(failed.stdout).toContain("[mandatory] sagemaker-domain-vpc-only");
        const good = path.join(tmp, "good.json");
        fs.writeFileSync(good, JSON.stringify(dev));
        expect(runCli(["--evaluate", good, "--quiet"]).status).toBe(0);
    });
});

describe("enforcement levels as the CrossGuard engine resolves them", () => {
    const policy = (name: string, enforcementLevel?: "advisory" | "mandatory") =>
        ({ name, description: name, controls: [], remediation: "", enforcementLevel, validateResource: () => undefined }) as never;

    it("defaults to the pack's own level, the one policy-pack/index.ts passes to new PolicyPack", () => {
        const index = fs.readFileSync(path.join(REPO_ROOT, "policy-pack", "index.ts"), "utf8");
        expect(index).toMatch(new RegExp(`enforcementLevel: "${PACK_DEFAULT_ENFORCEMENT}"`));
        expect(resolvePolicies({}, [policy("plain")])[0].level).toBe("mandatory");
    });

    it("a policy's config entry beats `all`, `all` beats the policy's own level", () => {
        const levels = resolvePolicies({ all: "advisory", b: { enforcementLevel: "disabled" } }, [policy("a", "mandatory"), policy("b"), policy("c")]).map(
            (r) => r.level,
        );
        expect(levels).toEqual(["advisory", "disabled", "advisory"]);
        expect(resolvePolicies({}, [policy("a", "advisory")])[0].level).toBe("advisory");
    });

    it("refuses a pack config naming an unknown policy", () => {
        expect(() => resolvePolicies({ nope: "mandatory" }, [policy("a")])).toThrow(/unknown policy "nope"/);
    });
});

describe("command line", () => {
    it("writes the JSON plan and exits 0 for dev (--mode up, the mode of the tests' plans)", () => {
        const out = path.join(tmp, "dev.json");
        const r = runCli(["--stack", "dev", "--mode", "up", "--json", out]);
        expect(r.status).toBe(0);
        expect(r.stdout).toContain("secure-ds offline plan: stack dev");
        const saved = JSON.parse(fs.readFileSync(out, "utf8")) as Plan;
        expect(saved.resources.length).toBe(dev.resources.length);
        expect(Object.keys(saved)).toEqual(expect.arrayContaining(["resources", "findings", "summary", "outputs", "packConfig"]));
        // The tests' dev plan is this very file: same builder, same format, byte for byte.
        const same = fs.readFileSync(out, "utf8") === fs.readFileSync(stackPlanFile("dev"), "utf8");
        expect(same, "the global setup's dev plan differs from npm run plan's").toBe(true);
    });

    it("writes the JSON plan and exits 0 for prod with its upstream stacks in the default mode, preview (the tests' preview plans)", () => {
        const out = path.join(tmp, "prod-preview.json");
        // Three stacks and the environment judgement: minutes on a loaded 2-core machine.
        const r = runCli(["--stack", "prod", "--with-upstream", "--json", out], 900_000);
        expect(r.status).toBe(0);
        for (const stack of ["log-archive", "shared-services", "prod"]) expect(r.stdout).toContain(`secure-ds offline plan: stack ${stack} `);
        expect(r.stdout).toContain("secure-ds environment: log-archive -> shared-services -> prod (dependency order)\n");
        expect(r.stdout).toContain("Judged over the whole environment: no finding");
        const saved = JSON.parse(fs.readFileSync(out, "utf8")) as Plan;
        expect(saved.mode).toBe("preview");
        // The tests' prod preview is this very file: same builder, same format, byte for byte.
        const same = fs.readFileSync(out, "utf8") === fs.readFileSync(stackPlanFile("prod", "preview"), "utf8");
        expect(same, "the global setup's prod preview differs from npm run plan's").toBe(true);
    }, 900_000);

    it("exits 2 with one line per problem and no stack trace for a config error", () => {
        const raw = readStackConfigFile(stackConfigPath("dev"));
        const platform = raw["secure-ds:platform"] as RawConfig;
        // @ts-expect-error a role that is not one of the schema's values
        platform.teams[0].users[0].role = "superuser";
        const file = path.join(tmp, "Pulumi.broken.yaml");
        fs.writeFileSync(file, stringify({ config: raw }));
        const r = runCli(["--config", file]);
        expect(r.status).toBe(2);
        expect(r.stderr).toContain('secure-ds:platform.teams[0].users[0].role: "superuser" is not one of admin, scientist');
        expect(r.stderr).not.toMatch(/\n\s+at /);
    });

    it("exits 3 on a usage error", () => {
        expect(runCli(["--stack", "dev", "--config", "x"]).status).toBe(3);
    });
});
