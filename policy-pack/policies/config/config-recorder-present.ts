import { SecureDsStackPolicy, TYPES, ofType, propsOf, text } from "../common";

/** True for an EventBridge rule matching SageMaker events: the detective layer is on. */
function isDetectiveRule(eventPattern: unknown): boolean {
    const pattern = text(eventPattern);
    if (!pattern) return false;
    try {
        const parsed = JSON.parse(pattern) as { source?: unknown };
        return Array.isArray(parsed.source) && parsed.source.includes("aws.sagemaker");
    } catch {
        return false;
    }
}

/**
 * G10: the detective layer is on, so AWS Config records: the Lambda sees changes as they happen,
 * Config re-evaluates periodically and catches what the Lambda missed.
 */
export const configRecorderPresent: SecureDsStackPolicy = {
    name: "config-recorder-present",
    description:
        "When the stack deploys SageMaker detective controls, it must also deploy an AWS Config recorder, unless the account records through a recorder managed elsewhere (G10).",
    controls: ["G10"],
    remediation:
        "Set governance.awsConfig.enabled: true, or set this policy's recorderManagedElsewhere: true when the account's recorder belongs to another stack.",
    enforcementLevel: "mandatory",
    configSchema: {
        properties: {
            recorderManagedElsewhere: {
                type: "boolean",
                default: false,
                description: "The account already records with a Config recorder outside this stack.",
            },
        },
    },
    validateStack: (args, reportViolation) => {
        const { recorderManagedElsewhere } = args.getConfig<{ recorderManagedElsewhere: boolean }>();
        if (recorderManagedElsewhere) return;
        const detective = ofType(args.resources, TYPES.cloudwatchEventRule).filter((r) => isDetectiveRule(propsOf(r, TYPES.cloudwatchEventRule)?.eventPattern));
        if (detective.length === 0) return;
        if (ofType(args.resources, TYPES.configRecorder).length === 0) {
            reportViolation(
                `The detective controls (${detective.map((r) => r.name).join(", ")}) are deployed without an AWS Config recorder; enable governance.awsConfig or declare the recorder managed elsewhere (G10).`,
            );
        }
    },
};
