import { it } from "vitest";
import { logGroupRetentionMinimum } from "../../../policy-pack/policies/logs/log-group-retention-minimum";
import { describeRule, expectCompliant, expectViolations } from "../../harness/ruleTests";

const LOG_GROUP = "aws:cloudwatch/logGroup:LogGroup";

describeRule(logGroupRetentionMinimum, () => {
    it.each([
        ["a year", { type: LOG_GROUP, props: { retentionInDays: 365 } }],
        ["never expiring (log-group-encrypted-retention asks for a retention)", { type: LOG_GROUP, props: {} }],
    ])("passes %s", async (_label, c) => {
        await expectCompliant(logGroupRetentionMinimum, c);
    });
    it.each([
        ["30 days", { type: LOG_GROUP, props: { retentionInDays: 30 } }],
        ["below a configured minimum", { type: LOG_GROUP, props: { retentionInDays: 400 }, config: { minimumRetentionDays: 731 } }],
    ])("reports %s", async (_label, c) => {
        await expectViolations(logGroupRetentionMinimum, c);
    });
});
