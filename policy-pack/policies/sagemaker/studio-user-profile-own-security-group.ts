import type { PolicyResource } from "@pulumi/policy";
import { NOT_KNOWN, SecureDsStackPolicy, TYPES, known, ofType, propsOf } from "../common";
import { securityGroupIds } from "./common";

/**
 * N9: each user profile runs in its own security group. A profile without groups
 * inherits the domain default, which every user shares; two profiles naming one group can
 * reach each other's apps through its self-referencing rule.
 *
 * Groups are matched by resource (propertyDependencies of userSettings, which works in a preview
 * where ids are unknown) and by id where the ids are known.
 */
export const studioUserProfileOwnSecurityGroup: SecureDsStackPolicy = {
    name: "studio-user-profile-own-security-group",
    description: "Each SageMaker Studio user profile must have its own security group, shared with no other profile (N9).",
    controls: ["N9"],
    remediation: "Give every user profile userSettings.securityGroups with a group made for that user only (NetworkContext.userSecurityGroup).",
    enforcementLevel: "mandatory",
    validateStack: (args, reportViolation) => {
        const owners = new Map<string, string[]>();
        const profiles = ofType(args.resources, TYPES.sagemakerUserProfile);
        for (const profile of profiles) {
            const label = profileLabel(profile);
            const keys = new Set<string>();
            for (const dep of profile.propertyDependencies?.userSettings ?? []) {
                if (dep.type === TYPES.ec2SecurityGroup) keys.add(dep.urn);
            }
            const ids = known(() => securityGroupIds(propsOf(profile, TYPES.sagemakerUserProfile)?.userSettings));
            if (ids !== NOT_KNOWN) for (const id of ids ?? []) keys.add(`id:${id}`);
            if (keys.size === 0 && ids !== NOT_KNOWN) {
                reportViolation(`User profile ${label} sets no security groups; it would share the domain default group with every user (N9).`);
                continue;
            }
            for (const key of keys) owners.set(key, [...(owners.get(key) ?? []), label]);
        }
        const reported = new Set<string>();
        for (const [key, labels] of owners) {
            const unique = [...new Set(labels)];
            if (unique.length < 2) continue;
            const pair = unique.sort().join(", ");
            if (reported.has(pair)) continue;
            reported.add(pair);
            const group = key.startsWith("id:") ? key.slice(3) : key.split("::").pop();
            reportViolation(`User profiles ${pair} share the security group ${group}; each user needs their own (N9).`);
        }
    },
};

function profileLabel(profile: PolicyResource): string {
    const name = known(() => propsOf(profile, TYPES.sagemakerUserProfile)?.userProfileName);
    return typeof name === "string" && name.length > 0 ? name : profile.name;
}
