/**
 * The SAML broker wired into the program (N8, I1, I5): a config derived from prod's with a hub, a
 * Resolver inbound endpoint and access.samlBroker serving fraud and pricing (Pulumi.prod.yaml
 * itself unchanged) plans with no mandatory finding in preview and up, builds what the broker
 * needs (ledger, function in the VPC, private API behind the execute-api endpoint, DynamoDB
 * gateway), orders the trust (broker role, then the served scientist roles, then the broker's
 * policy naming them) and proves with the IAM simulator that the broker reaches only the teams it
 * serves, as their users.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { buildPlan } from "../../plan/buildPlan";
import { packConfigPath, readPackConfig } from "../../plan/evaluate";
import { readStackConfigFile, stackConfigPath } from "../../plan/stackConfig";
import { Plan, PlanResource } from "../../plan/types";
import { parseBrokerSettings } from "../../components/access/broker/settings";
import { buildScenarios } from "../../tools/iam/scenarios";
import { collectDocuments } from "../../tools/iam/collect";
import { formatFindings, lintDocuments } from "../../tools/iam/lint";
import { parsePlatformConfig, workloadConfig } from "../../stacks/config";
import { capacityPlanOutput } from "../../stacks/schema/network";
import { ORGANIZATION_STACKS, loadStackPlan } from "../harness/stackPlans";
import { unionPlan } from "../../plan/environment";
import { simulate } from "../iam/simulate";

const CERT = readFileSync(path.join(__dirname, "fixtures", "idp-cert.pem"), "utf8");
const CORPORATE = ["10.0.0.0/12", "172.16.0.0/12"];
const SERVED = ["fraud", "pricing"];

/** Prod's stack config with corporate access and the broker (Pulumi.prod.yaml itself is not changed). */
function prodWithBroker(): Record<string, unknown> {
    const config = readStackConfigFile(stackConfigPath("prod"));
    const platform = config["secure-ds:platform"] as { network: Record<string, unknown>; access?: unknown };
    platform.network.transitGateway = { id: "tgw-0123456789abcdef0", corporateCidrs: CORPORATE };
    platform.network.resolverInbound = { corporateResolverCidrs: ["10.1.53.0/28"] };
    platform.access = { samlBroker: { idpEntityId: "https://idp.corp.example/saml", idpCertificates: [CERT], teams: SERVED } };
    return config;
}

async function plan(mode: "up" | "preview", stackReferences: Record<string, Record<string, unknown>>): Promise<Plan> {
    const mandatory = readPackConfig(packConfigPath("mandatory")) as Record<string, unknown>;
    const packConfigFile = path.join(fs.mkdtempSync(path.join(process.env.TMPDIR ?? "/tmp", "broker-pack-")), "pack.json");
    fs.writeFileSync(packConfigFile, JSON.stringify({ ...mandatory, "transit-gateway-routes": { enforcementLevel: "mandatory", corporateCidrs: CORPORATE } }));
    return buildPlan({
        stack: "prod",
        config: prodWithBroker(),
        packConfigFile,
        mode,
        stackReferences,
    });
}

const ofType = (p: Plan, type: string): PlanResource[] => p.resources.filter((r) => r.type === type);
const one = (p: Plan, type: string, name: RegExp): PlanResource => {
    const found = ofType(p, type).filter((r) => name.test(r.name));
    expect(found.map((r) => r.name)).toHaveLength(1);
    return found[0];
};
const doc = (r: PlanResource, property: string) => JSON.parse(r.inputs[property] as string) as { Statement: Record<string, unknown>[] };

