import { SecureDsResourcePolicy, eachKnownDocument, identityDocuments, isJustifiedWildcard, isServiceWildcard, statementsOf, strings } from "../common";

/**
 * I3: no identity policy allows every action of a service (or everything) on every resource.
 * The escape is explicit: a statement whose Sid ends in `JustifiedWildcard` (e.g. a permission
 * boundary's cap, which grants nothing by itself) and a comment in the document builder.
 */
export const iamNoWildcardActionOnAllResources: SecureDsResourcePolicy = {
    name: "iam-no-wildcard-action-on-all-resources",
    description:
        "IAM policies must not allow `*` or `<service>:*` actions (or NotAction) on `*` resources, unless the statement's Sid ends in JustifiedWildcard (I3). Judged during `pulumi up` before the resource is created when the document is unknown in a preview (a preview cannot see a document that embeds a new ARN).",
    controls: ["I3"],
    remediation:
        "List the actions the role needs and scope Resource to its ARNs; where a wildcard is really needed (a permission boundary cap), give the statement a Sid ending in JustifiedWildcard and say why in the builder.",
    enforcementLevel: "mandatory",
    previewDeferral: "Identity policies that embed the ARN of a role, key or bucket created with the stack are unknown as a whole in a preview.",
    validateResource: (args, reportViolation) => {
        eachKnownDocument(identityDocuments(args), (label, doc) => {
            (statementsOf(doc) ?? []).forEach((st, i) => {
                if (st.Effect !== "Allow" || isJustifiedWildcard(st)) return;
                const allResources = strings(st.Resource).includes("*") || st.NotResource !== undefined;
                const wildcard = strings(st.Action).find(isServiceWildcard) ?? (st.NotAction !== undefined ? "NotAction" : undefined);
                if (allResources && wildcard) {
                    reportViolation(`${args.name} ${label} statement ${st.Sid ?? i} allows ${wildcard} on every resource (I3).`);
                }
            });
        });
    },
};
