import { describe, expect, it } from "vitest";
import { iamNoWildcardActionOnAllResources } from "../../policy-pack/policies/iam/iam-no-wildcard-action-on-all-resources";
import { iamPassRoleScoped } from "../../policy-pack/policies/iam/iam-pass-role-scoped";
import { iamTrustNoOpenPrincipal } from "../../policy-pack/policies/iam/iam-trust-no-open-principal";
import { s3BucketHasPabSsePolicy } from "../../policy-pack/policies/s3/s3-bucket-has-pab-sse-policy";
import { s3BucketPolicyDeniesInsecureTransport } from "../../policy-pack/policies/s3/s3-bucket-policy-denies-insecure-transport";
import { s3PublicAccessBlockAll } from "../../policy-pack/policies/s3/s3-public-access-block-all";
import { UNKNOWN, runResourcePolicy, runStackPolicy } from "../harness/policyArgs";

const ROLE = "aws:iam/role:Role";
const ROLE_POLICY = "aws:iam/rolePolicy:RolePolicy";
const POLICY = "aws:iam/policy:Policy";
const doc = (...Statement: object[]) => JSON.stringify({ Version: "2012-10-17", Statement });

describe("iam-no-wildcard-action-on-all-resources (I3)", () => {
    const run = (type: string, props: Record<string, unknown>) => runResourcePolicy(iamNoWildcardActionOnAllResources, { type, props });
    it("passes scoped actions, resource-scoped wildcards, patterns on * and justified wildcards", async () => {
        expect(await run(ROLE_POLICY, { policy: doc({ Effect: "Allow", Action: ["s3:GetObject"], Resource: "*" }) })).toEqual([]);
        expect(await run(ROLE_POLICY, { policy: doc({ Effect: "Allow", Action: "s3:*", Resource: "arn:aws:s3:::b/*" }) })).toEqual([]);
        expect(await run(POLICY, { policy: doc({ Effect: "Allow", Action: "ec2:Describe*", Resource: "*" }) })).toEqual([]);
        expect(await run(POLICY, { policy: doc({ Sid: "SageMakerCapJustifiedWildcard", Effect: "Allow", Action: "sagemaker:*", Resource: "*" }) })).toEqual([]);
        expect(await run(POLICY, { policy: doc({ Effect: "Deny", Action: "*", Resource: "*" }) })).toEqual([]);
    });
    it("reports *, service:* and NotAction on *, in managed, inline and role-embedded policies", async () => {
        expect(await run(POLICY, { policy: doc({ Effect: "Allow", Action: "*", Resource: "*" }) })).toHaveLength(1);
        expect(await run(ROLE_POLICY, { policy: { Version: "2012-10-17", Statement: { Effect: "Allow", Action: "kms:*", Resource: ["*"] } } })).toHaveLength(1);
        expect(await run(ROLE_POLICY, { policy: doc({ Effect: "Allow", NotAction: "iam:*", Resource: "*" }) })).toHaveLength(1);
        expect(await run(ROLE, { inlinePolicies: [{ name: "x", policy: doc({ Sid: "Wild", Effect: "Allow", Action: "s3:*", Resource: "*" }) }] })).toEqual([
            "test inlinePolicies[0] statement Wild allows s3:* on every resource (I3).",
        ]);
    });
    it("skips unknown documents", async () => {
        expect(await run(POLICY, { policy: UNKNOWN })).toEqual([]);
    });
});

describe("iam-trust-no-open-principal (I3)", () => {
    const run = (assumeRolePolicy: unknown) => runResourcePolicy(iamTrustNoOpenPrincipal, { type: ROLE, props: { assumeRolePolicy } });
    it("passes named principals and a conditioned *", async () => {
        expect(await run(doc({ Effect: "Allow", Principal: { Service: "sagemaker.amazonaws.com" }, Action: "sts:AssumeRole" }))).toEqual([]);
        expect(
            await run(doc({ Effect: "Allow", Principal: { Federated: "arn:aws:iam::111111111111:saml-provider/x" }, Action: "sts:AssumeRoleWithSAML" })),
        ).toEqual([]);
        expect(
            await run(doc({ Effect: "Allow", Principal: "*", Action: "sts:AssumeRole", Condition: { StringEquals: { "aws:PrincipalOrgID": "o-abc" } } })),
        ).toEqual([]);
    });
    it("reports * and AWS:* without a condition, and NotPrincipal", async () => {
        expect(await run(doc({ Effect: "Allow", Principal: "*", Action: "sts:AssumeRole" }))).toHaveLength(1);
        expect(
            await run(doc({ Effect: "Allow", Principal: { AWS: ["arn:aws:iam::111111111111:root", "*"] }, Action: "sts:AssumeRole", Condition: {} })),
        ).toHaveLength(1);
        expect(await run(doc({ Effect: "Allow", NotPrincipal: { AWS: "arn:aws:iam::111111111111:root" }, Action: "sts:AssumeRole" }))).toHaveLength(1);
    });
});

