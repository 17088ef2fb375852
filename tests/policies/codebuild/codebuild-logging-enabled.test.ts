import { it } from "vitest";
import { codebuildLoggingEnabled } from "../../../policy-pack/policies/codebuild/codebuild-logging-enabled";
import { describeRule, expectCompliant, expectViolations } from "../../harness/ruleTests";
import { project } from "./fixtures";

describeRule(codebuildLoggingEnabled, () => {
    it("passes CloudWatch logging to a named group", async () => {
        await expectCompliant(codebuildLoggingEnabled, project({}));
    });
    it.each([
        ["CloudWatch disabled", project({ logsConfig: { cloudwatchLogs: { status: "DISABLED" } } })],
        ["no log group", project({ logsConfig: undefined })],
    ])("reports %s", async (_label, c) => {
        await expectViolations(codebuildLoggingEnabled, c);
    });
});
