import { expect, it } from "vitest";
import { s3BucketSseKms } from "../../../policy-pack/policies/s3/s3-bucket-sse-kms";
import { ResourceCase, UNKNOWN } from "../../harness/policyArgs";
import { describeRule, expectCompliant, expectViolations } from "../../harness/ruleTests";
import { KEY } from "../fixtures";

const SSE = "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration";
const rule = (r: Record<string, unknown>): ResourceCase => ({ type: SSE, props: { bucket: "b", rules: [r] } });
const byDefault = (sseAlgorithm: string, bucketKeyEnabled?: boolean): ResourceCase =>
    rule({ applyServerSideEncryptionByDefault: { sseAlgorithm, kmsMasterKeyId: KEY }, bucketKeyEnabled });

describeRule(s3BucketSseKms, () => {
    it("passes SSE-KMS with a customer key and bucket keys", async () => {
        await expectCompliant(
            s3BucketSseKms,
            rule({ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: KEY }, bucketKeyEnabled: true }),
        );
    });
    it("reports AES256, the AWS-managed key, a missing key, no bucket key, no rules", async () => {
        expect(
            await expectViolations(s3BucketSseKms, rule({ applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" }, bucketKeyEnabled: true })),
        ).toHaveLength(1);
        expect(
            await expectViolations(
                s3BucketSseKms,
                rule({ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: "alias/aws/s3" }, bucketKeyEnabled: true }),
            ),
        ).toHaveLength(1);
        expect(
            await expectViolations(s3BucketSseKms, rule({ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms" }, bucketKeyEnabled: true })),
        ).toHaveLength(1);
        expect(
            await expectViolations(s3BucketSseKms, rule({ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: KEY } })),
        ).toHaveLength(1);
        expect(await expectViolations(s3BucketSseKms, { type: SSE, props: { bucket: "b", rules: [] } })).toHaveLength(1);
    });
    // DSSE-KMS takes no bucket key (each object gets its own data keys).
    it("passes DSSE-KMS without bucket keys and SSE-KMS with them", async () => {
        await expectCompliant(s3BucketSseKms, byDefault("aws:kms:dsse"));
        await expectCompliant(s3BucketSseKms, byDefault("aws:kms", true));
    });
    it("still reports SSE-KMS without bucket keys and AES256", async () => {
        expect(await expectViolations(s3BucketSseKms, byDefault("aws:kms"))).toHaveLength(1);
        expect(await expectViolations(s3BucketSseKms, byDefault("AES256", true))).toHaveLength(1);
    });
    it("judges a value unknown in a preview by its presence, not its value", async () => {
        await expectCompliant(s3BucketSseKms, {
            type: "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
            props: { rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: UNKNOWN }, bucketKeyEnabled: true }] },
        });
        await expectViolations(s3BucketSseKms, {
            type: "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
            props: { rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: UNKNOWN } }] },
        });
    });
});
