import { it } from "vitest";
import { ecrImmutableTags } from "../../../policy-pack/policies/ecr/ecr-immutable-tags";
import { describeRule, expectCompliant, expectViolations } from "../../harness/ruleTests";
import { ecr } from "./fixtures";

describeRule(ecrImmutableTags, () => {
    it("passes immutable tags", async () => {
        await expectCompliant(ecrImmutableTags, ecr({}));
    });
    it.each([
        ["mutable tags", ecr({ imageTagMutability: "MUTABLE" })],
        ["the API default (mutable)", ecr({ imageTagMutability: undefined })],
        ["mutable exclusions", ecr({ imageTagMutability: "IMMUTABLE_WITH_EXCLUSION" })],
    ])("reports %s", async (_label, c) => {
        await expectViolations(ecrImmutableTags, c);
    });
});
