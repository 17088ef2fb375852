/**
 * Validation of the identity provider's SAML response. Signature and XML handling are
 * @node-saml/node-saml's (xml-crypto and @xmldom underneath): it verifies the signature against
 * the configured certificates, checks that what it reads is what was signed (signature wrapping),
 * the Audience and the NotBefore / NotOnOrAfter windows. node-saml 5 checks neither the assertion's
 * Issuer (its idpIssuer option is read for logout messages only) nor the SubjectConfirmationData
 * Recipient, so this module checks both, on the assertion node-saml validated (tests/access/broker.test.ts
 * has a case for each).
 */
import { SAML, ValidateInResponseTo } from "@node-saml/node-saml";

/** A refusal: the message goes to the log and, shortened, to the user; never a URL. */
export class Refusal extends Error {
    constructor(
        readonly reason: "invalid-assertion" | "replayed" | "unknown-user" | "other-team" | "unknown-team" | "bad-request",
        message: string,
    ) {
        super(message);
        this.name = "Refusal";
    }
}

export interface AssertionChecks {
    idpCertificates: string[];
    idpEntityId: string;
    audience: string;
    /** The ACS URL this request came to: the assertion's Recipient must be exactly this. */
    recipient: string;
    clockSkewMs: number;
}

export interface ValidAssertion {
    /** The assertion's ID attribute: used once. */
    id: string;
    /** The asserted user (NameID). */
    user: string;
    /** When the assertion stops being valid (epoch ms): how long its id is remembered. */
    notOnOrAfterMs: number;
}

/** xml2js shape of the nodes read below (node-saml's Profile.getAssertion()). */
interface XmlNode {
    $?: Record<string, string>;
    [child: string]: unknown;
}

const children = (node: XmlNode | undefined, name: string): XmlNode[] => {
    if (!node) return [];
    const key = Object.keys(node).find((k) => k === name || k.endsWith(`:${name}`));
    const value = key ? node[key] : undefined;
    return Array.isArray(value) ? (value as XmlNode[]) : [];
};

/** Validates a base64 SAMLResponse; throws a Refusal naming what is wrong. */
export async function validateAssertion(samlResponse: string, checks: AssertionChecks): Promise<ValidAssertion> {
    const saml = new SAML({
        idpCert: checks.idpCertificates,
        idpIssuer: checks.idpEntityId,
        issuer: checks.audience,
        audience: checks.audience,
        callbackUrl: checks.recipient,
        // The assertion must carry the IdP's signature: what it asserts (user, audience, recipient,
        // times) is what is trusted. The response envelope may be signed too, not all IdPs do.
        wantAssertionsSigned: true,
        wantAuthnResponseSigned: false,
        acceptedClockSkewMs: checks.clockSkewMs,
        // IdP-initiated sign-in: there is no AuthnRequest to answer; one-time use is the ledger's (replay).
        validateInResponseTo: ValidateInResponseTo.never,
    });
    let profile;
    try {
        ({ profile } = await saml.validatePostResponseAsync({ SAMLResponse: samlResponse }));
    } catch (err) {
        throw new Refusal("invalid-assertion", `the SAML response is not valid: ${(err as Error).message}`);
    }
    if (!profile) throw new Refusal("invalid-assertion", "the SAML response carries no assertion");
    const assertion = profile.getAssertion?.() as { Assertion?: XmlNode } | undefined;
    const node = assertion?.Assertion;
    const id = node?.$?.ID;
    if (!node || !id) throw new Refusal("invalid-assertion", "the assertion has no ID");
    const issuerNode = children(node, "Issuer")[0] as XmlNode | string | undefined;
    const issuer = typeof issuerNode === "string" ? issuerNode : (issuerNode?._ as string | undefined);
    if (issuer !== checks.idpEntityId) {
        throw new Refusal("invalid-assertion", `the assertion's Issuer is ${issuer ?? "missing"}, not the identity provider ${checks.idpEntityId}`);
    }
    const confirmations = children(children(node, "Subject")[0], "SubjectConfirmation").flatMap((c) => children(c, "SubjectConfirmationData"));
    const recipients = confirmations.map((d) => d.$?.Recipient);
    if (recipients.length === 0 || !recipients.every((r) => r === checks.recipient)) {
        throw new Refusal("invalid-assertion", `the assertion's Recipient is ${recipients.join(", ") || "missing"}, not this broker's ${checks.recipient}`);
    }
    const ends = [children(node, "Conditions")[0]?.$?.NotOnOrAfter, ...confirmations.map((d) => d.$?.NotOnOrAfter)].filter(
        (v): v is string => typeof v === "string",
    );
    const notOnOrAfterMs = Math.min(...ends.map((v) => Date.parse(v)));
    if (!Number.isFinite(notOnOrAfterMs))
        throw new Refusal("invalid-assertion", "the assertion has no NotOnOrAfter; an assertion without an end could be replayed forever");
    if (!profile.nameID) throw new Refusal("invalid-assertion", "the assertion names no user (NameID)");
    return { id, user: profile.nameID, notOnOrAfterMs };
}
