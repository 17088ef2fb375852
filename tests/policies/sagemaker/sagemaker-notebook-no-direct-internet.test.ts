import { expect, it } from "vitest";
import { sagemakerNotebookNoDirectInternet } from "../../../policy-pack/policies/sagemaker/sagemaker-notebook-no-direct-internet";
import { UNKNOWN, runResourcePolicy } from "../../harness/policyArgs";
import { describeRule, expectCompliant, expectViolations } from "../../harness/ruleTests";
import { notebook } from "./fixtures";

describeRule(sagemakerNotebookNoDirectInternet, () => {
    it("passes a notebook without direct internet, in a subnet with security groups", async () => {
        await expectCompliant(sagemakerNotebookNoDirectInternet, notebook({}));
    });
    it.each([
        ["direct internet Enabled", notebook({ directInternetAccess: "Enabled" })],
        ["direct internet absent (API default Enabled)", notebook({ directInternetAccess: undefined })],
        ["no subnet", notebook({ subnetId: undefined })],
        ["no security groups", notebook({ securityGroups: [] })],
    ])("reports %s", async (_label, c) => {
        await expectViolations(sagemakerNotebookNoDirectInternet, c);
    });
    it("skips unknown values as a preview does", async () => {
        expect(await runResourcePolicy(sagemakerNotebookNoDirectInternet, notebook({ directInternetAccess: UNKNOWN }))).toEqual([]);
    });
});
