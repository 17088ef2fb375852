import { SecureDsResourcePolicy, eachKnownDocument, identityDocuments, record, statementCovers, statementsOf, strings } from "../common";

/**
 * A Resource pattern that names every role rather than specific ones: `*`, `arn:…:iam::<acct>:*`
 * or `arn:…:iam::<acct>:role/*` (a path prefix such as `role/team-a/*` names a set of roles).
 */
function coversEveryRole(resource: string): boolean {
    return resource === "*" || /^arn:[^:]*:iam::[^:]*:(\*|role\/\*)$/i.test(resource);
}

/**
 * Operators that pin iam:PassedToService to named services. Negated operators and `…IfExists` /
 * `Null` tests are true when the key is absent or names another service, so they restrict nothing.
 */
function restrictsPassedToService(operator: string, value: unknown): boolean {
    if (!/^(ForAnyValue:|ForAllValues:)?String(Equals|Like)(IgnoreCase)?$/.test(operator)) return false;
    const services = strings(value);
    return services.length > 0 && !services.some((s) => s === "*");
}

/**
 * I4: iam:PassRole is allowed only to a named service (`iam:PassedToService`) and only on named
 * roles: never on `*`. Otherwise the holder can hand any role, with its permissions, to any service.
 */
export const iamPassRoleScoped: SecureDsResourcePolicy = {
    name: "iam-pass-role-scoped",
    description:
        "Statements allowing iam:PassRole must name the roles (not `*` or `role/*`) and restrict iam:PassedToService (I4). Judged during `pulumi up` before the resource is created when the document is unknown in a preview (a preview cannot see a document that embeds a new ARN).",
    controls: ["I4"],
    remediation: "Allow iam:PassRole only on the team's role ARNs with a StringEquals iam:PassedToService condition (e.g. sagemaker.amazonaws.com).",
    enforcementLevel: "mandatory",
    previewDeferral: "Identity policies that embed the ARN of a role, key or bucket created with the stack are unknown as a whole in a preview.",
    validateResource: (args, reportViolation) => {
        eachKnownDocument(identityDocuments(args), (label, doc) => {
            (statementsOf(doc) ?? []).forEach((st, i) => {
                if (st.Effect !== "Allow") return;
                // NotAction allows PassRole unless one of its patterns excludes it.
                if (!statementCovers(st, "iam:PassRole")) return;
                const where = `${args.name} ${label} statement ${st.Sid ?? i}`;
                const conditioned = Object.entries(record(st.Condition)).some(([operator, block]) =>
                    Object.entries(record(block)).some(
                        ([key, value]) => key.toLowerCase() === "iam:passedtoservice" && restrictsPassedToService(operator, value),
                    ),
                );
                if (!conditioned)
                    reportViolation(`${where} allows iam:PassRole without a StringEquals/StringLike iam:PassedToService condition naming the services (I4).`);
                if (strings(st.Resource).some(coversEveryRole) || st.NotResource !== undefined) {
                    reportViolation(`${where} allows iam:PassRole on every role; name the roles (I4).`);
                }
            });
        });
    },
};
