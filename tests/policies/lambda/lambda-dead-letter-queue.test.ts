import { expect, it } from "vitest";
import { lambdaDeadLetterQueue } from "../../../policy-pack/policies/lambda/lambda-dead-letter-queue";
import { UNKNOWN, runResourcePolicy } from "../../harness/policyArgs";
import { describeRule, expectCompliant, expectViolations } from "../../harness/ruleTests";

const FUNCTION = "aws:lambda/function:Function";

describeRule(lambdaDeadLetterQueue, () => {
    it("passes a function with a DLQ", async () => {
        await expectCompliant(lambdaDeadLetterQueue, { type: FUNCTION, props: { deadLetterConfig: { targetArn: "arn:aws:sqs:eu-west-1:111111111111:dlq" } } });
    });
    it("reports no dead-letter config and an empty target", async () => {
        expect(await expectViolations(lambdaDeadLetterQueue, { type: FUNCTION, props: {} })).toHaveLength(1);
        expect(await expectViolations(lambdaDeadLetterQueue, { type: FUNCTION, props: { deadLetterConfig: { targetArn: "" } } })).toHaveLength(1);
    });
    it("skips an unknown target (computed in a preview)", async () => {
        expect(await runResourcePolicy(lambdaDeadLetterQueue, { type: FUNCTION, props: { deadLetterConfig: { targetArn: UNKNOWN } } })).toEqual([]);
    });
    it("judges a value unknown in a preview by its presence, not its value", async () => {
        await expectCompliant(lambdaDeadLetterQueue, { type: "aws:lambda/function:Function", props: { deadLetterConfig: { targetArn: UNKNOWN } } });
        await expectViolations(lambdaDeadLetterQueue, { type: "aws:lambda/function:Function", props: { deadLetterConfig: {} } });
    });
});
