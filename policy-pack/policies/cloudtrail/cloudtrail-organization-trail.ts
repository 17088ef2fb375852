import { SecureDsStackPolicy, TYPES, accountScopedStackPolicy, ofType, propsOf } from "../common";

/**
 * G11: the delegated administrator account (the log-archive account, registered by the management
 * stack) holds the organisation trail: `isOrganizationTrail` so it logs every account of the
 * organisation, present and future, and no member account can stop or change it (CloudTrail User
 * Guide, "Creating a trail for an organization": member accounts see the trail but cannot delete
 * it, turn logging off or change it); multi-region and with log file validation like every trail
 * (G4). A per-account trail in its place leaves every other account to log itself.
 */
export const cloudtrailOrganizationTrail: SecureDsStackPolicy = accountScopedStackPolicy(
    "delegatedAdministratorAccountIds",
    {
        name: "cloudtrail-organization-trail",
        description:
            "A stack of a delegated administrator account (delegatedAdministratorAccountIds) must deploy an organisation trail: isOrganizationTrail, isMultiRegionTrail and enableLogFileValidation all true (G11).",
        controls: ["G11"],
        remediation:
            "Build the log-archive layer with organizationId, accounts.logArchive and accounts.management set: AuditTrail then creates the organisation trail (organizationTrail) instead of this account's own.",
        enforcementLevel: "mandatory",
    },
    (args, reportViolation, administrators) => {
        const trails = ofType(args.resources, TYPES.cloudtrailTrail);
        const organization = trails.filter((t) => propsOf(t, TYPES.cloudtrailTrail)?.isOrganizationTrail === true);
        if (organization.length === 0) {
            reportViolation(
                `Account ${administrators.join(", ")} (delegated administrator) has no organisation trail (isOrganizationTrail)${trails.length > 0 ? `; ${trails.map((t) => t.name).join(", ")} log this account only` : ""} (G11).`,
            );
            return;
        }
        for (const t of organization) {
            const p = propsOf(t, TYPES.cloudtrailTrail);
            const missing = [
                ...(p?.isMultiRegionTrail === true ? [] : ["isMultiRegionTrail"]),
                ...(p?.enableLogFileValidation === true ? [] : ["enableLogFileValidation"]),
            ];
            if (missing.length > 0) {
                reportViolation(
                    `Organisation trail ${t.name} does not set ${missing.join(" and ")}; every region of every account must be logged, verifiably (G11).`,
                    t.urn,
                );
            }
        }
    },
);
