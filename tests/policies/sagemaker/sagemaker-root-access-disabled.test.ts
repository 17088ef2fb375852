import { it } from "vitest";
import { sagemakerRootAccessDisabled } from "../../../policy-pack/policies/sagemaker/sagemaker-root-access-disabled";
import { describeRule, expectCompliant, expectViolations } from "../../harness/ruleTests";
import { DOMAIN, USER_PROFILE, notebook } from "./fixtures";

describeRule(sagemakerRootAccessDisabled, () => {
    it.each([
        ["a notebook with root access Disabled", notebook({})],
        ["a domain with the SageMaker user", { type: DOMAIN, props: { defaultUserSettings: { customPosixUserConfig: { uid: 1000, gid: 100 } } } }],
        ["a user profile without a POSIX identity", { type: USER_PROFILE, props: { userSettings: {} } }],
    ])("passes %s", async (_label, c) => {
        await expectCompliant(sagemakerRootAccessDisabled, c);
    });
    it.each([
        ["notebook root Enabled", notebook({ rootAccess: "Enabled" })],
        ["notebook root absent (API default Enabled)", notebook({ rootAccess: undefined })],
        ["domain default user uid 0", { type: DOMAIN, props: { defaultUserSettings: { customPosixUserConfig: { uid: 0, gid: 100 } } } }],
        ["domain space gid 0", { type: DOMAIN, props: { defaultSpaceSettings: { customPosixUserConfig: { uid: 1000, gid: 0 } } } }],
        ["user profile uid 0", { type: USER_PROFILE, props: { userSettings: { customPosixUserConfig: { uid: 0, gid: 0 } } } }],
    ])("reports %s", async (_label, c) => {
        await expectViolations(sagemakerRootAccessDisabled, c);
    });
});
