import { it } from "vitest";
import { cloudtrailKms } from "../../../policy-pack/policies/cloudtrail/cloudtrail-kms";
import { UNKNOWN } from "../../harness/policyArgs";
import { describeRule, expectCompliant, expectViolations } from "../../harness/ruleTests";
import { trail } from "./fixtures";

describeRule(cloudtrailKms, () => {
    it("passes a customer key", async () => {
        await expectCompliant(cloudtrailKms, trail({}));
    });
    it.each([
        ["no key", trail({ kmsKeyId: undefined })],
        ["an empty key", trail({ kmsKeyId: "" })],
        ["an AWS-managed alias", trail({ kmsKeyId: "alias/aws/cloudtrail" })],
    ])("reports %s", async (_label, c) => {
        await expectViolations(cloudtrailKms, c);
    });
    it("judges a value unknown in a preview by its presence, not its value", async () => {
        await expectCompliant(cloudtrailKms, { type: "aws:cloudtrail/trail:Trail", props: { kmsKeyId: UNKNOWN } });
        await expectViolations(cloudtrailKms, { type: "aws:cloudtrail/trail:Trail", props: {} });
    });
});
