import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { GUARDDUTY_FEATURES, SecurityServices } from "./SecurityServices";

export interface OrganizationSecurityServicesArgs {
    /**
     * The delegated administrator account's own services (a SecurityServices in the same stack):
     * the organisation settings need its GuardDuty detector, Security Hub and Macie enabled first.
     * Each service it has switched on is auto-enabled for the organisation. Required.
     */
    local: SecurityServices;
    /** The DelegatedAdministrators of the management stack, when in the same program (ordering only). Default none. */
    dependsOn?: pulumi.Input<pulumi.Resource>[];
}

/**
 * G10 and G11 in the delegated administrator (log-archive) account: GuardDuty, Security Hub and
 * Macie switched on for every member account of the organisation, present and future
 * (`autoEnableOrganizationMembers: ALL` for GuardDuty; `autoEnable` for Security Hub and Macie).
 * A member account cannot then leave them (the baseline SCP denies disassociating from the
 * administrator). Security Hub keeps LOCAL configuration with no default standards; each account's
 * SecurityServices subscribes FSBP, as it does without an organisation.
 */
export class OrganizationSecurityServices extends pulumi.ComponentResource {
    readonly guardDuty?: aws.guardduty.OrganizationConfiguration;
    readonly securityHub?: aws.securityhub.OrganizationConfiguration;
    readonly macie?: aws.macie2.OrganizationConfiguration;

    constructor(name: string, args: OrganizationSecurityServicesArgs, opts?: pulumi.ComponentResourceOptions) {
        super("secure-ds:governance:OrganizationSecurityServices", name, {}, opts);
        const { local } = args;
        if (!local.detector && !local.securityHub && !local.macie) {
            throw new Error(`OrganizationSecurityServices ${name}: the local SecurityServices enables no service; there is nothing to auto-enable.`);
        }
        const after = (r: pulumi.Resource | undefined) => ({ parent: this, dependsOn: [...(r ? [r] : []), ...(args.dependsOn ?? [])] });
        if (local.detector) {
            this.guardDuty = new aws.guardduty.OrganizationConfiguration(
                `${name}-guardduty`,
                { detectorId: local.detector.id, autoEnableOrganizationMembers: "ALL" },
                after(local.detector),
            );
            // The member accounts get the protection plans SecurityServices enables locally.
            for (const feature of GUARDDUTY_FEATURES) {
                new aws.guardduty.OrganizationConfigurationFeature(
                    `${name}-guardduty-${feature.toLowerCase().replace(/_/g, "-")}`,
                    { detectorId: local.detector.id, name: feature, autoEnable: "ALL" },
                    after(this.guardDuty),
                );
            }
        }
        if (local.securityHub) {
            this.securityHub = new aws.securityhub.OrganizationConfiguration(
                `${name}-securityhub`,
                { autoEnable: true, autoEnableStandards: "NONE", organizationConfiguration: { configurationType: "LOCAL" } },
                after(local.securityHub),
            );
        }
        if (local.macie) {
            this.macie = new aws.macie2.OrganizationConfiguration(`${name}-macie`, { autoEnable: true }, after(local.macie));
        }
        this.registerOutputs({});
    }
}
