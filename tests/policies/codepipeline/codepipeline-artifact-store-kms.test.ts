import { expect, it } from "vitest";
import { codepipelineArtifactStoreKms } from "../../../policy-pack/policies/codepipeline/codepipeline-artifact-store-kms";
import { ResourceCase, UNKNOWN } from "../../harness/policyArgs";
import { describeRule, expectCompliant, expectViolations } from "../../harness/ruleTests";
import { KEY } from "../fixtures";

const pipeline = (stores: unknown): ResourceCase => ({ type: "aws:codepipeline/pipeline:Pipeline", props: { name: "p", artifactStores: stores } });

describeRule(codepipelineArtifactStoreKms, () => {
    it("passes a KMS artifact store with a customer key", async () => {
        await expectCompliant(codepipelineArtifactStoreKms, pipeline([{ type: "S3", location: "b", encryptionKey: { type: "KMS", id: KEY } }]));
    });
    it("reports no key, the AWS-managed key, and no store", async () => {
        expect(await expectViolations(codepipelineArtifactStoreKms, pipeline([{ type: "S3", location: "b" }]))).toHaveLength(1);
        expect(
            await expectViolations(codepipelineArtifactStoreKms, pipeline([{ type: "S3", location: "b", encryptionKey: { type: "KMS", id: "alias/aws/s3" } }])),
        ).toHaveLength(1);
        expect(await expectViolations(codepipelineArtifactStoreKms, pipeline([]))).toHaveLength(1);
    });
    it("reports each bad store of a multi-region pipeline", async () => {
        const v = await expectViolations(
            codepipelineArtifactStoreKms,
            pipeline([
                { type: "S3", location: "a", region: "eu-west-1", encryptionKey: { type: "KMS", id: KEY } },
                { type: "S3", location: "b", region: "us-east-1" },
            ]),
        );
        expect(v).toHaveLength(1);
        expect(v[0]).toContain("artifact store b");
    });
    it("judges a value unknown in a preview by its presence, not its value", async () => {
        await expectCompliant(codepipelineArtifactStoreKms, {
            type: "aws:codepipeline/pipeline:Pipeline",
            props: { artifactStores: [{ location: "b", encryptionKey: { type: "KMS", id: UNKNOWN } }] },
        });
        await expectViolations(codepipelineArtifactStoreKms, {
            type: "aws:codepipeline/pipeline:Pipeline",
            props: { artifactStores: [{ location: "b", encryptionKey: { type: "KMS", id: "alias/aws/s3" } }] },
        });
    });
});
