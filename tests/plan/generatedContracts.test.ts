/**
 * The contract check and the quota plan at scale: the generated 100 teams × 10 users config
 * (bench/generatedConfig.ts), planned once as `npm run plan` does (preview). Before the fix of
 * the description fix this plan had 4,301 security-group texts EC2 would reject.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { generatedConfig } from "../../bench/generatedConfig";
import { buildPlan } from "../../plan/buildPlan";
import { Plan } from "../../plan/types";

let plan: Plan;

beforeAll(async () => {
    // About 17,000 resources: minutes on a busy machine. The type check is the dev plan's job.
    plan = await buildPlan({ stack: "generated", config: generatedConfig(100, 10), mode: "preview", env: { PULUMI_NODEJS_TRANSPILE_ONLY: "true" } });
}, 1_800_000);

describe("generated 100 teams × 10 users", () => {
    it("has no input AWS would reject", () => {
        expect(plan.resources.filter((r) => r.type === "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule").length).toBeGreaterThan(1000);
        expect(plan.contractViolations).toEqual([]);
    });

    it("stays within every quota, and counts what grows with the teams", () => {
        expect(plan.quotas.filter((q) => q.exceeded)).toEqual([]);
        const used = (key: string) => Math.max(...plan.quotas.filter((q) => q.key === key).map((q) => q.used));
        expect(used("sagemaker/L-B683BCB0")).toBe(100);
        expect(used("sagemaker/L-AC46C40F")).toBe(1000);
        // The S3 data events match the platform's bucket-name prefix: 100 teams add no selector value
        // (Management, Data, AWS::S3::Object, the prefix, and the 4 excepted archive and access-log buckets).
        expect(used("cloudtrail/advanced-event-selector-values")).toBe(8);
        expect(used("iam/L-FE177D64")).toBeGreaterThan(700);
        expect(used("vpc/L-E79EC296")).toBeGreaterThan(1100);
    });
});
