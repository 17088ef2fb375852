import { it } from "vitest";
import { snsTopicKms } from "../../../policy-pack/policies/sns/sns-topic-kms";
import { UNKNOWN } from "../../harness/policyArgs";
import { describeRule, expectCompliant, expectViolations } from "../../harness/ruleTests";
import { KEY } from "../fixtures";

const TOPIC = "aws:sns/topic:Topic";

describeRule(snsTopicKms, () => {
    it("passes a customer key", async () => {
        await expectCompliant(snsTopicKms, { type: TOPIC, props: { name: "t", kmsMasterKeyId: KEY } });
    });
    it.each([
        ["no key", { type: TOPIC, props: { name: "t" } }],
        ["alias/aws/sns", { type: TOPIC, props: { name: "t", kmsMasterKeyId: "alias/aws/sns" } }],
    ])("reports %s", async (_label, c) => {
        await expectViolations(snsTopicKms, c);
    });
    it("judges a value unknown in a preview by its presence, not its value", async () => {
        await expectCompliant(snsTopicKms, { type: "aws:sns/topic:Topic", props: { kmsMasterKeyId: UNKNOWN } });
        await expectViolations(snsTopicKms, { type: "aws:sns/topic:Topic", props: { kmsMasterKeyId: "alias/aws/sns" } });
    });
});
