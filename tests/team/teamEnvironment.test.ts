import { beforeAll, describe, expect, it } from "vitest";
import type { PlanResource } from "../../plan/types";
import { RunResult, runWithMocks } from "../../plan/engine";
import { ACCOUNT, KEY_ADMINS, KMS_ENDPOINT, NAMING, REGION, S3_ENDPOINT, SG, SUBNETS, VPC, fakeNetwork, teamConfig } from "./fixtures";
import type { TeamConfig } from "../../stacks/schema/teams";
import type { TeamEnvironmentArgs } from "../../components/team/TeamEnvironment";

const T = {
    key: "aws:kms/key:Key",
    alias: "aws:kms/alias:Alias",
    bucket: "aws:s3/bucket:Bucket",
    sse: "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
    pab: "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
    logging: "aws:s3/bucketLogging:BucketLogging",
    bucketPolicy: "aws:s3/bucketPolicy:BucketPolicy",
    role: "aws:iam/role:Role",
    rolePolicy: "aws:iam/rolePolicy:RolePolicy",
    attachment: "aws:iam/rolePolicyAttachment:RolePolicyAttachment",
    policy: "aws:iam/policy:Policy",
    param: "aws:ssm/parameter:Parameter",
    budget: "aws:budgets/budget:Budget",
    accessPoint: "aws:s3/accessPoint:AccessPoint",
};

interface Built {
    run: RunResult;
    binding: Record<string, unknown>;
}

async function build(team: TeamConfig, extra: Partial<TeamEnvironmentArgs> = {}): Promise<Built> {
    const { TeamEnvironment } = await import("../../components/team/TeamEnvironment");
    const pulumi = await import("@pulumi/pulumi");
    const aws = await import("@pulumi/aws");
    let binding: Record<string, unknown> = {};
    const run = await runWithMocks({
        stack: "test",
        config: {},
        program: () => {
            const provider = new aws.Provider("workload", { region: REGION, allowedAccountIds: [ACCOUNT] });
            const env = new TeamEnvironment(
                `team-${team.name}`,
                {
                    team,
                    naming: NAMING,
                    account: { partition: "aws", region: REGION, accountId: ACCOUNT },
                    sharedServicesAccountId: "222222222222",
                    network: fakeNetwork(),
                    keyAdministrators: KEY_ADMINS,
                    accessLogBucket: "acme-dev-access-logs-111111111111",
                    appInstanceTypes: ["ml.t3.medium", "ml.m5.large"],
                    codeArtifactRepositoryEndpoint: "https://acme-222222222222.d.codeartifact.eu-west-1.amazonaws.com/pypi/approved/",
                    ...extra,
                },
                { providers: { aws: provider } },
            );
            const s = env.studio;
            return pulumi.output({ ...s, studioExecutionRoleArn: s.studioExecutionRoleArn, bucketNames: s.bucketNames }).apply((v) => {
                binding = v as unknown as Record<string, unknown>;
                return {};
            });
        },
    });
    return { run, binding };
}

const ofType = (r: RunResult, type: string) => r.resources.filter((x) => x.type === type);
const named = (r: RunResult, type: string, name: string): PlanResource => {
    const found = r.resources.find((x) => x.type === type && x.name === name);
    if (!found)
        throw new Error(
            `no ${type} ${name}; have ${ofType(r, type)
                .map((x) => x.name)
                .join(", ")}`,
        );
    return found;
};
const json = (v: unknown) => JSON.parse(String(v));

