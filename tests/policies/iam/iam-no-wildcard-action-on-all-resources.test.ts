import { expect, it } from "vitest";
import { iamNoWildcardActionOnAllResources } from "../../../policy-pack/policies/iam/iam-no-wildcard-action-on-all-resources";
import { ResourceCase, UNKNOWN, judgeResourcePolicy, runResourcePolicy } from "../../harness/policyArgs";
import { describeRule, expectCompliant, expectViolations } from "../../harness/ruleTests";
import { DEFERRED_DOCUMENT, ROLE_WITH_AN_UNKNOWN_INLINE_POLICY, doc } from "../fixtures";

const ROLE = "aws:iam/role:Role";
const ROLE_POLICY = "aws:iam/rolePolicy:RolePolicy";
const POLICY = "aws:iam/policy:Policy";
const PERMISSION_SET = "aws:ssoadmin/permissionSetInlinePolicy:PermissionSetInlinePolicy";
const c = (type: string, props: Record<string, unknown>): ResourceCase => ({ type, props });

describeRule(iamNoWildcardActionOnAllResources, () => {
    it("passes scoped actions, resource-scoped wildcards, patterns on * and justified wildcards", async () => {
        await expectCompliant(iamNoWildcardActionOnAllResources, c(ROLE_POLICY, { policy: doc({ Effect: "Allow", Action: ["s3:GetObject"], Resource: "*" }) }));
        await expectCompliant(
            iamNoWildcardActionOnAllResources,
            c(ROLE_POLICY, { policy: doc({ Effect: "Allow", Action: "s3:*", Resource: "arn:aws:s3:::b/*" }) }),
        );
        await expectCompliant(iamNoWildcardActionOnAllResources, c(POLICY, { policy: doc({ Effect: "Allow", Action: "ec2:Describe*", Resource: "*" }) }));
        await expectCompliant(
            iamNoWildcardActionOnAllResources,
            c(POLICY, { policy: doc({ Sid: "SageMakerCapJustifiedWildcard", Effect: "Allow", Action: "sagemaker:*", Resource: "*" }) }),
        );
        await expectCompliant(iamNoWildcardActionOnAllResources, c(POLICY, { policy: doc({ Effect: "Deny", Action: "*", Resource: "*" }) }));
    });
    it("reports *, service:* and NotAction on *, in managed, inline and role-embedded policies", async () => {
        expect(
            await expectViolations(iamNoWildcardActionOnAllResources, c(POLICY, { policy: doc({ Effect: "Allow", Action: "*", Resource: "*" }) })),
        ).toHaveLength(1);
        expect(
            await expectViolations(
                iamNoWildcardActionOnAllResources,
                c(ROLE_POLICY, { policy: { Version: "2012-10-17", Statement: { Effect: "Allow", Action: "kms:*", Resource: ["*"] } } }),
            ),
        ).toHaveLength(1);
        expect(
            await expectViolations(iamNoWildcardActionOnAllResources, c(ROLE_POLICY, { policy: doc({ Effect: "Allow", NotAction: "iam:*", Resource: "*" }) })),
        ).toHaveLength(1);
        expect(
            await expectViolations(
                iamNoWildcardActionOnAllResources,
                c(ROLE, { inlinePolicies: [{ name: "x", policy: doc({ Sid: "Wild", Effect: "Allow", Action: "s3:*", Resource: "*" }) }] }),
            ),
        ).toEqual(["test inlinePolicies[0] statement Wild allows s3:* on every resource (I3)."]);
    });
    it("skips unknown documents", async () => {
        expect(await runResourcePolicy(iamNoWildcardActionOnAllResources, c(POLICY, { policy: UNKNOWN }))).toEqual([]);
    });
    it("reads permission-set inline policies", async () => {
        await expectCompliant(
            iamNoWildcardActionOnAllResources,
            c(PERMISSION_SET, { inlinePolicy: doc({ Effect: "Allow", Action: "s3:GetObject", Resource: "arn:aws:s3:::b/*" }) }),
        );
        expect(
            await expectViolations(
                iamNoWildcardActionOnAllResources,
                c(PERMISSION_SET, { inlinePolicy: doc({ Effect: "Allow", Action: "s3:*", Resource: "*" }) }),
            ),
        ).toEqual(["test inlinePolicy statement 0 allows s3:* on every resource (I3)."]);
    });
    it("reads a role's inlinePolicies given as a single object", async () => {
        const props = { inlinePolicies: { name: "p", policy: doc({ Effect: "Allow", Action: "*", Resource: "*" }) } };
        expect(await expectViolations(iamNoWildcardActionOnAllResources, c(ROLE, props))).toHaveLength(1);
    });
    it("defers a document unknown in a preview to `pulumi up`, after judging the known ones", async () => {
        const judged = await judgeResourcePolicy(iamNoWildcardActionOnAllResources, ROLE_WITH_AN_UNKNOWN_INLINE_POLICY);
        expect(judged.violations).toHaveLength(1);
        expect(judged.undecided).toEqual([DEFERRED_DOCUMENT]);
    });
});
