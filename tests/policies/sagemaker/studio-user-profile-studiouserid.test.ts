import { expect, it } from "vitest";
import { studioUserProfileStudiouserid } from "../../../policy-pack/policies/sagemaker/studio-user-profile-studiouserid";
import { ResourceCase } from "../../harness/policyArgs";
import { describeRule, expectCompliant, expectViolations } from "../../harness/ruleTests";
import { USER_PROFILE } from "./fixtures";

const profile = (props: Record<string, unknown>): ResourceCase => ({ type: USER_PROFILE, name: "p", props });

describeRule(studioUserProfileStudiouserid, () => {
    it("passes a profile tagged with its own name", async () => {
        await expectCompliant(studioUserProfileStudiouserid, profile({ userProfileName: "alice", tags: { studiouserid: "alice", team: "fraud" } }));
    });
    it("reports a missing tag, an empty one and one naming another user", async () => {
        expect(await expectViolations(studioUserProfileStudiouserid, profile({ userProfileName: "alice", tags: { team: "fraud" } }))).toHaveLength(1);
        expect(await expectViolations(studioUserProfileStudiouserid, profile({ userProfileName: "alice" }))).toHaveLength(1);
        expect(await expectViolations(studioUserProfileStudiouserid, profile({ userProfileName: "alice", tags: { studiouserid: "" } }))).toHaveLength(1);
        const other = await expectViolations(studioUserProfileStudiouserid, profile({ userProfileName: "alice", tags: { studiouserid: "bob" } }));
        expect(other).toHaveLength(1);
        expect(other[0]).toContain("studiouserid=bob");
    });
});
