import * as pulumi from "@pulumi/pulumi";
import { CustomerKey } from "../components/kms/CustomerKey";
import { LayerContext } from "./context";
import { createLogsKey } from "./layerKeys";

/** Workload account: isolated network, Studio domain, teams, detective controls, budgets. */
export class WorkloadLayer extends pulumi.ComponentResource {
    readonly logsKey: CustomerKey;

    constructor(ctx: LayerContext, opts?: pulumi.ComponentResourceOptions) {
        super("secure-ds:stacks:WorkloadLayer", "workload", {}, { ...opts, providers: { aws: ctx.provider } });
        this.logsKey = createLogsKey(ctx, this);
        this.registerOutputs({ logsKeyArn: this.logsKey.arn });
    }
}
