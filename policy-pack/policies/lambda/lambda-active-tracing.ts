import { SecureDsResourcePolicy, TYPES, propsOf } from "../common";

/**
 * G10 (checkov CKV_AWS_50): functions trace actively, so each inspection and remediation the
 * detective Lambda performs can be followed call by call in X-Ray.
 */
export const lambdaActiveTracing: SecureDsResourcePolicy = {
    name: "lambda-active-tracing",
    description: "Every Lambda function must enable active X-Ray tracing (tracingConfig.mode Active) (G10; checkov CKV_AWS_50).",
    controls: ["G10"],
    remediation: 'Set tracingConfig: { mode: "Active" } and allow xray:PutTraceSegments and xray:PutTelemetryRecords in the function\'s role.',
    enforcementLevel: "mandatory",
    configSchema: { properties: {} },
    validateResource: (args, reportViolation) => {
        const p = propsOf(args, TYPES.lambdaFunction);
        if (!p) return;
        const mode = p.tracingConfig?.mode;
        if (mode !== "Active") {
            reportViolation(
                `Lambda function ${args.name} has tracing mode ${typeof mode === "string" ? mode : "unset (PassThrough)"}; set tracingConfig.mode to Active (G10).`,
            );
        }
    },
};
