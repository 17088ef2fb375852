import { it } from "vitest";
import { sqsQueueKms } from "../../../policy-pack/policies/sqs/sqs-queue-kms";
import { UNKNOWN } from "../../harness/policyArgs";
import { describeRule, expectCompliant, expectViolations } from "../../harness/ruleTests";
import { KEY } from "../fixtures";

const QUEUE = "aws:sqs/queue:Queue";

describeRule(sqsQueueKms, () => {
    it("passes a customer key", async () => {
        await expectCompliant(sqsQueueKms, { type: QUEUE, props: { kmsMasterKeyId: KEY } });
    });
    it.each([
        ["SSE-SQS only", { type: QUEUE, props: { sqsManagedSseEnabled: true } }],
        ["the aws/sqs alias", { type: QUEUE, props: { kmsMasterKeyId: "alias/aws/sqs" } }],
        ["the aws/sqs alias ARN", { type: QUEUE, props: { kmsMasterKeyId: "arn:aws:kms:eu-west-1:111111111111:alias/aws/sqs" } }],
    ])("reports %s", async (_label, c) => {
        await expectViolations(sqsQueueKms, c);
    });
    it("judges a value unknown in a preview by its presence, not its value", async () => {
        await expectCompliant(sqsQueueKms, { type: "aws:sqs/queue:Queue", props: { kmsMasterKeyId: UNKNOWN } });
        await expectViolations(sqsQueueKms, { type: "aws:sqs/queue:Queue", props: {} });
    });
});
