import { it } from "vitest";
import { dataResourcesProtected } from "../../../policy-pack/policies/data-protection/data-resources-protected";
import { describeRule, expectCompliant, expectViolations } from "../../harness/ruleTests";

describeRule(dataResourcesProtected, () => {
    it.each([
        ["a protected key", { type: "aws:kms/key:Key", props: {}, protect: true }],
        ["an unprotected topic (not a data holder by default)", { type: "aws:sns/topic:Topic", props: {} }],
    ])("passes %s", async (_label, c) => {
        await expectCompliant(dataResourcesProtected, c);
    });
    it.each([
        ["unprotected key", { type: "aws:kms/key:Key", props: {} }],
        ["unprotected bucket", { type: "aws:s3/bucket:Bucket", props: {} }],
        ["unprotected ECR repository", { type: "aws:ecr/repository:Repository", props: {} }],
        ["configured type", { type: "aws:sns/topic:Topic", props: {}, config: { protectedTypes: ["aws:sns/topic:Topic"] } }],
    ])("reports %s", async (_label, c) => {
        await expectViolations(dataResourcesProtected, c);
    });
});