describe("iam-pass-role-scoped (I4)", () => {
    const run = (policy: string) => runResourcePolicy(iamPassRoleScoped, { type: ROLE_POLICY, props: { policy } });
    const role = "arn:aws:iam::111111111111:role/secure-ds/acme-dev/fraud/acme-dev-fraud-training";
    it("passes PassRole on named roles with iam:PassedToService", async () => {
        expect(
            await run(
                doc({
                    Effect: "Allow",
                    Action: "iam:PassRole",
                    Resource: [role],
                    Condition: { StringEquals: { "iam:PassedToService": "sagemaker.amazonaws.com" } },
                }),
            ),
        ).toEqual([]);
        expect(await run(doc({ Effect: "Allow", Action: "s3:GetObject", Resource: "*" }))).toEqual([]);
    });
    it("reports a missing service condition, * roles, and wildcards that include PassRole", async () => {
        expect(await run(doc({ Effect: "Allow", Action: "iam:PassRole", Resource: [role] }))).toHaveLength(1);
        expect(
            await run(
                doc({
                    Effect: "Allow",
                    Action: "iam:PassRole",
                    Resource: "*",
                    Condition: { StringEquals: { "iam:PassedToService": "sagemaker.amazonaws.com" } },
                }),
            ),
        ).toHaveLength(1);
        expect(await run(doc({ Effect: "Allow", Action: "iam:Pass*", Resource: "*" }))).toHaveLength(2);
        expect(await run(doc({ Effect: "Allow", Action: "*", Resource: [role] }))).toHaveLength(1);
    });
});

describe("s3-public-access-block-all (N10, E7)", () => {
    const run = (props: Record<string, unknown>) =>
        runResourcePolicy(s3PublicAccessBlockAll, { type: "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", props });
    const all = { bucket: "b", blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true };
    it("passes all four on", async () => {
        expect(await run(all)).toEqual([]);
    });
    it("reports each setting off or missing", async () => {
        for (const key of ["blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets"]) {
            const v = await run({ ...all, [key]: false });
            expect(v).toHaveLength(1);
            expect(v[0]).toContain(key);
        }
        expect(await run({ bucket: "b" })).toHaveLength(1);
    });
});

describe("s3-bucket-policy-denies-insecure-transport (E7)", () => {
    const run = (policy: unknown) =>
        runResourcePolicy(s3BucketPolicyDeniesInsecureTransport, { type: "aws:s3/bucketPolicy:BucketPolicy", props: { bucket: "b", policy } });
    const tls = {
        Sid: "DenyInsecureTransport",
        Effect: "Deny",
        Principal: "*",
        Action: "s3:*",
        Resource: ["arn:aws:s3:::b", "arn:aws:s3:::b/*"],
        Condition: { Bool: { "aws:SecureTransport": "false" } },
    };
    it("passes the SecureBucket statement", async () => {
        expect(await run(doc(tls))).toEqual([]);
    });
    it("reports a missing statement, an Allow, a partial action list, objects only, and another principal", async () => {
        expect(await run(doc({ Effect: "Deny", Principal: "*", Action: "s3:PutObject", Resource: "arn:aws:s3:::b/*" }))).toHaveLength(1);
        expect(await run(doc({ ...tls, Effect: "Allow" }))).toHaveLength(1);
        expect(await run(doc({ ...tls, Action: ["s3:GetObject", "s3:PutObject"] }))).toHaveLength(1);
        expect(await run(doc({ ...tls, Resource: "arn:aws:s3:::b/*" }))).toHaveLength(1);
        expect(await run(doc({ ...tls, Principal: { AWS: "arn:aws:iam::111111111111:role/x" } }))).toHaveLength(1);
        expect(await run(doc({ ...tls, Condition: { Bool: { "aws:SecureTransport": "true" } } }))).toHaveLength(1);
    });
});

describe("s3-bucket-has-pab-sse-policy (stack, N10, E7)", () => {
    const bucket = { type: "aws:s3/bucket:Bucket", name: "b", props: { bucket: "acme-b" } };
    const pab = {
        type: "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
        name: "b-pab",
        props: { bucket: UNKNOWN },
        propertyDependencies: { bucket: ["b"] },
    };
    const sse = { type: "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration", name: "b-sse", props: { bucket: "acme-b" } };
    const policy = { type: "aws:s3/bucketPolicy:BucketPolicy", name: "b-policy", props: { bucket: UNKNOWN }, propertyDependencies: { bucket: ["b"] } };
    it("passes a bucket with all three (by property dependency or by name)", async () => {
        expect(await runStackPolicy(s3BucketHasPabSsePolicy, [bucket, pab, sse, policy])).toEqual([]);
    });
    it("reports each missing companion", async () => {
        expect(await runStackPolicy(s3BucketHasPabSsePolicy, [bucket, sse, policy])).toEqual(["Bucket b has no public access block (N10, E7)."]);
        expect(await runStackPolicy(s3BucketHasPabSsePolicy, [bucket, pab, policy])).toEqual([
            "Bucket b has no server-side encryption configuration (N10, E7).",
        ]);
        expect(await runStackPolicy(s3BucketHasPabSsePolicy, [bucket, pab, sse])).toEqual(["Bucket b has no bucket policy (N10, E7)."]);
        expect(await runStackPolicy(s3BucketHasPabSsePolicy, [bucket])).toHaveLength(1);
    });
    it("does not count another bucket's companions", async () => {
        const other = { type: "aws:s3/bucket:Bucket", name: "c", props: { bucket: "acme-c" } };
        expect(await runStackPolicy(s3BucketHasPabSsePolicy, [bucket, other, pab, sse, policy])).toEqual([
            "Bucket c has no public access block, server-side encryption configuration, bucket policy (N10, E7).",
        ]);
    });
});
