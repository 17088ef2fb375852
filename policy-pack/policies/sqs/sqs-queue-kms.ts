import { SecureDsResourcePolicy, TYPES, customerKeyProblem, propsOf } from "../common";

/** E10: queues (dead letters hold copies of the events) are encrypted with a customer key. */
export const sqsQueueKms: SecureDsResourcePolicy = {
    name: "sqs-queue-kms",
    description: "SQS queues must be encrypted with a customer-managed KMS key (SSE-SQS and the aws/sqs key do not count) (E10).",
    controls: ["E10"],
    remediation: "Set kmsMasterKeyId on the queue to a customer key whose policy admits the producers.",
    enforcementLevel: "mandatory",
    validateResource: (args, reportViolation) => {
        const p = propsOf(args, TYPES.sqsQueue);
        if (!p) return;
        const problem = customerKeyProblem(() => p.kmsMasterKeyId, "kmsMasterKeyId");
        if (problem) reportViolation(`SQS queue ${args.name} ${problem}; use a customer-managed key (E10).`);
    },
};
