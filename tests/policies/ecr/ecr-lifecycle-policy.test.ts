import { it } from "vitest";
import { ecrLifecyclePolicy } from "../../../policy-pack/policies/ecr/ecr-lifecycle-policy";
import { describeRule, expectCompliant, expectViolations } from "../../harness/ruleTests";
import { r } from "../fixtures";
import { REPOSITORY } from "./fixtures";

const LIFECYCLE = "aws:ecr/lifecyclePolicy:LifecyclePolicy";

describeRule(ecrLifecyclePolicy, () => {
    it("passes a repository with its lifecycle policy", async () => {
        await expectCompliant(ecrLifecyclePolicy, [r(REPOSITORY, "repo"), r(LIFECYCLE, "lc", { repository: "x" }, { repository: ["repo"] })]);
    });
    it.each([
        ["no lifecycle policy", [r(REPOSITORY, "repo")]],
        [
            "lifecycle policy of another repository",
            [r(REPOSITORY, "repo"), r(REPOSITORY, "other"), r(LIFECYCLE, "lc", { repository: "x" }, { repository: ["other"] })],
        ],
    ])("reports %s", async (_label, resources) => {
        await expectViolations(ecrLifecyclePolicy, resources);
    });
});
