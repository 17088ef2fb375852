/**
 * `npm run plan -- --evaluate` with exemptions, selection and the CI reports, as CI runs it: the
 * exit code follows the exemptions (a live one lets the plan pass, an expired one fails it again,
 * one for a critical policy is a config error), and the JSON, SARIF and JUnit written list the
 * same findings. The saved plan is one log group kept a day; `--only` judges one policy of it.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../../plan/stackConfig";
import { summarise } from "../../plan/summary";
import { Plan } from "../../plan/types";
import { policies } from "../../policy-pack/policies";
import { policySeverity } from "../../policy-pack/policies/common";
import { planResource } from "../harness/planResource";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "secure-ds-exemptions-"));
const STACK = "dev";
const resources = [planResource(STACK, "aws:cloudwatch/logGroup:LogGroup", "scratch-logs", { retentionInDays: 1 })];
const saved: Plan = {
    formatVersion: 2,
    project: "secure-ds",
    stack: STACK,
    mode: "up",
    resources,
    outputs: {},
    findings: [],
    undecided: [],
    deferred: [],
    quotas: [],
    manualSteps: [],
    contractViolations: [],
    packConfig: { all: "mandatory" },
    summary: summarise(STACK, "dev", resources, [], {}, "up"),
};
const planFile = path.join(tmp, "plan.json");
fs.writeFileSync(planFile, JSON.stringify(saved));

function exemptions(name: string, policy: string, expires: string): string {
    const file = path.join(tmp, `${name}.yaml`);
    fs.writeFileSync(
        file,
        `exemptions:\n  - id: ${name}\n    policy: ${policy}\n    resource: scratch-*\n    justification: Throw-away load-test logs.\n    expires: ${expires}\n    approver: lead@example.com\n`,
    );
    return file;
}

function plan(...args: string[]) {
    const r = spawnSync("npx", ["tsx", "tools/plan.ts", "--evaluate", planFile, ...args], {
        cwd: REPO_ROOT,
        encoding: "utf8",
        env: { ...process.env, GITHUB_SERVER_URL: "", GITHUB_REPOSITORY: "" },
    });
    return { code: r.status, out: r.stdout, err: r.stderr };
}

describe("npm run plan with exemptions and CI reports", () => {
    it("a live exemption passes the plan and is reported as exempted in the JSON, SARIF and JUnit; an expired one fails it again", () => {
        const out = (f: string) => path.join(tmp, f);
        const ok = plan(
            "--only",
            "log-group-retention-minimum",
            "--exemptions",
            exemptions("live", "log-group-retention-minimum", "2099-12-31"),
            "--json",
            out("live.json"),
            "--sarif",
            out("live.sarif"),
            "--junit",
            out("live.xml"),
        );
        expect(ok.err).toBe("");
        expect(ok.code).toBe(0);
        expect(ok.out).toMatch(/\[exempted until 2099-12-31\] log-group-retention-minimum: aws:cloudwatch\/logGroup:LogGroup scratch-logs/);
        const json = JSON.parse(fs.readFileSync(out("live.json"), "utf8")) as Plan;
        expect(json.findings).toHaveLength(1);
        const policy = policies.find((p) => p.name === "log-group-retention-minimum")!;
        expect(json.findings[0]).toMatchObject({
            level: "advisory",
            severity: policySeverity(policy),
            remediation: policy.remediation,
            exemption: { state: "exempted", id: "live" },
        });
        const sarif = JSON.parse(fs.readFileSync(out("live.sarif"), "utf8")) as {
            runs: { results: { ruleId: string; suppressions?: unknown[] }[]; tool: { driver: { rules: unknown[] } } }[];
        };
        expect(sarif.runs[0]!.tool.driver.rules).toHaveLength(1);
        expect(sarif.runs[0]!.results).toMatchObject([{ ruleId: "log-group-retention-minimum", suppressions: [{ status: "accepted" }] }]);
        expect(fs.readFileSync(out("live.xml"), "utf8")).toMatch(/<testsuites name="secure-ds plan dev" tests="1" failures="0" errors="0" skipped="1">/);

        const again = plan(
            "--only",
            "log-group-retention-minimum",
            "--exemptions",
            exemptions("past", "log-group-retention-minimum", "2020-01-31"),
            "--junit",
            out("past.xml"),
        );
        expect(again.code).toBe(1);
        expect(again.out).toMatch(/\[mandatory, exemption expired 2020-01-31\] log-group-retention-minimum/);
        expect(again.out).toMatch(/expired 2020-01-31 \(enforced again\)/);
        expect(fs.readFileSync(out("past.xml"), "utf8")).toMatch(/failures="1" errors="0" skipped="0"/);
    });

    it("an exemption of a critical policy is a config error (exit 2); a mistyped --skip is a usage error with a did-you-mean (exit 3)", () => {
        const critical = plan("--exemptions", exemptions("core", "isolated-vpc-no-internet-path", "2099-12-31"));
        expect(critical.code).toBe(2);
        expect(critical.err).toMatch(
            /core\.yaml: exemptions\.0 \(core\): policy "isolated-vpc-no-internet-path" is critical \(controls N6\) and cannot be exempted/,
        );
        const typo = plan("--skip", "mandatory-tag");
        expect(typo.code).toBe(3);
        expect(typo.err).toMatch(/--skip mandatory-tag: not a policy of the pack \(did you mean mandatory-tags\?\)/);
    });
});
