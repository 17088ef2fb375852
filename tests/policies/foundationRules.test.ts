import { describe, expect, it } from "vitest";
import { kmsKeyRotation } from "../../policy-pack/policies/kms/keyRotation";
import { s3BucketSseKms } from "../../policy-pack/policies/s3/bucketSseKms";
import { sagemakerDomainKmsKey } from "../../policy-pack/policies/sagemaker/domainKmsKey";
import { sagemakerDomainVpcOnly } from "../../policy-pack/policies/sagemaker/domainVpcOnly";
import { mandatoryTags } from "../../policy-pack/policies/tagging/mandatoryTags";
import { T } from "../../policy-pack/policies/types";
import { UNKNOWN, runResourcePolicy } from "../harness/policyArgs";

const KEY = "arn:aws:kms:eu-west-1:111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab";

describe("sagemaker-domain-vpc-only (N1)", () => {
    it("passes a VpcOnly domain", async () => {
        expect(await runResourcePolicy(sagemakerDomainVpcOnly, { type: T.sagemakerDomain, props: { appNetworkAccessType: "VpcOnly" } })).toEqual([]);
    });
    it("reports PublicInternetOnly", async () => {
        const v = await runResourcePolicy(sagemakerDomainVpcOnly, { type: T.sagemakerDomain, props: { appNetworkAccessType: "PublicInternetOnly" } });
        expect(v).toHaveLength(1);
        expect(v[0]).toContain("PublicInternetOnly");
    });
    it("reports an absent mode (the API default is public)", async () => {
        expect(await runResourcePolicy(sagemakerDomainVpcOnly, { type: T.sagemakerDomain, props: {} })).toHaveLength(1);
    });
    it("ignores other types and skips unknown values", async () => {
        expect(await runResourcePolicy(sagemakerDomainVpcOnly, { type: T.kmsKey, props: {} })).toEqual([]);
        expect(await runResourcePolicy(sagemakerDomainVpcOnly, { type: T.sagemakerDomain, props: { appNetworkAccessType: UNKNOWN } })).toEqual([]);
    });
});

describe("sagemaker-domain-kms-key (E1)", () => {
    it("passes a customer key", async () => {
        expect(await runResourcePolicy(sagemakerDomainKmsKey, { type: T.sagemakerDomain, props: { kmsKeyId: KEY } })).toEqual([]);
    });
    it("reports a missing key and an AWS-managed alias", async () => {
        expect(await runResourcePolicy(sagemakerDomainKmsKey, { type: T.sagemakerDomain, props: {} })).toHaveLength(1);
        expect(await runResourcePolicy(sagemakerDomainKmsKey, { type: T.sagemakerDomain, props: { kmsKeyId: "alias/aws/elasticfilesystem" } })).toHaveLength(1);
        expect(
            await runResourcePolicy(sagemakerDomainKmsKey, {
                type: T.sagemakerDomain,
                props: { kmsKeyId: "arn:aws:kms:eu-west-1:111111111111:alias/aws/elasticfilesystem" },
            }),
        ).toHaveLength(1);
    });
});

describe("s3-bucket-sse-kms (E7)", () => {
    const rule = (r: Record<string, unknown>) => ({ type: T.s3Sse, props: { bucket: "b", rules: [r] } });
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
        expect(await runResourcePolicy(s3BucketSseKms, { type: T.s3Sse, props: { bucket: "b", rules: [] } })).toHaveLength(1);
    });
});

describe("kms-key-rotation (E9)", () => {
    it("passes a rotating key with a 30-day window", async () => {
        expect(await runResourcePolicy(kmsKeyRotation, { type: T.kmsKey, props: { enableKeyRotation: true, deletionWindowInDays: 30 } })).toEqual([]);
    });
    it("reports no rotation and a short window", async () => {
        expect(await runResourcePolicy(kmsKeyRotation, { type: T.kmsKey, props: { enableKeyRotation: false, deletionWindowInDays: 30 } })).toHaveLength(1);
        expect(await runResourcePolicy(kmsKeyRotation, { type: T.kmsKey, props: { deletionWindowInDays: 30 } })).toHaveLength(1);
        expect(await runResourcePolicy(kmsKeyRotation, { type: T.kmsKey, props: { enableKeyRotation: true, deletionWindowInDays: 7 } })).toHaveLength(1);
    });
    it("honours the configured minimum window", async () => {
        expect(
            await runResourcePolicy(kmsKeyRotation, {
                type: T.kmsKey,
                props: { enableKeyRotation: true, deletionWindowInDays: 7 },
                config: { minimumDeletionWindowInDays: 7 },
            }),
        ).toEqual([]);
    });
    it("does not ask asymmetric keys to rotate", async () => {
        expect(await runResourcePolicy(kmsKeyRotation, { type: T.kmsKey, props: { customerMasterKeySpec: "RSA_2048", deletionWindowInDays: 30 } })).toEqual([]);
    });
});

describe("mandatory-tags (G1)", () => {
    const all = { team: "fraud", environment: "dev", owner: "o", "cost-center": "cc" };
    it("passes tags on the resource", async () => {
        expect(await runResourcePolicy(mandatoryTags, { type: T.kmsKey, props: { tags: all } })).toEqual([]);
    });
    it("counts provider defaultTags, JSON-encoded as the engine sends provider config", async () => {
        expect(await runResourcePolicy(mandatoryTags, { type: T.kmsKey, props: {}, providerProps: { defaultTags: JSON.stringify({ tags: all }) } })).toEqual(
            [],
        );
        expect(
            await runResourcePolicy(mandatoryTags, {
                type: T.kmsKey,
                props: { tags: { team: "x" } },
                providerProps: { defaultTags: { tags: { environment: "dev", owner: "o", "cost-center": "cc" } } },
            }),
        ).toEqual([]);
    });
    it("reports each missing tag", async () => {
        const v = await runResourcePolicy(mandatoryTags, { type: T.kmsKey, props: { tags: { team: "fraud", environment: "dev" } } });
        expect(v).toHaveLength(1);
        expect(v[0]).toContain("owner, cost-center");
        expect(await runResourcePolicy(mandatoryTags, { type: T.kmsKey, props: { tags: { ...all, owner: "" } } })).toHaveLength(1);
    });
    it("ignores resources that cannot be tagged", async () => {
        expect(await runResourcePolicy(mandatoryTags, { type: "aws:kms/alias:Alias", props: {} })).toEqual([]);
    });
});
