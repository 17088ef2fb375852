import { SecureDsResourcePolicy, TYPES, propsOf } from "../common";

/**
 * G4: logs are kept at least a year (the period Security Hub and checkov expect, and what an
 * incident investigation needs). Never-expiring groups (retention unset or 0) satisfy this rule;
 * log-group-encrypted-retention separately requires an explicit retention.
 */
export const logGroupRetentionMinimum: SecureDsResourcePolicy = {
    name: "log-group-retention-minimum",
    description: "CloudWatch log groups must keep logs at least minimumRetentionDays (default 365) (G4, E8).",
    controls: ["G4", "E8"],
    remediation: "Set retentionInDays to 365 or more (the layers' log groups keep 365 days).",
    enforcementLevel: "mandatory",
    configSchema: {
        properties: {
            minimumRetentionDays: {
                type: "integer",
                minimum: 1,
                default: 365,
                description: "Shortest retention accepted, in days. Default: 365.",
            },
        },
    },
    validateResource: (args, reportViolation) => {
        const p = propsOf(args, TYPES.cloudwatchLogGroup);
        if (!p) return;
        const { minimumRetentionDays } = args.getConfig<{ minimumRetentionDays: number }>();
        const days = p.retentionInDays;
        if (typeof days === "number" && days > 0 && days < minimumRetentionDays) {
            reportViolation(`Log group ${args.name} keeps logs ${days} days; the minimum is ${minimumRetentionDays} (G4).`);
        }
    },
};