describe("TeamEnvironment", () => {
    let fraud: Built;
    beforeAll(async () => {
        fraud = await build(teamConfig("fraud", { perUserExecutionRoles: true }));
    });

    it("creates the team key with rotation, a 30-day window, protection and the team policy (E9)", () => {
        const key = named(fraud.run, T.key, "team-fraud-key-key");
        expect(key.inputs).toMatchObject({ enableKeyRotation: true, deletionWindowInDays: 30, tags: { team: "fraud" } });
        expect(key.options).toMatchObject({ protect: true, retainOnDelete: true });
        const policy = json(key.inputs.policy);
        const sids = policy.Statement.map((s: { Sid: string }) => s.Sid);
        expect(sids).toEqual(["KeyAdministration", "KeyUseByRoleArn", "KeyGrantsForAwsResourcesByRoleArn", "DenyUseOutsidePlatformVpcEndpoints"]);
        expect(JSON.stringify(policy)).toContain(KMS_ENDPOINT);
        expect(named(fraud.run, T.alias, "team-fraud-key-alias").inputs.name).toBe("alias/acme-dev-fraud");
    });

    it("creates data, models and outputs buckets: SSE-KMS with the team key and bucket keys, PAB, logs, protected (E7)", () => {
        const key = named(fraud.run, T.key, "team-fraud-key-key");
        for (const purpose of ["data", "models", "outputs"]) {
            const bucket = named(fraud.run, T.bucket, `team-fraud-${purpose}`);
            expect(bucket.inputs).toMatchObject({ bucket: `acme-dev-fraud-${purpose}-${ACCOUNT}`, forceDestroy: false, tags: { team: "fraud" } });
            expect(bucket.options).toMatchObject({ protect: true, retainOnDelete: true });
            const sse = named(fraud.run, T.sse, `team-fraud-${purpose}-encryption`);
            expect(sse.inputs.rules).toEqual([
                { applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: key.outputs.arn }, bucketKeyEnabled: true },
            ]);
            expect(named(fraud.run, T.pab, `team-fraud-${purpose}-public-access`).inputs).toMatchObject({
                blockPublicAcls: true,
                blockPublicPolicy: true,
                ignorePublicAcls: true,
                restrictPublicBuckets: true,
            });
            expect(named(fraud.run, T.logging, `team-fraud-${purpose}-access-logs`).inputs).toMatchObject({
                targetBucket: "acme-dev-access-logs-111111111111",
            });
            const policy = json(named(fraud.run, T.bucketPolicy, `team-fraud-${purpose}-policy`).inputs.policy);
            expect(policy.Statement.map((s: { Sid: string }) => s.Sid)).toEqual([
                "DenyInsecureTransport",
                "DenyNonKmsEncryptionHeader",
                "DenyOtherKmsKey",
                "DenyAccessOutsidePlatformNetwork",
                "DenyDataAccessOutsideTeam",
                "DenyListingOutsideTeam",
                "DenyBucketConfigurationChanges",
            ]);
            expect(JSON.stringify(policy)).toContain(S3_ENDPOINT);
            expect(JSON.stringify(policy)).toContain(VPC);
        }
    });

    it("creates the seven roles plus per-user roles, each in the team path, under the boundary, with guardrails attached (I3)", () => {
        const roles = ofType(fraud.run, T.role);
        expect(roles.map((r) => r.inputs.name).sort()).toEqual(
            ["admin", "scientist", "studio", "space", "training", "processing", "hosting", "u-fraud-alice", "u-fraud-bob"]
                .map((k) => `acme-dev-fraud-${k}`)
                .sort(),
        );
        const boundary = named(fraud.run, T.policy, "team-fraud-boundary");
        expect(boundary.inputs).toMatchObject({ name: "acme-dev-fraud-boundary", path: "/secure-ds/acme-dev/fraud/" });
        for (const role of roles) {
            expect(role.inputs).toMatchObject({
                path: "/secure-ds/acme-dev/fraud/",
                permissionsBoundary: boundary.outputs.arn,
                maxSessionDuration: 3600,
                tags: { team: "fraud" },
            });
            const attachments = ofType(fraud.run, T.attachment).filter((a) => a.inputs.role === role.inputs.name);
            expect(attachments).toHaveLength(2);
            expect(ofType(fraud.run, T.rolePolicy).filter((p) => p.inputs.role === role.inputs.name)).toHaveLength(1);
        }
        const studioTrust = json(named(fraud.run, T.role, "team-fraud-studio").inputs.assumeRolePolicy);
        expect(studioTrust.Statement[0].Action).toEqual(["sts:AssumeRole", "sts:SetSourceIdentity"]);
        const adminTrust = json(named(fraud.run, T.role, "team-fraud-admin").inputs.assumeRolePolicy);
        expect(adminTrust.Statement[0].Condition.StringEquals["aws:RequestTag/studiouserid"]).toEqual(["fraud-alice"]);
        const dsTrust = json(named(fraud.run, T.role, "team-fraud-scientist").inputs.assumeRolePolicy);
        expect(dsTrust.Statement[0].Condition.StringEquals["aws:RequestTag/studiouserid"]).toEqual(["fraud-alice", "fraud-bob"]);
    });

    it("publishes the team's parameters for the Studio lifecycle script", () => {
        const params = Object.fromEntries(ofType(fraud.run, T.param).map((p) => [p.inputs.name, { type: p.inputs.type, value: p.inputs.insecureValue }]));
        const base = "/secure-ds/acme-dev/fraud";
        expect(params[`${base}/vpc-id`]).toMatchObject({ type: "String", value: VPC });
        expect(params[`${base}/subnet-ids`]).toMatchObject({ type: "StringList", value: SUBNETS.join(",") });
        expect(params[`${base}/security-group-ids`]).toMatchObject({ type: "StringList", value: SG });
        expect(params[`${base}/buckets/outputs`]).toMatchObject({ value: `acme-dev-fraud-outputs-${ACCOUNT}` });
        expect(params[`${base}/codeartifact-endpoint`].value).toMatch(/pypi\/approved\/$/);
        expect(params[`${base}/kms-key-arn`].value).toMatch(/^arn:aws:kms:eu-west-1:111111111111:key\//);
    });

    it("creates a monthly budget filtered on the team tag with alerts at the configured thresholds (G6)", () => {
        const budget = named(fraud.run, T.budget, "team-fraud-budget");
        expect(budget.inputs).toMatchObject({
            name: "acme-dev-fraud",
            budgetType: "COST",
            limitAmount: "1000.00",
            limitUnit: "USD",
            timeUnit: "MONTHLY",
            costFilters: [{ name: "TagKeyValue", values: ["user:team$fraud"] }],
        });
        expect(budget.inputs.notifications).toEqual([
            {
                comparisonOperator: "GREATER_THAN",
                threshold: 80,
                thresholdType: "PERCENTAGE",
                notificationType: "ACTUAL",
                subscriberEmailAddresses: ["fraud-leads@example.com"],
            },
            {
                comparisonOperator: "GREATER_THAN",
                threshold: 100,
                thresholdType: "PERCENTAGE",
                notificationType: "FORECASTED",
                subscriberEmailAddresses: ["fraud-leads@example.com"],
            },
        ]);
    });

    it("implements TeamStudioBinding", () => {
        const b = fraud.binding as Record<string, unknown> & { userExecutionRoleArns: Record<string, string>; bucketNames: Record<string, string> };
        expect(b.teamName).toBe("fraud");
        expect(b.studioExecutionRoleArn).toBe(`arn:aws:iam::${ACCOUNT}:role/secure-ds/acme-dev/fraud/acme-dev-fraud-studio`);
        expect(b.spaceExecutionRoleArn).toBe(`arn:aws:iam::${ACCOUNT}:role/secure-ds/acme-dev/fraud/acme-dev-fraud-space`);
        expect(Object.keys(b.userExecutionRoleArns)).toEqual(["fraud-alice", "fraud-bob"]);
        expect(b.dataScientistRoleName).toBe("acme-dev-fraud-scientist");
        expect(b.teamAdminRoleName).toBe("acme-dev-fraud-admin");
        expect(b.bucketNames).toEqual({
            data: `acme-dev-fraud-data-${ACCOUNT}`,
            models: `acme-dev-fraud-models-${ACCOUNT}`,
            outputs: `acme-dev-fraud-outputs-${ACCOUNT}`,
        });
        expect(b.parameterPath).toBe("/secure-ds/acme-dev/fraud");
        expect(String(b.kmsKeyArn)).toMatch(/^arn:aws:kms:/);
    });

    it("names the role ARNs the documents computed in advance exactly as the mock engine derives them", () => {
        const studioPolicy = json(named(fraud.run, T.rolePolicy, "team-fraud-studio-permissions").inputs.policy);
        const pass = studioPolicy.Statement.find((s: { Sid: string }) => s.Sid === "PassTeamRolesToSageMakerOnly");
        expect(pass.Resource).toContain(named(fraud.run, T.role, "team-fraud-training").outputs.arn);
    });

    it("a data-lake team gets a VPC-only access point limited to its prefix", async () => {
        const lake = await build(teamConfig("churn", { dataLake: true }), {
            dataLake: {
                bucketName: "acme-dev-datalake-111111111111",
                bucketArn: "arn:aws:s3:::acme-dev-datalake-111111111111",
                keyArn: "arn:aws:kms:eu-west-1:111111111111:key/lake",
            },
        });
        const ap = named(lake.run, T.accessPoint, "team-churn-lake");
        expect(ap.inputs).toMatchObject({
            name: "acme-dev-churn-lake",
            bucket: "acme-dev-datalake-111111111111",
            vpcConfiguration: { vpcId: VPC },
            publicAccessBlockConfiguration: { blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true },
        });
        expect(JSON.stringify(json(ap.inputs.policy))).toContain("teams/churn/");
        const boundary = json(named(lake.run, T.policy, "team-churn-boundary").inputs.policy);
        expect(JSON.stringify(boundary)).toContain("accesspoint/acme-dev-churn-lake");
    });

    it("rejects invalid inputs before registering anything", async () => {
        const { TeamEnvironment } = await import("../../components/team/TeamEnvironment");
        const base: TeamEnvironmentArgs = {
            team: teamConfig("fraud"),
            naming: NAMING,
            account: { partition: "aws", region: REGION, accountId: ACCOUNT },
            network: fakeNetwork(),
            keyAdministrators: KEY_ADMINS,
            accessLogBucket: "logs",
            appInstanceTypes: ["ml.t3.medium"],
        };
        const cases: [Partial<TeamEnvironmentArgs>, RegExp][] = [
            [{ keyAdministrators: [] }, /keyAdministrators is empty/],
            [{ network: { ...fakeNetwork(), interfaceEndpointIds: {} } }, /no "kms" interface endpoint/],
            [{ team: teamConfig("fraud", { dataLake: true }) }, /sets dataLake but no dataLake bucket/],
            [
                { team: teamConfig("a".repeat(40)) },
                /S3 bucket name acme-dev-a+-outputs-111111111111 is 70 characters; AWS allows 63\. Shorten the team name "a+" to at most 33 characters/,
            ],
            [{ appInstanceTypes: [] }, /appInstanceTypes is empty/],
        ];
        for (const [change, message] of cases) {
            expect(() => new TeamEnvironment("t", { ...base, ...change })).toThrow(message);
        }
    });
});
