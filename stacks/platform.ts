import * as pulumi from "@pulumi/pulumi";
import { PlatformConfig } from "./config";
import { createLayerContext } from "./context";
import { OrganizationLayer } from "./organization";
import { SharedServicesLayer } from "./sharedServices";
import { WorkloadLayer } from "./workload";

/** Stack outputs an operator needs. */
export interface PlatformOutputs {
    accounts: Record<string, string>;
    managementLogsKeyArn?: pulumi.Output<string>;
    sharedServicesLogsKeyArn: pulumi.Output<string>;
    workloadLogsKeyArn: pulumi.Output<string>;
}

/**
 * Composes the account layers from a validated config. Data flows one way:
 * config → layers → components → guardrail documents.
 */
export function definePlatform(cfg: PlatformConfig): PlatformOutputs {
    const management = cfg.accounts.management ? new OrganizationLayer(createLayerContext(cfg, "management")) : undefined;
    const shared = new SharedServicesLayer(createLayerContext(cfg, "sharedServices"));
    const workload = new WorkloadLayer(createLayerContext(cfg, "workload"));
    return {
        accounts: {
            ...(cfg.accounts.management ? { management: cfg.accounts.management.accountId } : {}),
            sharedServices: cfg.accounts.sharedServices.accountId,
            workload: cfg.accounts.workload.accountId,
        },
        ...(management ? { managementLogsKeyArn: management.logsKey.arn } : {}),
        sharedServicesLogsKeyArn: shared.logsKey.arn,
        workloadLogsKeyArn: workload.logsKey.arn,
    };
}
