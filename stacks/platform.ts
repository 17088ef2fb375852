import * as pulumi from "@pulumi/pulumi";
import { PlatformConfig, workloadConfig } from "./config";
import { LayerContext, createLayerContexts } from "./context";
import { OrganizationLayer } from "./organization";
import { CapacityPlanOutput, CorporateAccessPlanOutput, capacityPlanOutput, corporateAccessPlanOutput } from "./schema/network";
import { Layer } from "./schema/stack";
import { LogArchiveLayer } from "./logArchive";
import { SharedServicesLayer } from "./sharedServices";
import { WorkloadLayer } from "./workload";
import { OrganizationPlan } from "../components/governance/OrganizationGuardrails";
import { AuditArchiveRef } from "../components/governance/AuditTrail";
import { archiveAccountId, governancePlan } from "./governanceLayer";
import { StudioPlanOutput, studioPlan } from "./studioLayer";
import { PackagesOutputs, packagesPlan } from "./packagesLayer";
import { AuditArchiveContract, auditArchiveContract } from "./contracts/auditArchive";
import { PackageIndexContract, packageIndexContract } from "./contracts/packageIndex";
import { contractValue, readContract } from "./contracts/contract";
import { PipelinePlanOutput, pipelinePlan } from "./pipelinePlan";
import { WorkloadBaseContract, workloadBaseContract } from "./contracts/workloadBase";
import { TeamsLayer } from "./teamsLayer";
import { workloadBaseValue } from "./workloadBaseExport";
import { NetworkHubLayer, NetworkHubPlanOutput, networkHubPlan } from "./networkHub";
import { TransitGatewayHubContract, transitGatewayHubContract } from "./contracts/transitGatewayHub";
import { HubRef } from "./workload";

/** Stack outputs: the contracts this stack's layers export to other stacks, and what an operator needs. */
export interface PlatformOutputs {
    /** The account this stack deploys into, and the layers it builds there. */
    account: { id: string; layers: Layer[] };
    /** Contract of the log-archive layer (stacks/contracts/auditArchive.ts). */
    auditArchive?: pulumi.Output<AuditArchiveContract>;
    /** Contract of the workload layer for team stacks (stacks/contracts/workloadBase.ts). */
    workloadBase?: pulumi.Output<WorkloadBaseContract>;
    /** Contract of the networkHub layer (stacks/contracts/transitGatewayHub.ts). */
    transitGatewayHub?: pulumi.Output<TransitGatewayHubContract>;
    /** The hub's settings and its owner's steps (printed by the offline plan). */
    networkHubPlan?: NetworkHubPlanOutput;
    /** Contract of the shared-services layer (stacks/contracts/packageIndex.ts); undefined when packages are disabled. */
    packageIndex?: pulumi.Output<PackageIndexContract>;
    logsKeyArns: Partial<Record<Layer, pulumi.Output<string>>>;
    /** The isolated data-science VPC and its subnets (one per AZ, in config order). */
    vpcId?: pulumi.Output<string>;
    subnetIds?: pulumi.Output<string>[];
    /** Subnet sizing by the capacity planner (printed by the offline plan). */
    capacityPlan?: CapacityPlanOutput;
    /** The corporate side's configuration (transit gateway owner's steps, DNS forwarding rules, the broker's IdP applications), when corporate access is on (printed by the offline plan). */
    corporateAccessPlan?: CorporateAccessPlanOutput;
    /** The SAML broker, when access.samlBroker is configured: its audience, the ACS URL per team and the private API's id. */
    samlBroker?: pulumi.Output<{ audience: string; acsUrls: Record<string, string>; apiId: string }>;
    /** OUs, SCP sizes and quota use, account placement, permission sets (printed by the offline plan). */
    organizationPlan?: OrganizationPlan;
    /** Detective mode, AWS Config, audit trail and security services in effect. */
    governancePlan: Record<string, unknown>;
    /** Studio domains (one per team), idle shutdown, allow-list, images, sharing and backup (printed by the offline plan). */
    studioPlan?: StudioPlanOutput;
    /** Where the workload side installs approved packages from (undefined when packages are disabled). */
    packages?: PackagesOutputs;
    /** Package mirror and scan pipeline settings in effect (printed by the offline plan). */
    packagesPlan?: Record<string, unknown>;
    /** This stack's deploy and preview roles (I13), printed by the offline plan. */
    pipelinePlan: PipelinePlanOutput;
}

