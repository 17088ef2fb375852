import { SecureDsResourcePolicy, TYPES, propsOf } from "../common";

/**
 * G10 (checkov CKV_AWS_115): every function has a reserved concurrency cap, so a burst of events
 * (or a loop) cannot take the account's whole concurrency from the detective controls and the
 * teams' own workloads. Asynchronous invocation retries throttled events; a dead-letter queue
 * keeps what still fails.
 */
export const lambdaReservedConcurrency: SecureDsResourcePolicy = {
    name: "lambda-reserved-concurrency",
    description: "Every Lambda function must set reservedConcurrentExecutions between 1 and the configured maximum (G10; checkov CKV_AWS_115).",
    controls: ["G10"],
    remediation: "Set reservedConcurrentExecutions on the function (the detective Lambda takes governance.detectiveConcurrency, default 5).",
    enforcementLevel: "mandatory",
    configSchema: {
        properties: {
            maximum: {
                type: "integer",
                minimum: 1,
                default: 100,
                description: "Highest reserved concurrency a function may claim. Default 100.",
            },
        },
    },
    validateResource: (args, reportViolation) => {
        const p = propsOf(args, TYPES.lambdaFunction);
        if (!p) return;
        const { maximum } = args.getConfig<{ maximum: number }>();
        const reserved = p.reservedConcurrentExecutions;
        if (typeof reserved !== "number" || !Number.isInteger(reserved)) {
            reportViolation(`Lambda function ${args.name} sets no reservedConcurrentExecutions; cap it (1 to ${maximum}) (G10).`);
        } else if (reserved < 1) {
            // -1 removes the reservation (unreserved), 0 disables the function.
            reportViolation(
                `Lambda function ${args.name} has reservedConcurrentExecutions ${reserved}; ${reserved === 0 ? "0 throttles every invocation" : "a negative value removes the cap"}; set 1 to ${maximum} (G10).`,
            );
        } else if (reserved > maximum) {
            reportViolation(`Lambda function ${args.name} reserves ${reserved} concurrent executions, above the maximum of ${maximum} (G10).`);
        }
    },
};
