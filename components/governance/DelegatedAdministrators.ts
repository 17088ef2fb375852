import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { servicePrincipal } from "../guardrails/arns";
import { DELEGATED_ADMINISTRATORS_DEFAULTS } from "./defaults";

export interface DelegatedAdministratorsArgs {
    /** Partition of the organisation (service principals differ in China). Required. */
    partition: string;
    /** The management account this component deploys into (checked against adminAccountId). Required. */
    managementAccountId: string;
    /** The security / log-archive account (Security OU) that administers the services. Required. */
    adminAccountId: string;
    /** GuardDuty delegated administrator. Default true. */
    guardDuty?: boolean;
    /** Security Hub delegated administrator. Default true. */
    securityHub?: boolean;
    /** Macie delegated administrator. Default true. */
    macie?: boolean;
    /** AWS Config delegated administrator (for the organisation aggregator). Default true. */
    config?: boolean;
    /**
     * CloudTrail delegated administrator: the administrator account creates and owns the
     * management of the organisation trail (AuditTrail `organizationTrail`). Default true.
     */
    cloudTrail?: boolean;
    /**
     * Enable trusted access for AWS Config and CloudTrail (the organisation trail) here. False when
     * the organisation already has it (a Control Tower landing zone does). Default true.
     */
    enableTrustedAccess?: boolean;
}

/**
 * G11 in the management account: the security services and the organisation trail are
 * administered by a member account of the Security OU, not by the management account (GuardDuty,
 * Security Hub and Macie `EnableOrganizationAdminAccount`; CloudTrail
 * `RegisterOrganizationDelegatedAdmin`; AWS Config through Organizations' RegisterDelegatedAdministrator,
 * AWS Config Developer Guide, "Registering a Delegated Administrator"). The delegated
 * administrator's auto-enable settings are OrganizationSecurityServices, its aggregator
 * ConfigAggregator, its organisation trail AuditTrail's `organizationTrail`.
 *
 * Trusted access is kept on delete (`retainOnDelete`): disabling it would stop the services'
 * organisation integration for every account.
 */
export class DelegatedAdministrators extends pulumi.ComponentResource {
    readonly guardDuty?: aws.guardduty.OrganizationAdminAccount;
    readonly securityHub?: aws.securityhub.OrganizationAdminAccount;
    readonly macie?: aws.macie2.OrganizationAdminAccount;
    readonly config?: aws.organizations.DelegatedAdministrator;
    /**
     * CloudTrail's delegated administrator (CloudTrail RegisterOrganizationDelegatedAdmin, called
     * from the management account, which also creates CloudTrail's service-linked role there;
     * CloudTrail User Guide, "Organization delegated administrator").
     */
    readonly cloudTrail?: aws.cloudtrail.OrganizationDelegatedAdminAccount;

    constructor(name: string, args: DelegatedAdministratorsArgs, opts?: pulumi.ComponentResourceOptions) {
        super("secure-ds:governance:DelegatedAdministrators", name, {}, opts);
        const D = DELEGATED_ADMINISTRATORS_DEFAULTS;
        if (!/^\d{12}$/.test(args.adminAccountId)) {
            throw new Error(`DelegatedAdministrators ${name}: adminAccountId "${args.adminAccountId}" is not a 12-digit account id.`);
        }
        if (args.adminAccountId === args.managementAccountId) {
            throw new Error(
                `DelegatedAdministrators ${name}: the administrator ${args.adminAccountId} is the management account; delegate to the log-archive (Security OU) account (G11).`,
            );
        }
        const trusted = args.enableTrustedAccess ?? D.enableTrustedAccess;
        const child = { parent: this };
        const access = (service: string) =>
            trusted
                ? [
                      new aws.organizations.AwsServiceAccess(
                          `${name}-trusted-${service}`,
                          { servicePrincipal: servicePrincipal(service, args.partition) },
                          { parent: this, retainOnDelete: true },
                      ),
                  ]
                : [];
        if (args.cloudTrail ?? D.cloudTrail) {
            // Registration fails with CloudTrailAccessNotEnabledException before trusted access
            // exists (CloudTrail API Reference, RegisterOrganizationDelegatedAdmin, Errors).
            const trailAccess = access("cloudtrail");
            this.cloudTrail = new aws.cloudtrail.OrganizationDelegatedAdminAccount(
                `${name}-cloudtrail`,
                { accountId: args.adminAccountId },
                { parent: this, dependsOn: trailAccess },
            );
        }
        if (args.guardDuty ?? D.guardDuty) {
            this.guardDuty = new aws.guardduty.OrganizationAdminAccount(`${name}-guardduty`, { adminAccountId: args.adminAccountId }, child);
        }
        if (args.securityHub ?? D.securityHub) {
            this.securityHub = new aws.securityhub.OrganizationAdminAccount(`${name}-securityhub`, { adminAccountId: args.adminAccountId }, child);
        }
        if (args.macie ?? D.macie) {
            this.macie = new aws.macie2.OrganizationAdminAccount(`${name}-macie`, { adminAccountId: args.adminAccountId }, child);
        }
        if (args.config ?? D.config) {
            const configAccess = access("config");
            this.config = new aws.organizations.DelegatedAdministrator(
                `${name}-config`,
                { accountId: args.adminAccountId, servicePrincipal: servicePrincipal("config", args.partition) },
                { parent: this, dependsOn: configAccess },
            );
        }
        this.registerOutputs({ adminAccountId: args.adminAccountId });
    }
}
