/**
 * The team documents evaluated as AWS would (iam-simulate, test-only): the deployer keeps what a
 * `pulumi up` needs from outside the VPC, and a team's roles, including the ones its admin creates
 * with any policy, never reach another team's SageMaker resources, data or roles.
 */
import { runSimulation } from "@cloud-copilot/iam-simulate";
import { describe, expect, it } from "vitest";
import { PolicyDocument, policyDocument } from "../../components/guardrails/document";
import { keyPolicy } from "../../components/guardrails/kmsKeyPolicy";
import { teamPermissionBoundary } from "../../components/guardrails/teamBoundary";
import { teamBucketPolicyStatements } from "../../components/guardrails/teamBuckets";
import { teamKeyPolicyArgs } from "../../components/guardrails/teamKey";
import { keyAdministrators } from "../../stacks/config";
import { ACCOUNT, DEPLOYER, KEY_ADMINS, KMS_ENDPOINT, REGION, S3_ENDPOINT, scopeFor } from "./fixtures";

const A = scopeFor("fraud");
const B = scopeFor("churn");
const ADMIN_ACCESS = policyDocument([{ Effect: "Allow", Action: "*", Resource: "*" }]);
/** A role the fraud admin creates under the delegated path, with the boundary and any policy at all. */
const DELEGATED = `arn:aws:iam::${ACCOUNT}:role/secure-ds/acme-dev/fraud/delegated/anything`;

interface Request {
    principal: string;
    action: string;
    resource: string;
    context?: Record<string, string | string[]>;
    identity?: PolicyDocument;
    boundary?: PolicyDocument;
    resourcePolicy?: PolicyDocument;
}

async function decide(r: Request): Promise<{ decision: string; denies: string[] }> {
    const response = await runSimulation(
        {
            request: {
                principal: r.principal,
                action: r.action,
                resource: { resource: r.resource, accountId: ACCOUNT },
                // AWS always sets these; the simulator does not derive them from the principal.
                contextVariables: { "aws:ResourceAccount": ACCOUNT, "aws:PrincipalAccount": ACCOUNT, "aws:PrincipalArn": r.principal, ...(r.context ?? {}) },
            },
            identityPolicies: [{ name: "identity", policy: r.identity ?? ADMIN_ACCESS }],
            serviceControlPolicies: [],
            resourceControlPolicies: [],
            resourcePolicy: r.resourcePolicy,
            permissionBoundaryPolicies: r.boundary ? [{ name: "boundary", policy: r.boundary }] : undefined,
        },
        {},
    );
    if (response.resultType !== "single") throw new Error(JSON.stringify(response));
    const analysis = response.result.analysis as unknown as Record<string, { denyStatements?: { explain?: { identifier?: string } }[] } | undefined>;
    const denies = ["identityAnalysis", "permissionBoundaryAnalysis", "resourceAnalysis"].flatMap((k) =>
        (analysis[k]?.denyStatements ?? []).map((d) => d.explain?.identifier ?? ""),
    );
    return { decision: response.overallResult, denies };
}

