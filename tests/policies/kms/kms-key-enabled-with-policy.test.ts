import { it } from "vitest";
import { kmsKeyEnabledWithPolicy } from "../../../policy-pack/policies/kms/kms-key-enabled-with-policy";
import { UNKNOWN } from "../../harness/policyArgs";
import { describeRule, expectCompliant, expectViolations } from "../../harness/ruleTests";
import { doc } from "../fixtures";

const KMS_KEY = "aws:kms/key:Key";

describeRule(kmsKeyEnabledWithPolicy, () => {
    it("passes an enabled key with a key policy", async () => {
        await expectCompliant(kmsKeyEnabledWithPolicy, { type: KMS_KEY, props: { policy: doc({ Effect: "Allow" }) } });
    });
    it.each([
        ["disabled", { type: KMS_KEY, props: { isEnabled: false, policy: doc({}) } }],
        ["no policy", { type: KMS_KEY, props: {} }],
    ])("reports %s", async (_label, c) => {
        await expectViolations(kmsKeyEnabledWithPolicy, c);
    });
    it("judges a value unknown in a preview by its presence, not its value", async () => {
        await expectCompliant(kmsKeyEnabledWithPolicy, { type: "aws:kms/key:Key", props: { policy: UNKNOWN } });
        await expectViolations(kmsKeyEnabledWithPolicy, { type: "aws:kms/key:Key", props: { policy: UNKNOWN, isEnabled: false } });
    });
});
