import { it } from "vitest";
import { kmsKeyEnabledWithPolicy } from "../../../policy-pack/policies/kms/kms-key-enabled-with-policy";
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
});
