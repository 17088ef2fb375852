import { expect, it } from "vitest";
import { teamBoundaryDenies } from "../../../policy-pack/policies/iam/team-boundary-denies";
import { PolicyDocument, Statement } from "../../../components/guardrails/document";
import { teamPermissionBoundary } from "../../../components/guardrails/teamBoundary";
import { ResourceCase } from "../../harness/policyArgs";
import { describeRule, expectCompliant, expectViolations } from "../../harness/ruleTests";
import { scopeFor } from "../../team/fixtures";

/** The boundary as TeamEnvironment creates it: tagged with the team, named `<prefix>-<team>-boundary`. */
const boundary = (doc: PolicyDocument, name = "acme-dev-fraud-boundary", tags: Record<string, string> = { team: "fraud" }): ResourceCase => ({
    type: "aws:iam/policy:Policy",
    props: { name, tags, policy: JSON.stringify(doc) },
});
const built = teamPermissionBoundary(scopeFor("fraud"));
const without = (sid: string): PolicyDocument => ({ ...built, Statement: built.Statement.filter((s) => s.Sid !== sid) });
const replacing = (sid: string, f: (s: Statement) => Statement): PolicyDocument => ({
    ...built,
    Statement: built.Statement.map((s) => (s.Sid === sid ? f(s) : s)),
});

describeRule(teamBoundaryDenies, () => {
    it("passes the boundary the builder makes, and ignores policies that are not team boundaries", async () => {
        await expectCompliant(teamBoundaryDenies, boundary(built));
        const empty: PolicyDocument = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "s3:*", Resource: "*" }] };
        await expectCompliant(teamBoundaryDenies, boundary(empty, "acme-dev-fraud-guardrails-vpc-kms"));
        await expectCompliant(teamBoundaryDenies, boundary(empty, "acme-dev-boundary", {}));
    });
    it.each<[string, PolicyDocument]>([
        ["presigned URLs open to every role the boundary caps", without("DenySessionsExceptScientistRole")],
        ["profile tags changeable", without("DenyUserProfileTagChanges")],
        ["no Studio instance-type allow-list", without("DenyAppInstanceTypesOffAllowList")],
        ["bucket settings in the storage cap (s3:*)", replacing("TeamStorageCap", (s) => ({ ...s, Action: "s3:*" }))],
        [
            "a separate Allow of PutBucketPolicy",
            { ...built, Statement: [...built.Statement, { Effect: "Allow", Action: "s3:PutBucketPolicy", Resource: "*" }] },
        ],
    ])("reports a boundary with %s", async (_label, doc) => {
        const violations = await expectViolations(teamBoundaryDenies, boundary(doc));
        expect(violations).toHaveLength(1);
        expect(violations[0]).toMatch(/acme-dev-fraud-boundary|team fraud/);
    });
});
