/**
 * Regression cases for false negatives / false positives found in review of the team, iam, s3,
 * tagging and baseline rules: each pairs a compliant input with the variant that used to slip
 * past (or be wrongly reported).
 */
import { describe, expect, it } from "vitest";
import { iamNoDecryptOnAllKeys } from "../../policy-pack/policies/iam/iam-no-decrypt-on-all-keys";
import { iamNoServiceWildcardActions } from "../../policy-pack/policies/iam/iam-no-service-wildcard-actions";
import { resourcePolicyNotPublic } from "../../policy-pack/policies/resource-policies/resource-policy-not-public";
import { iamNoWildcardActionOnAllResources } from "../../policy-pack/policies/iam/iam-no-wildcard-action-on-all-resources";
import { iamPassRoleScoped } from "../../policy-pack/policies/iam/iam-pass-role-scoped";
import { iamTrustNoOpenPrincipal } from "../../policy-pack/policies/iam/iam-trust-no-open-principal";
import { s3BucketSseKms } from "../../policy-pack/policies/s3/s3-bucket-sse-kms";
import { mandatoryTags } from "../../policy-pack/policies/tagging/mandatory-tags";
import { s3BucketPolicyDeniesInsecureTransport } from "../../policy-pack/policies/s3/s3-bucket-policy-denies-insecure-transport";
import { TYPES } from "../../policy-pack/policies/common";
import { runResourcePolicy } from "../harness/policyArgs";

const doc = (...Statement: object[]) => JSON.stringify({ Version: "2012-10-17", Statement });
const KEY = "arn:aws:kms:eu-west-1:111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab";
const ROLE_ARN = "arn:aws:iam::111111111111:role/secure-ds/acme-dev-fraud-training";

describe("iam-pass-role-scoped: NotAction, negated conditions, role/* (I4)", () => {
    const run = (...st: object[]) => runResourcePolicy(iamPassRoleScoped, { type: "aws:iam/rolePolicy:RolePolicy", props: { policy: doc(...st) } });
    const toSageMaker = { StringEquals: { "iam:PassedToService": "sagemaker.amazonaws.com" } };
    it("passes a NotAction that excludes iam:* and a scoped PassRole", async () => {
        expect(await run({ Effect: "Allow", NotAction: ["iam:*", "organizations:*"], Resource: "arn:aws:s3:::b/*" })).toEqual([]);
        expect(await run({ Effect: "Allow", Action: "IAM:passrole", Resource: ROLE_ARN, Condition: toSageMaker })).toEqual([]);
    });
    it("reports a NotAction that lets PassRole through", async () => {
        expect(await run({ Effect: "Allow", NotAction: "s3:*", Resource: ROLE_ARN, Condition: toSageMaker })).toEqual([]);
        expect(await run({ Effect: "Allow", NotAction: "s3:*", Resource: ROLE_ARN })).toHaveLength(1);
    });
    it("reports negated, Null and wildcard iam:PassedToService conditions", async () => {
        for (const Condition of [
            { StringNotEquals: { "iam:PassedToService": "ec2.amazonaws.com" } },
            { Null: { "iam:PassedToService": "false" } },
            { StringLike: { "iam:PassedToService": "*" } },
            { StringEqualsIfExists: { "iam:PassedToService": "sagemaker.amazonaws.com" } },
        ]) {
            expect(await run({ Effect: "Allow", Action: "iam:PassRole", Resource: ROLE_ARN, Condition })).toHaveLength(1);
        }
    });
    it("reports role/* and account-wide patterns as every role; a path prefix names roles", async () => {
        expect(await run({ Effect: "Allow", Action: "iam:PassRole", Resource: "arn:aws:iam::111111111111:role/*", Condition: toSageMaker })).toEqual([
            "test policy statement 0 allows iam:PassRole on every role; name the roles (I4).",
        ]);
        expect(await run({ Effect: "Allow", Action: "iam:PassRole", Resource: "arn:aws:iam::*:*", Condition: toSageMaker })).toHaveLength(1);
        expect(await run({ Effect: "Allow", Action: "iam:PassRole", Resource: "arn:aws:iam::111111111111:role/secure-ds/*", Condition: toSageMaker })).toEqual(
            [],
        );
    });
});

