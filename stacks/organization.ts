import * as pulumi from "@pulumi/pulumi";
import { CustomerKey } from "../components/kms/CustomerKey";
import { LayerContext } from "./context";
import { createLogsKey } from "./layerKeys";

/**
 * Management account: OUs, SCP guardrails and tag policy. Optional: a customer without an
 * Organizations management account omits `accounts.management` and this layer is skipped.
 */
export class OrganizationLayer extends pulumi.ComponentResource {
    readonly logsKey: CustomerKey;

    constructor(ctx: LayerContext, opts?: pulumi.ComponentResourceOptions) {
        super("secure-ds:stacks:OrganizationLayer", "management", {}, { ...opts, providers: { aws: ctx.provider } });
        this.logsKey = createLogsKey(ctx, this);
        this.registerOutputs({ logsKeyArn: this.logsKey.arn });
    }
}
