/**
 * The scenario matrix: concrete requests against the dev and prod documents, each with the decision
 * the platform promises, evaluated by @cloud-copilot/iam-simulate. Prints the matrix (expected vs
 * actual); every row must match. docs/security-proofs.md is rendered from the same rows.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { readStackConfigFile, stackConfigPath } from "../../plan/stackConfig";
import { STACKS, loadOrganizationPlan, loadStackPlan } from "../harness/stackPlans";
import { REQUIRED_ROWS, Scenario, buildScenarios } from "../../tools/iam/scenarios";
import { Outcome, simulate } from "./simulate";

describe.each(STACKS)("IAM scenario matrix of the %s plan", (stack) => {
    let rows: Scenario[] = [];
    const outcomes = new Map<string, Outcome>();

    beforeAll(async () => {
        // prod's SCPs, archive and package policies are its organisation's other stacks'.
        const plan = stack === "prod" ? loadOrganizationPlan() : loadStackPlan(stack);
        rows = buildScenarios(stack, plan, readStackConfigFile(stackConfigPath(stack)));
        for (const row of rows) outcomes.set(row.id, await simulate(row));
        const width = Math.max(...rows.map((r) => r.id.length));
        const lines = rows.map((r) => {
            const o = outcomes.get(r.id) as Outcome;
            const want = r.defect ? r.defect.observed : r.expected;
            const mark = o.decision === want ? "ok  " : "FAIL";
            const sources = [
                ...new Set(
                    [
                        ...r.identity,
                        ...(r.boundary ?? []),
                        ...(r.scps ?? []),
                        ...(r.rcps ?? []),
                        ...(r.resourcePolicy ? [r.resourcePolicy] : []),
                        ...(r.endpointPolicies ?? []),
                    ].map((p) => p.source),
                ),
            ].join("+");
            return `${mark} ${r.id.padEnd(width)}  expected ${r.expected.padEnd(16)} actual ${o.decision.padEnd(16)} [${sources}]${r.defect ? "  KNOWN DEFECT" : ""}${o.error ? `  error ${o.error}` : ""}`;
        });
        console.log(`IAM scenario matrix, stack ${stack}: ${rows.length} requests\n${lines.join("\n")}`);
    });

    it("has at least 60 requests and every row the issue requires", () => {
        expect(rows.length).toBeGreaterThanOrEqual(60);
        const present = new Set(rows.map((r) => r.required).filter((r) => r !== undefined));
        expect(REQUIRED_ROWS.filter((r) => !present.has(r))).toEqual([]);
        expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
    });

    it("every request evaluates as expected", () => {
        const mismatches = rows
            .map((r) => ({ r, o: outcomes.get(r.id) as Outcome }))
            .filter(({ r, o }) => o.error !== undefined || o.decision !== (r.defect ? r.defect.observed : r.expected))
            .map(
                ({ r, o }) =>
                    `${r.id}: expected ${r.defect ? `${r.defect.observed} (known defect)` : r.expected}, actual ${o.decision}${o.error ? ` (${o.error})` : ""}; explicit denies: ${o.denySids.join(", ") || "none"}`,
            );
        expect(mismatches).toEqual([]);
    });

    it("explicit denies come from the statement the row names", () => {
        const wrong = rows
            .filter((r) => r.decidedBy && !r.defect)
            .map((r) => ({ r, o: outcomes.get(r.id) as Outcome }))
            .filter(({ r, o }) => !o.denySids.includes(r.decidedBy as string))
            .map(({ r, o }) => `${r.id}: expected ${r.decidedBy} among the denying statements, got ${o.denySids.join(", ") || "none"}`);
        expect(wrong).toEqual([]);
    });

    it("no request carries a context key the simulator ignores (a row that tests nothing)", () => {
        const ignored = rows.map((r) => ({ id: r.id, keys: (outcomes.get(r.id) as Outcome).ignoredContextKeys })).filter((x) => x.keys.length > 0);
        expect(ignored).toEqual([]);
    });
});
