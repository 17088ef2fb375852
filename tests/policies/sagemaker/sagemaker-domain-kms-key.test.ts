import { expect, it } from "vitest";
import { sagemakerDomainKmsKey } from "../../../policy-pack/policies/sagemaker/sagemaker-domain-kms-key";
import { UNKNOWN } from "../../harness/policyArgs";
import { describeRule, expectCompliant, expectViolations } from "../../harness/ruleTests";
import { KEY } from "../fixtures";
import { DOMAIN } from "./fixtures";

describeRule(sagemakerDomainKmsKey, () => {
    it("passes a customer key", async () => {
        await expectCompliant(sagemakerDomainKmsKey, { type: DOMAIN, props: { kmsKeyId: KEY } });
    });
    it("reports a missing key and an AWS-managed alias", async () => {
        expect(await expectViolations(sagemakerDomainKmsKey, { type: DOMAIN, props: {} })).toHaveLength(1);
        expect(await expectViolations(sagemakerDomainKmsKey, { type: DOMAIN, props: { kmsKeyId: "alias/aws/elasticfilesystem" } })).toHaveLength(1);
        expect(
            await expectViolations(sagemakerDomainKmsKey, {
                type: DOMAIN,
                props: { kmsKeyId: "arn:aws:kms:eu-west-1:111111111111:alias/aws/elasticfilesystem" },
            }),
        ).toHaveLength(1);
    });
    it("judges a value unknown in a preview by its presence, not its value", async () => {
        await expectCompliant(sagemakerDomainKmsKey, { type: "aws:sagemaker/domain:Domain", props: { kmsKeyId: UNKNOWN } });
        await expectViolations(sagemakerDomainKmsKey, { type: "aws:sagemaker/domain:Domain", props: { kmsKeyId: "alias/aws/elasticfilesystem" } });
    });
});
