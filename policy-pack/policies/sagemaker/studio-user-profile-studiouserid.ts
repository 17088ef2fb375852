import { SecureDsResourcePolicy, TYPES, propsOf, text } from "../common";

const TAG = "studiouserid";

/**
 * I2: every user profile carries `studiouserid`; the presigned-URL perimeter (I1) opens a profile
 * only for the caller whose principal tag has the same value, so an untagged profile is either
 * unreachable or, with a looser policy, reachable by anyone.
 */
export const studioUserProfileStudiouserid: SecureDsResourcePolicy = {
    name: "studio-user-profile-studiouserid",
    description: "SageMaker Studio user profiles must carry the studiouserid tag naming their user (I2).",
    controls: ["I2", "I1"],
    remediation: "Tag each user profile studiouserid=<user profile name> (StudioUserProfile does).",
    enforcementLevel: "mandatory",
    validateResource: (args, reportViolation) => {
        const p = propsOf(args, TYPES.sagemakerUserProfile);
        if (!p) return;
        const value = text(p.tags?.[TAG]);
        if (value === undefined) {
            reportViolation(`User profile ${args.name} has no ${TAG} tag; nobody could open it through the presigned-URL perimeter (I2).`);
            return;
        }
        const profileName = text(p.userProfileName);
        if (profileName !== undefined && profileName !== value) {
            reportViolation(`User profile ${profileName} is tagged ${TAG}=${value}; the tag must name the profile's own user (I1, I2).`);
        }
    },
};
