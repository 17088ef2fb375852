/**
 * The output flags of `npm run plan` on planted plans: `--json -` keeps stdout for the JSON,
 * `--quiet` still names the failures, the diff reaches the JSON, and the progress line's pace.
 */
import { describe, expect, it } from "vitest";
import { DiffBase } from "../../plan/diff/base";
import { progressReporter, PlanProgress } from "../../plan/progress";
import { summarise } from "../../plan/summary";
import { PLAN_FORMAT_VERSION, Plan, PlanFinding } from "../../plan/types";
import { emitPlans, OutputValues, progressListener } from "../../tools/planOutput";
import { planResource } from "../harness/planResource";

const values = (v: Partial<OutputValues>): OutputValues => ({ quiet: false, progress: false, verbose: false, ...v });

function plan(findings: PlanFinding[]): Plan {
    const resources = [planResource("dev", "aws:s3/bucket:Bucket", "data", { bucket: "acme-dev-data" })];
    return {
        formatVersion: PLAN_FORMAT_VERSION,
        project: "secure-ds",
        stack: "dev",
        mode: "preview",
        resources,
        outputs: {},
        findings,
        undecided: [],
        deferred: [],
        quotas: [],
        manualSteps: [],
        contractViolations: [],
        packConfig: {},
        summary: summarise("dev", "dev", resources, findings, {}, "preview"),
    };
}

const violation: PlanFinding = {
    policy: "s3-bucket-encrypted-with-cmk",
    level: "mandatory",
    urn: "urn:pulumi:dev::secure-ds::aws:s3/bucket:Bucket::data",
    message: "bucket data is not encrypted with a customer key (D1)",
    controls: ["D1"],
};

describe("--json -", () => {
    it("writes the plan JSON alone to stdout and the summary to stderr", () => {
        const out = emitPlans([plan([])], values({ json: "-" }), undefined, undefined, false);
        expect(out.stdout).toHaveLength(1);
        const parsed = JSON.parse(out.stdout[0]) as Plan;
        expect(parsed.stack).toBe("dev");
        expect(out.stderr.join("\n")).toContain("secure-ds offline plan: stack dev");
        expect(out.jsonFile).toBeUndefined();
    });

    it("writes to a file named by --json FILE, the summary on stdout", () => {
        const out = emitPlans([plan([])], values({ json: "plan.json" }), undefined, undefined, false);
        expect(out.jsonFile?.file).toBe("plan.json");
        expect(out.stdout.join("\n")).toContain("secure-ds offline plan: stack dev");
    });

    it("carries the diff in the JSON", () => {
        const base: DiffBase = { file: "base.json", kind: "plan", stack: "dev", resources: [] };
        const out = emitPlans([plan([])], values({ json: "-", quiet: true }), base, undefined, false);
        const parsed = JSON.parse(out.stdout[0]) as Plan;
        expect(parsed.diff?.counts.create).toBe(1);
        expect(parsed.diff?.resources[0]).toMatchObject({ op: "create", name: "data" });
    });
});

describe("--quiet", () => {
    it("prints nothing when the plan passes", () => {
        const out = emitPlans([plan([])], values({ quiet: true }), undefined, undefined, false);
        expect(out).toEqual({ stdout: [], stderr: [] });
    });

    it("names the failures on exit 1: their count and the first lines", () => {
        const many = Array.from({ length: 12 }, (_, i) => ({ ...violation, message: `${violation.message} #${i}` }));
        const out = emitPlans([plan(many)], values({ quiet: true }), undefined, undefined, true);
        expect(out.stdout).toEqual([]);
        expect(out.stderr[0]).toBe("FAILED: 12 failure(s), the first 10 (run without --quiet for the summary)");
        expect(out.stderr.slice(1)).toHaveLength(10);
        expect(out.stderr[1]).toBe(
            "  dev: [mandatory] s3-bucket-encrypted-with-cmk aws:s3/bucket:Bucket data: bucket data is not encrypted with a customer key (D1) #0",
        );
    });
});

describe("the progress line", () => {
    const p = (phase: PlanProgress["phase"], registered: number, analyzed = 0): PlanProgress => ({ stack: "big", phase, registered, analyzed });

    it("prints lines at most every 2 s off a terminal, and at each phase change", () => {
        const written: string[] = [];
        let t = 0;
        const report = progressReporter({ isTTY: false, write: (s: string) => written.push(s) }, () => t);
        report(p("program", 1));
        t = 500;
        report(p("program", 200));
        t = 2500;
        report(p("program", 4000));
        t = 2600;
        report(p("policies", 4400, 10));
        t = 2700;
        report(p("done", 4400, 4400));
        expect(written).toEqual([
            "plan big: program running, 1 resources registered, 0 judged by the policy pack\n",
            "plan big: program running, 4000 resources registered, 0 judged by the policy pack\n",
            "plan big: program done (4400 resources), policy pack judged 10 of 4400, then the stack policies\n",
            "plan big: 4400 resources registered and judged\n",
        ]);
    });

    it("rewrites one line on a terminal", () => {
        const written: string[] = [];
        const report = progressReporter({ isTTY: true, write: (s: string) => written.push(s) }, () => 0);
        report(p("program", 3));
        expect(written).toEqual(["\r\x1b[Kplan big: program running, 3 resources registered, 0 judged by the policy pack"]);
    });

    it("is on for a terminal, off elsewhere unless --progress, and off with --quiet", () => {
        const tty = { isTTY: true } as NodeJS.WriteStream;
        const pipe = { isTTY: false } as NodeJS.WriteStream;
        expect(progressListener(values({}), tty)).toBeDefined();
        expect(progressListener(values({}), pipe)).toBeUndefined();
        expect(progressListener(values({ progress: true }), pipe)).toBeDefined();
        expect(progressListener(values({ quiet: true }), tty)).toBeUndefined();
    });
});
