import { it } from "vitest";
import { codebuildNoPlaintextCredentials } from "../../../policy-pack/policies/codebuild/codebuild-no-plaintext-credentials";
import { UNKNOWN } from "../../harness/policyArgs";
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
    it("judges a value unknown in a preview by its presence, not its value", async () => {
        await expectCompliant(codebuildNoPlaintextCredentials, {
            type: "aws:codebuild/project:Project",
            props: { environment: { environmentVariables: [{ name: "TOPIC_ARN", value: UNKNOWN }] } },
        });
        await expectViolations(codebuildNoPlaintextCredentials, {
            type: "aws:codebuild/project:Project",
            props: { environment: { environmentVariables: [{ name: "DB_PASSWORD", value: UNKNOWN }] } },
        });
    });
});