/** The audit archive: built here, or read from the log-archive stack. */
function auditArchiveOf(cfg: PlatformConfig, local: LogArchiveLayer | undefined): AuditArchiveRef {
    if (local) return local.auditTrail.ref;
    const stack = cfg.stack.upstream.logArchive;
    // refineStack requires the reference for every layer that reads the archive.
    if (!stack) throw new Error("definePlatform: stack.upstream.logArchive is required (config validation ensures it)");
    const { value, ref } = readContract(auditArchiveContract, stack, archiveAccountId(cfg));
    return {
        bucketName: value.bucketName,
        configBucketName: cfg.governance.awsConfig.enabled
            ? value.apply((v) => {
                  if (!v.configBucketName) {
                      throw new pulumi.RunError(
                          `stack reference ${stack}: output "auditArchive" has no configBucketName, but AWS Config is enabled here; enable AWS Config delivery in the ${stack} stack`,
                      );
                  }
                  return v.configBucketName;
              })
            : undefined,
        keyArn: value.keyArn,
        ready: [ref],
    };
}

/** The approved package index: built here, read from the shared-services stack, or none. */
function packageIndexOf(cfg: PlatformConfig, local: SharedServicesLayer | undefined): pulumi.Output<string> | undefined {
    if (!cfg.packages.enabled) return undefined;
    // The repository endpoint is the pip index URL without `simple/` (the lifecycle script's format).
    if (local) return local.packages ? pulumi.output(local.packages.pipIndexUrl.replace(/simple\/$/, "")) : undefined;
    const stack = cfg.stack.upstream.sharedServices;
    if (!stack) throw new Error("definePlatform: stack.upstream.sharedServices is required (config validation ensures it)");
    return readContract(packageIndexContract, stack, cfg.accounts.sharedServices.accountId).value.pipIndexUrl.apply((u) => u.replace(/simple\/$/, ""));
}

/** The hub the data VPC attaches to, read from the network stack; undefined when the config names a gateway id or none. */
function hubOf(cfg: PlatformConfig): HubRef | undefined {
    const stack = cfg.stack.upstream.networkHub;
    if (!stack) return undefined;
    const network = cfg.accounts.network;
    // refineHubReference requires the network account with the reference.
    if (!network) throw new Error("definePlatform: accounts.network is required with stack.upstream.networkHub (config validation ensures it)");
    const { value, ref } = readContract(transitGatewayHubContract, stack, network.accountId);
    return { stack, transitGatewayId: value.transitGatewayId, ready: [ref] };
}

/** The archive's AWS Config bucket, or undefined when no account delivers Config there. */
function configBucketOf(logArchive: LogArchiveLayer): pulumi.Output<string | undefined> {
    const name = logArchive.auditTrail.ref.configBucketName;
    return name ? name.apply((n): string | undefined => n) : pulumi.output<string | undefined>(undefined);
}

/** The workload base a team stack builds on (refineStack requires it for layer teams). */
function workloadBaseStack(cfg: PlatformConfig): string {
    const stack = cfg.stack.upstream.workloadBase;
    if (!stack) throw new Error("definePlatform: stack.upstream.workloadBase is required (config validation ensures it)");
    return stack;
}

function contextOf(contexts: Map<Layer, LayerContext>, layer: Layer): LayerContext | undefined {
    return contexts.get(layer);
}

/**
 * Composes the layers a stack builds (`stack.layers`, one account) from a validated config. Data
 * flows one way: config → layers → components → guardrail documents; what another account's
 * stack built arrives through a typed stack reference (stacks/contracts/).
 */