describe("iam-trust-no-open-principal: conditions that do not narrow the caller (I3)", () => {
    const run = (st: object) => runResourcePolicy(iamTrustNoOpenPrincipal, { type: "aws:iam/role:Role", props: { assumeRolePolicy: doc(st) } });
    it("passes * narrowed to the organization or a principal ARN", async () => {
        expect(
            await run({ Effect: "Allow", Principal: { AWS: "*" }, Action: "sts:AssumeRole", Condition: { ArnLike: { "aws:PrincipalArn": ROLE_ARN } } }),
        ).toEqual([]);
        expect(
            await run({ Effect: "Allow", Principal: "*", Action: "sts:AssumeRole", Condition: { StringEquals: { "aws:PrincipalOrgID": "o-abc" } } }),
        ).toEqual([]);
    });
    it("reports * with a condition that admits any account", async () => {
        expect(await run({ Effect: "Allow", Principal: "*", Action: "sts:AssumeRole", Condition: { Bool: { "aws:SecureTransport": "true" } } })).toHaveLength(
            1,
        );
        expect(
            await run({ Effect: "Allow", Principal: "*", Action: "sts:AssumeRole", Condition: { StringNotEquals: { "aws:PrincipalOrgID": "o-abc" } } }),
        ).toHaveLength(1);
        expect(
            await run({
                Effect: "Allow",
                Principal: "*",
                Action: "sts:AssumeRole",
                Condition: { StringEqualsIfExists: { "aws:PrincipalAccount": "111111111111" } },
            }),
        ).toHaveLength(1);
        expect(await run({ Effect: "Allow", Principal: { Federated: "*" }, Action: "sts:AssumeRoleWithWebIdentity" })).toHaveLength(1);
    });
});

describe("s3-bucket-policy-denies-insecure-transport: ANDed conditions and value shapes (E7)", () => {
    const run = (Condition: object, Resource: unknown = ["arn:aws:s3:::b", "arn:aws:s3:::b/*"]) =>
        runResourcePolicy(s3BucketPolicyDeniesInsecureTransport, {
            type: "aws:s3/bucketPolicy:BucketPolicy",
            props: { bucket: "b", policy: doc({ Effect: "Deny", Principal: { AWS: "*" }, Action: "s3:*", Resource, Condition }) },
        });
    it("passes a lower-case key, a JSON boolean and Resource *", async () => {
        expect(await run({ Bool: { "aws:securetransport": false } })).toEqual([]);
        expect(await run({ Bool: { "aws:SecureTransport": "false" } }, "*")).toEqual([]);
    });
    it("reports a Deny narrowed by another ANDed condition, or testing true", async () => {
        expect(await run({ Bool: { "aws:SecureTransport": "false" }, StringEquals: { "aws:SourceVpce": "vpce-1" } })).toHaveLength(1);
        expect(await run({ Bool: { "aws:SecureTransport": ["false", "true"] } })).toHaveLength(1);
        expect(await run({})).toHaveLength(1);
    });
});

describe("s3-bucket-sse-kms: DSSE-KMS takes no bucket key (E7)", () => {
    const run = (sseAlgorithm: string, bucketKeyEnabled?: boolean) =>
        runResourcePolicy(s3BucketSseKms, {
            type: TYPES.s3Sse,
            props: { bucket: "b", rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm, kmsMasterKeyId: KEY }, bucketKeyEnabled }] },
        });
    it("passes DSSE-KMS without bucket keys and SSE-KMS with them", async () => {
        expect(await run("aws:kms:dsse")).toEqual([]);
        expect(await run("aws:kms", true)).toEqual([]);
    });
    it("still reports SSE-KMS without bucket keys and AES256", async () => {
        expect(await run("aws:kms")).toHaveLength(1);
        expect(await run("AES256", true)).toHaveLength(1);
    });
});

