/**
 * The pipeline roles' documents (components/guardrails/pipelineRoles.ts, githubOidcTrust.ts,
 * pipelineRolePlan.ts): they fit the IAM limits, pass the IAM catalogue check (every action
 * pattern matches real actions, every condition key exists), pin the OIDC subject, and keep the
 * stack kinds apart. What the roles may and may not do is proved by the scenario matrix
 * (tools/iam/pipelineScenarios.ts).
 */
import { describe, expect, it } from "vitest";
import {
    MANAGED_POLICY_MAX_CHARS,
    STACK_KINDS,
    TRUST_POLICY_MAX_CHARS,
    actionsDeniedTo,
    assertSeparationOfDuties,
    deployRolePolicy,
    deployServices,
    githubOidcTrustPolicy,
    githubSubjects,
    pipelineRoles,
    toPolicyJson,
} from "../../components/guardrails";
import { countedSize, lintDocuments } from "../../tools/iam/lint";

const roles = pipelineRoles({
    partition: "aws",
    repository: "acme/secure-ds",
    protectedBranch: "main",
    stacks: STACK_KINDS.map((kind, i) => ({ stack: kind, kind, accountId: `${i + 1}`.repeat(12) })),
});

describe("pipeline role documents", () => {
    it("fit the managed policy (6,144) and trust policy (2,048) limits as IAM counts them", () => {
        for (const r of roles) {
            for (const [doc, limit, label] of [
                [r.deploy.policy, MANAGED_POLICY_MAX_CHARS, "deploy policy"],
                [r.preview.policy, MANAGED_POLICY_MAX_CHARS, "preview policy"],
                [r.deploy.trust, TRUST_POLICY_MAX_CHARS, "deploy trust"],
                [r.preview.trust, TRUST_POLICY_MAX_CHARS, "preview trust"],
            ] as const) {
                const size = countedSize(toPolicyJson(doc), "non-whitespace");
                expect(size, `${r.stack} ${label}: ${size}`).toBeLessThanOrEqual(limit);
            }
        }
    });

    it("pass the IAM catalogue check (actions, keys, operators, sizes)", async () => {
        const docs = roles.flatMap((r) => [
            { label: `${r.stack} deploy`, kind: "managed" as const, raw: toPolicyJson(r.deploy.policy) },
            { label: `${r.stack} preview`, kind: "managed" as const, raw: toPolicyJson(r.preview.policy) },
            { label: `${r.stack} deploy trust`, kind: "trust" as const, raw: toPolicyJson(r.deploy.trust) },
            { label: `${r.stack} preview trust`, kind: "trust" as const, raw: toPolicyJson(r.preview.trust) },
        ]);
        const findings = await lintDocuments(docs);
        expect(findings.map((f) => `${f.document} ${f.statement ?? ""} [${f.code}] ${f.message}`)).toEqual([]);
    });

    it("keep organisation changes and workload deployment in different roles", () => {
        expect(() => assertSeparationOfDuties()).not.toThrow();
        for (const kind of STACK_KINDS.filter((k) => k !== "management")) expect(actionsDeniedTo(kind), kind).toContain("organizations:*");
        expect(actionsDeniedTo("management")).toEqual(expect.arrayContaining(["sagemaker:CreateDomain", "ec2:CreateVpc", "ec2:CreateVpcEndpoint"]));
        expect(actionsDeniedTo("management")).not.toContain("organizations:*");
    });

    it("leave the transit gateway hub and its sharing to the network kind; a spoke still creates its own attachment", () => {
        for (const kind of STACK_KINDS.filter((k) => k !== "network")) {
            expect(actionsDeniedTo(kind), kind).toEqual(
                expect.arrayContaining([
                    "ec2:CreateTransitGateway",
                    "ec2:AcceptTransitGatewayVpcAttachment",
                    "ec2:AssociateTransitGatewayRouteTable",
                    "ram:CreateResourceShare",
                ]),
            );
            expect(actionsDeniedTo(kind), kind).not.toContain("ec2:CreateTransitGatewayVpcAttachment");
        }
        expect(actionsDeniedTo("network")).toEqual(expect.arrayContaining(["organizations:*", "ec2:CreateVpc", "sagemaker:CreateDomain"]));
        expect(deployServices("network")).toEqual(expect.arrayContaining(["ec2", "ram"]));
    });

    it("let a workload deploy role name the network account for its hub attachment alone, within the IAM catalogue", async () => {
        const doc = deployRolePolicy({ kind: "workload", partition: "aws", accountId: "444444444444", hubAccountIds: ["666666666666"] });
        const own = doc.Statement.find((st) => st.Sid === "DenyResourcesOfOtherAccounts");
        expect(own).toMatchObject({ Effect: "Deny", NotAction: "ec2:CreateTransitGatewayVpcAttachment" });
        expect(doc.Statement.find((st) => st.Sid === "DenyAttachmentsToOtherHubs")).toMatchObject({
            Action: "ec2:CreateTransitGatewayVpcAttachment",
            Condition: { StringNotEquals: { "aws:ResourceAccount": ["444444444444", "666666666666"] } },
        });
        // Other kinds keep the plain own-account rule.
        expect(
            deployRolePolicy({ kind: "team", partition: "aws", accountId: "444444444444", hubAccountIds: ["666666666666"] }).Statement.map((st) => st.Sid),
        ).not.toContain("DenyAttachmentsToOtherHubs");
        expect(await lintDocuments([{ label: "workload deploy on a hub", kind: "managed" as const, raw: toPolicyJson(doc) }])).toEqual([]);
    });

    it("names each role under the pipeline path in its own account", () => {
        for (const r of roles) {
            expect(r.deploy.roleArn).toBe(`arn:aws:iam::${r.accountId}:role/secure-ds-pipeline/secure-ds-${r.stack}-deploy`);
            expect(r.preview.roleArn).toBe(`arn:aws:iam::${r.accountId}:role/secure-ds-pipeline/secure-ds-${r.stack}-preview`);
        }
    });
});

