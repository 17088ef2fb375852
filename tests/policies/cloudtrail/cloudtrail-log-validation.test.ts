import { expect, it } from "vitest";
import { cloudtrailLogValidation } from "../../../policy-pack/policies/cloudtrail/cloudtrail-log-validation";
import { describeRule, expectCompliant, expectViolations } from "../../harness/ruleTests";
import { trail } from "./fixtures";

describeRule(cloudtrailLogValidation, () => {
    it("passes validation on", async () => {
        await expectCompliant(cloudtrailLogValidation, trail({}));
    });
    it("reports validation off or absent, and logging off", async () => {
        expect(await expectViolations(cloudtrailLogValidation, trail({ enableLogFileValidation: false }))).toHaveLength(1);
        expect(await expectViolations(cloudtrailLogValidation, trail({ enableLogFileValidation: undefined }))).toHaveLength(1);
        expect((await expectViolations(cloudtrailLogValidation, trail({ enableLogging: false })))[0]).toContain("logging turned off");
    });
});
