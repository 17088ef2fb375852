import { expect, it } from "vitest";
import { iamNoServiceWildcardActions } from "../../../policy-pack/policies/iam/iam-no-service-wildcard-actions";
import { judgeResourcePolicy } from "../../harness/policyArgs";
import { describeRule, expectCompliant, expectViolations } from "../../harness/ruleTests";
import { DEFERRED_DOCUMENT, KEY, ROLE_WITH_AN_UNKNOWN_INLINE_POLICY, doc } from "../fixtures";

const ROLE = "aws:iam/role:Role";
const POLICY = "aws:iam/policy:Policy";
const ROLE_POLICY = "aws:iam/rolePolicy:RolePolicy";

describeRule(iamNoServiceWildcardActions, () => {
    it.each([
        ["listed actions", { type: ROLE_POLICY, props: { policy: doc({ Effect: "Allow", Action: ["s3:GetObject"], Resource: "arn:aws:s3:::b/*" }) } }],
        [
            "a justified service cap",
            { type: POLICY, props: { policy: doc({ Sid: "SageMakerCapJustifiedWildcard", Effect: "Allow", Action: "sagemaker:*", Resource: "*" }) } },
        ],
        ["a Deny of everything", { type: POLICY, props: { policy: doc({ Effect: "Deny", Action: "*", Resource: "*" }) } }],
        [
            "listed actions in a role's inline policy",
            { type: ROLE, props: { inlinePolicies: [{ name: "p", policy: doc({ Effect: "Allow", Action: ["kms:Decrypt"], Resource: KEY }) }] } },
        ],
    ])("passes %s", async (_label, c) => {
        await expectCompliant(iamNoServiceWildcardActions, c);
    });
    it.each([
        [
            "service wildcard on a scoped resource",
            { type: ROLE_POLICY, props: { policy: doc({ Effect: "Allow", Action: "s3:*", Resource: "arn:aws:s3:::b" }) } },
        ],
        ["* action", { type: POLICY, props: { policy: doc({ Effect: "Allow", Action: "*", Resource: "arn:aws:s3:::b" }) } }],
        ["Allow + NotAction", { type: POLICY, props: { policy: doc({ Effect: "Allow", NotAction: "iam:*", Resource: "arn:aws:s3:::b" }) } }],
        [
            "s3:* in a role's inline policy",
            { type: ROLE, props: { inlinePolicies: [{ name: "p", policy: doc({ Effect: "Allow", Action: "s3:*", Resource: "arn:aws:s3:::b" }) }] } },
        ],
    ])("reports %s", async (_label, c) => {
        await expectViolations(iamNoServiceWildcardActions, c);
    });
    it("reads a statement whose Sid is not a string as unjustified instead of failing", async () => {
        expect(
            await expectViolations(iamNoServiceWildcardActions, {
                type: POLICY,
                props: { policy: doc({ Sid: 7, Effect: "Allow", Action: "kms:*", Resource: "*" }) },
            }),
        ).toEqual(["test: statement 7 allows kms:* (I3)."]);
    });
    it("defers a document unknown in a preview to `pulumi up`, after judging the known ones", async () => {
        const judged = await judgeResourcePolicy(iamNoServiceWildcardActions, ROLE_WITH_AN_UNKNOWN_INLINE_POLICY);
        expect(judged.violations).toHaveLength(1);
        expect(judged.undecided).toEqual([DEFERRED_DOCUMENT]);
    });
});