describe("mandatory-tags: list-form tags (G1)", () => {
    const ASG = "aws:autoscaling/group:Group";
    const tag = (key: string, value: string) => ({ key, value, propagateAtLaunch: true });
    it("reads autoscaling-group style { key, value } tags", async () => {
        const full = [tag("team", "fraud"), tag("environment", "dev"), tag("owner", "o"), tag("cost-center", "cc")];
        expect(await runResourcePolicy(mandatoryTags, { type: ASG, props: { tags: full } })).toEqual([]);
        expect(await runResourcePolicy(mandatoryTags, { type: ASG, props: { tags: full.slice(0, 3) } })).toEqual([
            `${ASG} test is missing the tag cost-center (G1).`,
        ]);
    });
});

describe("resource-policy-not-public: inline topic/queue policies and negated conditions (N10)", () => {
    const open = doc({ Effect: "Allow", Principal: "*", Action: "sqs:SendMessage", Resource: "*" });
    it("passes an inline policy narrowed by aws:SourceAccount", async () => {
        const ok = doc({
            Effect: "Allow",
            Principal: "*",
            Action: "sqs:SendMessage",
            Resource: "*",
            Condition: { StringEquals: { "aws:SourceAccount": "111111111111" } },
        });
        expect(await runResourcePolicy(resourcePolicyNotPublic, { type: "aws:sqs/queue:Queue", props: { policy: ok } })).toEqual([]);
    });
    it("reports public inline policies on queues, topics, secrets and EFS", async () => {
        for (const type of [
            "aws:sqs/queue:Queue",
            "aws:sns/topic:Topic",
            "aws:secretsmanager/secretPolicy:SecretPolicy",
            "aws:efs/fileSystemPolicy:FileSystemPolicy",
        ]) {
            expect(await runResourcePolicy(resourcePolicyNotPublic, { type, props: { policy: open } })).toHaveLength(1);
        }
    });
    it("reports * narrowed only by a negated or IfExists test", async () => {
        for (const Condition of [
            { StringNotEquals: { "aws:PrincipalAccount": "222222222222" } },
            { StringEqualsIfExists: { "aws:SourceAccount": "111111111111" } },
        ]) {
            const policy = doc({ Effect: "Allow", Principal: { AWS: "*" }, Action: "sqs:SendMessage", Resource: "*", Condition });
            expect(
                await runResourcePolicy(resourcePolicyNotPublic, { type: "aws:sqs/queuePolicy:QueuePolicy", props: { queueUrl: "q", policy } }),
            ).toHaveLength(1);
        }
    });
});

