import { runSimulation } from "@cloud-copilot/iam-simulate";
import { describe, expect, it } from "vitest";
import { PolicyDocument, toPolicyJson } from "../../components/guardrails/document";
import { PresignedUrlPerimeterArgs, presignedUrlPerimeter, sageMakerDistributionImageArns } from "../../components/guardrails/studioAccess";
import {
    backupVaultAccessPolicy,
    backupVaultKeyPolicy,
    ecrRepositoryArn,
    imagePullPolicy,
    serviceRoleTrust,
    studioHomeKeyPolicy,
    trustAllowsSourceIdentity,
} from "../../components/guardrails/studioRoles";
import { executionRoleTrustPolicy } from "../../components/guardrails/teamTrust";
import { DocumentKind, lintDocument } from "../../tools/iam/lint";

const ARGS: PresignedUrlPerimeterArgs = {
    partition: "aws",
    region: "eu-west-1",
    accountId: "111111111111",
    domainId: "d-abc123def456",
    sourceIps: ["203.0.113.0/24"],
    vpcEndpointIds: ["vpce-0studio", "vpce-0api"],
    approvedImageArns: [...sageMakerDistributionImageArns("aws", "eu-west-1"), "arn:aws:sagemaker:eu-west-1:111111111111:image/acme-dev-geo"],
    allowedInstanceTypes: ["ml.t3.medium", "ml.m5.large"],
};
const DOC = presignedUrlPerimeter(ARGS);
const ROLE = "arn:aws:iam::111111111111:role/acme-dev-fraud-scientist";
const SESSION = "arn:aws:sts::111111111111:assumed-role/acme-dev-fraud-scientist/alice";
const profile = (user: string, domain = ARGS.domainId) => `arn:aws:sagemaker:eu-west-1:111111111111:user-profile/${domain}/${user}`;

async function decide(doc: PolicyDocument, action: string, resource: string, context: Record<string, string | string[]>): Promise<string> {
    const response = await runSimulation(
        {
            request: {
                principal: SESSION,
                action,
                resource: { resource, accountId: "111111111111" },
                contextVariables: { "aws:ResourceAccount": "111111111111", "aws:PrincipalArn": ROLE, ...context },
            },
            identityPolicies: [{ name: "perimeter", policy: doc }],
            serviceControlPolicies: [],
            resourceControlPolicies: [],
        },
        {},
    );
    if (response.resultType !== "single") throw new Error(`simulation failed: ${JSON.stringify(response)}`);
    return response.result.analysis.result;
}

const tagged = (user: string) => ({
    "aws:PrincipalTag/studiouserid": "alice",
    "sagemaker:ResourceTag/studiouserid": user,
    "aws:ResourceTag/studiouserid": user,
});

