import { it } from "vitest";
import { lambdaReservedConcurrency } from "../../../policy-pack/policies/lambda/lambda-reserved-concurrency";
import { describeRule, expectCompliant, expectViolations } from "../../harness/ruleTests";

const FUNCTION = "aws:lambda/function:Function";

describeRule(lambdaReservedConcurrency, () => {
    it.each([
        ["5", { type: FUNCTION, props: { reservedConcurrentExecutions: 5 } }],
        ["the default maximum", { type: FUNCTION, props: { reservedConcurrentExecutions: 100 } }],
    ])("passes a reservation of %s", async (_label, c) => {
        await expectCompliant(lambdaReservedConcurrency, c);
    });
    it.each([
        ["unset", { type: FUNCTION, props: {} }],
        ["-1 (unreserved)", { type: FUNCTION, props: { reservedConcurrentExecutions: -1 } }],
        ["0 (disabled)", { type: FUNCTION, props: { reservedConcurrentExecutions: 0 } }],
        ["above the default maximum", { type: FUNCTION, props: { reservedConcurrentExecutions: 101 } }],
        ["above a configured maximum", { type: FUNCTION, props: { reservedConcurrentExecutions: 5 }, config: { maximum: 2 } }],
    ])("reports %s", async (_label, c) => {
        await expectViolations(lambdaReservedConcurrency, c);
    });
});
