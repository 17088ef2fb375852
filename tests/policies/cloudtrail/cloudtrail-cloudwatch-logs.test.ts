import { it } from "vitest";
import { cloudtrailCloudwatchLogs } from "../../../policy-pack/policies/cloudtrail/cloudtrail-cloudwatch-logs";
import { UNKNOWN } from "../../harness/policyArgs";
import { describeRule, expectCompliant, expectViolations } from "../../harness/ruleTests";
import { TRAIL } from "./fixtures";

describeRule(cloudtrailCloudwatchLogs, () => {
    it("passes delivery to a log group through a role", async () => {
        await expectCompliant(cloudtrailCloudwatchLogs, { type: TRAIL, props: { cloudWatchLogsGroupArn: "arn:lg", cloudWatchLogsRoleArn: "arn:role" } });
    });
    it.each([
        ["no log group", { type: TRAIL, props: { cloudWatchLogsRoleArn: "arn:role" } }],
        ["no role", { type: TRAIL, props: { cloudWatchLogsGroupArn: "arn:lg" } }],
    ])("reports %s", async (_label, c) => {
        await expectViolations(cloudtrailCloudwatchLogs, c);
    });
    it("judges a value unknown in a preview by its presence, not its value", async () => {
        await expectCompliant(cloudtrailCloudwatchLogs, {
            type: "aws:cloudtrail/trail:Trail",
            props: { cloudWatchLogsGroupArn: UNKNOWN, cloudWatchLogsRoleArn: UNKNOWN },
        });
        await expectViolations(cloudtrailCloudwatchLogs, { type: "aws:cloudtrail/trail:Trail", props: { cloudWatchLogsGroupArn: UNKNOWN } });
    });
});
