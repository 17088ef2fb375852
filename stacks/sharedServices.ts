import * as pulumi from "@pulumi/pulumi";
import { CustomerKey } from "../components/kms/CustomerKey";
import { LayerContext } from "./context";
import { createLogsKey } from "./layerKeys";

/** Shared-services account: package mirror, scan pipeline, shared images, audit log archive. */
export class SharedServicesLayer extends pulumi.ComponentResource {
    readonly logsKey: CustomerKey;

    constructor(ctx: LayerContext, opts?: pulumi.ComponentResourceOptions) {
        super("secure-ds:stacks:SharedServicesLayer", "shared-services", {}, { ...opts, providers: { aws: ctx.provider } });
        this.logsKey = createLogsKey(ctx, this);
        this.registerOutputs({ logsKeyArn: this.logsKey.arn });
    }
}