describe("presigned-URL perimeter (I1, N8, I6, I7, G2)", () => {
    it("has the expected statements", () => {
        expect(DOC.Statement.map((s) => s.Sid)).toEqual([
            "OpenOwnStudioProfile",
            "DenyOtherUsersProfiles",
            "DenySessionsWithoutStudioUserId",
            "DenyPresignedUrlOutsideCorporateNetworkOrVpce",
            "DenyAppImageConfigChanges",
            "DenyUnapprovedImages",
            "DenyInstanceTypesOffAllowList",
        ]);
        expect(DOC.Statement[5].Condition).toEqual({ "ForAnyValue:StringNotLike": { "sagemaker:ImageArns": ARGS.approvedImageArns } });
        expect(DOC.Statement[6].Condition).toEqual({ "ForAnyValue:StringNotLike": { "sagemaker:InstanceTypes": ["ml.t3.medium", "ml.m5.large", "system"] } });
    });

    it("passes the IAM linter: every action and key exists, applies and is not deprecated", async () => {
        expect(await lintDocument({ label: "perimeter", kind: "inline", raw: toPolicyJson(DOC) })).toEqual([]);
    });

    it("lets alice open her own profile from the corporate range", async () => {
        expect(await decide(DOC, "sagemaker:CreatePresignedDomainUrl", profile("alice"), { ...tagged("alice"), "aws:SourceIp": "203.0.113.10" })).toBe(
            "Allowed",
        );
    });

    it("lets alice open her own profile through the Studio endpoint (no source IP there)", async () => {
        expect(await decide(DOC, "sagemaker:CreatePresignedDomainUrl", profile("alice"), { ...tagged("alice"), "aws:SourceVpce": "vpce-0studio" })).toBe(
            "Allowed",
        );
    });

    it("denies alice bob's profile (I1)", async () => {
        expect(await decide(DOC, "sagemaker:CreatePresignedDomainUrl", profile("bob"), { ...tagged("bob"), "aws:SourceIp": "203.0.113.10" })).toBe(
            "ExplicitlyDenied",
        );
    });

    it("denies an untagged profile and another team's domain", async () => {
        expect(
            await decide(DOC, "sagemaker:CreatePresignedDomainUrl", profile("alice"), {
                "aws:PrincipalTag/studiouserid": "alice",
                "aws:SourceIp": "203.0.113.10",
            }),
        ).toBe("ExplicitlyDenied");
        expect(
            await decide(DOC, "sagemaker:CreatePresignedDomainUrl", profile("alice", "d-otherteam000"), { ...tagged("alice"), "aws:SourceIp": "203.0.113.10" }),
        ).not.toBe("Allowed");
    });

    it("denies a session without the studiouserid tag even when another policy allows every profile (I1)", async () => {
        const broad: PolicyDocument = {
            Version: "2012-10-17",
            Statement: [{ Sid: "ManagedPolicyAddedLater", Effect: "Allow", Action: "sagemaker:CreatePresignedDomainUrl", Resource: "*" }],
        };
        const untaggedSession = { "sagemaker:ResourceTag/studiouserid": "bob", "aws:ResourceTag/studiouserid": "bob", "aws:SourceIp": "203.0.113.10" };
        const both: PolicyDocument = { Version: "2012-10-17", Statement: [...broad.Statement, ...DOC.Statement] };
        expect(await decide(both, "sagemaker:CreatePresignedDomainUrl", profile("bob"), untaggedSession)).toBe("ExplicitlyDenied");
        // The statement that decides is the Null test: without it the request would be allowed.
        const withoutNullTest: PolicyDocument = { ...both, Statement: both.Statement.filter((s) => s.Sid !== "DenySessionsWithoutStudioUserId") };
        expect(await decide(withoutNullTest, "sagemaker:CreatePresignedDomainUrl", profile("bob"), untaggedSession)).toBe("Allowed");
    });

    it("denies her own profile from the internet and from another endpoint (N8)", async () => {
        expect(await decide(DOC, "sagemaker:CreatePresignedDomainUrl", profile("alice"), { ...tagged("alice"), "aws:SourceIp": "198.51.100.7" })).toBe(
            "ExplicitlyDenied",
        );
        expect(await decide(DOC, "sagemaker:CreatePresignedDomainUrl", profile("alice"), { ...tagged("alice"), "aws:SourceVpce": "vpce-0elsewhere" })).toBe(
            "ExplicitlyDenied",
        );
    });

    it("denies image config changes (I6)", async () => {
        for (const action of ["CreateAppImageConfig", "UpdateAppImageConfig", "DeleteAppImageConfig"]) {
            expect(await decide(DOC, `sagemaker:${action}`, "arn:aws:sagemaker:eu-west-1:111111111111:app-image-config/acme-dev-geo", {})).toBe(
                "ExplicitlyDenied",
            );
        }
    });

    const app = "arn:aws:sagemaker:eu-west-1:111111111111:app/d-abc123def456/alice/JupyterLab/default";
    it("denies apps on unapproved images and allows approved ones (I7)", async () => {
        expect(await decide(DOC, "sagemaker:CreateApp", app, { "sagemaker:ImageArns": ["arn:aws:sagemaker:eu-west-1:999999999999:image/crypto-miner"] })).toBe(
            "ExplicitlyDenied",
        );
        // No Allow for CreateApp in this document: "not explicitly denied" is what it decides.
        expect(await decide(DOC, "sagemaker:CreateApp", app, { "sagemaker:ImageArns": ["arn:aws:sagemaker:eu-west-1:111111111111:image/acme-dev-geo"] })).toBe(
            "ImplicitlyDenied",
        );
        expect(
            await decide(DOC, "sagemaker:CreateApp", app, {
                "sagemaker:ImageArns": ["arn:aws:sagemaker:eu-west-1:470317259841:image/sagemaker-distribution-cpu"],
            }),
        ).toBe("ImplicitlyDenied");
    });

    it("denies apps on instance types off the allow-list (G2)", async () => {
        expect(await decide(DOC, "sagemaker:CreateApp", app, { "sagemaker:InstanceTypes": ["ml.p4d.24xlarge"] })).toBe("ExplicitlyDenied");
        expect(await decide(DOC, "sagemaker:CreateApp", app, { "sagemaker:InstanceTypes": ["system"] })).toBe("ImplicitlyDenied");
    });

    it("works with only the VPC endpoint (no corporate ranges)", async () => {
        const doc = presignedUrlPerimeter({ ...ARGS, sourceIps: [] });
        expect(doc.Statement.find((s) => s.Sid === "DenyPresignedUrlOutsideCorporateNetworkOrVpce")?.Condition).toEqual({
            StringNotEquals: { "aws:SourceVpce": ["vpce-0studio", "vpce-0api"] },
        });
        expect(await decide(doc, "sagemaker:CreatePresignedDomainUrl", profile("alice"), { ...tagged("alice"), "aws:SourceIp": "203.0.113.10" })).toBe(
            "ExplicitlyDenied",
        );
    });

    it("refuses arguments that would lock everybody out", () => {
        expect(() => presignedUrlPerimeter({ ...ARGS, sourceIps: [], vpcEndpointIds: [] })).toThrow(/no request could ever open Studio/);
        expect(() => presignedUrlPerimeter({ ...ARGS, approvedImageArns: [] })).toThrow(/every app launch would be denied/);
    });
});