describe("the deployer keeps what pulumi up needs from outside the VPC", () => {
    const key = keyPolicy(teamKeyPolicyArgs(A, { administrators: KEY_ADMINS, kmsEndpointIds: [KMS_ENDPOINT] }));
    const keyArn = A.kmsKeyArn;
    const outside = { "aws:ViaAWSService": "false", "aws:PrincipalIsAWSService": "false", "aws:SourceIp": "203.0.113.10" };

    it("reads (DescribeKey) and updates (PutKeyPolicy) the team key; the lockout check would pass", async () => {
        for (const action of ["kms:DescribeKey", "kms:PutKeyPolicy", "kms:GetKeyPolicy", "kms:GetKeyRotationStatus"]) {
            expect((await decide({ principal: DEPLOYER, action, resource: keyArn, context: outside, resourcePolicy: key })).decision, action).toBe("Allowed");
        }
    });
    it("but decrypts nothing, and an execution role decrypts only through the KMS endpoint or an AWS service", async () => {
        expect((await decide({ principal: DEPLOYER, action: "kms:Decrypt", resource: keyArn, context: outside, resourcePolicy: key })).decision).not.toBe(
            "Allowed",
        );
        const via = { ...outside, "kms:CallerAccount": ACCOUNT, "kms:ViaService": `s3.${REGION}.amazonaws.com` };
        const direct = await decide({ principal: A.roleArns.training, action: "kms:Decrypt", resource: keyArn, context: via, resourcePolicy: key });
        expect(direct).toEqual({ decision: "ExplicitlyDenied", denies: ["DenyUseOutsidePlatformVpcEndpoints"] });
        const throughS3 = await decide({
            principal: A.roleArns.training,
            action: "kms:Decrypt",
            resource: keyArn,
            context: { ...via, "aws:ViaAWSService": "true" },
            resourcePolicy: key,
        });
        expect(throughS3.decision).toBe("Allowed");
    });

    const bucket = policyDocument(teamBucketPolicyStatements(A, A.bucketArns.data));
    it("lists (HeadBucket is s3:ListBucket) and manages the team bucket from outside the VPC, but reads no object", async () => {
        for (const action of ["s3:ListBucket", "s3:PutBucketPolicy", "s3:GetBucketVersioning"]) {
            expect(
                (await decide({ principal: DEPLOYER, action, resource: A.bucketArns.data, context: outside, resourcePolicy: bucket })).decision,
                action,
            ).toBe("Allowed");
        }
        const read = await decide({
            principal: DEPLOYER,
            action: "s3:GetObject",
            resource: `${A.bucketArns.data}/x.csv`,
            context: outside,
            resourcePolicy: bucket,
        });
        expect(read).toEqual({ decision: "ExplicitlyDenied", denies: ["DenyDataAccessOutsideTeam"] });
    });
    it("another team's role lists nothing, even through the S3 endpoint", async () => {
        const r = await decide({
            principal: B.roleArns.studio,
            action: "s3:ListBucket",
            resource: A.bucketArns.data,
            context: { "aws:SourceVpce": S3_ENDPOINT, "aws:ViaAWSService": "false" },
            resourcePolicy: bucket,
        });
        expect(r).toEqual({ decision: "ExplicitlyDenied", denies: ["DenyListingOutsideTeam"] });
    });

    it("config: the assume-role (deployer) and the break-glass role are key administrators even when adminRoleArns omits them", () => {
        const breakGlass = `arn:aws:iam::${ACCOUNT}:role/break-glass`;
        const other = `arn:aws:iam::${ACCOUNT}:role/key-admin`;
        const base = { accountId: ACCOUNT, breakGlassRoleArn: breakGlass };
        expect(keyAdministrators({ ...base, assumeRoleArn: DEPLOYER, adminRoleArns: [breakGlass] })).toEqual([DEPLOYER, breakGlass]);
        expect(keyAdministrators({ ...base, assumeRoleArn: DEPLOYER, adminRoleArns: [breakGlass, DEPLOYER] })).toEqual([breakGlass, DEPLOYER]);
        expect(keyAdministrators({ ...base, adminRoleArns: [other] })).toEqual([other, breakGlass]);
        expect(keyAdministrators({ ...base, assumeRoleArn: DEPLOYER })).toEqual([DEPLOYER, breakGlass]);
    });
});

