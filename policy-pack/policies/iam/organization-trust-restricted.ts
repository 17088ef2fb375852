import { IamStatement, SecureDsStackPolicy, TYPES, known, NOT_KNOWN, ofType, propsOf, record, statementCovers, statementsOf } from "../common";

/** A Deny of sts:AssumeRole unless the caller is in the organisation (a negated test on aws:PrincipalOrgID). */
function deniesOutsideOrganization(s: IamStatement): boolean {
    if (s.Effect !== "Deny" || !statementCovers(s, "sts:AssumeRole")) return false;
    return Object.entries(record(s.Condition)).some(
        ([op, block]) => /^StringNotEquals/.test(op) && Object.keys(record(block)).some((k) => k.toLowerCase() === "aws:principalorgid"),
    );
}

/**
 * I3: IAM has no condition key on the content of a trust policy (iam:CreateRole and
 * iam:UpdateAssumeRolePolicy carry only iam:PermissionsBoundary, tags and iam:RoleTemplateARN), so a
 * team admin's delegated role may name any account in its trust policy. A stack that manages the
 * organisation's policies (it has aws:organizations/policy resources) must therefore carry a
 * resource control policy that denies sts:AssumeRole to principals outside the organisation.
 */
export const organizationTrustRestricted: SecureDsStackPolicy = {
    name: "organization-trust-restricted",
    description:
        "A stack that manages Organizations policies must include a resource control policy denying sts:AssumeRole unless aws:PrincipalOrgID is the organisation's, so no delegated role can be assumed from outside it (I3).",
    controls: ["I3"],
    remediation:
        "Set organizationId in the stack config: OrganizationGuardrails then attaches organizationTrustRcpStatements() (components/guardrails/organization.ts) as an RCP on the root.",
    enforcementLevel: "mandatory",
    validateStack: (args, reportViolation) => {
        const policies = ofType(args.resources, TYPES.organizationsPolicy);
        if (policies.length === 0) return;
        const rcps = policies.filter((p) => known(() => propsOf(p, TYPES.organizationsPolicy)?.type) === "RESOURCE_CONTROL_POLICY");
        const contents = rcps.map((p) => known(() => propsOf(p, TYPES.organizationsPolicy)?.content));
        // Content is built from config and constants, never from a resource being created: unknown would be a surprise, and is not a pass.
        const ok = contents.some((c) => c !== NOT_KNOWN && (statementsOf(c) ?? []).some(deniesOutsideOrganization));
        if (!ok) {
            reportViolation(
                rcps.length === 0
                    ? "The stack manages Organizations policies but no resource control policy limits sts:AssumeRole to principals of the organisation (I3)."
                    : "No resource control policy of the stack denies sts:AssumeRole unless aws:PrincipalOrgID is the organisation's (I3).",
                policies[0].urn,
            );
        }
    },
};
