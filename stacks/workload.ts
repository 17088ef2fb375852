import * as pulumi from "@pulumi/pulumi";
import { CustomerKey } from "../components/kms/CustomerKey";
import { IsolatedNetwork, IsolatedNetworkArgs } from "../components/network/IsolatedNetwork";
import { NetworkContext } from "../components/network/types";
import { LayerContext } from "./context";
import { WorkloadConfig, workloadConfig } from "./config";
import { createLogsKey } from "./layerKeys";
import { AuditArchiveRef } from "../components/governance/AuditTrail";
import { WorkloadGovernance, createWorkloadGovernance } from "./governanceLayer";
import { networkPlan } from "./schema/network";
import { SecureBucket } from "../components/storage/SecureBucket";
import { bucketName } from "../components/naming";
import { SharedDataLake } from "../components/team/SharedDataLake";
import { TeamEnvironment } from "../components/team/TeamEnvironment";
import { StudioLayer, createStudio } from "./studioLayer";
import { bucketAdministrators, createTeamEnvironments } from "./teamEnvironments";
import { WORKLOAD_NETWORK_NAME } from "./referencedNetwork";
import { SamlBroker } from "../components/access/SamlBroker";
import { brokerLedgerTableArns, brokerTrust, createSamlBroker, serveBrokerTeams } from "./accessLayer";

/** The network stack's hub as the workload reads it (contract transitGatewayHub). */
export interface HubRef {
    /** The network stack's name, for the plan's owner steps. */
    stack: string;
    transitGatewayId: pulumi.Output<string>;
    /**
     * The stack reference: the attachment waits for it. The share itself needs no accepting here:
     * within an organisation with RAM sharing enabled, a share with a member account grants access
     * without an invitation (RAM user guide, "Accepting and rejecting resource share invitations").
     */
    ready: pulumi.Resource[];
}

/** Workload account: isolated network, Studio domain, teams, detective controls, budgets. */
export class WorkloadLayer extends pulumi.ComponentResource {
    readonly logsKey: CustomerKey;
    /** The isolated data-science VPC (N6, N7, N9, G5); teams and the Studio domain build on it. */
    readonly network: NetworkContext;
    /** Detective controls, AWS Config, security services, member trail (G10, G4). */
    readonly governance: WorkloadGovernance;
    /** S3 server access logs of the workload account's buckets (team buckets, data lake). */
    readonly accessLogs: SecureBucket;
    /** The shared data lake, when a team asks for an access point on it. */
    readonly dataLake?: SharedDataLake;
    /** One environment per configured team, in config order. */
    readonly teams: TeamEnvironment[];
    /** One SecureStudioDomain per team, approved images, home EFS backup (N1, E1, G9). */
    readonly studio: StudioLayer;
    /** The SAML presigned-URL broker, when access.samlBroker is configured (I1, I5, N8). */
    readonly samlBroker?: SamlBroker;

    /** `deps.auditArchive`: the audit archive (log-archive layer) this account's trail and Config deliver to. */
    /** `deps.codeArtifactRepositoryEndpoint`: the approved pip repository endpoint, published in each team's parameters. */
    /** `deps.hub`: the network stack's hub, when `stack.upstream.networkHub` names it. */
    constructor(
        ctx: LayerContext,
        opts?: pulumi.ComponentResourceOptions,
        deps: { auditArchive?: AuditArchiveRef; codeArtifactRepositoryEndpoint?: pulumi.Input<string>; hub?: HubRef } = {},
    ) {
        super("secure-ds:stacks:WorkloadLayer", "workload", {}, { ...opts, providers: { aws: ctx.provider } });
        this.logsKey = createLogsKey(ctx, this);
        const network = createIsolatedNetwork(ctx, this.logsKey, this, deps.auditArchive, deps.hub);
        this.network = network;
        // Its role before the teams: the served teams' data-scientist roles trust it by ARN.
        this.samlBroker = createSamlBroker(ctx, network, this.logsKey, this);
        this.governance = createWorkloadGovernance(ctx, this.logsKey, this, deps.auditArchive);
        this.accessLogs = new SecureBucket(
            "workload-access-logs",
            {
                bucketName: bucketName(ctx.naming, "access-logs", ctx.aws.accountId),
                account: ctx.aws,
                kmsKeyArn: this.logsKey.arn,
                accessLogDestination: true,
            },
            { parent: this },
        );
        this.dataLake = createDataLake(ctx, this.network, this.accessLogs, this);
        const lake = this.dataLake;
        this.teams = createTeamEnvironments(
            ctx,
            {
                network: this.network,
                accessLogBucket: this.accessLogs.name,
                dataLake: lake ? { bucketName: lake.bucketName, bucketArn: lake.bucketArn, keyArn: lake.keyArn } : undefined,
                codeArtifactRepositoryEndpoint: deps.codeArtifactRepositoryEndpoint,
                samlBroker: brokerTrust(ctx, this.samlBroker),
            },
            this,
        );
        this.studio = createStudio(
            ctx,
            this.network,
            this.teams.map((t) => t.studio),
            this,
        );
        if (this.samlBroker) serveBrokerTeams(ctx, this.samlBroker, this.teams, this.studio.domains);
        this.registerOutputs({ logsKeyArn: this.logsKey.arn });
    }
}