describe("the SAML broker in a prod-derived plan with hub, resolver and broker", () => {
    let up: Plan;
    let preview: Plan;
    beforeAll(async () => {
        // The run's own up plans of prod's upstream stacks (the global setup builds them).
        const upstream = { "log-archive": loadStackPlan("log-archive").outputs, "shared-services": loadStackPlan("shared-services").outputs };
        up = await plan("up", upstream);
        preview = await plan("preview", upstream);
    }, 1_200_000);

    it("plans with no mandatory finding and no contract violation, in preview and in up", () => {
        for (const p of [preview, up]) {
            expect(p.findings.filter((f) => f.level === "mandatory")).toEqual([]);
            expect(p.contractViolations).toEqual([]);
        }
    });

    it("builds the ledger: on demand, keyed by assertionId, TTL on expiresAt, the broker key, point-in-time recovery, deletion protection", () => {
        const table = one(up, "aws:dynamodb/table:Table", /saml-broker-ledger$/);
        const key = one(up, "aws:kms/key:Key", /saml-broker-key-key$/);
        expect(table.inputs).toMatchObject({
            name: "acme-prod-broker-assertions",
            billingMode: "PAY_PER_REQUEST",
            hashKey: "assertionId",
            attributes: [{ name: "assertionId", type: "S" }],
            ttl: { attributeName: "expiresAt", enabled: true },
            serverSideEncryption: { enabled: true, kmsKeyArn: key.outputs.arn },
            pointInTimeRecovery: { enabled: true },
            deletionProtectionEnabled: true,
        });
    });

    it("runs the function in the data VPC with its own group, the broker key on its environment, X-Ray, a reservation and a dead-letter queue", () => {
        const fn = one(up, "aws:lambda/function:Function", /saml-broker-function$/);
        const key = one(up, "aws:kms/key:Key", /saml-broker-key-key$/);
        const group = one(up, "aws:ec2/securityGroup:SecurityGroup", /saml-broker-sg$/);
        expect(fn.inputs).toMatchObject({
            runtime: "nodejs22.x",
            kmsKeyArn: key.outputs.arn,
            tracingConfig: { mode: "Active" },
            reservedConcurrentExecutions: 5,
            vpcConfig: { securityGroupIds: [group.outputs.id] },
        });
        expect((fn.inputs.vpcConfig as { subnetIds: string[] }).subnetIds).toHaveLength(3);
        expect((fn.inputs.deadLetterConfig as { targetArn: string }).targetArn).toMatch(/:acme-prod-saml-broker-dlq$/);
        const egress = ofType(up, "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule").filter((r) => r.inputs.securityGroupId === group.outputs.id);
        expect(egress.map((r) => [r.inputs.fromPort, r.inputs.referencedSecurityGroupId ?? r.inputs.prefixListId])).toHaveLength(2);
        expect(egress.every((r) => r.inputs.fromPort === 443 && r.inputs.cidrIpv4 === undefined)).toBe(true);
        expect(ofType(up, "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule").filter((r) => r.inputs.securityGroupId === group.outputs.id)).toEqual(
            [],
        );
    });

    it("hands the function settings the handler accepts: the served teams' domains and roles, the API's ACS base", () => {
        const fn = one(up, "aws:lambda/function:Function", /saml-broker-function$/);
        const settings = parseBrokerSettings((fn.inputs.environment as { variables: Record<string, string> }).variables.BROKER_SETTINGS);
        const api = one(up, "aws:apigateway/restApi:RestApi", /saml-broker-api$/);
        expect(Object.keys(settings.teams)).toEqual(SERVED);
        expect(settings.recipientBase).toBe(`https://${String(api.outputs.id)}.execute-api.eu-central-1.amazonaws.com/broker/saml`);
        expect(settings).toMatchObject({
            audience: "urn:secure-ds:acme:prod:saml-broker",
            ledgerTable: "acme-prod-broker-assertions",
            urlExpirySeconds: 60,
            clockSkewMs: 60_000,
        });
        for (const team of SERVED) {
            const domain = one(up, "aws:sagemaker/domain:Domain", new RegExp(`^studio-${team}$`));
            expect(settings.teams[team].domainId).toBe(domain.outputs.id);
            expect(settings.teams[team].roleArn).toBe(`arn:aws:iam::444444444444:role/secure-ds/acme-prod/${team}/acme-prod-${team}-scientist`);
        }
        const output = up.outputs.samlBroker as { audience: string; acsUrls: Record<string, string>; apiId: string };
        expect(output.apiId).toBe(api.outputs.id);
        expect(output.acsUrls.fraud).toBe(`${settings.recipientBase}/fraud`);
    });

    it("serves a private API only through the execute-api endpoint: resource policy, POST /saml/{team} without AWS auth, stage broker with access logs, X-Ray and throttling", () => {
        const api = one(up, "aws:apigateway/restApi:RestApi", /saml-broker-api$/);
        const endpoint = one(up, "aws:ec2/vpcEndpoint:VpcEndpoint", /vpce-execute-api$/);
        expect(api.inputs.endpointConfiguration).toEqual({ types: "PRIVATE", vpcEndpointIds: [endpoint.outputs.id] });
        const policy = doc(api, "policy");
        expect(policy.Statement).toContainEqual(
            expect.objectContaining({ Effect: "Deny", Condition: { StringNotEquals: { "aws:SourceVpce": endpoint.outputs.id } } }),
        );
        expect(policy.Statement).toContainEqual(
            expect.objectContaining({ Effect: "Allow", Resource: "arn:aws:execute-api:eu-central-1:444444444444:*/broker/POST/saml/*" }),
        );
        expect(one(up, "aws:apigateway/method:Method", /saml-broker-post$/).inputs).toMatchObject({ httpMethod: "POST", authorization: "NONE" });
        expect(one(up, "aws:apigateway/integration:Integration", /saml-broker-integration$/).inputs).toMatchObject({ type: "AWS_PROXY" });
        const stage = one(up, "aws:apigateway/stage:Stage", /saml-broker-stage$/);
        expect(stage.inputs).toMatchObject({ stageName: "broker", xrayTracingEnabled: true });
        const accessLogs = one(up, "aws:cloudwatch/logGroup:LogGroup", /saml-broker-access-logs$/);
        expect((stage.inputs.accessLogSettings as { destinationArn: string }).destinationArn).toBe(accessLogs.outputs.arn);
        expect(accessLogs.inputs.kmsKeyId).toBeDefined();
        expect(one(up, "aws:apigateway/methodSettings:MethodSettings", /saml-broker-method-settings$/).inputs.settings).toMatchObject({
            throttlingRateLimit: 10,
            throttlingBurstLimit: 20,
            // Errors only, never the request body (a SAML assertion).
            loggingLevel: "ERROR",
            dataTraceEnabled: false,
        });
        // The execution log group API Gateway writes to, made first with the platform's key (E8).
        const executionLogs = one(up, "aws:cloudwatch/logGroup:LogGroup", /saml-broker-execution-logs$/);
        expect(executionLogs.inputs).toMatchObject({
            name: `API-Gateway-Execution-Logs_${String(api.outputs.id)}/broker`,
            kmsKeyId: accessLogs.inputs.kmsKeyId,
        });
        const permission = one(up, "aws:lambda/permission:Permission", /saml-broker-invoke-permission$/);
        expect(permission.inputs).toMatchObject({ principal: "apigateway.amazonaws.com", sourceArn: `${String(api.outputs.executionArn)}/broker/POST/saml/*` });
    });

    it("adds the execute-api endpoint (invoke of the broker only) and a DynamoDB gateway (PutItem on the ledger only); the capacity plan counts them", () => {
        const endpoint = one(up, "aws:ec2/vpcEndpoint:VpcEndpoint", /vpce-execute-api$/);
        expect(doc(endpoint, "policy").Statement).toEqual([
            {
                Sid: "InvokeTheSamlBrokerOnly",
                Effect: "Allow",
                Principal: "*",
                Action: "execute-api:Invoke",
                Resource: "arn:aws:execute-api:eu-central-1:444444444444:*/broker/POST/saml/*",
            },
        ]);
        const dynamo = one(up, "aws:ec2/vpcEndpoint:VpcEndpoint", /vpce-dynamodb$/);
        expect(dynamo.inputs.vpcEndpointType).toBe("Gateway");
        const [claim, ...more] = doc(dynamo, "policy").Statement;
        expect(more).toEqual([]);
        expect(claim).toMatchObject({ Action: "dynamodb:PutItem", Resource: ["arn:aws:dynamodb:eu-central-1:444444444444:table/acme-prod-broker-assertions"] });
        const prod = capacityPlanOutput(workloadConfig(parsePlatformConfig(readStackConfigFile(stackConfigPath("prod"))["secure-ds:platform"])));
        const capacity = up.outputs.capacityPlan as { domainIpsPerSubnet: number; interfaceEndpoints: number };
        expect(capacity.interfaceEndpoints).toBe(prod.interfaceEndpoints + 1);
        // + hub attachment + resolver + execute-api endpoint + the function's ENI
        expect(capacity.domainIpsPerSubnet).toBe(prod.domainIpsPerSubnet + 4);
    });

    it("lets the served teams' data-scientist roles trust the broker role as their users only; the unserved team's does not", () => {
        for (const team of ["fraud", "pricing", "churn"]) {
            const role = one(up, "aws:iam/role:Role", new RegExp(`team-${team}-scientist$`));
            const statement = doc(role, "assumeRolePolicy").Statement.find((s) => s.Sid === "SamlBrokerAssumeAsStudioUser");
            if (!SERVED.includes(team)) {
                expect(statement).toBeUndefined();
                continue;
            }
            const users = (readStackConfigFile(stackConfigPath("prod"))["secure-ds:platform"] as { teams: { name: string; users: { name: string }[] }[] }).teams
                .find((t) => t.name === team)
                ?.users.map((u) => u.name);
            expect(statement).toEqual({
                Sid: "SamlBrokerAssumeAsStudioUser",
                Effect: "Allow",
                Principal: { AWS: "arn:aws:iam::444444444444:role/acme-prod-saml-broker" },
                Action: ["sts:AssumeRole", "sts:TagSession"],
                Condition: { StringEquals: { "aws:RequestTag/studiouserid": users }, "ForAllValues:StringEquals": { "aws:TagKeys": ["studiouserid"] } },
            });
        }
    });

    it("orders the trust as IAM needs it: broker role, then the served scientist roles (dependsOn), then the broker policy naming them", () => {
        const brokerRole = one(up, "aws:iam/role:Role", /saml-broker-role$/);
        const policy = one(up, "aws:iam/rolePolicy:RolePolicy", /saml-broker-role-policy$/);
        for (const team of SERVED) {
            const role = one(up, "aws:iam/role:Role", new RegExp(`team-${team}-scientist$`));
            expect(role.options.dependsOn).toContain(brokerRole.urn);
            expect(policy.options.dependsOn).toContain(role.urn);
        }
        expect(one(up, "aws:iam/role:Role", /team-churn-scientist$/).options.dependsOn).not.toContain(brokerRole.urn);
    });

    it("prints the IdP's side: the audience and ACS URL per team in corporateAccessPlan, the execute-api forwarder, and the manual step with the URLs", () => {
        const out = up.outputs.corporateAccessPlan as {
            samlBroker: { audience: string; acsUrls: Record<string, string> };
            resolverInbound: { forwardingRules: { domain: string }[] };
        };
        expect(out.samlBroker.audience).toBe("urn:secure-ds:acme:prod:saml-broker");
        expect(out.samlBroker.acsUrls).toEqual({
            fraud: "https://{rest-api-id}.execute-api.eu-central-1.amazonaws.com/broker/saml/fraud",
            pricing: "https://{rest-api-id}.execute-api.eu-central-1.amazonaws.com/broker/saml/pricing",
        });
        expect(out.resolverInbound.forwardingRules.map((r) => r.domain)).toContain("execute-api.eu-central-1.amazonaws.com");
        const step = up.manualSteps.find((s) => s.id === "saml-broker-idp-applications");
        const api = one(up, "aws:apigateway/restApi:RestApi", /saml-broker-api$/);
        expect(step?.what).toContain(`fraud: ACS URL https://${String(api.outputs.id)}.execute-api.eu-central-1.amazonaws.com/broker/saml/fraud`);
        expect(preview.manualSteps.map((s) => s.id)).toContain("saml-broker-idp-applications");
    });

    it("iam-lint finds nothing in the broker's documents and the trusts that name it (actions, keys, operators, sizes)", async () => {
        const docs = collectDocuments(up.resources).filter((d) => /saml-broker|scientist|vpce-(execute-api|dynamodb)/.test(d.resourceName));
        expect(docs.length).toBeGreaterThanOrEqual(8);
        expect(formatFindings(await lintDocuments(docs))).toBe(formatFindings([]));
    });

    it("IAM: the broker assumes a served team's role as its user, never as another team's user, never a team it does not serve", async () => {
        // prod's SCPs, archive and package policies are its organisation's other stacks' (as tests/iam/scenarios.test.ts).
        const organization = unionPlan([...ORGANIZATION_STACKS.map((s) => loadStackPlan(s)), up], "prod with the broker, and its organisation's stacks");
        const rows = buildScenarios("prod", organization, prodWithBroker()).filter((r) => r.id.startsWith("broker-"));
        const assume = rows.filter((r) => r.id.startsWith("broker-assumes-"));
        expect(assume.map((r) => r.id).sort()).toEqual([
            "broker-assumes-team-role-as-member/fraud",
            "broker-assumes-team-role-as-outsider/fraud",
            "broker-assumes-unserved-team-role/churn",
        ]);
        for (const row of assume) {
            expect(row.identity[0].source).toBe("plan");
            expect(row.resourcePolicy?.source).toBe("plan");
        }
        // Every broker row (the assumptions, the broker's own presigned URL, the sessions it opens) as the platform promises.
        const outcomes = await Promise.all(rows.map(async (r) => ({ id: r.id, decision: (await simulate(r)).decision })));
        expect(outcomes).toEqual(rows.map((r) => ({ id: r.id, decision: r.expected })));
    });
});