describe("a role the team admin creates, with AdministratorAccess, is held by the team boundary (I3, I4)", () => {
    const boundary = teamPermissionBoundary(A);
    const profile = (domain: string, user: string) => `arn:aws:sagemaker:${REGION}:${ACCOUNT}:user-profile/${domain}/${user}`;

    it("cannot open any Studio profile, another team's or its own team's: only the scientist role, under its perimeter, may (I1, N8)", async () => {
        const other = await decide({
            principal: DELEGATED,
            action: "sagemaker:CreatePresignedDomainUrl",
            resource: profile("d-churn", "dave"),
            context: { "aws:ResourceTag/team": "churn" },
            boundary,
        });
        expect(other.decision).toBe("ExplicitlyDenied");
        expect(other.denies).toEqual(expect.arrayContaining(["DenyOtherTeamsSageMakerResources", "DenySessionsExceptScientistRole"]));
        const own = await decide({
            principal: DELEGATED,
            action: "sagemaker:CreatePresignedDomainUrl",
            resource: profile("d-fraud", "alice"),
            context: { "aws:ResourceTag/team": "fraud" },
            boundary,
        });
        expect(own).toEqual({ decision: "ExplicitlyDenied", denies: ["DenySessionsExceptScientistRole"] });
        // The scientist role is exempt (its perimeter decides), so the Deny is not simply "everyone".
        const scientist = await decide({
            principal: A.roleArns.scientist,
            action: "sagemaker:CreatePresignedDomainUrl",
            resource: profile("d-fraud", "alice"),
            context: { "aws:ResourceTag/team": "fraud" },
            boundary,
        });
        expect(scientist.decision).toBe("Allowed");
    });
    it("cannot stop or delete another team's endpoint", async () => {
        const endpoint = `arn:aws:sagemaker:${REGION}:${ACCOUNT}:endpoint/churn-model`;
        for (const action of ["sagemaker:DeleteEndpoint", "sagemaker:UpdateEndpoint", "sagemaker:InvokeEndpoint"]) {
            const r = await decide({ principal: DELEGATED, action, resource: endpoint, context: { "aws:ResourceTag/team": "churn" }, boundary });
            expect(r.decision, action).toBe("ExplicitlyDenied");
        }
    });
    it("starts no compute of its own: neither guarded jobs nor the ones no guardrail key can scope", async () => {
        const jobs: [string, string][] = [
            ["sagemaker:CreateTrainingJob", "training-job/x"],
            ["sagemaker:CreateCompilationJob", "compilation-job/x"],
            ["sagemaker:CreateOptimizationJob", "optimization-job/x"],
            ["sagemaker:CreateCluster", "cluster/x"],
            ["sagemaker:CreateModelBiasJobDefinition", "model-bias-job-definition/x"],
        ];
        for (const [action, resource] of jobs) {
            const r = await decide({ principal: DELEGATED, action, resource: `arn:aws:sagemaker:${REGION}:${ACCOUNT}:${resource}`, boundary });
            expect(r, action).toEqual({ decision: "ExplicitlyDenied", denies: ["DenyCreateExceptGuardrailedRoles"] });
        }
    });
    it("cannot pass another team's role, nor remove its boundary, nor create a role without it", async () => {
        const passB = await decide({
            principal: DELEGATED,
            action: "iam:PassRole",
            resource: B.roleArns.training,
            context: { "iam:PassedToService": "sagemaker.amazonaws.com" },
            boundary,
        });
        expect(passB.decision).not.toBe("Allowed");
        const passOwn = await decide({
            principal: DELEGATED,
            action: "iam:PassRole",
            resource: A.roleArns.training,
            context: { "iam:PassedToService": "sagemaker.amazonaws.com" },
            boundary,
        });
        expect(passOwn.decision).toBe("Allowed");
        const newRole = `arn:aws:iam::${ACCOUNT}:role/secure-ds/acme-dev/fraud/delegated/new`;
        expect((await decide({ principal: DELEGATED, action: "iam:DeleteRolePermissionsBoundary", resource: newRole, boundary })).decision).not.toBe("Allowed");
        expect((await decide({ principal: DELEGATED, action: "iam:CreateRole", resource: newRole, boundary })).decision).not.toBe("Allowed");
        expect(
            (
                await decide({
                    principal: DELEGATED,
                    action: "iam:CreateRole",
                    resource: newRole,
                    context: { "iam:PermissionsBoundary": A.boundaryPolicyArn },
                    boundary,
                })
            ).decision,
        ).toBe("Allowed");
        expect((await decide({ principal: DELEGATED, action: "iam:CreatePolicyVersion", resource: A.boundaryPolicyArn, boundary })).decision).not.toBe(
            "Allowed",
        );
    });
});
