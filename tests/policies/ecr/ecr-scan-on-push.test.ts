import { it } from "vitest";
import { ecrScanOnPush } from "../../../policy-pack/policies/ecr/ecr-scan-on-push";
import { describeRule, expectCompliant, expectViolations } from "../../harness/ruleTests";
import { ecr } from "./fixtures";

describeRule(ecrScanOnPush, () => {
    it("passes scan on push", async () => {
        await expectCompliant(ecrScanOnPush, ecr({}));
    });
    it.each([
        ["scan on push off", ecr({ imageScanningConfiguration: { scanOnPush: false } })],
        ["scan on push absent", ecr({ imageScanningConfiguration: undefined })],
    ])("reports %s", async (_label, c) => {
        await expectViolations(ecrScanOnPush, c);
    });
});
