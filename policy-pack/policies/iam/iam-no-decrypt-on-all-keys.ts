import { SecureDsResourcePolicy, eachKnownDocument, identityDocuments, statementCovers, strings, unjustifiedAllows } from "../common";

/** `*`, or a KMS ARN pattern naming every key (or every key and alias) of an account or region. */
function coversEveryKey(resource: string): boolean {
    return resource === "*" || /^arn:[^:]*:kms:[^:]*:[^:]*:(\*|key\/\*)$/i.test(resource);
}

const DECRYPT_ACTIONS = ["kms:Decrypt", "kms:ReEncryptFrom"];

/**
 * I3, E3: identity policies name the keys a role may decrypt with. kms:Decrypt on `*` lets a role
 * read anything any key policy admits it to, including another team's data; Security Hub KMS.1 /
 * KMS.2 flag it. A statement whose Sid ends in JustifiedWildcard is accepted (its comment says why).
 */
export const iamNoDecryptOnAllKeys: SecureDsResourcePolicy = {
    name: "iam-no-decrypt-on-all-keys",
    description:
        "IAM identity policies (managed, inline, role-embedded, permission-set) must not allow kms:Decrypt or kms:ReEncryptFrom (through Action or NotAction) on Resource `*` or every key of an account (`arn:…:kms:…:key/*`) unless the statement's Sid ends in JustifiedWildcard (I3, E3). Judged during `pulumi up` before the resource is created when the document is unknown in a preview (a preview cannot see a document that embeds a new ARN).",
    controls: ["I3", "E3"],
    remediation: "Name the key ARNs in Resource (teamKey / CustomerKey ARNs), or document the exception with a Sid ending in JustifiedWildcard.",
    enforcementLevel: "mandatory",
    previewDeferral: "Identity policies that embed the ARN of a role, key or bucket created with the stack are unknown as a whole in a preview.",
    validateResource: (args, reportViolation) => {
        eachKnownDocument(identityDocuments(args), (_label, doc) => {
            for (const s of unjustifiedAllows(doc)) {
                if (!strings(s.Resource).some(coversEveryKey) && s.NotResource === undefined) continue;
                const hits = DECRYPT_ACTIONS.filter((a) => statementCovers(s, a));
                if (hits.length > 0) reportViolation(`${args.name}: statement ${s.Sid ?? "(no Sid)"} allows ${hits.join(", ")} on all KMS keys (I3).`);
            }
        });
    },
};
