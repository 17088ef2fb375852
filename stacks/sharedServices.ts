import * as pulumi from "@pulumi/pulumi";
import { AccountTrail } from "../components/governance/AccountTrail";
import { AuditArchiveRef } from "../components/governance/AuditTrail";
import { CustomerKey } from "../components/kms/CustomerKey";
import { bucketName } from "../components/naming";
import { SecureBucket } from "../components/storage/SecureBucket";
import { LayerContext } from "./context";
import { createSharedServicesTrail } from "./governanceLayer";
import { createLogsKey } from "./layerKeys";
import { PackagesOutputs, createPackages } from "./packagesLayer";

export interface SharedServicesDeps {
    /** The audit archive this account's trail delivers to (read from the log-archive stack). */
    auditArchive: AuditArchiveRef;
    /**
     * The archive account's access-log bucket when the archive is in this account (one stack
     * builds both layers): the packages' buckets log there and this account needs no trail of
     * its own. Undefined when the archive is another account's.
     */
    localAccessLogBucket?: pulumi.Output<string>;
}

/** Shared-services account: package mirror, scan pipeline, shared images. */
export class SharedServicesLayer extends pulumi.ComponentResource {
    readonly logsKey: CustomerKey;
    /** S3 server access logs of this account's buckets, when the archive's are not at hand. */
    readonly accessLogs?: SecureBucket;
    /** This account's trail, delivering to the archive in the log-archive account (G4); undefined under the organisation trail (G11). */
    readonly trail?: AccountTrail;
    /**
     * The package mirror for the workload side (pip endpoint, domain, owner, repository, image
     * repository URL); undefined when `packages.enabled` is false. Components: `packageComponents`.
     */
    readonly packages?: PackagesOutputs;
    readonly packageComponents?: ReturnType<typeof createPackages>;

    constructor(ctx: LayerContext, deps: SharedServicesDeps, opts?: pulumi.ComponentResourceOptions) {
        super("secure-ds:stacks:SharedServicesLayer", "shared-services", {}, { ...opts, providers: { aws: ctx.provider } });
        this.logsKey = createLogsKey(ctx, this);
        let accessLogBucket = deps.localAccessLogBucket;
        if (!accessLogBucket) {
            this.accessLogs = new SecureBucket(
                "shared-services-access-logs",
                {
                    bucketName: bucketName(ctx.naming, "access-logs", ctx.aws.accountId),
                    account: ctx.aws,
                    kmsKeyArn: this.logsKey.arn,
                    accessLogDestination: true,
                },
                { parent: this },
            );
            accessLogBucket = this.accessLogs.name;
            this.trail = createSharedServicesTrail(ctx, this.logsKey, deps.auditArchive, bucketName(ctx.naming, "access-logs", ctx.aws.accountId), this);
        }
        this.packageComponents = createPackages(ctx, this.logsKey.arn, this, accessLogBucket);
        this.packages = this.packageComponents?.outputs;
        this.registerOutputs({ logsKeyArn: this.logsKey.arn });
    }
}
