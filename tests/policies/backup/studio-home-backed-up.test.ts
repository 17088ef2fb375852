import { it } from "vitest";
import { studioHomeBackedUp } from "../../../policy-pack/policies/backup/studio-home-backed-up";
import { StackCaseResource } from "../../harness/policyArgs";
import { describeRule, expectCompliant, expectViolations } from "../../harness/ruleTests";
import { edit, r, without } from "../fixtures";

/** A domain whose home EFS a selection puts into a plan with a rule. */
const backupStack = (): StackCaseResource[] => [
    r("aws:sagemaker/domain:Domain", "d"),
    r("aws:backup/plan:Plan", "plan", { rules: [{ ruleName: "daily" }] }),
    r("aws:backup/selection:Selection", "sel", { planId: "p", resources: ["arn:efs"] }, { planId: ["plan"], resources: ["d"] }),
];

describeRule(studioHomeBackedUp, () => {
    it("passes a domain whose home EFS is in a plan with a rule", async () => {
        await expectCompliant(studioHomeBackedUp, backupStack());
    });
    it.each([
        ["no selection", without(backupStack(), "sel")],
        ["selection of a plan without rules", edit(backupStack(), "plan", (x) => (x.props.rules = []))],
        ["selection without a plan of the stack", edit(without(backupStack(), "plan"), "sel", (x) => (x.propertyDependencies = { resources: ["d"] }))],
    ])("reports %s", async (_label, resources) => {
        await expectViolations(studioHomeBackedUp, resources);
    });
});
