import { describe, expect, it } from "vitest";
import { kmsKeyRotation } from "../../policy-pack/policies/kms/kms-key-rotation";
import { s3BucketSseKms } from "../../policy-pack/policies/s3/s3-bucket-sse-kms";
import { sagemakerDomainKmsKey } from "../../policy-pack/policies/sagemaker/sagemaker-domain-kms-key";
import { sagemakerDomainVpcOnly } from "../../policy-pack/policies/sagemaker/sagemaker-domain-vpc-only";
import { mandatoryTags } from "../../policy-pack/policies/tagging/mandatory-tags";
import { TYPES } from "../../policy-pack/policies/common";
import { UNKNOWN, runResourcePolicy } from "../harness/policyArgs";

const KEY = "arn:aws:kms:eu-west-1:111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab";

describe("sagemaker-domain-vpc-only (N1)", () => {
    it("passes a VpcOnly domain", async () => {
        expect(await runResourcePolicy(sagemakerDomainVpcOnly, { type: TYPES.sagemakerDomain, props: { appNetworkAccessType: "VpcOnly" } })).toEqual([]);
    });
    it("reports PublicInternetOnly", async () => {
        const v = await runResourcePolicy(sagemakerDomainVpcOnly, { type: TYPES.sagemakerDomain, props: { appNetworkAccessType: "PublicInternetOnly" } });
        expect(v).toHaveLength(1);
        expect(v[0]).toContain("PublicInternetOnly");
    });
    it("reports an absent mode (the API default is public)", async () => {
        expect(await runResourcePolicy(sagemakerDomainVpcOnly, { type: TYPES.sagemakerDomain, props: {} })).toHaveLength(1);
    });
    it("ignores other types and skips unknown values", async () => {
        expect(await runResourcePolicy(sagemakerDomainVpcOnly, { type: TYPES.kmsKey, props: {} })).toEqual([]);
        expect(await runResourcePolicy(sagemakerDomainVpcOnly, { type: TYPES.sagemakerDomain, props: { appNetworkAccessType: UNKNOWN } })).toEqual([]);
    });
});

describe("sagemaker-domain-kms-key (E1)", () => {
    it("passes a customer key", async () => {
        expect(await runResourcePolicy(sagemakerDomainKmsKey, { type: TYPES.sagemakerDomain, props: { kmsKeyId: KEY } })).toEqual([]);
    });
    it("reports a missing key and an AWS-managed alias", async () => {
        expect(await runResourcePolicy(sagemakerDomainKmsKey, { type: TYPES.sagemakerDomain, props: {} })).toHaveLength(1);
        expect(
            await runResourcePolicy(sagemakerDomainKmsKey, { type: TYPES.sagemakerDomain, props: { kmsKeyId: "alias/aws/elasticfilesystem" } }),
        ).toHaveLength(1);
        expect(
            await runResourcePolicy(sagemakerDomainKmsKey, {
                type: TYPES.sagemakerDomain,
                props: { kmsKeyId: "arn:aws:kms:eu-west-1:111111111111:alias/aws/elasticfilesystem" },
            }),
        ).toHaveLength(1);
    });
});

describe("s3-bucket-sse-kms (E7)", () => {
    const rule = (r: Record<string, unknown>) => ({ type: TYPES.s3Sse, props: { bucket: "b", rules: [r] } });
    it("passes SSE-KMS with a customer key and bucket keys", async () => {
        expect(
            await runResourcePolicy(
                s3BucketSseKms,
                rule({ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: KEY }, bucketKeyEnabled: true }),
            ),
        ).toEqual([]);
    });
    it("reports AES256, the AWS-managed key, a missing key, no bucket key, no rules", async () => {
        expect(
            await runResourcePolicy(s3BucketSseKms, rule({ applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" }, bucketKeyEnabled: true })),
        ).toHaveLength(1);
        expect(
            await runResourcePolicy(
                s3BucketSseKms,
                rule({ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: "alias/aws/s3" }, bucketKeyEnabled: true }),
            ),
        ).toHaveLength(1);
        expect(
            await runResourcePolicy(s3BucketSseKms, rule({ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms" }, bucketKeyEnabled: true })),
        ).toHaveLength(1);
        expect(
            await runResourcePolicy(s3BucketSseKms, rule({ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: KEY } })),
        ).toHaveLength(1);
        expect(await runResourcePolicy(s3BucketSseKms, { type: TYPES.s3Sse, props: { bucket: "b", rules: [] } })).toHaveLength(1);
    });
});

describe("kms-key-rotation (E9)", () => {
    it("passes a rotating key with a 30-day window", async () => {
        expect(await runResourcePolicy(kmsKeyRotation, { type: TYPES.kmsKey, props: { enableKeyRotation: true, deletionWindowInDays: 30 } })).toEqual([]);
    });
    it("reports no rotation and a short window", async () => {
        expect(await runResourcePolicy(kmsKeyRotation, { type: TYPES.kmsKey, props: { enableKeyRotation: false, deletionWindowInDays: 30 } })).toHaveLength(1);
        expect(await runResourcePolicy(kmsKeyRotation, { type: TYPES.kmsKey, props: { deletionWindowInDays: 30 } })).toHaveLength(1);
        expect(await runResourcePolicy(kmsKeyRotation, { type: TYPES.kmsKey, props: { enableKeyRotation: true, deletionWindowInDays: 7 } })).toHaveLength(1);
    });
    it("honours the configured minimum window", async () => {
        expect(
            await runResourcePolicy(kmsKeyRotation, {
                type: TYPES.kmsKey,
                props: { enableKeyRotation: true, deletionWindowInDays: 7 },
                config: { minimumDeletionWindowInDays: 7 },
            }),
        ).toEqual([]);
    });
    it("does not ask asymmetric keys to rotate", async () => {
        expect(await runResourcePolicy(kmsKeyRotation, { type: TYPES.kmsKey, props: { customerMasterKeySpec: "RSA_2048", deletionWindowInDays: 30 } })).toEqual(
            [],
        );
    });
});

describe("mandatory-tags (G1)", () => {
    const all = { team: "fraud", environment: "dev", owner: "o", "cost-center": "cc" };
    it("passes tags on the resource", async () => {
        expect(await runResourcePolicy(mandatoryTags, { type: TYPES.kmsKey, props: { tags: all } })).toEqual([]);
    });
    it("counts provider defaultTags, JSON-encoded as the engine sends provider config", async () => {
        expect(
            await runResourcePolicy(mandatoryTags, { type: TYPES.kmsKey, props: {}, providerProps: { defaultTags: JSON.stringify({ tags: all }) } }),
        ).toEqual([]);
        expect(
            await runResourcePolicy(mandatoryTags, {
                type: TYPES.kmsKey,
                props: { tags: { team: "x" } },
                providerProps: { defaultTags: { tags: { environment: "dev", owner: "o", "cost-center": "cc" } } },
            }),
        ).toEqual([]);
    });
    it("reports each missing tag", async () => {
        const v = await runResourcePolicy(mandatoryTags, { type: TYPES.kmsKey, props: { tags: { team: "fraud", environment: "dev" } } });
        expect(v).toHaveLength(1);
        expect(v[0]).toContain("owner, cost-center");
        expect(await runResourcePolicy(mandatoryTags, { type: TYPES.kmsKey, props: { tags: { ...all, owner: "" } } })).toHaveLength(1);
    });
    it("ignores resources that cannot be tagged", async () => {
        expect(await runResourcePolicy(mandatoryTags, { type: "aws:kms/alias:Alias", props: {} })).toEqual([]);
    });
});
