import * as fs from "node:fs";
import { describe, expect, it } from "vitest";
import { PeerCheck, peerChecks, statusOf } from "../../policy-pack/coverage/peerChecks";
import { policies } from "../../policy-pack/policies";
import { CONTROLS_DOC, citedControls, figureSentence, figures, parseGuardrails, readGuardrails, renderControls, renderCurrent } from "../../tools/controlsDoc";

const packNames = new Set(policies.map((p) => p.name));

describe("peer check catalogue (policy-pack/coverage/peerChecks.ts)", () => {
    it("names only policies that exist in the pack", () => {
        const stale = peerChecks.flatMap((c) => (c.coveredBy ?? []).filter((n) => !packNames.has(n)).map((n) => `${c.source} ${c.id} → ${n}`));
        expect(stale, `coveredBy names a policy the pack does not have: ${stale.join("; ")}`).toEqual([]);
    });

    it("gives every check exactly one status: policies, or a non-empty reason", () => {
        const bad: string[] = [];
        for (const c of peerChecks) {
            const set = [c.coveredBy !== undefined, c.notApplicable !== undefined, c.gap !== undefined].filter(Boolean).length;
            if (set !== 1) bad.push(`${c.id}: ${set} statuses`);
            if (c.coveredBy !== undefined && c.coveredBy.length === 0) bad.push(`${c.id}: empty coveredBy`);
            if (c.notApplicable !== undefined && c.notApplicable.trim().length < 20) bad.push(`${c.id}: not-applicable reason too short`);
            if (c.gap !== undefined && c.gap.trim().length < 8) bad.push(`${c.id}: gap reason too short`);
            if (c.title.trim().length === 0) bad.push(`${c.id}: no title`);
        }
        expect(bad).toEqual([]);
    });

    it("lists each peer check once, with the ID format of its source", () => {
        const keys = peerChecks.map((c) => `${c.source}:${c.id}`);
        const dupes = keys.filter((k, i) => keys.indexOf(k) !== i);
        expect(dupes).toEqual([]);
        const format: Record<PeerCheck["source"], RegExp> = {
            securityhub: /^[A-Za-z0-9]+\.\d+$/,
            checkov: /^CKV2?_AWS_\d+$/,
            prowler: /^[a-z0-9]+(_[a-z0-9]+)+$/,
        };
        const wrong = peerChecks.filter((c) => !format[c.source].test(c.id)).map((c) => `${c.source} ${c.id}`);
        expect(wrong).toEqual([]);
        expect(peerChecks.filter((c) => c.source === "securityhub" && c.fsbp === undefined).map((c) => c.id)).toEqual([]);
    });

    it("covers the resource types the platform deploys with all three peers", () => {
        for (const resource of ["SageMaker", "S3", "KMS", "EC2/VPC", "CloudTrail", "ECR", "CodeBuild", "Lambda", "SNS", "CloudWatch Logs", "EFS", "Backup", "API Gateway", "DynamoDB"] as const) {
            const sources = new Set(peerChecks.filter((c) => c.resource === resource).map((c) => c.source));
            expect(sources.size, `${resource} has checks from ${[...sources].join(", ")}`).toBeGreaterThanOrEqual(resource === "CloudWatch Logs" || resource === "Backup" ? 2 : 3);
        }
        expect(peerChecks.length).toBeGreaterThanOrEqual(60);
    });
});

describe("guardrail catalogue (docs/guardrails.md)", () => {
    const rows = readGuardrails();

    it("parses every row with its layers", () => {
        expect(rows.length).toBeGreaterThan(40);
        expect(rows.find((r) => r.id === "N1")?.layers).toEqual(["SCP", "IAM", "PACK", "DET"]);
        expect(rows.find((r) => r.id === "G1")?.layers).toEqual(["IAM", "PACK", "DET"]);
        expect(rows.find((r) => r.id === "S5")?.layers).toEqual(["PACK"]);
        expect(rows.find((r) => r.id === "G6")?.layers).toEqual(["—"]);
    });

    it("has at least one policy for every PACK row", () => {
        const implemented = new Set(policies.flatMap((p) => p.controls));
        const missing = rows.filter((r) => r.layers.includes("PACK") && !implemented.has(r.id)).map((r) => r.id);
        expect(missing, `PACK rows without a policy: ${missing.join(", ")}`).toEqual([]);
    });
});

describe("docs/controls.md", () => {
    it("is current (regenerated from the live pack)", () => {
        const committed = fs.existsSync(CONTROLS_DOC) ? fs.readFileSync(CONTROLS_DOC, "utf8") : "";
        const fresh = renderCurrent();
        expect(committed === fresh, "docs/controls.md is stale: run npm run controls-doc").toBe(true);
    });

    it("prints the coverage figure, per source and in total", () => {
        const doc = renderCurrent();
        const total = figures(peerChecks, packNames);
        expect(total.covered + total.notApplicable + total.gaps).toBe(peerChecks.length);
        expect(doc).toContain(`**Peer coverage: ${figureSentence(total)}.**`);
        for (const source of ["securityhub", "checkov", "prowler"] as const) {
            expect(doc).toContain(figureSentence(figures(peerChecks.filter((c) => c.source === source), packNames)));
        }
    });

    it("stops counting a check as covered when its policy leaves the pack, and flags the PACK row", () => {
        const guardrails = parseGuardrails("| N1 | VpcOnly | key | SCP, PACK |\n| G6 | Budgets | budgets | — |\n");
        const check: PeerCheck = { source: "prowler", id: "sagemaker_domain_vpc_only_enabled", title: "t", resource: "SageMaker", coveredBy: ["gone-policy"] };
        const doc = renderControls({ policies: [], checks: [check], guardrails, citations: new Map() });
        expect(statusOf(check)).toBe("covered");
        expect(figures([check], new Set())).toMatchObject({ covered: 0, gaps: 1, applicable: 1 });
        expect(doc).toContain("`gone-policy` (not in the pack)");
        expect(doc).toContain("**PACK rows without a policy: N1.**");
        expect(doc).toContain("**Peer coverage: 1 applicable peer checks, 0 covered (0.0%), 0 not applicable with a reason.**");
    });
});

describe("control citations in code", () => {
    it("reads parenthesised lists, controls arrays and detective violations, not bare service names", () => {
        const src = [
            '// denies the create call unless VpcOnly (N1, N2)',
            'const rule = { controls: ["E9", "G1"] };',
            'c.add("N3", "no subnets");',
            'const store = { type: "S3", location: bucket }; // Amazon S3 bucket',
            "const x = E7;",
        ].join("\n");
        expect([...citedControls(src)].sort()).toEqual(["E9", "G1", "N1", "N2", "N3"]);
    });
});
