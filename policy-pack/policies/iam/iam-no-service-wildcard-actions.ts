import { SecureDsResourcePolicy, eachKnownDocument, identityDocuments, isServiceWildcard, strings, unjustifiedAllows } from "../common";

/**
 * I3: identity policies list actions. `*` or `<service>:*` grants actions nobody reviewed
 * (including ones AWS adds later), whatever the resource. Permission boundaries that cap a whole
 * service on purpose mark the statement with a Sid ending in JustifiedWildcard.
 */
export const iamNoServiceWildcardActions: SecureDsResourcePolicy = {
    name: "iam-no-service-wildcard-actions",
    description:
        "IAM identity policies must not allow `*` or `<service>:*` actions, or use NotAction in an Allow, on any resource unless the statement's Sid ends in JustifiedWildcard (I3). Judged during `pulumi up` before the resource is created when the document is unknown in a preview (a preview cannot see a document that embeds a new ARN).",
    controls: ["I3"],
    remediation:
        "List the actions the role needs; for a permission boundary that caps a whole service, name the statement ...JustifiedWildcard and say why in a comment.",
    enforcementLevel: "mandatory",
    previewDeferral: "Identity policies that embed the ARN of a role, key or bucket created with the stack are unknown as a whole in a preview.",
    validateResource: (args, reportViolation) => {
        eachKnownDocument(identityDocuments(args), (_label, doc) => {
            for (const s of unjustifiedAllows(doc)) {
                // Allow + NotAction grants every action but the listed ones: broader than any service wildcard.
                const wild = [...strings(s.Action).filter(isServiceWildcard), ...(s.NotAction !== undefined ? ["NotAction"] : [])];
                if (wild.length > 0) reportViolation(`${args.name}: statement ${s.Sid ?? "(no Sid)"} allows ${wild.join(", ")} (I3).`);
            }
        });
    },
};
