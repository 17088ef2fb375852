import { expect, it } from "vitest";
import { cloudtrailMultiRegion } from "../../../policy-pack/policies/cloudtrail/cloudtrail-multi-region";
import { UNKNOWN, runResourcePolicy } from "../../harness/policyArgs";
import { describeRule, expectCompliant, expectViolations } from "../../harness/ruleTests";
import { trail } from "./fixtures";

describeRule(cloudtrailMultiRegion, () => {
    it("passes a multi-region trail with global events (explicit or the API default)", async () => {
        await expectCompliant(cloudtrailMultiRegion, trail({}));
        await expectCompliant(cloudtrailMultiRegion, trail({ includeGlobalServiceEvents: undefined }));
    });
    it("reports a single-region trail, a trail without global events, and an absent flag", async () => {
        expect(await expectViolations(cloudtrailMultiRegion, trail({ isMultiRegionTrail: false }))).toHaveLength(1);
        expect(await expectViolations(cloudtrailMultiRegion, trail({ isMultiRegionTrail: undefined }))).toHaveLength(1);
        expect((await expectViolations(cloudtrailMultiRegion, trail({ includeGlobalServiceEvents: false })))[0]).toContain("global service events");
    });
    it("ignores other types and unknown values", async () => {
        expect(await runResourcePolicy(cloudtrailMultiRegion, { type: "aws:sqs/queue:Queue", props: {} })).toEqual([]);
        expect(await runResourcePolicy(cloudtrailMultiRegion, trail({ isMultiRegionTrail: UNKNOWN }))).toEqual([]);
    });
});
