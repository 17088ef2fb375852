import { expect, it } from "vitest";
import { s3BucketHasPabSsePolicy } from "../../../policy-pack/policies/s3/s3-bucket-has-pab-sse-policy";
import { StackCaseResource, UNKNOWN } from "../../harness/policyArgs";
import { describeRule, expectCompliant, expectViolations } from "../../harness/ruleTests";
import { BUCKET, BUCKET_POLICY } from "./fixtures";

const bucket: StackCaseResource = { type: BUCKET, name: "b", props: { bucket: "acme-b" } };
const pab: StackCaseResource = {
    type: "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
    name: "b-pab",
    props: { bucket: UNKNOWN },
    propertyDependencies: { bucket: ["b"] },
};
const sse: StackCaseResource = {
    type: "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
    name: "b-sse",
    props: { bucket: "acme-b" },
};
const policy: StackCaseResource = { type: BUCKET_POLICY, name: "b-policy", props: { bucket: UNKNOWN }, propertyDependencies: { bucket: ["b"] } };

describeRule(s3BucketHasPabSsePolicy, () => {
    it("passes a bucket with all three (by property dependency or by name)", async () => {
        await expectCompliant(s3BucketHasPabSsePolicy, [bucket, pab, sse, policy]);
    });
    it("reports each missing companion", async () => {
        expect(await expectViolations(s3BucketHasPabSsePolicy, [bucket, sse, policy])).toEqual(["Bucket b has no public access block (N10, E7)."]);
        expect(await expectViolations(s3BucketHasPabSsePolicy, [bucket, pab, policy])).toEqual([
            "Bucket b has no server-side encryption configuration (N10, E7).",
        ]);
        expect(await expectViolations(s3BucketHasPabSsePolicy, [bucket, pab, sse])).toEqual(["Bucket b has no bucket policy (N10, E7)."]);
        expect(await expectViolations(s3BucketHasPabSsePolicy, [bucket])).toHaveLength(1);
    });
    it("does not count another bucket's companions", async () => {
        const other: StackCaseResource = { type: BUCKET, name: "c", props: { bucket: "acme-c" } };
        expect(await expectViolations(s3BucketHasPabSsePolicy, [bucket, other, pab, sse, policy])).toEqual([
            "Bucket c has no public access block, server-side encryption configuration, bucket policy (N10, E7).",
        ]);
    });
});
