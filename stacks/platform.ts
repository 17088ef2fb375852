import * as pulumi from "@pulumi/pulumi";
import { PlatformConfig } from "./config";
import { createLayerContext } from "./context";
import { OrganizationLayer } from "./organization";
import { CapacityPlanOutput, capacityPlanOutput } from "./schema/network";
import { SharedServicesLayer } from "./sharedServices";
import { WorkloadLayer } from "./workload";
import { OrganizationPlan } from "../components/governance/OrganizationGuardrails";
import { governancePlan } from "./governanceLayer";
import { StudioPlanOutput, studioPlan } from "./studioLayer";
import { PackagesOutputs, packagesPlan } from "./packagesLayer";

/** Stack outputs an operator needs. */
export interface PlatformOutputs {
    accounts: Record<string, string>;
    managementLogsKeyArn?: pulumi.Output<string>;
    sharedServicesLogsKeyArn: pulumi.Output<string>;
    workloadLogsKeyArn: pulumi.Output<string>;
    /** The isolated data-science VPC and its subnets (one per AZ, in config order). */
    vpcId: pulumi.Output<string>;
    subnetIds: pulumi.Output<string>[];
    /** Subnet sizing by the capacity planner (printed by the offline plan). */
    capacityPlan: CapacityPlanOutput;
    /** OUs, SCP sizes and quota use, account placement, permission sets (printed by the offline plan). */
    organizationPlan?: OrganizationPlan;
    /** Detective mode, AWS Config, audit trail and security services in effect. */
    governancePlan: Record<string, unknown>;
    /** Studio domains (one per team), idle shutdown, allow-list, images, sharing and backup (printed by the offline plan). */
    studioPlan: StudioPlanOutput;
    /** Where the workload side installs approved packages from (undefined when packages are disabled). */
    packages?: PackagesOutputs;
    /** Package mirror and scan pipeline settings in effect (printed by the offline plan). */
    packagesPlan: Record<string, unknown>;
}

/**
 * Composes the account layers from a validated config. Data flows one way:
 * config → layers → components → guardrail documents.
 */
export function definePlatform(cfg: PlatformConfig): PlatformOutputs {
    const management = cfg.accounts.management ? new OrganizationLayer(createLayerContext(cfg, "management")) : undefined;
    const shared = new SharedServicesLayer(createLayerContext(cfg, "sharedServices"));
    const workload = new WorkloadLayer(createLayerContext(cfg, "workload"), undefined, {
        auditArchive: shared.auditTrail.ref,
        // The repository endpoint is the pip index URL without `simple/` (the lifecycle script's format).
        codeArtifactRepositoryEndpoint: shared.packages?.pipIndexUrl.replace(/simple\/$/, ""),
    });
    return {
        accounts: {
            ...(cfg.accounts.management ? { management: cfg.accounts.management.accountId } : {}),
            sharedServices: cfg.accounts.sharedServices.accountId,
            workload: cfg.accounts.workload.accountId,
        },
        ...(management ? { managementLogsKeyArn: management.logsKey.arn } : {}),
        sharedServicesLogsKeyArn: shared.logsKey.arn,
        workloadLogsKeyArn: workload.logsKey.arn,
        vpcId: workload.network.vpcId,
        subnetIds: workload.network.subnetIds,
        capacityPlan: capacityPlanOutput(cfg),
        ...(management ? { organizationPlan: management.plan } : {}),
        governancePlan: governancePlan(cfg),
        studioPlan: studioPlan(cfg.studio, cfg.teams, cfg.organization, cfg.environment),
        ...(shared.packages ? { packages: shared.packages } : {}),
        packagesPlan: packagesPlan(cfg),
    };
}
