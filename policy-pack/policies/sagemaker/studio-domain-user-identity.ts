import { SecureDsResourcePolicy, TYPES, propsOf, text } from "../common";

/** I5: CloudTrail names the Studio user, not only the (shared) execution role. */
export const studioDomainUserIdentity: SecureDsResourcePolicy = {
    name: "studio-domain-user-identity",
    description: "SageMaker Studio domains must set domainSettings.executionRoleIdentityConfig to USER_PROFILE_NAME so CloudTrail records the user (I5).",
    controls: ["I5"],
    remediation:
        'Set domainSettings.executionRoleIdentityConfig: "USER_PROFILE_NAME", and allow sts:SetSourceIdentity in the execution roles\' trust (executionRoleTrustPolicy with sourceIdentity: true).',
    enforcementLevel: "mandatory",
    validateResource: (args, reportViolation) => {
        const p = propsOf(args, TYPES.sagemakerDomain);
        if (!p) return;
        const config = text(p.domainSettings?.executionRoleIdentityConfig) ?? "DISABLED (the default)";
        if (config !== "USER_PROFILE_NAME") {
            reportViolation(
                `Domain ${args.name} has executionRoleIdentityConfig ${config}; CloudTrail would name only the execution role. Use USER_PROFILE_NAME (I5).`,
            );
        }
    },
};
