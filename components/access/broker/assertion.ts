/**
 * Validation of the identity provider's SAML response. Signature and XML handling are
 * @node-saml/node-saml's (xml-crypto and @xmldom underneath): it verifies the signature against
 * the configured certificates, checks that what it reads is what was signed (signature wrapping),
 * the Audience and the Conditions window. node-saml 5 checks neither the assertion's Issuer (its
 * idpIssuer option is read for logout messages only), nor the SubjectConfirmationData Recipient, nor
 * (without InResponseTo validation) the SubjectConfirmationData window, so this module checks them,
 * and the assertion's age, on the assertion node-saml validated (tests/access/broker.test.ts has a
 * case for each).
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
    /**
     * How long the ledger must remember the id (epoch ms): past the latest moment any check here
     * could still accept the assertion, so DynamoDB's TTL sweep (which may delete an item any time
     * after its expiry) never forgets an id that is still usable.
     */
    rememberUntilMs: number;
}

/**
 * The oldest assertion accepted, after its IssueInstant: IdPs issue for an immediate browser POST,
 * and some give Conditions an hour or more; the broker accepts one for 5 minutes (plus the clock
 * skew) whatever its windows say, so a leaked assertion is useless soon after it was issued.
 */
export const MAX_ASSERTION_AGE_MS = 5 * 60_000;
/** Margin of the ledger's memory beyond the last moment an assertion could be accepted. */
const LEDGER_MARGIN_MS = 24 * 60 * 60_000;

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
        // With `never`, node-saml 5 does not enforce the SubjectConfirmationData window (it checks
        // Conditions only): the windows are checked below, on the validated assertion.
        validateInResponseTo: ValidateInResponseTo.never,
        maxAssertionAgeMs: MAX_ASSERTION_AGE_MS,
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
    const rememberUntilMs = checkTimes(node, confirmations, checks.clockSkewMs, Date.now());
    if (!profile.nameID) throw new Refusal("invalid-assertion", "the assertion names no user (NameID)");
    return { id, user: profile.nameID, rememberUntilMs };
}

/**
 * The assertion's time checks, all on the signed assertion: IssueInstant at most
 * MAX_ASSERTION_AGE_MS old; Conditions and every bearer SubjectConfirmationData carry NotOnOrAfter
 * (SAML 2.0 Profiles, 4.1.4.2, requires it of the bearer confirmation) and none has passed. Returns
 * how long the ledger must remember the id.
 */
function checkTimes(node: XmlNode, confirmations: XmlNode[], skewMs: number, now: number): number {
    const issued = Date.parse(node.$?.IssueInstant ?? "");
    if (!Number.isFinite(issued)) throw new Refusal("invalid-assertion", "the assertion has no valid IssueInstant");
    const ends = [
        { what: "Conditions NotOnOrAfter", value: children(node, "Conditions")[0]?.$?.NotOnOrAfter },
        ...confirmations.map((d) => ({ what: "SubjectConfirmationData NotOnOrAfter", value: d.$?.NotOnOrAfter })),
    ].map((e) => ({ ...e, ms: Date.parse(e.value ?? "") }));
    const missing = ends.find((e) => !Number.isFinite(e.ms));
    if (missing) throw new Refusal("invalid-assertion", `the assertion has no valid ${missing.what}; an assertion without an end could be replayed forever`);
    const passed = ends.find((e) => now - skewMs >= e.ms);
    if (passed) throw new Refusal("invalid-assertion", `the assertion expired: its ${passed.what} ${String(passed.value)} has passed`);
    if (now - skewMs >= issued + MAX_ASSERTION_AGE_MS) {
        throw new Refusal(
            "invalid-assertion",
            `the assertion was issued at ${String(node.$?.IssueInstant)}, more than ${MAX_ASSERTION_AGE_MS / 60_000} minutes ago`,
        );
    }
    // Accepted at most until the earliest end or the age limit, plus the skew; remembered well past both.
    return Math.min(Math.min(...ends.map((e) => e.ms)), issued + MAX_ASSERTION_AGE_MS) + skewMs + LEDGER_MARGIN_MS;
}
