import * as pulumi from "@pulumi/pulumi";
import { AuditTrail } from "../components/governance/AuditTrail";
import { ConfigAggregator } from "../components/governance/ConfigAggregator";
import { OrganizationSecurityServices } from "../components/governance/OrganizationSecurityServices";
import { SecurityServices } from "../components/governance/SecurityServices";
import { CustomerKey } from "../components/kms/CustomerKey";
import { LayerContext } from "./context";
import { createAuditTrail, securityServicesArgs } from "./governanceLayer";
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
    /**
     * In an organisation with a log-archive account, this account is the security services'
     * delegated administrator (G11): its own services, their organisation-wide auto-enable, and
     * the organisation's AWS Config aggregator. The management stack registers the delegation.
     */
    readonly securityServices?: SecurityServices;
    readonly organizationSecurity?: OrganizationSecurityServices;
    readonly configAggregator?: ConfigAggregator;

    constructor(ctx: LayerContext, opts?: pulumi.ComponentResourceOptions) {
        super("secure-ds:stacks:LogArchiveLayer", "log-archive", {}, { ...opts, providers: { aws: ctx.provider } });
        this.logsKey = createLogsKey(ctx, this);
        this.auditTrail = createAuditTrail(ctx, this.logsKey, this);
        const { cfg } = ctx;
        const gov = cfg.governance;
        if (cfg.organizationId && cfg.accounts.logArchive?.accountId === ctx.aws.accountId) {
            this.securityServices = new SecurityServices(
                "security",
                {
                    ...securityServicesArgs(ctx),
                    // The administrator holds no team data: the workload account runs the classification job.
                    macieAdministratorOnly: true,
                },
                { parent: this },
            );
            this.organizationSecurity = new OrganizationSecurityServices("organization-security", { local: this.securityServices }, { parent: this });
            if (gov.awsConfig.enabled) {
                this.configAggregator = new ConfigAggregator("organization-config", { naming: ctx.naming, account: ctx.aws }, { parent: this });
            }
        }
        this.registerOutputs({ logsKeyArn: this.logsKey.arn });
    }
}
