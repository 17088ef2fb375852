import { it } from "vitest";
import { codebuildInlineBuildspec } from "../../../policy-pack/policies/codebuild/codebuild-inline-buildspec";
import { describeRule, expectCompliant, expectViolations } from "../../harness/ruleTests";
import { project } from "./fixtures";

describeRule(codebuildInlineBuildspec, () => {
    it("passes an inline buildspec", async () => {
        await expectCompliant(codebuildInlineBuildspec, project({}));
    });
    it.each([
        ["no buildspec (read from the source)", project({ source: { type: "CODEPIPELINE" } })],
        ["buildspec path", project({ source: { type: "CODEPIPELINE", buildspec: "ci/buildspec.yml" } })],
    ])("reports %s", async (_label, c) => {
        await expectViolations(codebuildInlineBuildspec, c);
    });
});
