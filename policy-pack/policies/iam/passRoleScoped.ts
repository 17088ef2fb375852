import { SecureDsResourcePolicy, record } from "../types";
import { actionMatches, identityDocuments, statementsOf, strings } from "./common";

/**
 * I4: iam:PassRole is allowed only to a named service (`iam:PassedToService`) and only on named
 * roles: never on `*`. Otherwise the holder can hand any role, with its permissions, to any service.
 */
export const iamPassRoleScoped: SecureDsResourcePolicy = {
    name: "iam-pass-role-scoped",
    description: "Statements allowing iam:PassRole must name the roles (not `*`) and restrict iam:PassedToService (I4).",
    controls: ["I4"],
    remediation: "Allow iam:PassRole only on the team's role ARNs with a StringEquals iam:PassedToService condition (e.g. sagemaker.amazonaws.com).",
    enforcementLevel: "mandatory",
    validateResource: (args, reportViolation) => {
        for (const { label, doc } of identityDocuments(args.type, args.props)) {
            statementsOf(doc).forEach((st, i) => {
                if (st.Effect !== "Allow") return;
                const passes = strings(st.Action).some((a) => actionMatches(a, "iam:PassRole")) || st.NotAction !== undefined;
                if (!passes) return;
                const where = `${args.name} ${label} statement ${st.Sid ?? i}`;
                const conditioned = Object.values(st.Condition ?? {}).some((block) =>
                    Object.keys(record(block)).some((key) => key.toLowerCase() === "iam:passedtoservice"),
                );
                if (!conditioned) reportViolation(`${where} allows iam:PassRole without an iam:PassedToService condition (I4).`);
                if (strings(st.Resource).includes("*") || st.NotResource !== undefined) {
                    reportViolation(`${where} allows iam:PassRole on every role; name the roles (I4).`);
                }
            });
        }
    },
};
