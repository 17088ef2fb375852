import { it } from "vitest";
import { kmsKeyRotation } from "../../../policy-pack/policies/kms/kms-key-rotation";
import { describeRule, expectCompliant, expectViolations } from "../../harness/ruleTests";

const KMS_KEY = "aws:kms/key:Key";

describeRule(kmsKeyRotation, () => {
    it.each([
        ["a rotating key with a 30-day window", { type: KMS_KEY, props: { enableKeyRotation: true, deletionWindowInDays: 30 } }],
        [
            "a 7-day window when the config accepts it",
            { type: KMS_KEY, props: { enableKeyRotation: true, deletionWindowInDays: 7 }, config: { minimumDeletionWindowInDays: 7 } },
        ],
        ["an asymmetric key, which cannot rotate", { type: KMS_KEY, props: { customerMasterKeySpec: "RSA_2048", deletionWindowInDays: 30 } }],
    ])("passes %s", async (_label, c) => {
        await expectCompliant(kmsKeyRotation, c);
    });
    it.each([
        ["rotation off", { type: KMS_KEY, props: { enableKeyRotation: false, deletionWindowInDays: 30 } }],
        ["rotation unset", { type: KMS_KEY, props: { deletionWindowInDays: 30 } }],
        ["a short deletion window", { type: KMS_KEY, props: { enableKeyRotation: true, deletionWindowInDays: 7 } }],
    ])("reports %s", async (_label, c) => {
        await expectViolations(kmsKeyRotation, c);
    });
});
