import { SecureDsResourcePolicy, TYPES, customerKeyProblem, propsOf } from "../common";

/** E10: SNS topics (scan results, pipeline failures, alerts) are encrypted with a customer key. */
export const snsTopicKms: SecureDsResourcePolicy = {
    name: "sns-topic-kms",
    description: "SNS topics must be encrypted with a customer-managed KMS key (E10).",
    controls: ["E10"],
    remediation: "Set kmsMasterKeyId on the topic to a customer key whose policy admits the publishing services.",
    enforcementLevel: "mandatory",
    validateResource: (args, reportViolation) => {
        const p = propsOf(args, TYPES.snsTopic);
        if (!p) return;
        const problem = customerKeyProblem(() => p.kmsMasterKeyId, "kmsMasterKeyId");
        if (problem) reportViolation(`SNS topic ${args.name} ${problem} (E10).`);
    },
};
