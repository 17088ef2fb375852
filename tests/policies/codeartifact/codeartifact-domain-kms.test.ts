import { expect, it } from "vitest";
import { codeartifactDomainKms } from "../../../policy-pack/policies/codeartifact/codeartifact-domain-kms";
import { UNKNOWN, runResourcePolicy } from "../../harness/policyArgs";
import { describeRule, expectCompliant, expectViolations } from "../../harness/ruleTests";
import { KEY } from "../fixtures";

const DOMAIN = "aws:codeartifact/domain:Domain";

describeRule(codeartifactDomainKms, () => {
    it("passes a customer key", async () => {
        await expectCompliant(codeartifactDomainKms, { type: DOMAIN, props: { domain: "d", encryptionKey: KEY } });
    });
    it("reports a missing key and the AWS-managed key", async () => {
        expect(await expectViolations(codeartifactDomainKms, { type: DOMAIN, props: { domain: "d" } })).toHaveLength(1);
        expect(
            await expectViolations(codeartifactDomainKms, {
                type: DOMAIN,
                props: { domain: "d", encryptionKey: "arn:aws:kms:eu-west-1:111111111111:alias/aws/codeartifact" },
            }),
        ).toHaveLength(1);
    });
    it("skips unknown values and other types", async () => {
        expect(await runResourcePolicy(codeartifactDomainKms, { type: DOMAIN, props: { domain: "d", encryptionKey: UNKNOWN } })).toEqual([]);
        expect(await runResourcePolicy(codeartifactDomainKms, { type: "aws:ecr/repository:Repository", props: {} })).toEqual([]);
    });
    it("judges a value unknown in a preview by its presence, not its value", async () => {
        await expectCompliant(codeartifactDomainKms, { type: "aws:codeartifact/domain:Domain", props: { encryptionKey: UNKNOWN } });
        await expectViolations(codeartifactDomainKms, { type: "aws:codeartifact/domain:Domain", props: {} });
    });
});
