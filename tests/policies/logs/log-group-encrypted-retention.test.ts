import { expect, it } from "vitest";
import { logGroupEncryptedRetention } from "../../../policy-pack/policies/logs/log-group-encrypted-retention";
import { ResourceCase, UNKNOWN, runResourcePolicy } from "../../harness/policyArgs";
import { describeRule, expectCompliant, expectViolations } from "../../harness/ruleTests";
import { KEY } from "../fixtures";

const group = (props: Record<string, unknown>, config?: Record<string, unknown>): ResourceCase => ({
    type: "aws:cloudwatch/logGroup:LogGroup",
    name: "lg",
    props,
    config,
});

describeRule(logGroupEncryptedRetention, () => {
    it("passes a customer key and a retention", async () => {
        await expectCompliant(logGroupEncryptedRetention, group({ kmsKeyId: KEY, retentionInDays: 365 }));
    });
    it("reports no key, an AWS-managed key, no retention and never-expire", async () => {
        expect(await expectViolations(logGroupEncryptedRetention, group({ retentionInDays: 365 }))).toEqual([
            "Log group lg has no kmsKeyId; encrypt it with the layer's logs key (E8).",
        ]);
        expect(await expectViolations(logGroupEncryptedRetention, group({ kmsKeyId: "alias/aws/logs", retentionInDays: 365 }))).toHaveLength(1);
        expect(await expectViolations(logGroupEncryptedRetention, group({ kmsKeyId: KEY }))).toEqual([
            "Log group lg never expires (retentionInDays not set); set a retention (E8).",
        ]);
        expect(await expectViolations(logGroupEncryptedRetention, group({ kmsKeyId: KEY, retentionInDays: 0 }))).toHaveLength(1);
    });
    it("honours the configured minimum retention", async () => {
        expect(await expectViolations(logGroupEncryptedRetention, group({ kmsKeyId: KEY, retentionInDays: 30 }, { minimumRetentionDays: 90 }))).toEqual([
            "Log group lg keeps logs 30 days, less than the required 90 (E8).",
        ]);
        await expectCompliant(logGroupEncryptedRetention, group({ kmsKeyId: KEY, retentionInDays: 90 }, { minimumRetentionDays: 90 }));
    });
    it("ignores other types", async () => {
        expect(await runResourcePolicy(logGroupEncryptedRetention, { type: "aws:ec2/vpc:Vpc", props: {} })).toEqual([]);
    });
    it("judges a value unknown in a preview by its presence, not its value", async () => {
        await expectCompliant(logGroupEncryptedRetention, { type: "aws:cloudwatch/logGroup:LogGroup", props: { kmsKeyId: UNKNOWN, retentionInDays: 3653 } });
        await expectViolations(logGroupEncryptedRetention, { type: "aws:cloudwatch/logGroup:LogGroup", props: { kmsKeyId: UNKNOWN } });
    });
});
