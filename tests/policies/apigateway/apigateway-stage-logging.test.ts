import { expect, it } from "vitest";
import { apigatewayStageLogging } from "../../../policy-pack/policies/apigateway/apigateway-stage-logging";
import { UNKNOWN, runResourcePolicy } from "../../harness/policyArgs";
import { describeRule, expectCompliant, expectViolations } from "../../harness/ruleTests";
import { APIGW } from "./fixtures";

const LOG_GROUP = "arn:aws:logs:eu-west-1:111111111111:log-group:/aws/apigateway/saml-broker";
const stage = (props: Record<string, unknown> = {}) => ({
    type: APIGW.stage,
    name: "broker-stage",
    props: {
        stageName: "broker",
        accessLogSettings: { destinationArn: LOG_GROUP, format: '{"requestId":"$context.requestId"}' },
        xrayTracingEnabled: true,
        ...props,
    },
});
const methodSettings = (settings: Record<string, unknown>) => ({
    type: APIGW.methodSettings,
    name: "broker-throttle",
    props: { stageName: "broker", methodPath: "*/*", settings: { throttlingBurstLimit: 10, throttlingRateLimit: 5, ...settings } },
});

describeRule(apigatewayStageLogging, () => {
    it("passes a stage with access logs and X-Ray, and method settings logging errors", async () => {
        await expectCompliant(apigatewayStageLogging, stage());
        await expectCompliant(apigatewayStageLogging, methodSettings({ loggingLevel: "ERROR", metricsEnabled: true }));
        await expectCompliant(apigatewayStageLogging, methodSettings({ loggingLevel: "INFO", dataTraceEnabled: false }));
    });
    it("passes a stage whose log group is being created (its settings unknown in a preview)", async () => {
        await expectCompliant(apigatewayStageLogging, stage({ accessLogSettings: UNKNOWN }));
        await expectCompliant(apigatewayStageLogging, stage({ accessLogSettings: { destinationArn: UNKNOWN, format: "$context.requestId" } }));
    });
    it("reports a stage without access logs, without a format or without X-Ray", async () => {
        expect(await expectViolations(apigatewayStageLogging, stage({ accessLogSettings: undefined, xrayTracingEnabled: undefined }))).toEqual([
            "Stage broker-stage has no access logs (accessLogSettings.destinationArn); send them to a KMS-encrypted log group (G4).",
            "Stage broker-stage has X-Ray tracing off; set xrayTracingEnabled: true (G4).",
        ]);
        expect(await expectViolations(apigatewayStageLogging, stage({ accessLogSettings: { destinationArn: LOG_GROUP } }))).toEqual([
            "Stage broker-stage has access logs without a format (accessLogSettings.format) (G4).",
        ]);
    });
    it("reports method settings that log no executions, or log whole requests", async () => {
        expect(await expectViolations(apigatewayStageLogging, methodSettings({}))).toEqual([
            "Method settings broker-throttle log no executions (loggingLevel not set, OFF); set ERROR or INFO (G4).",
        ]);
        expect(await expectViolations(apigatewayStageLogging, methodSettings({ loggingLevel: "OFF" }))).toHaveLength(1);
        expect(await expectViolations(apigatewayStageLogging, methodSettings({ loggingLevel: "INFO", dataTraceEnabled: true }))).toEqual([
            "Method settings broker-throttle log full requests and responses (dataTraceEnabled): SAML assertions would be written to the logs; turn it off (S6).",
        ]);
    });
    it("ignores other resources", async () => {
        expect(await runResourcePolicy(apigatewayStageLogging, { type: APIGW.restApi, props: {} })).toEqual([]);
    });
});
