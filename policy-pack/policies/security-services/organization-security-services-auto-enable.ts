import { SecureDsStackPolicy, TYPES, accountScopedStackPolicy, ofType, propsOf } from "../common";

/**
 * G11: in the delegated administrator account (the log-archive account) every security service
 * it runs is switched on for the whole organisation, new accounts included: GuardDuty
 * `autoEnableOrganizationMembers: ALL` (GuardDuty API Reference, UpdateOrganizationConfiguration:
 * ALL, NEW or NONE; only ALL covers the accounts that joined before), Security Hub and Macie
 * `autoEnable: true`. Otherwise an account added to the organisation, or one that was there,
 * runs unwatched.
 */
export const organizationSecurityServicesAutoEnable: SecureDsStackPolicy = accountScopedStackPolicy(
    "delegatedAdministratorAccountIds",
    {
        name: "organization-security-services-auto-enable",
        description:
            "In a stack of a delegated administrator account (delegatedAdministratorAccountIds), GuardDuty must run with an organisation configuration auto-enabling ALL members, and Security Hub and Macie, where enabled, with an organisation configuration that auto-enables new members (G11).",
        controls: ["G11"],
        remediation:
            "Build the log-archive layer with organizationId and accounts.logArchive set: LogArchiveLayer then adds OrganizationSecurityServices (auto-enable for every member account) next to its SecurityServices.",
        enforcementLevel: "mandatory",
    },
    (args, reportViolation, administrators) => {
        const where = `account ${administrators.join(", ")} (delegated administrator)`;
        const detectors = ofType(args.resources, TYPES.guarddutyDetector);
        const guardDuty = ofType(args.resources, TYPES.guarddutyOrganizationConfiguration);
        if (detectors.length === 0) {
            reportViolation(`${where} runs no GuardDuty detector; the organisation's findings need one here (G11).`);
        } else if (!guardDuty.some((c) => propsOf(c, TYPES.guarddutyOrganizationConfiguration)?.autoEnableOrganizationMembers === "ALL")) {
            reportViolation(
                `${where}: GuardDuty has no organisation configuration with autoEnableOrganizationMembers ALL; member accounts run without GuardDuty (G11).`,
            );
        }
        const services = [
            { label: "Security Hub", local: TYPES.securityhubAccount, organization: TYPES.securityhubOrganizationConfiguration },
            { label: "Macie", local: TYPES.macie2Account, organization: TYPES.macie2OrganizationConfiguration },
        ] as const;
        for (const s of services) {
            if (ofType(args.resources, s.local).length === 0) continue;
            const autoEnabled = ofType(args.resources, s.organization).some((c) => propsOf(c, s.organization)?.autoEnable === true);
            if (!autoEnabled) {
                reportViolation(
                    `${where}: ${s.label} is enabled here without an organisation configuration that auto-enables member accounts (autoEnable: true) (G11).`,
                );
            }
        }
    },
);
