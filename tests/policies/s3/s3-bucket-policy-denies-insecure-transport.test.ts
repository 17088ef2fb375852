import { expect, it } from "vitest";
import { s3BucketPolicyDeniesInsecureTransport } from "../../../policy-pack/policies/s3/s3-bucket-policy-denies-insecure-transport";
import { ResourceCase, UNKNOWN, judgeResourcePolicy } from "../../harness/policyArgs";
import { describeRule, expectCompliant, expectViolations } from "../../harness/ruleTests";
import { doc } from "../fixtures";
import { BUCKET_POLICY } from "./fixtures";

const policy = (p: unknown): ResourceCase => ({ type: BUCKET_POLICY, props: { bucket: "b", policy: p } });
const tls = {
    Sid: "DenyInsecureTransport",
    Effect: "Deny",
    Principal: "*",
    Action: "s3:*",
    Resource: ["arn:aws:s3:::b", "arn:aws:s3:::b/*"],
    Condition: { Bool: { "aws:SecureTransport": "false" } },
};
/** A Deny of every S3 action for everyone, with the given conditions (ANDed). */
const deny = (Condition: object, Resource: unknown = ["arn:aws:s3:::b", "arn:aws:s3:::b/*"]) =>
    policy(doc({ Effect: "Deny", Principal: { AWS: "*" }, Action: "s3:*", Resource, Condition }));

describeRule(s3BucketPolicyDeniesInsecureTransport, () => {
    it("passes the SecureBucket statement", async () => {
        await expectCompliant(s3BucketPolicyDeniesInsecureTransport, policy(doc(tls)));
    });
    it("reports a missing statement, an Allow, a partial action list, objects only, and another principal", async () => {
        expect(
            await expectViolations(
                s3BucketPolicyDeniesInsecureTransport,
                policy(doc({ Effect: "Deny", Principal: "*", Action: "s3:PutObject", Resource: "arn:aws:s3:::b/*" })),
            ),
        ).toHaveLength(1);
        expect(await expectViolations(s3BucketPolicyDeniesInsecureTransport, policy(doc({ ...tls, Effect: "Allow" })))).toHaveLength(1);
        expect(await expectViolations(s3BucketPolicyDeniesInsecureTransport, policy(doc({ ...tls, Action: ["s3:GetObject", "s3:PutObject"] })))).toHaveLength(
            1,
        );
        expect(await expectViolations(s3BucketPolicyDeniesInsecureTransport, policy(doc({ ...tls, Resource: "arn:aws:s3:::b/*" })))).toHaveLength(1);
        expect(
            await expectViolations(s3BucketPolicyDeniesInsecureTransport, policy(doc({ ...tls, Principal: { AWS: "arn:aws:iam::111111111111:role/x" } }))),
        ).toHaveLength(1);
        expect(
            await expectViolations(s3BucketPolicyDeniesInsecureTransport, policy(doc({ ...tls, Condition: { Bool: { "aws:SecureTransport": "true" } } }))),
        ).toHaveLength(1);
    });
    // Conditions are ANDed, keys case-insensitive, values a string or a JSON boolean.
    it("passes a lower-case key, a JSON boolean and Resource *", async () => {
        await expectCompliant(s3BucketPolicyDeniesInsecureTransport, deny({ Bool: { "aws:securetransport": false } }));
        await expectCompliant(s3BucketPolicyDeniesInsecureTransport, deny({ Bool: { "aws:SecureTransport": "false" } }, "*"));
    });
    it("reports a Deny narrowed by another ANDed condition, or testing true", async () => {
        expect(
            await expectViolations(
                s3BucketPolicyDeniesInsecureTransport,
                deny({ Bool: { "aws:SecureTransport": "false" }, StringEquals: { "aws:SourceVpce": "vpce-1" } }),
            ),
        ).toHaveLength(1);
        expect(await expectViolations(s3BucketPolicyDeniesInsecureTransport, deny({ Bool: { "aws:SecureTransport": ["false", "true"] } }))).toHaveLength(1);
        expect(await expectViolations(s3BucketPolicyDeniesInsecureTransport, deny({}))).toHaveLength(1);
    });
    it("defers a document unknown in a preview to `pulumi up`, after judging the known ones", async () => {
        const judged = await judgeResourcePolicy(s3BucketPolicyDeniesInsecureTransport, {
            type: "aws:s3/bucketPolicy:BucketPolicy",
            props: { policy: UNKNOWN },
        });
        expect(judged.violations).toHaveLength(0);
        expect(judged.undecided).toEqual([expect.stringMatching(/^deferred to `pulumi up`: document .+ unknown in a preview/)]);
    });
});
