import { describe, expect, it } from "vitest";
import { codeartifactApprovedNoUpstream } from "../../policy-pack/policies/codeartifact/codeartifact-approved-no-upstream";
import { codeartifactDomainKms } from "../../policy-pack/policies/codeartifact/codeartifact-domain-kms";
import { codebuildKmsEncrypted } from "../../policy-pack/policies/codebuild/codebuild-kms-encrypted";
import { codebuildNotPrivileged } from "../../policy-pack/policies/codebuild/codebuild-not-privileged";
import { TYPES } from "../../policy-pack/policies/common";
import { ecrImmutableTags } from "../../policy-pack/policies/ecr/ecr-immutable-tags";
import { ecrRepositoryKms } from "../../policy-pack/policies/ecr/ecr-repository-kms";
import { ecrScanOnPush } from "../../policy-pack/policies/ecr/ecr-scan-on-push";
import { policies } from "../../policy-pack/policies";

import { codepipelineArtifactStoreKms } from "../../policy-pack/policies/codepipeline/codepipeline-artifact-store-kms";
import { snsTopicKms } from "../../policy-pack/policies/sns/sns-topic-kms";
import { UNKNOWN, runResourcePolicy } from "../harness/policyArgs";

const packagesPolicies = policies.filter((p) =>
    [
        "codeartifact-domain-kms",
        "codeartifact-approved-no-upstream",
        "ecr-repository-kms",
        "ecr-immutable-tags",
        "ecr-scan-on-push",
        "codebuild-not-privileged",
        "codebuild-kms-encrypted",
        "codepipeline-artifact-store-kms",
        "sns-topic-kms",
    ].includes(p.name),
);

const KEY = "arn:aws:kms:eu-west-1:111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab";

describe("package rules metadata", () => {
    it("every rule names its controls and is mandatory", () => {
        expect(packagesPolicies).toHaveLength(9);
        for (const p of packagesPolicies) {
            expect(p.controls.length).toBeGreaterThan(0);
            expect(p.enforcementLevel).toBe("mandatory");
        }
    });
});

describe("codeartifact-domain-kms (E10)", () => {
    it("passes a customer key", async () => {
        expect(await runResourcePolicy(codeartifactDomainKms, { type: TYPES.codeartifactDomain, props: { domain: "d", encryptionKey: KEY } })).toEqual([]);
    });
    it("reports a missing key and the AWS-managed key", async () => {
        expect(await runResourcePolicy(codeartifactDomainKms, { type: TYPES.codeartifactDomain, props: { domain: "d" } })).toHaveLength(1);
        expect(
            await runResourcePolicy(codeartifactDomainKms, {
                type: TYPES.codeartifactDomain,
                props: { domain: "d", encryptionKey: "arn:aws:kms:eu-west-1:111111111111:alias/aws/codeartifact" },
            }),
        ).toHaveLength(1);
    });
    it("skips unknown values and other types", async () => {
        expect(await runResourcePolicy(codeartifactDomainKms, { type: TYPES.codeartifactDomain, props: { domain: "d", encryptionKey: UNKNOWN } })).toEqual([]);
        expect(await runResourcePolicy(codeartifactDomainKms, { type: TYPES.ecrRepository, props: {} })).toEqual([]);
    });
});

describe("codeartifact-approved-no-upstream (S1, S2)", () => {
    const repo = (props: Record<string, unknown>) => ({ type: TYPES.codeartifactRepository, props: { domain: "d", ...props } });
    it("passes an approved repository without connection or upstream, and an upstream repository with one", async () => {
        expect(await runResourcePolicy(codeartifactApprovedNoUpstream, repo({ repository: "approved" }))).toEqual([]);
        expect(
            await runResourcePolicy(
                codeartifactApprovedNoUpstream,
                repo({ repository: "public-pypi", externalConnections: { externalConnectionName: "public:pypi" } }),
            ),
        ).toEqual([]);
    });
    it("reports an external connection on approved (the reference implementation's public:npmjs leak)", async () => {
        const v = await runResourcePolicy(
            codeartifactApprovedNoUpstream,
            repo({ repository: "approved-npm", externalConnections: { externalConnectionName: "public:npmjs" } }),
        );
        expect(v).toHaveLength(1);
        expect(v[0]).toContain("public:npmjs");
    });
    it("reports an upstream on approved", async () => {
        expect(
            await runResourcePolicy(codeartifactApprovedNoUpstream, repo({ repository: "approved", upstreams: [{ repositoryName: "public-pypi" }] })),
        ).toHaveLength(1);
    });
    it("reports both at once, and honours a configured name pattern", async () => {
        expect(
            await runResourcePolicy(
                codeartifactApprovedNoUpstream,
                repo({ repository: "approved", upstreams: [{ repositoryName: "x" }], externalConnections: [{ externalConnectionName: "public:pypi" }] }),
            ),
        ).toHaveLength(2);
        expect(
            await runResourcePolicy(codeartifactApprovedNoUpstream, {
                ...repo({ repository: "curated", upstreams: [{ repositoryName: "x" }] }),
                config: { approvedRepositoryPattern: "^curated$" },
            }),
        ).toHaveLength(1);
    });
});