export function definePlatform(cfg: PlatformConfig): PlatformOutputs {
    const contexts = createLayerContexts(cfg);
    const organizationCtx = contextOf(contexts, "organization");
    const hubCtx = contextOf(contexts, "networkHub");
    const archiveCtx = contextOf(contexts, "logArchive");
    const sharedCtx = contextOf(contexts, "sharedServices");
    const workloadCtx = contextOf(contexts, "workload");
    const teamsCtx = contextOf(contexts, "teams");
    const management = organizationCtx ? new OrganizationLayer(organizationCtx) : undefined;
    const networkHub = hubCtx ? new NetworkHubLayer(hubCtx) : undefined;
    const logArchive = archiveCtx ? new LogArchiveLayer(archiveCtx) : undefined;
    const needsArchive = sharedCtx !== undefined || workloadCtx !== undefined;
    const auditArchive = needsArchive ? auditArchiveOf(cfg, logArchive) : undefined;
    const shared =
        sharedCtx && auditArchive
            ? new SharedServicesLayer(sharedCtx, {
                  auditArchive,
                  // One stack with the archive in this very account: the packages log into the archive's access-log bucket.
                  localAccessLogBucket: logArchive && archiveCtx?.aws.accountId === sharedCtx.aws.accountId ? logArchive.auditTrail.accessLogs.name : undefined,
              })
            : undefined;
    const codeArtifactRepositoryEndpoint = workloadCtx ? packageIndexOf(cfg, shared) : undefined;
    const hub = workloadCtx ? hubOf(cfg) : undefined;
    const workload = workloadCtx ? new WorkloadLayer(workloadCtx, undefined, { auditArchive, codeArtifactRepositoryEndpoint, hub }) : undefined;
    const teams = teamsCtx ? new TeamsLayer(teamsCtx, workloadBaseStack(cfg)) : undefined;
    const accountId = (organizationCtx ?? hubCtx ?? archiveCtx ?? sharedCtx ?? workloadCtx ?? teamsCtx)?.aws.accountId ?? "";
    return {
        account: { id: accountId, layers: [...contexts.keys()] },
        ...(networkHub && hubCtx
            ? { transitGatewayHub: contractValue(transitGatewayHubContract, networkHub.contract), networkHubPlan: networkHubPlan(hubCtx) }
            : {}),
        ...(logArchive
            ? {
                  auditArchive: contractValue(
                      auditArchiveContract,
                      pulumi
                          .all([logArchive.auditTrail.ref.bucketName, logArchive.auditTrail.ref.keyArn, configBucketOf(logArchive)])
                          .apply(([bucketName, keyArn, configBucketName]) => ({
                              accountId,
                              bucketName,
                              keyArn,
                              ...(configBucketName ? { configBucketName } : {}),
                          })),
                  ),
              }
            : {}),
        ...(shared?.packages
            ? {
                  packageIndex: contractValue(
                      packageIndexContract,
                      shared.packages.imageRepositoryUrl.apply((imageRepositoryUrl) => {
                          const p = shared.packages as PackagesOutputs;
                          return {
                              accountId,
                              domain: p.domain,
                              domainOwner: p.domainOwner,
                              approvedRepository: p.approvedRepository,
                              repositoryArn: p.repositoryArn,
                              pipIndexUrl: p.pipIndexUrl,
                              imageRepositoryUrl,
                          };
                      }),
                  ),
              }
            : {}),
        logsKeyArns: Object.fromEntries(
            (
                [
                    ["organization", management?.logsKey],
                    ["logArchive", logArchive?.logsKey],
                    ["sharedServices", shared?.logsKey],
                    ["workload", workload?.logsKey],
                ] as const
            ).flatMap(([layer, key]) => (key ? [[layer, key.arn]] : [])),
        ),
        ...(workload ? { workloadBase: contractValue(workloadBaseContract, workloadBaseValue(cfg, accountId, workload, codeArtifactRepositoryEndpoint)) } : {}),
        ...(teams ? { studioPlan: studioPlan(cfg.studio, cfg.teams, cfg.organization, cfg.environment) } : {}),
        ...(workload
            ? {
                  vpcId: workload.network.vpcId,
                  subnetIds: workload.network.subnetIds,
                  capacityPlan: capacityPlanOutput(workloadConfig(cfg)),
                  ...corporateAccessOutput(cfg),
                  ...(workload.samlBroker?.output ? { samlBroker: workload.samlBroker.output } : {}),
                  studioPlan: studioPlan(cfg.studio, cfg.teams, cfg.organization, cfg.environment),
              }
            : {}),
        ...(management ? { organizationPlan: management.plan } : {}),
        governancePlan: governancePlan(cfg),
        ...(shared?.packages ? { packages: shared.packages } : {}),
        ...(shared ? { packagesPlan: packagesPlan(cfg) } : {}),
        pipelinePlan: pipelinePlan(cfg, pulumi.getStack()),
    };
}

/** `corporateAccessPlan`, only when a corporate-access section is configured: other stacks' outputs stay as they were. */
function corporateAccessOutput(cfg: PlatformConfig): { corporateAccessPlan?: CorporateAccessPlanOutput } {
    const plan = corporateAccessPlanOutput(workloadConfig(cfg));
    return plan ? { corporateAccessPlan: plan } : {};
}
