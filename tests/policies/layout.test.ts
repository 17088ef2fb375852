/**
 * The layout of policy-pack/policies: one folder per AWS service (or cross-service concern), one
 * rule per file named after its policy, shared helpers in common/, and type tokens spelt only in
 * common/types.ts. Pack configs (policy-pack/config/*.json) and docs name policies, so a file
 * name that drifts from its policy's name would hide which file a finding comes from.
 *
 * The rule tests mirror it: tests/policies/<service>/<policy-name>.test.ts per rule, each declaring
 * its cases in describeRule (tests/harness/ruleTests.ts), whose last test fails unless the file
 * has a compliant and a non-compliant case of the rule.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { policies, policiesByService } from "../../policy-pack/policies";
import { SecureDsPolicy, TYPES } from "../../policy-pack/policies/common";
import { REPO_ROOT } from "../../plan/stackConfig";

const POLICIES_DIR = path.join(REPO_ROOT, "policy-pack", "policies");
const TESTS_DIR = path.join(REPO_ROOT, "tests", "policies");
/** Files of a service folder that hold no rule: the folder's list and its service-specific helpers. */
const NOT_RULES = new Set(["index.ts", "common.ts"]);

interface RuleFile {
    service: string;
    /** The file name without .ts: the policy name it must hold. */
    base: string;
    file: string;
}

function serviceFolders(): string[] {
    return fs
        .readdirSync(POLICIES_DIR, { withFileTypes: true })
        .filter((e) => e.isDirectory() && e.name !== "common")
        .map((e) => e.name)
        .sort();
}

function ruleFiles(): RuleFile[] {
    return serviceFolders().flatMap((service) =>
        fs
            .readdirSync(path.join(POLICIES_DIR, service))
            .filter((f) => f.endsWith(".ts") && !NOT_RULES.has(f))
            .sort()
            .map((f) => ({ service, base: f.slice(0, -3), file: path.join(POLICIES_DIR, service, f) })),
    );
}

function isPolicy(value: unknown): value is SecureDsPolicy {
    if (value === null || typeof value !== "object") return false;
    const v = value as Record<string, unknown>;
    return typeof v.name === "string" && (typeof v.validateResource === "function" || typeof v.validateStack === "function");
}

const camelCase = (kebab: string) => kebab.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/** Every .ts file below a folder. */
function tsFiles(dir: string): string[] {
    return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
        const full = path.join(dir, e.name);
        return e.isDirectory() ? tsFiles(full) : e.name.endsWith(".ts") ? [full] : [];
    });
}

describe("policy-pack/policies layout", () => {
    const files = ruleFiles();

    it("holds exactly one policy per rule file, named as the file and exported under its camelCase name", async () => {
        const problems: string[] = [];
        for (const f of files) {
            const exported = Object.entries((await import(f.file)) as Record<string, unknown>).filter(([, v]) => isPolicy(v));
            const where = `${f.service}/${f.base}.ts`;
            if (exported.length !== 1) {
                problems.push(`${where} exports ${exported.length} policies`);
                continue;
            }
            const [exportName, policy] = exported[0] as [string, SecureDsPolicy];
            if (policy.name !== f.base) problems.push(`${where} holds the policy ${policy.name}`);
            if (exportName !== camelCase(policy.name)) problems.push(`${where} exports it as ${exportName}, not ${camelCase(policy.name)}`);
        }
        expect(problems).toEqual([]);
    });

    it("builds the pack from exactly these files, each folder's index listing its own rules", async () => {
        expect(Object.keys(policiesByService).sort()).toEqual(serviceFolders());
        for (const service of serviceFolders()) {
            const inFolder = files.filter((f) => f.service === service).map((f) => f.base);
            expect(policiesByService[service].map((p) => p.name).sort(), `${service}/index.ts`).toEqual(inFolder);
        }
        // The pack's array holds the very objects the rule files export, each once.
        const exported = new Set<unknown>();
        for (const f of files) for (const v of Object.values((await import(f.file)) as Record<string, unknown>)) if (isPolicy(v)) exported.add(v);
        expect(policies.length).toBe(files.length);
        expect(new Set(policies).size).toBe(policies.length);
        expect(policies.filter((p) => !exported.has(p)).map((p) => p.name)).toEqual([]);
    });

    it("spells type tokens only in common/types.ts, each once", () => {
        const token = /\b(?:aws:[a-z0-9-]+\/[A-Za-z0-9]+:[A-Z][A-Za-z0-9]*|awsx:[a-z0-9]+:[A-Z][A-Za-z0-9]*|pulumi:providers:[a-z0-9-]+)\b/;
        const spelt = tsFiles(POLICIES_DIR)
            .filter((f) => path.relative(POLICIES_DIR, f) !== path.join("common", "types.ts"))
            .flatMap((f) =>
                fs
                    .readFileSync(f, "utf8")
                    .split("\n")
                    .map((line, i) => ({ line, at: `${path.relative(POLICIES_DIR, f)}:${i + 1}` }))
                    .filter(({ line }) => token.test(line))
                    .map(({ at, line }) => `${at}: ${line.trim()}`),
            );
        expect(spelt, "use TYPES from policies/common/types.ts").toEqual([]);
        const values = Object.values(TYPES);
        expect(new Set(values).size).toBe(values.length);
    });
});

describe("tests/policies mirrors the rule folders", () => {
    const files = ruleFiles();

    it("has tests/policies/<service>/<policy-name>.test.ts for every rule, declaring its cases with describeRule", () => {
        const problems: string[] = [];
        for (const f of files) {
            const test = path.join(TESTS_DIR, f.service, `${f.base}.test.ts`);
            const where = path.relative(REPO_ROOT, test);
            if (!fs.existsSync(test)) {
                problems.push(`${where} is missing`);
                continue;
            }
            // Comments stripped, so a commented-out suite does not count.
            const code = fs.readFileSync(test, "utf8").replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, "");
            if (!new RegExp(`\\bdescribeRule\\(\\s*${camelCase(f.base)}\\s*,`).test(code))
                problems.push(`${where} does not call describeRule(${camelCase(f.base)}, ...)`);
        }
        expect(problems).toEqual([]);
    });

    it("has no rule test without a rule", () => {
        const rules = new Set(files.map((f) => `${f.service}/${f.base}.test.ts`));
        const stray = fs
            .readdirSync(TESTS_DIR, { withFileTypes: true })
            .filter((e) => e.isDirectory())
            .flatMap((d) =>
                fs
                    .readdirSync(path.join(TESTS_DIR, d.name))
                    .filter((f) => f.endsWith(".test.ts"))
                    .map((f) => `${d.name}/${f}`),
            )
            .filter((f) => !rules.has(f));
        expect(stray).toEqual([]);
    });
});

describe("policy metadata", () => {
    it("every policy is mandatory by default, cites catalogue-shaped control IDs and says what to change", () => {
        for (const p of policies) {
            expect(p.enforcementLevel, p.name).toBe("mandatory");
            expect(
                p.controls.every((c) => /^[NIEGS]\d+$/.test(c)),
                p.name,
            ).toBe(true);
            expect(p.remediation.length, p.name).toBeGreaterThan(20);
            expect(p.description.length, p.name).toBeGreaterThan(20);
        }
    });
});
