import { expect, it } from "vitest";
import { iamNoDecryptOnAllKeys } from "../../../policy-pack/policies/iam/iam-no-decrypt-on-all-keys";
import { judgeResourcePolicy } from "../../harness/policyArgs";
import { describeRule, expectCompliant, expectViolations } from "../../harness/ruleTests";
import { DEFERRED_DOCUMENT, KEY, ROLE_WITH_AN_UNKNOWN_INLINE_POLICY, doc } from "../fixtures";

const ROLE = "aws:iam/role:Role";
const POLICY = "aws:iam/policy:Policy";
const ROLE_POLICY = "aws:iam/rolePolicy:RolePolicy";

describeRule(iamNoDecryptOnAllKeys, () => {
    it.each([
        ["decrypt on a named key", { type: ROLE_POLICY, props: { policy: doc({ Effect: "Allow", Action: "kms:Decrypt", Resource: KEY }) } }],
        [
            "a justified wildcard",
            { type: POLICY, props: { policy: doc({ Sid: "BoundaryJustifiedWildcard", Effect: "Allow", Action: "kms:*", Resource: "*" }) } },
        ],
        [
            "decrypt on a named key in a role's inline policy",
            { type: ROLE, props: { inlinePolicies: [{ name: "p", policy: doc({ Effect: "Allow", Action: ["kms:Decrypt"], Resource: KEY }) }] } },
        ],
    ])("passes %s", async (_label, c) => {
        await expectCompliant(iamNoDecryptOnAllKeys, c);
    });
    it.each([
        ["kms:Decrypt on *", { type: ROLE_POLICY, props: { policy: doc({ Effect: "Allow", Action: ["kms:Decrypt"], Resource: "*" }) } }],
        ["kms:ReEncrypt* on *", { type: POLICY, props: { policy: doc({ Effect: "Allow", Action: "kms:ReEncrypt*", Resource: ["*"] }) } }],
        [
            "permission set kms:*",
            {
                type: "aws:ssoadmin/permissionSetInlinePolicy:PermissionSetInlinePolicy",
                props: { inlinePolicy: doc({ Effect: "Allow", Action: "kms:*", Resource: "*" }) },
            },
        ],
        [
            "decrypt on key/*",
            { type: POLICY, props: { policy: doc({ Effect: "Allow", Action: "kms:Decrypt", Resource: "arn:aws:kms:eu-west-1:111111111111:key/*" }) } },
        ],
        [
            "decrypt in a role's inline policy",
            { type: ROLE, props: { inlinePolicies: [{ name: "p", policy: doc({ Effect: "Allow", Action: "kms:Decrypt", Resource: "*" }) }] } },
        ],
    ])("reports %s", async (_label, c) => {
        await expectViolations(iamNoDecryptOnAllKeys, c);
    });
    it("reports decrypt through NotAction", async () => {
        expect(
            await expectViolations(iamNoDecryptOnAllKeys, {
                type: POLICY,
                props: { policy: doc({ Sid: "X", Effect: "Allow", NotAction: "s3:*", Resource: "*" }) },
            }),
        ).toEqual(["test: statement X allows kms:Decrypt, kms:ReEncryptFrom on all KMS keys (I3)."]);
    });
    it("reads a statement whose Sid is not a string as unjustified instead of failing", async () => {
        expect(
            await expectViolations(iamNoDecryptOnAllKeys, {
                type: POLICY,
                props: { policy: doc({ Sid: 7, Effect: "Allow", Action: "kms:*", Resource: "*" }) },
            }),
        ).toEqual(["test: statement 7 allows kms:Decrypt, kms:ReEncryptFrom on all KMS keys (I3)."]);
    });
    it("defers a document unknown in a preview to `pulumi up`, after judging the known ones", async () => {
        const judged = await judgeResourcePolicy(iamNoDecryptOnAllKeys, ROLE_WITH_AN_UNKNOWN_INLINE_POLICY);
        expect(judged.violations).toHaveLength(1);
        expect(judged.undecided).toEqual([DEFERRED_DOCUMENT]);
    });
});
