import { SecureDsResourcePolicy, TYPES, isSet, propsOf } from "../common";

/** G10: an asynchronously invoked function keeps the events it could not process (detective findings are never lost). */
export const lambdaDeadLetterQueue: SecureDsResourcePolicy = {
    name: "lambda-dead-letter-queue",
    description: "Lambda functions must have a dead-letter queue (deadLetterConfig.targetArn) for failed asynchronous invocations (G10).",
    controls: ["G10"],
    remediation: "Set deadLetterConfig: { targetArn } to a KMS-encrypted SQS queue (DetectiveControls does).",
    enforcementLevel: "mandatory",
    validateResource: (args, reportViolation) => {
        const p = propsOf(args, TYPES.lambdaFunction);
        if (!p) return;
        if (!isSet(() => p.deadLetterConfig?.targetArn)) {
            reportViolation(`Lambda function ${args.name} has no dead-letter queue; failed events would be dropped after two retries (G10).`);
        }
    },
};
