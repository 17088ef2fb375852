import { expect, it } from "vitest";
import { studioUserProfileOwnSecurityGroup } from "../../../policy-pack/policies/sagemaker/studio-user-profile-own-security-group";
import { StackCaseResource, UNKNOWN, runStackPolicy } from "../../harness/policyArgs";
import { describeRule, expectCompliant, expectViolations } from "../../harness/ruleTests";
import { USER_PROFILE } from "./fixtures";

const sg = (name: string): StackCaseResource => ({ type: "aws:ec2/securityGroup:SecurityGroup", name, props: { vpcId: "vpc-1" } });
const profile = (name: string, groups: unknown, deps: string[] = []): StackCaseResource => ({
    type: USER_PROFILE,
    name,
    props: { userProfileName: name, userSettings: groups === undefined ? { executionRole: "r" } : { executionRole: "r", securityGroups: groups } },
    propertyDependencies: deps.length > 0 ? { userSettings: deps } : undefined,
});

describeRule(studioUserProfileOwnSecurityGroup, () => {
    it("passes profiles with their own groups (known ids and preview dependencies)", async () => {
        await expectCompliant(studioUserProfileOwnSecurityGroup, [profile("alice", ["sg-a"]), profile("bob", ["sg-b"])]);
        await expectCompliant(studioUserProfileOwnSecurityGroup, [
            sg("sg-alice"),
            sg("sg-bob"),
            profile("alice", UNKNOWN, ["sg-alice"]),
            profile("bob", UNKNOWN, ["sg-bob"]),
        ]);
    });
    it("reports two profiles naming the same group id", async () => {
        const v = await expectViolations(studioUserProfileOwnSecurityGroup, [
            profile("alice", ["sg-shared"]),
            profile("bob", ["sg-shared"]),
            profile("carol", ["sg-c"]),
        ]);
        expect(v).toEqual(["User profiles alice, bob share the security group sg-shared; each user needs their own (N9)."]);
    });
    it("reports two profiles built from the same group resource during a preview", async () => {
        const v = await expectViolations(studioUserProfileOwnSecurityGroup, [
            sg("shared"),
            profile("alice", UNKNOWN, ["shared"]),
            profile("bob", UNKNOWN, ["shared"]),
        ]);
        expect(v).toHaveLength(1);
        expect(v[0]).toContain("alice, bob");
    });
    it("reports a profile without groups (it inherits the domain's shared group)", async () => {
        expect(await expectViolations(studioUserProfileOwnSecurityGroup, [profile("alice", undefined), profile("bob", ["sg-b"])])).toEqual([
            "User profile alice sets no security groups; it would share the domain default group with every user (N9).",
        ]);
        expect(await expectViolations(studioUserProfileOwnSecurityGroup, [profile("alice", [])])).toHaveLength(1);
    });
    it("ignores other resources and profiles whose groups are not known yet", async () => {
        expect(await runStackPolicy(studioUserProfileOwnSecurityGroup, [sg("x"), profile("alice", UNKNOWN)])).toEqual([]);
    });
});
