import { it } from "vitest";
import { lambdaActiveTracing } from "../../../policy-pack/policies/lambda/lambda-active-tracing";
import { describeRule, expectCompliant, expectViolations } from "../../harness/ruleTests";

const FUNCTION = "aws:lambda/function:Function";

describeRule(lambdaActiveTracing, () => {
    it("passes Active tracing", async () => {
        await expectCompliant(lambdaActiveTracing, { type: FUNCTION, props: { tracingConfig: { mode: "Active" } } });
    });
    it.each([
        ["unset", { type: FUNCTION, props: {} }],
        ["PassThrough", { type: FUNCTION, props: { tracingConfig: { mode: "PassThrough" } } }],
    ])("reports %s", async (_label, c) => {
        await expectViolations(lambdaActiveTracing, c);
    });
});
