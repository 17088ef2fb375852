import { it } from "vitest";
import { codebuildNoPlaintextCredentials } from "../../../policy-pack/policies/codebuild/codebuild-no-plaintext-credentials";
import { describeRule, expectCompliant, expectViolations } from "../../harness/ruleTests";
import { project } from "./fixtures";

describeRule(codebuildNoPlaintextCredentials, () => {
    it("passes ARNs in plaintext and tokens from Secrets Manager", async () => {
        await expectCompliant(codebuildNoPlaintextCredentials, project({}));
    });
    it.each([
        ["AWS secret key", project({ environment: { environmentVariables: [{ name: "AWS_SECRET_ACCESS_KEY", value: "x" }] } })],
        ["token in plaintext", project({ environment: { environmentVariables: [{ name: "GITHUB_TOKEN", type: "PLAINTEXT", value: "ghp" }] } })],
        ["access key id value", project({ environment: { environmentVariables: [{ name: "X", type: "PLAINTEXT", value: "AKIAABCDEFGHIJKLMNOP" }] } })],
    ])("reports %s", async (_label, c) => {
        await expectViolations(codebuildNoPlaintextCredentials, c);
    });
});
