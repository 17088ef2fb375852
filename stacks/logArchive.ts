import * as pulumi from "@pulumi/pulumi";
import { AuditTrail } from "../components/governance/AuditTrail";
import { CustomerKey } from "../components/kms/CustomerKey";
import { LayerContext } from "./context";
import { createAuditTrail } from "./governanceLayer";
import { createLogsKey } from "./layerKeys";

/**
 * Log-archive account (Security OU): the audit archive, its key and this account's trail (G4).
 * Only this account's administrators manage the archive; the other accounts' trails and AWS
 * Config only deliver into it. Without `accounts.logArchive` the layer lives in the
 * shared-services account.
 */
export class LogArchiveLayer extends pulumi.ComponentResource {
    readonly logsKey: CustomerKey;
    readonly auditTrail: AuditTrail;

    constructor(ctx: LayerContext, opts?: pulumi.ComponentResourceOptions) {
        super("secure-ds:stacks:LogArchiveLayer", "log-archive", {}, { ...opts, providers: { aws: ctx.provider } });
        this.logsKey = createLogsKey(ctx, this);
        this.auditTrail = createAuditTrail(ctx, this.logsKey, this);
        this.registerOutputs({ logsKeyArn: this.logsKey.arn });
    }
}
