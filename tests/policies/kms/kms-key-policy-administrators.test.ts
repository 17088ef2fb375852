import { expect, it } from "vitest";
import { keyPolicy } from "../../../components/guardrails/kmsKeyPolicy";
import { toPolicyJson } from "../../../components/guardrails/document";
import { kmsKeyPolicyAdministrators } from "../../../policy-pack/policies/kms/kms-key-policy-administrators";
import { UNKNOWN, judgeResourcePolicy } from "../../harness/policyArgs";
import { describeRule, expectCompliant, expectViolations } from "../../harness/ruleTests";
import { DEFERRED_DOCUMENT, doc } from "../fixtures";

const KMS_KEY = "aws:kms/key:Key";
const DEPLOYER = "arn:aws:iam::111111111111:role/secure-ds-deployer";
const BREAK_GLASS = "arn:aws:iam::111111111111:role/secure-ds-key-break-glass";
const ROOT = "arn:aws:iam::111111111111:root";
const key = (policy: unknown) => ({ type: KMS_KEY, props: { policy } });

describeRule(kmsKeyPolicyAdministrators, () => {
    it("passes the builder's policy: two administrators by aws:PrincipalArn under the account root, no CreateGrant", async () => {
        await expectCompliant(kmsKeyPolicyAdministrators, key(toPolicyJson(keyPolicy({ administrators: [DEPLOYER, BREAK_GLASS], users: [DEPLOYER] }))));
    });
    it("passes two administrators named as principals", async () => {
        await expectCompliant(
            kmsKeyPolicyAdministrators,
            key(doc({ Effect: "Allow", Principal: { AWS: [DEPLOYER, BREAK_GLASS] }, Action: "kms:PutKeyPolicy", Resource: "*" })),
        );
    });
    it("reports a single administrator: losing the deployer role loses the key", async () => {
        const v = await expectViolations(
            kmsKeyPolicyAdministrators,
            key(doc({ Effect: "Allow", Principal: { AWS: DEPLOYER }, Action: "kms:*", Resource: "*" })),
        );
        expect(v.join("\n")).toMatch(/1 administrator/);
    });
    it("reports the same administrator twice, and a policy nobody administers", async () => {
        await expectViolations(
            kmsKeyPolicyAdministrators,
            key(doc({ Effect: "Allow", Principal: { AWS: [DEPLOYER, DEPLOYER] }, Action: "kms:PutKeyPolicy", Resource: "*" })),
        );
        await expectViolations(kmsKeyPolicyAdministrators, key(doc({ Effect: "Allow", Principal: { AWS: DEPLOYER }, Action: "kms:Decrypt", Resource: "*" })));
    });
    it("reports the account root without an aws:PrincipalArn condition: every IAM admin of the account administers the key", async () => {
        const v = await expectViolations(
            kmsKeyPolicyAdministrators,
            key(
                doc(
                    { Sid: "Root", Effect: "Allow", Principal: { AWS: ROOT }, Action: "kms:*", Resource: "*" },
                    { Effect: "Allow", Principal: { AWS: [DEPLOYER, BREAK_GLASS] }, Action: "kms:PutKeyPolicy", Resource: "*" },
                ),
            ),
        );
        expect(v.join("\n")).toMatch(/Root lets the account root/);
    });
    it("reports administrators allowed kms:Create* (CreateGrant), unless only for AWS resources", async () => {
        const admin = {
            Sid: "Admin",
            Effect: "Allow",
            Principal: { AWS: ROOT },
            Resource: "*",
            Condition: { ArnEquals: { "aws:PrincipalArn": [DEPLOYER, BREAK_GLASS] } },
        };
        const v = await expectViolations(kmsKeyPolicyAdministrators, key(doc({ ...admin, Action: ["kms:Create*", "kms:Put*"] })));
        expect(v.join("\n")).toMatch(/CreateGrant/);
        await expectCompliant(
            kmsKeyPolicyAdministrators,
            key(
                doc({
                    ...admin,
                    Action: ["kms:PutKeyPolicy", "kms:CreateGrant"],
                    Condition: { ...admin.Condition, Bool: { "kms:GrantIsForAWSResource": "true" } },
                }),
            ),
        );
    });
    it("defers a key policy unknown in a preview to `pulumi up`", async () => {
        const judged = await judgeResourcePolicy(kmsKeyPolicyAdministrators, key(UNKNOWN));
        expect(judged.undecided).toEqual([DEFERRED_DOCUMENT]);
    });
});
