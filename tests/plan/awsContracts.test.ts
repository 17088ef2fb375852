/**
 * The dev and prod plans against the AWS-side contracts, the quota plan and the manual steps
 * : nothing AWS would reject, every quota within its limit and counted as the config
 * predicts, every manual step listed with its runbook section.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { checkPlanContracts } from "../../plan/contracts";
import { formatPlan } from "../../plan/format";
import { quotaPlan, quotaUses } from "../../plan/quotas";
import { REPO_ROOT } from "../../plan/stackConfig";
import { Plan } from "../../plan/types";
import { parsePlatformConfig } from "../../stacks/config";
import { predictedQuotaUses } from "../../stacks/schema/quotas";
import { rawStackConfig } from "../harness/configCases";
import { PLAN_MODES, STACKS, loadStackPlan } from "../harness/stackPlans";

describe("AWS-side contracts over the repository stacks", () => {
    for (const stack of STACKS) {
        for (const mode of PLAN_MODES) {
            it(`${stack} (${mode}): no input AWS would reject, and the plan says so`, () => {
                const plan = loadStackPlan(stack, mode);
                expect(plan.contractViolations).toEqual([]);
                expect(plan.summary.contractViolations).toBe(0);
                expect(checkPlanContracts(plan.resources)).toEqual([]);
                expect(formatPlan(plan)).toMatch(/AWS would reject: 0 input\(s\)/);
            });
        }
    }

    it("a planted apostrophe in a security-group or rule description is caught, reported and fails the plan", () => {
        const plan = structuredClone(loadStackPlan("dev", "preview")) as Plan;
        const sg = plan.resources.find((r) => r.type === "aws:ec2/securityGroup:SecurityGroup" && r.name.startsWith("data-science-user-"));
        const rule = plan.resources.find((r) => r.type === "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule");
        if (!sg || !rule) throw new Error("the dev plan has no user security group or egress rule");
        sg.inputs.description = "Studio apps of the same user's profile";
        rule.inputs.description = "NFS to the domain's EFS";
        const violations = checkPlanContracts(plan.resources);
        // In resource order: the rule may come before or after the group.
        expect(violations.map((v) => [v.urn, v.field])).toEqual(
            expect.arrayContaining([
                [sg.urn, "CreateSecurityGroup GroupDescription"],
                [rule.urn, "IpRange/UserIdGroupPair Description"],
            ]),
        );
        expect(violations).toHaveLength(2);
        const text = formatPlan({ ...plan, contractViolations: violations });
        expect(text).toContain(
            `${sg.type} ${sg.name} description = "Studio apps of the same user's profile": CreateSecurityGroup GroupDescription must be only a-z`,
        );
        expect(text).toMatch(/FAILED: 2 input\(s\) AWS would reject$/);
    });
});

describe("quota plan of the repository stacks", () => {
    for (const stack of STACKS) {
        it(`${stack}: every quota within its limit, the Lambda raise declared, printed with its code`, () => {
            const plan = loadStackPlan(stack, "preview");
            expect(plan.quotas.length).toBeGreaterThan(5);
            expect(plan.quotas.filter((q) => q.exceeded)).toEqual([]);
            const lambda = plan.quotas.find((q) => q.key === "lambda/L-B99A9384");
            expect(lambda).toMatchObject({ used: 105, limit: 1000, limitFrom: "declared", defaultValue: 10 });
            // The quota to check is a row of the summary; --verbose gives every quota in full.
            expect(formatPlan(plan)).toMatch(/\n {2}Concurrent executions +105 {2}of 1,000 declared +lambda L-B99A9384\n/);
            const text = formatPlan(plan, { verbose: true });
            expect(text).toContain(
                "Concurrent executions (per account and Region): 105 of declared 1,000; most: 5 reserved + 100 unreserved [lambda L-B99A9384]",
            );
            expect(text).toMatch(
                /Inbound or outbound rules per security group \(per security group\): \d+ of default 60; most: SecurityGroup \S+ \[vpc L-0EA8095F\]/,
            );
        });

        it(`${stack}: what the config predicts is what the plan counts (IAM roles: at least the teams' own)`, () => {
            const cfg = parsePlatformConfig(rawStackConfig(stack));
            const counted = quotaUses(loadStackPlan(stack, "up").resources);
            for (const predicted of predictedQuotaUses(cfg)) {
                const count = counted.find((u) => u.key === predicted.key && u.account === predicted.account);
                if (predicted.key === "iam/L-FE177D64") {
                    const teamRoles = loadStackPlan(stack, "up").resources.filter(
                        (r) => r.type === "aws:iam/role:Role" && r.account === predicted.account && r.urn.includes("secure-ds:team:TeamEnvironment$"),
                    ).length;
                    expect(predicted.used, "the teams' roles").toBe(teamRoles);
                    expect(count?.used ?? 0).toBeGreaterThan(predicted.used);
                } else {
                    expect(count?.used, predicted.key).toBe(predicted.used);
                }
            }
        });
    }

    it("a declared value below the planned use is refused with the raise that fixes it", () => {
        const plan = loadStackPlan("dev", "up");
        const rows = quotaPlan(plan.resources, { "vpc/L-29B6F2EB": 10 });
        expect(rows.find((q) => q.key === "vpc/L-29B6F2EB")).toMatchObject({
            used: 14,
            limit: 10,
            limitFrom: "declared",
            exceeded: true,
            where: "VPC data-science-vpc",
        });
    });
});

describe("post-deploy manual steps", () => {
    const runbook = fs.readFileSync(path.join(REPO_ROOT, "docs", "operations.md"), "utf8");
    const anchors = new Set(
        [...runbook.matchAll(/^#{2,4} (.+)$/gm)].map((m) =>
            m[1]
                .toLowerCase()
                .replace(/[^a-z0-9 -]/g, "")
                .replace(/ /g, "-"),
        ),
    );

    it("prod's stacks list the CodeStar handshake, the Identity Center assignments, the e-mail confirmations and the quota checks, each where it is", () => {
        const steps = (stack: "prod" | "shared-services" | "management") => loadStackPlan(stack, "preview").manualSteps.map((s) => s.id);
        expect(steps("prod")).toEqual(expect.arrayContaining(["quota-request", "sns-email-confirmation"]));
        expect(steps("shared-services")).toContain("codestar-connection-handshake");
        expect(steps("shared-services")).toContain("package-gate-toolchain-image");
        expect(steps("prod")).not.toContain("package-gate-toolchain-image");
        expect(steps("management")).toContain("identity-center-assignments");
        const plan = loadStackPlan("shared-services", "preview");
        const connection = plan.manualSteps.find((s) => s.id === "codestar-connection-handshake");
        expect(connection?.what).toMatch(/^Complete the GitHub handshake of CodeStar connection acme-prod-pkg-requests \(created PENDING\)/);
        expect(connection?.urns).toEqual([plan.resources.find((r) => r.type === "aws:codestarconnections/connection:Connection")?.urn]);
        expect(formatPlan(plan)).toMatch(/Post-deploy manual steps: \d+ \(docs\/operations\.md, "Post-deploy manual steps"\)/);
    });

    it("dev, whose intake is an S3 bucket, has no CodeStar step; every step links a section of docs/operations.md", () => {
        const dev = loadStackPlan("dev", "preview");
        expect(dev.manualSteps.map((s) => s.id)).not.toContain("codestar-connection-handshake");
        expect(anchors.has("post-deploy-manual-steps")).toBe(true);
        for (const step of [dev, ...(["prod", "management", "log-archive", "shared-services"] as const).map((s) => loadStackPlan(s, "preview"))].flatMap(
            (p) => p.manualSteps,
        )) {
            const [file, anchor] = step.doc.split("#");
            expect(file).toBe("docs/operations.md");
            expect(anchors.has(anchor), `${step.id} links #${anchor}`).toBe(true);
        }
    });
});