describe("Studio role and key documents", () => {
    const docs: [string, DocumentKind, PolicyDocument][] = [
        ["image pull", "inline", imagePullPolicy(["222222222222.dkr.ecr.eu-west-1.amazonaws.com/approved/geo:1.2.0"], "aws")],
        ["image trust", "trust", serviceRoleTrust("sagemaker", "aws")],
        ["backup trust", "trust", serviceRoleTrust("backup", "aws")],
        [
            "home key",
            "kms-key",
            studioHomeKeyPolicy({
                partition: "aws",
                region: "eu-west-1",
                administrators: ["arn:aws:iam::111111111111:role/admin", "arn:aws:iam::111111111111:role/break-glass"],
                users: [ROLE],
            }),
        ],
        [
            "vault key",
            "kms-key",
            backupVaultKeyPolicy({
                partition: "aws",
                region: "eu-west-1",
                accountId: "111111111111",
                administrators: ["arn:aws:iam::111111111111:role/admin", "arn:aws:iam::111111111111:role/break-glass"],
                backupRoleArn: ROLE,
            }),
        ],
        ["vault access", "resource", backupVaultAccessPolicy(["arn:aws:iam::111111111111:role/admin"])],
    ];
    for (const [label, kind, doc] of docs) {
        it(`${label} passes the IAM linter`, async () => {
            expect(await lintDocument({ label, kind, raw: toPolicyJson(doc) })).toEqual([]);
        });
    }

    it("lets the image role pull only the approved repositories", () => {
        const doc = imagePullPolicy(
            [
                "222222222222.dkr.ecr.eu-west-1.amazonaws.com/approved/geo:1.2.0",
                "222222222222.dkr.ecr.eu-west-1.amazonaws.com/approved/geo@sha256:" + "a".repeat(64),
            ],
            "aws",
        );
        expect(doc.Statement[0].Resource).toEqual(["arn:aws:ecr:eu-west-1:222222222222:repository/approved/geo"]);
        expect(doc.Statement[0].Action).toEqual(["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer", "ecr:BatchCheckLayerAvailability"]);
        expect(doc.Statement[1]).toEqual({ Sid: "RegistryToken", Effect: "Allow", Action: "ecr:GetAuthorizationToken", Resource: "*" });
        expect(() => ecrRepositoryArn("docker.io/library/python:3.12", "aws")).toThrow(/not an ECR image URI/);
        expect(() => imagePullPolicy([], "aws")).toThrow(/without images/);
    });

    it("denies recovery point deletion to everybody but the administrators (G9)", () => {
        expect(backupVaultAccessPolicy(["arn:aws:iam::111111111111:role/admin"]).Statement[0]).toMatchObject({
            Effect: "Deny",
            Action: ["backup:DeleteRecoveryPoint", "backup:UpdateRecoveryPointLifecycle"],
            Condition: { ArnNotLike: { "aws:PrincipalArn": ["arn:aws:iam::111111111111:role/admin"] } },
        });
    });

    it("checks that execution-role trust allows sts:SetSourceIdentity (I5), as the team roles do", () => {
        expect(trustAllowsSourceIdentity(executionRoleTrustPolicy({ partition: "aws", sourceIdentity: true }))).toBe(true);
        expect(trustAllowsSourceIdentity(executionRoleTrustPolicy({ partition: "aws", sourceIdentity: false }))).toBe(false);
        expect(trustAllowsSourceIdentity(serviceRoleTrust("sagemaker", "aws"))).toBe(false);
    });
});
