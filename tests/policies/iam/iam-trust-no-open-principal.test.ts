import { expect, it } from "vitest";
import { iamTrustNoOpenPrincipal } from "../../../policy-pack/policies/iam/iam-trust-no-open-principal";
import { ResourceCase } from "../../harness/policyArgs";
import { describeRule, expectCompliant, expectViolations } from "../../harness/ruleTests";
import { doc } from "../fixtures";

const ROLE_ARN = "arn:aws:iam::111111111111:role/secure-ds/acme-dev-fraud-training";
const trust = (...statements: object[]): ResourceCase => ({ type: "aws:iam/role:Role", props: { assumeRolePolicy: doc(...statements) } });

describeRule(iamTrustNoOpenPrincipal, () => {
    it("passes named principals and a conditioned *", async () => {
        await expectCompliant(iamTrustNoOpenPrincipal, trust({ Effect: "Allow", Principal: { Service: "sagemaker.amazonaws.com" }, Action: "sts:AssumeRole" }));
        await expectCompliant(
            iamTrustNoOpenPrincipal,
            trust({ Effect: "Allow", Principal: { Federated: "arn:aws:iam::111111111111:saml-provider/x" }, Action: "sts:AssumeRoleWithSAML" }),
        );
        await expectCompliant(
            iamTrustNoOpenPrincipal,
            trust({ Effect: "Allow", Principal: "*", Action: "sts:AssumeRole", Condition: { StringEquals: { "aws:PrincipalOrgID": "o-abc" } } }),
        );
    });
    it("reports * and AWS:* without a condition, and NotPrincipal", async () => {
        expect(await expectViolations(iamTrustNoOpenPrincipal, trust({ Effect: "Allow", Principal: "*", Action: "sts:AssumeRole" }))).toHaveLength(1);
        expect(
            await expectViolations(
                iamTrustNoOpenPrincipal,
                trust({ Effect: "Allow", Principal: { AWS: ["arn:aws:iam::111111111111:root", "*"] }, Action: "sts:AssumeRole", Condition: {} }),
            ),
        ).toHaveLength(1);
        expect(
            await expectViolations(
                iamTrustNoOpenPrincipal,
                trust({ Effect: "Allow", NotPrincipal: { AWS: "arn:aws:iam::111111111111:root" }, Action: "sts:AssumeRole" }),
            ),
        ).toHaveLength(1);
    });
    // Conditions that do not narrow the caller to known accounts leave the role open.
    it("passes * narrowed to the organization or a principal ARN", async () => {
        await expectCompliant(
            iamTrustNoOpenPrincipal,
            trust({ Effect: "Allow", Principal: { AWS: "*" }, Action: "sts:AssumeRole", Condition: { ArnLike: { "aws:PrincipalArn": ROLE_ARN } } }),
        );
        await expectCompliant(
            iamTrustNoOpenPrincipal,
            trust({ Effect: "Allow", Principal: "*", Action: "sts:AssumeRole", Condition: { StringEquals: { "aws:PrincipalOrgID": "o-abc" } } }),
        );
    });
    it("reports * with a condition that admits any account", async () => {
        for (const Condition of [
            { Bool: { "aws:SecureTransport": "true" } },
            { StringNotEquals: { "aws:PrincipalOrgID": "o-abc" } },
            { StringEqualsIfExists: { "aws:PrincipalAccount": "111111111111" } },
        ]) {
            expect(
                await expectViolations(iamTrustNoOpenPrincipal, trust({ Effect: "Allow", Principal: "*", Action: "sts:AssumeRole", Condition })),
            ).toHaveLength(1);
        }
        expect(
            await expectViolations(iamTrustNoOpenPrincipal, trust({ Effect: "Allow", Principal: { Federated: "*" }, Action: "sts:AssumeRoleWithWebIdentity" })),
        ).toHaveLength(1);
    });
});