describe("ecr-repository-kms, ecr-immutable-tags, ecr-scan-on-push (S5, E10)", () => {
    const good = {
        name: "r",
        imageTagMutability: "IMMUTABLE",
        imageScanningConfiguration: { scanOnPush: true },
        encryptionConfigurations: [{ encryptionType: "KMS", kmsKey: KEY }],
    };
    const ecr = (props: Record<string, unknown>) => ({ type: TYPES.ecrRepository, props: { ...good, ...props } });
    it("passes the hardened repository", async () => {
        for (const rule of [ecrRepositoryKms, ecrImmutableTags, ecrScanOnPush]) expect(await runResourcePolicy(rule, ecr({}))).toEqual([]);
    });
    it("reports AES256 (the default), KMS without a key, and the AWS-managed key", async () => {
        expect(await runResourcePolicy(ecrRepositoryKms, ecr({ encryptionConfigurations: undefined }))).toHaveLength(1);
        expect(await runResourcePolicy(ecrRepositoryKms, ecr({ encryptionConfigurations: [{ encryptionType: "AES256" }] }))).toHaveLength(1);
        expect(await runResourcePolicy(ecrRepositoryKms, ecr({ encryptionConfigurations: [{ encryptionType: "KMS" }] }))).toHaveLength(1);
        expect(await runResourcePolicy(ecrRepositoryKms, ecr({ encryptionConfigurations: [{ encryptionType: "KMS", kmsKey: "alias/aws/ecr" }] }))).toHaveLength(
            1,
        );
    });
    it("reports mutable tags, the API default and mutable exclusions", async () => {
        expect(await runResourcePolicy(ecrImmutableTags, ecr({ imageTagMutability: "MUTABLE" }))).toHaveLength(1);
        expect(await runResourcePolicy(ecrImmutableTags, ecr({ imageTagMutability: undefined }))).toHaveLength(1);
        expect(await runResourcePolicy(ecrImmutableTags, ecr({ imageTagMutability: "IMMUTABLE_WITH_EXCLUSION" }))).toHaveLength(1);
    });
    it("reports scan on push off or absent", async () => {
        expect(await runResourcePolicy(ecrScanOnPush, ecr({ imageScanningConfiguration: { scanOnPush: false } }))).toHaveLength(1);
        expect(await runResourcePolicy(ecrScanOnPush, ecr({ imageScanningConfiguration: undefined }))).toHaveLength(1);
    });
});

describe("codebuild-not-privileged, codebuild-kms-encrypted (S2, E10)", () => {
    const project = (props: Record<string, unknown>) => ({
        type: TYPES.codebuildProject,
        props: { name: "p", encryptionKey: KEY, environment: { privilegedMode: false, type: "LINUX_CONTAINER" }, ...props },
    });
    it("passes an unprivileged project with a customer key", async () => {
        expect(await runResourcePolicy(codebuildNotPrivileged, project({}))).toEqual([]);
        expect(await runResourcePolicy(codebuildKmsEncrypted, project({}))).toEqual([]);
        expect(await runResourcePolicy(codebuildNotPrivileged, project({ environment: { type: "LINUX_CONTAINER" } }))).toEqual([]);
    });
    it("reports privileged mode", async () => {
        expect(await runResourcePolicy(codebuildNotPrivileged, project({ environment: { privilegedMode: true } }))).toHaveLength(1);
    });
    it("reports a missing key and the AWS-managed key", async () => {
        expect(await runResourcePolicy(codebuildKmsEncrypted, project({ encryptionKey: undefined }))).toHaveLength(1);
        expect(await runResourcePolicy(codebuildKmsEncrypted, project({ encryptionKey: "alias/aws/s3" }))).toHaveLength(1);
    });
});

describe("codepipeline-artifact-store-kms (E10)", () => {
    const pipeline = (stores: unknown) => ({ type: TYPES.codepipelinePipeline, props: { name: "p", artifactStores: stores } });
    it("passes a KMS artifact store with a customer key", async () => {
        expect(
            await runResourcePolicy(codepipelineArtifactStoreKms, pipeline([{ type: "S3", location: "b", encryptionKey: { type: "KMS", id: KEY } }])),
        ).toEqual([]);
    });
    it("reports no key, the AWS-managed key, and no store", async () => {
        expect(await runResourcePolicy(codepipelineArtifactStoreKms, pipeline([{ type: "S3", location: "b" }]))).toHaveLength(1);
        expect(
            await runResourcePolicy(
                codepipelineArtifactStoreKms,
                pipeline([{ type: "S3", location: "b", encryptionKey: { type: "KMS", id: "alias/aws/s3" } }]),
            ),
        ).toHaveLength(1);
        expect(await runResourcePolicy(codepipelineArtifactStoreKms, pipeline([]))).toHaveLength(1);
    });
    it("reports each bad store of a multi-region pipeline", async () => {
        const v = await runResourcePolicy(
            codepipelineArtifactStoreKms,
            pipeline([
                { type: "S3", location: "a", region: "eu-west-1", encryptionKey: { type: "KMS", id: KEY } },
                { type: "S3", location: "b", region: "us-east-1" },
            ]),
        );
        expect(v).toHaveLength(1);
        expect(v[0]).toContain("artifact store b");
    });
});

describe("sns-topic-kms (E10)", () => {
    it("passes a customer key", async () => {
        expect(await runResourcePolicy(snsTopicKms, { type: TYPES.snsTopic, props: { name: "t", kmsMasterKeyId: KEY } })).toEqual([]);
    });
    it("reports no key and alias/aws/sns", async () => {
        expect(await runResourcePolicy(snsTopicKms, { type: TYPES.snsTopic, props: { name: "t" } })).toHaveLength(1);
        expect(await runResourcePolicy(snsTopicKms, { type: TYPES.snsTopic, props: { name: "t", kmsMasterKeyId: "alias/aws/sns" } })).toHaveLength(1);
    });
});
