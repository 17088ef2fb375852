import { it } from "vitest";
import { codebuildNotPrivileged } from "../../../policy-pack/policies/codebuild/codebuild-not-privileged";
import { describeRule, expectCompliant, expectViolations } from "../../harness/ruleTests";
import { project } from "./fixtures";

describeRule(codebuildNotPrivileged, () => {
    it("passes an unprivileged project, with privilegedMode false or unset", async () => {
        await expectCompliant(codebuildNotPrivileged, project({}));
        await expectCompliant(codebuildNotPrivileged, project({ environment: { type: "LINUX_CONTAINER" } }));
    });
    it("reports privileged mode", async () => {
        await expectViolations(codebuildNotPrivileged, project({ environment: { privilegedMode: true } }));
    });
});
