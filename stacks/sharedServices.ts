import * as pulumi from "@pulumi/pulumi";
import { CustomerKey } from "../components/kms/CustomerKey";
import { LayerContext } from "./context";
import { createLogsKey } from "./layerKeys";
import { AuditTrail } from "../components/governance/AuditTrail";
import { createAuditTrail } from "./governanceLayer";
import { PackagesOutputs, createPackages } from "./packagesLayer";

/** Shared-services account: package mirror, scan pipeline, shared images, audit log archive. */
export class SharedServicesLayer extends pulumi.ComponentResource {
    readonly logsKey: CustomerKey;
    /** The audit archive and this account's trail (G4); member accounts deliver into `auditTrail.ref`. */
    readonly auditTrail: AuditTrail;
    /**
     * The package mirror for the workload side (pip endpoint, domain, owner, repository, image
     * repository URL); undefined when `packages.enabled` is false. Components: `packageComponents`.
     */
    readonly packages?: PackagesOutputs;
    readonly packageComponents?: ReturnType<typeof createPackages>;

    constructor(ctx: LayerContext, opts?: pulumi.ComponentResourceOptions) {
        super("secure-ds:stacks:SharedServicesLayer", "shared-services", {}, { ...opts, providers: { aws: ctx.provider } });
        this.logsKey = createLogsKey(ctx, this);
        this.auditTrail = createAuditTrail(ctx, this.logsKey, this);
        this.packageComponents = createPackages(ctx, this.logsKey.arn, this, this.auditTrail.accessLogs.name);
        this.packages = this.packageComponents?.outputs;
        this.registerOutputs({ logsKeyArn: this.logsKey.arn });
    }
}
