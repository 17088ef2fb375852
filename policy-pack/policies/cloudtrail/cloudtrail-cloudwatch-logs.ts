import { SecureDsResourcePolicy, TYPES, isSet, propsOf } from "../common";

/** G4: trails also deliver to CloudWatch Logs, where metric filters and alarms can act within minutes. */
export const cloudtrailCloudwatchLogs: SecureDsResourcePolicy = {
    name: "cloudtrail-cloudwatch-logs",
    description: "CloudTrail trails must deliver to a CloudWatch Logs log group (cloudWatchLogsGroupArn and cloudWatchLogsRoleArn) (G4).",
    controls: ["G4"],
    remediation: "Create trails with AccountTrail/AuditTrail, which deliver to an encrypted log group through a dedicated role.",
    enforcementLevel: "mandatory",
    validateResource: (args, reportViolation) => {
        const p = propsOf(args, TYPES.cloudtrailTrail);
        if (!p) return;
        if (!isSet(() => p.cloudWatchLogsGroupArn) || !isSet(() => p.cloudWatchLogsRoleArn)) {
            reportViolation(`Trail ${args.name} does not deliver to CloudWatch Logs; set cloudWatchLogsGroupArn and cloudWatchLogsRoleArn (G4).`);
        }
    },
};
