import { it } from "vitest";
import { secretsmanagerSecretKms } from "../../../policy-pack/policies/secretsmanager/secretsmanager-secret-kms";
import { describeRule, expectCompliant, expectViolations } from "../../harness/ruleTests";
import { KEY } from "../fixtures";

const SECRET = "aws:secretsmanager/secret:Secret";

describeRule(secretsmanagerSecretKms, () => {
    it("passes a customer key", async () => {
        await expectCompliant(secretsmanagerSecretKms, { type: SECRET, props: { kmsKeyId: KEY } });
    });
    it.each([
        ["the default key", { type: SECRET, props: {} }],
        ["the aws/secretsmanager alias", { type: SECRET, props: { kmsKeyId: "alias/aws/secretsmanager" } }],
    ])("reports %s", async (_label, c) => {
        await expectViolations(secretsmanagerSecretKms, c);
    });
});
