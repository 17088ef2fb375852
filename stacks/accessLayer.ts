/**
 * The SAML presigned-URL broker in the workload layer (access.samlBroker), kept here so workload.ts
 * only calls these in order: the ledger's table ARN for the network's DynamoDB gateway endpoint,
 * the broker (its role first) before the teams, whose data-scientist roles trust it, and `serve`
 * after the teams and their Studio domains.
 */
import * as pulumi from "@pulumi/pulumi";
import { SamlBroker } from "../components/access/SamlBroker";
import { samlBrokerNames } from "../components/access/defaults";
import { CustomerKey } from "../components/kms/CustomerKey";
import { IsolatedNetwork } from "../components/network/IsolatedNetwork";
import { SecureStudioDomain } from "../components/studio/SecureStudioDomain";
import { TeamEnvironment } from "../components/team/TeamEnvironment";
import { teamNames } from "../components/team/names";
import { PlatformConfig } from "./config";
import { LayerContext } from "./context";

/** The ledger table the network's DynamoDB gateway endpoint admits, when the broker is configured. */
export function brokerLedgerTableArns(cfg: PlatformConfig): string[] | undefined {
    if (!cfg.access.samlBroker) return undefined;
    const names = samlBrokerNames({ organization: cfg.organization, environment: cfg.environment });
    return [`arn:${cfg.partition}:dynamodb:${cfg.region}:${cfg.accounts.workload.accountId}:table/${names.table}`];
}

/** The broker's first step (its role, key, ledger, group), before the teams; undefined without access.samlBroker. */
export function createSamlBroker(ctx: LayerContext, network: IsolatedNetwork, logsKey: CustomerKey, parent: pulumi.Resource): SamlBroker | undefined {
    const broker = ctx.cfg.access.samlBroker;
    if (!broker) return undefined;
    const executeApiEndpointId = network.interfaceEndpointIds["execute-api"];
    const dynamoDbPrefixListId = network.dynamoDbPrefixListId;
    if (!executeApiEndpointId || !dynamoDbPrefixListId) {
        throw new Error("createSamlBroker: the network has no execute-api endpoint or DynamoDB gateway; networkPlan adds both with access.samlBroker.");
    }
    return new SamlBroker(
        "saml-broker",
        {
            naming: ctx.naming,
            account: ctx.aws,
            keyAdministrators: ctx.keyAdmins,
            keyCreators: ctx.account.assumeRoleArn ? [ctx.account.assumeRoleArn] : ctx.keyAdmins,
            logsKeyArn: logsKey.arn,
            network: {
                vpcId: network.vpcId,
                subnetIds: network.subnetIds,
                endpointSecurityGroupId: network.endpointSecurityGroupId,
                executeApiEndpointId,
                dynamoDbPrefixListId,
            },
            idpEntityId: broker.idpEntityId,
            idpCertificates: broker.idpCertificates,
            audience: broker.audience,
            urlExpirySeconds: broker.urlExpirySeconds,
            sessionExpirationSeconds: broker.sessionExpirationSeconds,
            clockSkewSeconds: broker.clockSkewSeconds,
        },
        { parent },
    );
}

/** What the teams layer passes the served teams' environments: the broker role they trust (and wait for). */
export function brokerTrust(
    ctx: LayerContext,
    broker: SamlBroker | undefined,
): { roleArn: string; role: pulumi.Resource; teams: readonly string[] } | undefined {
    const teams = ctx.cfg.access.samlBroker?.teams;
    return broker && teams ? { roleArn: broker.roleArn, role: broker.role, teams } : undefined;
}

/** The broker's second step: the served teams' roles and domains. */
export function serveBrokerTeams(ctx: LayerContext, broker: SamlBroker, teams: TeamEnvironment[], domains: Record<string, SecureStudioDomain>): void {
    const served = ctx.cfg.access.samlBroker?.teams ?? [];
    broker.serve(
        served.map((name) => {
            const team = teams.find((t) => t.studio.teamName === name);
            const domain = domains[name];
            const spec = ctx.cfg.teams.find((t) => t.name === name);
            if (!team || !domain || !spec) throw new Error(`serveBrokerTeams: team ${name} is not built here (config validation ensures it is)`);
            const n = teamNames(ctx.naming, name, ctx.aws.accountId);
            return {
                name,
                users: spec.users.map((u) => u.name),
                scientistRoleArn: `arn:${ctx.aws.partition}:iam::${ctx.aws.accountId}:role${n.rolePath}${n.roles.scientist}`,
                scientistRole: team.roles.scientist,
                domainId: domain.domainId,
            };
        }),
    );
}