describe("GitHub OIDC trust", () => {
    const base = { partition: "aws", accountId: "111111111111", repository: "acme/secure-ds" };

    it("pins the subject to the repository and the branch, environment or pull requests, and the audience to STS", () => {
        const trust = githubOidcTrustPolicy({ ...base, branches: ["main"], environments: ["management"], pullRequests: true });
        expect(trust.Statement).toHaveLength(1);
        const st = trust.Statement[0];
        expect(st.Principal).toEqual({ Federated: "arn:aws:iam::111111111111:oidc-provider/token.actions.githubusercontent.com" });
        expect(st.Action).toBe("sts:AssumeRoleWithWebIdentity");
        expect(st.Condition).toEqual({
            StringEquals: {
                "token.actions.githubusercontent.com:aud": "sts.amazonaws.com",
                "token.actions.githubusercontent.com:sub": [
                    "repo:acme/secure-ds:ref:refs/heads/main",
                    "repo:acme/secure-ds:environment:management",
                    "repo:acme/secure-ds:pull_request",
                ],
            },
        });
    });

    it("deploy roles trust only their stack's environment, preview roles pull requests and the protected branch", () => {
        const mgmt = roles.find((r) => r.stack === "management");
        expect(mgmt?.deploy.trust.Statement[0].Condition?.StringEquals["token.actions.githubusercontent.com:sub"]).toEqual([
            "repo:acme/secure-ds:environment:management",
        ]);
        expect(mgmt?.preview.trust.Statement[0].Condition?.StringEquals["token.actions.githubusercontent.com:sub"]).toEqual([
            "repo:acme/secure-ds:ref:refs/heads/main",
            "repo:acme/secure-ds:pull_request",
        ]);
    });

    it("refuses wildcards, a malformed repository and a trust that admits nobody", () => {
        expect(() => githubSubjects({ ...base, branches: ["*"] })).toThrow(/no wildcards/);
        expect(() => githubSubjects({ ...base, environments: ["prod?"] })).toThrow(/no wildcards/);
        expect(() => githubSubjects({ ...base, repository: "acme/*", branches: ["main"] })).toThrow(/not owner\/repo/);
        expect(() => githubSubjects({ ...base, repository: "secure-ds", branches: ["main"] })).toThrow(/not owner\/repo/);
        expect(() => githubSubjects(base)).toThrow(/admit nobody/);
    });

    it("refuses a stack listed twice", () => {
        expect(() =>
            pipelineRoles({
                partition: "aws",
                repository: "acme/secure-ds",
                protectedBranch: "main",
                stacks: [
                    { stack: "workload", kind: "workload", accountId: "111111111111" },
                    { stack: "workload", kind: "team", accountId: "111111111111" },
                ],
            }),
        ).toThrow(/listed twice/);
    });
});
