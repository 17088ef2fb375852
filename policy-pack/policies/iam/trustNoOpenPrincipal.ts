import { SecureDsResourcePolicy, record } from "../types";
import { IAM_TYPES, statementsOf, strings } from "./common";

/** Whether a principal element admits anyone: "*" or {"AWS": "*"} (alone or in a list). */
function admitsAnyone(principal: unknown): boolean {
    if (principal === "*") return true;
    return strings(record(principal).AWS).includes("*");
}

/**
 * I3: a role's trust policy names who may assume it. A `*` principal is acceptable only with a
 * condition that narrows it (organisation, principal ARN, ...); without one, any AWS account can
 * assume the role.
 */
export const iamTrustNoOpenPrincipal: SecureDsResourcePolicy = {
    name: "iam-trust-no-open-principal",
    description: "Role trust policies must not allow a `*` principal without a condition (I3).",
    controls: ["I3"],
    remediation: "Name the principals (federation provider, role ARNs, service) in the trust policy, or add a condition such as aws:PrincipalOrgID.",
    enforcementLevel: "mandatory",
    validateResource: (args, reportViolation) => {
        if (args.type !== IAM_TYPES.role) return;
        statementsOf(args.props.assumeRolePolicy).forEach((st, i) => {
            if (st.Effect !== "Allow") return;
            const noCondition = st.Condition === undefined || Object.keys(st.Condition).length === 0;
            if ((admitsAnyone(st.Principal) || st.NotPrincipal !== undefined) && noCondition) {
                reportViolation(`${args.name} trust statement ${st.Sid ?? i} lets any principal assume the role without a condition (I3).`);
            }
        });
    },
};
