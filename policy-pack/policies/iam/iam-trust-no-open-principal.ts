import { RESTRICTING_CONDITION_KEYS, SecureDsResourcePolicy, TYPES, narrowingConditionKeys, propsOf, record, statementsOf, strings } from "../common";

/** Whether a principal element admits anyone: "*", or "*" under any principal type (AWS, Federated, ...). */
function admitsAnyone(principal: unknown): boolean {
    if (principal === "*") return true;
    return Object.values(record(principal)).some((v) => strings(v).includes("*"));
}

/**
 * I3: a role's trust policy names who may assume it. A `*` principal is acceptable only with a
 * condition that narrows it to known callers (organisation, account, principal ARN, ...; see
 * RESTRICTING_CONDITION_KEYS) under a non-negated operator; any other condition (aws:SecureTransport,
 * sts:ExternalId, a StringNotEquals) still lets any AWS account assume the role.
 */
export const iamTrustNoOpenPrincipal: SecureDsResourcePolicy = {
    name: "iam-trust-no-open-principal",
    description: "Role trust policies must not allow a `*` principal without a condition restricting the caller (organization, account, principal ARN) (I3).",
    controls: ["I3"],
    remediation: "Name the principals (federation provider, role ARNs, service) in the trust policy, or add a condition such as aws:PrincipalOrgID.",
    enforcementLevel: "mandatory",
    validateResource: (args, reportViolation) => {
        const p = propsOf(args, TYPES.iamRole);
        if (!p) return;
        (statementsOf(p.assumeRolePolicy) ?? []).forEach((st, i) => {
            if (st.Effect !== "Allow") return;
            const narrowed = narrowingConditionKeys(st).some((k) => RESTRICTING_CONDITION_KEYS.includes(k));
            if ((admitsAnyone(st.Principal) || st.NotPrincipal !== undefined) && !narrowed) {
                reportViolation(
                    `${args.name} trust statement ${st.Sid ?? i} lets any principal assume the role without a condition naming the allowed organization, account or principal (I3).`,
                );
            }
        });
    },
};
