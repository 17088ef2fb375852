import { NOT_KNOWN, SecureDsResourcePolicy, TYPES, isSet, known, propsOf, text } from "../common";

/** Execution logging levels that record something (the API's values: OFF, ERROR, INFO). */
const LOGGING_LEVELS = ["ERROR", "INFO"];

/**
 * G4, S6: every call to an API of the platform (the SAML broker's sign-ins) leaves a record: the
 * stage writes access logs and X-Ray traces, and its method settings log executions. The log
 * group itself is judged by log-group-encrypted-retention (customer key, retention), as every
 * log group is. Full request and response logging (dataTraceEnabled) is refused: it would write
 * each request body to the execution log, and the broker's bodies are signed SAML assertions
 * ("Data tracing… logs full requests/responses": https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-logging.html).
 */
export const apigatewayStageLogging: SecureDsResourcePolicy = {
    name: "apigateway-stage-logging",
    description:
        "API Gateway stages must send access logs to a log group (accessLogSettings with destinationArn and format) and have X-Ray tracing on; method settings must log executions (loggingLevel ERROR or INFO) and never log full requests and responses (dataTraceEnabled), which would write SAML assertions to the logs (G4, S6).",
    controls: ["G4", "S6"],
    remediation:
        "On the aws.apigateway.Stage set accessLogSettings { destinationArn: a KMS-encrypted log group's ARN, format: a JSON access-log format } and xrayTracingEnabled: true; on aws.apigateway.MethodSettings set settings.loggingLevel to ERROR or INFO and leave dataTraceEnabled false.",
    enforcementLevel: "mandatory",
    validateResource: (args, reportViolation) => {
        const stage = propsOf(args, TYPES.apigatewayStage);
        if (stage) {
            // Read through isSet: a block built from a log group being created may be unknown as a whole.
            if (!isSet(() => stage.accessLogSettings?.destinationArn)) {
                reportViolation(`Stage ${args.name} has no access logs (accessLogSettings.destinationArn); send them to a KMS-encrypted log group (G4).`);
            } else if (!isSet(() => stage.accessLogSettings?.format)) {
                reportViolation(`Stage ${args.name} has access logs without a format (accessLogSettings.format) (G4).`);
            }
            if (known(() => stage.xrayTracingEnabled) !== true) reportViolation(`Stage ${args.name} has X-Ray tracing off; set xrayTracingEnabled: true (G4).`);
            return;
        }
        const method = propsOf(args, TYPES.apigatewayMethodSettings);
        if (!method) return;
        const level = known(() => text(method.settings?.loggingLevel));
        if (level !== NOT_KNOWN && !LOGGING_LEVELS.includes(level ?? "OFF")) {
            reportViolation(`Method settings ${args.name} log no executions (loggingLevel ${level ?? "not set, OFF"}); set ERROR or INFO (G4).`);
        }
        if (known(() => method.settings?.dataTraceEnabled) === true) {
            reportViolation(
                `Method settings ${args.name} log full requests and responses (dataTraceEnabled): SAML assertions would be written to the logs; turn it off (S6).`,
            );
        }
    },
};
