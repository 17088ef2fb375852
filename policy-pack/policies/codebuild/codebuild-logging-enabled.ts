import { SecureDsResourcePolicy, TYPES, propsOf, text } from "../common";

/** S2: every scan build leaves logs (CloudWatch Logs, encrypted by log-group-encrypted-retention) for the audit of a decision. */
export const codebuildLoggingEnabled: SecureDsResourcePolicy = {
    name: "codebuild-logging-enabled",
    description: "CodeBuild projects must send build logs to CloudWatch Logs (logsConfig.cloudwatchLogs not DISABLED, with a groupName) (S2).",
    controls: ["S2"],
    remediation: 'Set logsConfig.cloudwatchLogs { status: "ENABLED", groupName } to the project\'s own encrypted log group (ScanPipeline does).',
    enforcementLevel: "mandatory",
    validateResource: (args, reportViolation) => {
        const p = propsOf(args, TYPES.codebuildProject);
        if (!p) return;
        const cw = p.logsConfig?.cloudwatchLogs;
        if (text(cw?.status) === "DISABLED") reportViolation(`CodeBuild project ${args.name} disables CloudWatch logging (S2).`);
        else if (!text(cw?.groupName))
            reportViolation(
                `CodeBuild project ${args.name} names no log group (logsConfig.cloudwatchLogs.groupName); logs would go to an unencrypted default group (S2).`,
            );
    },
};
