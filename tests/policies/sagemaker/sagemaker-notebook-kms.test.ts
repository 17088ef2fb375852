import { it } from "vitest";
import { sagemakerNotebookKms } from "../../../policy-pack/policies/sagemaker/sagemaker-notebook-kms";
import { describeRule, expectCompliant, expectViolations } from "../../harness/ruleTests";
import { notebook } from "./fixtures";

describeRule(sagemakerNotebookKms, () => {
    it("passes a notebook with a customer key", async () => {
        await expectCompliant(sagemakerNotebookKms, notebook({}));
    });
    it.each([
        ["no key", notebook({ kmsKeyId: undefined })],
        ["AWS-managed key", notebook({ kmsKeyId: "alias/aws/sagemaker" })],
    ])("reports %s", async (_label, c) => {
        await expectViolations(sagemakerNotebookKms, c);
    });
});
