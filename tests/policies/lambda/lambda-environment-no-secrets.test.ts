import { it } from "vitest";
import { lambdaEnvironmentNoSecrets } from "../../../policy-pack/policies/lambda/lambda-environment-no-secrets";
import { UNKNOWN } from "../../harness/policyArgs";
import { describeRule, expectCompliant, expectViolations } from "../../harness/ruleTests";

const FUNCTION = "aws:lambda/function:Function";

describeRule(lambdaEnvironmentNoSecrets, () => {
    it("passes ARNs of secrets and topics", async () => {
        await expectCompliant(lambdaEnvironmentNoSecrets, {
            type: FUNCTION,
            props: { environment: { variables: { ALERT_TOPIC_ARN: "arn:t", SECRET_ARN: "arn:s" } } },
        });
    });
    it.each([
        ["password", { type: FUNCTION, props: { environment: { variables: { DB_PASSWORD: "p" } } } }],
        ["AWS access key", { type: FUNCTION, props: { environment: { variables: { AWS_ACCESS_KEY_ID: "AKIAABCDEFGHIJKLMNOP" } } } }],
    ])("reports %s", async (_label, c) => {
        await expectViolations(lambdaEnvironmentNoSecrets, c);
    });
    it("judges a value unknown in a preview by its presence, not its value", async () => {
        await expectCompliant(lambdaEnvironmentNoSecrets, {
            type: "aws:lambda/function:Function",
            props: { environment: { variables: { ALERT_TOPIC_ARN: UNKNOWN } } },
        });
        await expectViolations(lambdaEnvironmentNoSecrets, {
            type: "aws:lambda/function:Function",
            props: { environment: { variables: { API_TOKEN: UNKNOWN } } },
        });
    });
});
