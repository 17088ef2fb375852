import { it } from "vitest";
import { cloudtrailCloudwatchLogs } from "../../../policy-pack/policies/cloudtrail/cloudtrail-cloudwatch-logs";
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
});