/**
 * The shared data lake, when a team of this stack asks for it or the team stacks' budget does
 * (`stack.teamStacks.dataLake`): it is account-wide, so team stacks attach to the base's.
 */
function createDataLake(ctx: LayerContext, network: NetworkContext, accessLogs: SecureBucket, parent: pulumi.Resource): SharedDataLake | undefined {
    const { cfg } = ctx;
    if (!cfg.teams.some((t) => t.dataLake) && !cfg.stack.teamStacks?.dataLake) return undefined;
    return new SharedDataLake(
        "datalake",
        {
            naming: ctx.naming,
            account: ctx.aws,
            network,
            keyAdministrators: ctx.keyAdmins,
            bucketAdministrators: bucketAdministrators(ctx),
            accessLogBucket: accessLogs.name,
        },
        { parent },
    );
}

/** The attachment's hub: the network stack's gateway, or the configured id (config validation requires exactly one). */
function hubAttachment(tgw: WorkloadConfig["network"]["transitGateway"], hub: HubRef | undefined): IsolatedNetworkArgs["transitGateway"] {
    if (!tgw) return undefined;
    const id = hub?.transitGatewayId ?? tgw.id;
    if (id === undefined)
        throw new Error("createIsolatedNetwork: network.transitGateway has no id and no stack.upstream.networkHub (config validation ensures one)");
    return { id, corporateCidrs: tgw.corporateCidrs, applianceMode: tgw.applianceMode, ...(hub ? { ready: hub.ready } : {}) };
}

/** The data-science VPC from the `network` config section; endpoint principals are the platform's accounts (or organisation). */
function createIsolatedNetwork(ctx: LayerContext, logsKey: CustomerKey, parent: pulumi.Resource, archive?: AuditArchiveRef, hub?: HubRef): IsolatedNetwork {
    const cfg = workloadConfig(ctx.cfg);
    if (!archive) throw new Error("createIsolatedNetwork: no audit archive; the DNS firewall's query logs (N11) go to it.");
    const plan = networkPlan(cfg);
    const accountIds = [
        ...new Set(
            [cfg.accounts.management, cfg.accounts.logArchive, cfg.accounts.sharedServices, cfg.accounts.workload]
                .filter((a) => a !== undefined)
                .map((a) => a.accountId),
        ),
    ];
    return new IsolatedNetwork(
        WORKLOAD_NETWORK_NAME,
        {
            cidr: cfg.network.cidr,
            availabilityZones: cfg.availabilityZones,
            account: ctx.aws,
            naming: ctx.naming,
            subnetPrefixLength: cfg.network.subnetPrefixLength,
            interfaceEndpoints: plan.interfaceEndpoints,
            principalScope: { accountIds, organizationId: cfg.organizationId },
            s3ExtraReadBuckets: cfg.network.s3EndpointExtraBuckets,
            codeArtifactAssetsBucket: plan.codeArtifactAssetsBucket,
            flowLogsKmsKeyArn: logsKey.arn,
            flowLogRetentionDays: cfg.network.flowLogRetentionDays,
            capacity: plan.capacity,
            dnsQueryLogDestinationArn: pulumi.interpolate`arn:${ctx.aws.partition}:s3:::${archive.bucketName}`,
            dnsExtraAllowedDomains: cfg.network.dnsAllowedDomains,
            transitGateway: hubAttachment(cfg.network.transitGateway, hub),
            resolverInbound: cfg.network.resolverInbound,
            dynamoDbLedgerTableArns: brokerLedgerTableArns(cfg),
        },
        { parent, dependsOn: archive.ready },
    );
}
