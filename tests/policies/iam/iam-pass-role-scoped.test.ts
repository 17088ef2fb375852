import { expect, it } from "vitest";
import { iamPassRoleScoped } from "../../../policy-pack/policies/iam/iam-pass-role-scoped";
import { ResourceCase, judgeResourcePolicy } from "../../harness/policyArgs";
import { describeRule, expectCompliant, expectViolations } from "../../harness/ruleTests";
import { DEFERRED_DOCUMENT, ROLE_WITH_AN_UNKNOWN_INLINE_POLICY, doc } from "../fixtures";

const ROLE_ARN = "arn:aws:iam::111111111111:role/secure-ds/acme-dev/fraud/acme-dev-fraud-training";
const PERMISSION_SET = "aws:ssoadmin/permissionSetInlinePolicy:PermissionSetInlinePolicy";
const TO_SAGEMAKER = { StringEquals: { "iam:PassedToService": "sagemaker.amazonaws.com" } };
const policy = (...statements: object[]): ResourceCase => ({ type: "aws:iam/rolePolicy:RolePolicy", props: { policy: doc(...statements) } });

describeRule(iamPassRoleScoped, () => {
    it("passes PassRole on named roles with iam:PassedToService, and statements without PassRole", async () => {
        await expectCompliant(iamPassRoleScoped, policy({ Effect: "Allow", Action: "iam:PassRole", Resource: [ROLE_ARN], Condition: TO_SAGEMAKER }));
        await expectCompliant(iamPassRoleScoped, policy({ Effect: "Allow", Action: "s3:GetObject", Resource: "*" }));
    });
    it("reports a missing service condition, * roles, and wildcards that include PassRole", async () => {
        expect(await expectViolations(iamPassRoleScoped, policy({ Effect: "Allow", Action: "iam:PassRole", Resource: [ROLE_ARN] }))).toHaveLength(1);
        expect(
            await expectViolations(iamPassRoleScoped, policy({ Effect: "Allow", Action: "iam:PassRole", Resource: "*", Condition: TO_SAGEMAKER })),
        ).toHaveLength(1);
        expect(await expectViolations(iamPassRoleScoped, policy({ Effect: "Allow", Action: "iam:Pass*", Resource: "*" }))).toHaveLength(2);
        expect(await expectViolations(iamPassRoleScoped, policy({ Effect: "Allow", Action: "*", Resource: [ROLE_ARN] }))).toHaveLength(1);
    });
    it("passes a NotAction that excludes iam:* and a scoped PassRole in any case", async () => {
        await expectCompliant(iamPassRoleScoped, policy({ Effect: "Allow", NotAction: ["iam:*", "organizations:*"], Resource: "arn:aws:s3:::b/*" }));
        await expectCompliant(iamPassRoleScoped, policy({ Effect: "Allow", Action: "IAM:passrole", Resource: ROLE_ARN, Condition: TO_SAGEMAKER }));
    });
    it("reports a NotAction that lets PassRole through", async () => {
        await expectCompliant(iamPassRoleScoped, policy({ Effect: "Allow", NotAction: "s3:*", Resource: ROLE_ARN, Condition: TO_SAGEMAKER }));
        expect(await expectViolations(iamPassRoleScoped, policy({ Effect: "Allow", NotAction: "s3:*", Resource: ROLE_ARN }))).toHaveLength(1);
    });
    it("reports negated, Null and wildcard iam:PassedToService conditions", async () => {
        for (const Condition of [
            { StringNotEquals: { "iam:PassedToService": "ec2.amazonaws.com" } },
            { Null: { "iam:PassedToService": "false" } },
            { StringLike: { "iam:PassedToService": "*" } },
            { StringEqualsIfExists: { "iam:PassedToService": "sagemaker.amazonaws.com" } },
        ]) {
            expect(await expectViolations(iamPassRoleScoped, policy({ Effect: "Allow", Action: "iam:PassRole", Resource: ROLE_ARN, Condition }))).toHaveLength(
                1,
            );
        }
    });
    it("reports role/* and account-wide patterns as every role; a path prefix names roles", async () => {
        expect(
            await expectViolations(
                iamPassRoleScoped,
                policy({ Effect: "Allow", Action: "iam:PassRole", Resource: "arn:aws:iam::111111111111:role/*", Condition: TO_SAGEMAKER }),
            ),
        ).toEqual(["test policy statement 0 allows iam:PassRole on every role; name the roles (I4)."]);
        expect(
            await expectViolations(
                iamPassRoleScoped,
                policy({ Effect: "Allow", Action: "iam:PassRole", Resource: "arn:aws:iam::*:*", Condition: TO_SAGEMAKER }),
            ),
        ).toHaveLength(1);
        await expectCompliant(
            iamPassRoleScoped,
            policy({ Effect: "Allow", Action: "iam:PassRole", Resource: "arn:aws:iam::111111111111:role/secure-ds/*", Condition: TO_SAGEMAKER }),
        );
    });
    it("reads permission-set inline policies", async () => {
        await expectCompliant(iamPassRoleScoped, {
            type: PERMISSION_SET,
            props: { inlinePolicy: doc({ Effect: "Allow", Action: "s3:GetObject", Resource: "arn:aws:s3:::b/*" }) },
        });
        expect(
            await expectViolations(iamPassRoleScoped, {
                type: PERMISSION_SET,
                props: { inlinePolicy: doc({ Effect: "Allow", Action: "iam:PassRole", Resource: ROLE_ARN }) },
            }),
        ).toHaveLength(1);
    });
    it("defers a document unknown in a preview to `pulumi up`, after judging the known ones", async () => {
        const judged = await judgeResourcePolicy(iamPassRoleScoped, ROLE_WITH_AN_UNKNOWN_INLINE_POLICY);
        expect(judged.violations).toHaveLength(2);
        expect(judged.undecided).toEqual([DEFERRED_DOCUMENT]);
    });
});