describe("iam-no-service-wildcard-actions / iam-no-decrypt-on-all-keys: NotAction, role inline policies, key/* (I3)", () => {
    const ROLE = "aws:iam/role:Role";
    const POLICY = "aws:iam/policy:Policy";
    it("passes listed actions on named keys, in a role's inline policy", async () => {
        const props = { inlinePolicies: [{ name: "p", policy: doc({ Effect: "Allow", Action: ["kms:Decrypt"], Resource: KEY }) }] };
        expect(await runResourcePolicy(iamNoServiceWildcardActions, { type: ROLE, props })).toEqual([]);
        expect(await runResourcePolicy(iamNoDecryptOnAllKeys, { type: ROLE, props })).toEqual([]);
    });
    it("reports Allow + NotAction and s3:* inside a role's inline policies", async () => {
        expect(
            await runResourcePolicy(iamNoServiceWildcardActions, {
                type: POLICY,
                props: { policy: doc({ Effect: "Allow", NotAction: "iam:*", Resource: "arn:aws:s3:::b" }) },
            }),
        ).toHaveLength(1);
        expect(
            await runResourcePolicy(iamNoServiceWildcardActions, {
                type: ROLE,
                props: { inlinePolicies: [{ name: "p", policy: doc({ Effect: "Allow", Action: "s3:*", Resource: "arn:aws:s3:::b" }) }] },
            }),
        ).toHaveLength(1);
    });
    it("reads a statement whose Sid is not a string as unjustified instead of failing", async () => {
        const policy = doc({ Sid: 7, Effect: "Allow", Action: "kms:*", Resource: "*" });
        expect(await runResourcePolicy(iamNoServiceWildcardActions, { type: POLICY, props: { policy } })).toEqual(["test: statement 7 allows kms:* (I3)."]);
        expect(await runResourcePolicy(iamNoDecryptOnAllKeys, { type: POLICY, props: { policy } })).toEqual([
            "test: statement 7 allows kms:Decrypt, kms:ReEncryptFrom on all KMS keys (I3).",
        ]);
    });
    it("reports decrypt through NotAction, on key/*, and in role inline policies", async () => {
        expect(
            await runResourcePolicy(iamNoDecryptOnAllKeys, {
                type: POLICY,
                props: { policy: doc({ Sid: "X", Effect: "Allow", NotAction: "s3:*", Resource: "*" }) },
            }),
        ).toEqual(["test: statement X allows kms:Decrypt, kms:ReEncryptFrom on all KMS keys (I3)."]);
        expect(
            await runResourcePolicy(iamNoDecryptOnAllKeys, {
                type: POLICY,
                props: { policy: doc({ Effect: "Allow", Action: "kms:Decrypt", Resource: "arn:aws:kms:eu-west-1:111111111111:key/*" }) },
            }),
        ).toHaveLength(1);
        expect(
            await runResourcePolicy(iamNoDecryptOnAllKeys, {
                type: ROLE,
                props: { inlinePolicies: [{ name: "p", policy: doc({ Effect: "Allow", Action: "kms:Decrypt", Resource: "*" }) }] },
            }),
        ).toHaveLength(1);
    });
});

describe("iam-no-wildcard-action-on-all-resources / iam-pass-role-scoped: permission-set inline policies (I3, I4)", () => {
    const PS = "aws:ssoadmin/permissionSetInlinePolicy:PermissionSetInlinePolicy";
    it("passes a scoped permission-set policy", async () => {
        const inlinePolicy = doc({ Effect: "Allow", Action: "s3:GetObject", Resource: "arn:aws:s3:::b/*" });
        expect(await runResourcePolicy(iamNoWildcardActionOnAllResources, { type: PS, props: { inlinePolicy } })).toEqual([]);
        expect(await runResourcePolicy(iamPassRoleScoped, { type: PS, props: { inlinePolicy } })).toEqual([]);
    });
    it("reports s3:* on * and an unconditioned PassRole in a permission-set policy", async () => {
        const wild = doc({ Effect: "Allow", Action: "s3:*", Resource: "*" });
        expect(await runResourcePolicy(iamNoWildcardActionOnAllResources, { type: PS, props: { inlinePolicy: wild } })).toEqual([
            "test inlinePolicy statement 0 allows s3:* on every resource (I3).",
        ]);
        const pass = doc({ Effect: "Allow", Action: "iam:PassRole", Resource: ROLE_ARN });
        expect(await runResourcePolicy(iamPassRoleScoped, { type: PS, props: { inlinePolicy: pass } })).toHaveLength(1);
    });
    it("reads a role's inlinePolicies given as a single object", async () => {
        const props = { inlinePolicies: { name: "p", policy: doc({ Effect: "Allow", Action: "*", Resource: "*" }) } };
        expect(await runResourcePolicy(iamNoWildcardActionOnAllResources, { type: "aws:iam/role:Role", props })).toHaveLength(1);
    });
});
