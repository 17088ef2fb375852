import { SecureDsStackPolicy, TYPES, accountScopedStackPolicy, ofType, propsOf } from "../common";

/**
 * G11: a member account logged by the organisation trail creates no trail of its own. Its own
 * trail would be a second copy of the same management events, which CloudTrail charges for (the
 * first copy of management events is free, further copies are not: AWS CloudTrail pricing), and a
 * trail its own administrators could stop, which an auditor would have to tell apart from the one
 * they cannot. Mandatory like every rule of the pack: the program never makes such a trail where
 * the organisation trail logs the account (stacks/governanceLayer.ts), so one in the plan is drift
 * or a config that lost its organisation, which must not deploy unnoticed.
 */
export const cloudtrailNoMemberTrail: SecureDsStackPolicy = accountScopedStackPolicy(
    "memberAccountIds",
    {
        name: "cloudtrail-no-member-trail",
        description: "A stack of a member account that the organisation trail logs (memberAccountIds) must create no trail of its own besides it (G11).",
        controls: ["G11"],
        remediation:
            "Set organizationId, accounts.logArchive and accounts.management in the stack config: the shared-services and workload layers then rely on the organisation trail and create none.",
        enforcementLevel: "mandatory",
    },
    (args, reportViolation, members) => {
        for (const t of ofType(args.resources, TYPES.cloudtrailTrail)) {
            if (propsOf(t, TYPES.cloudtrailTrail)?.isOrganizationTrail === true) continue;
            reportViolation(
                `Trail ${t.name} is a trail of member account ${members.join(", ")}, which the organisation trail already logs; drop it (G11).`,
                t.urn,
            );
        }
    },
);
