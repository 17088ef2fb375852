/**
 * Real signed SAML responses for the broker's tests: assertions built here and signed with
 * xml-crypto (enveloped signature, exclusive C14N, RSA-SHA256) by the test identity provider's key
 * in tests/access/fixtures (a self-signed pair made once with openssl for these tests; it names
 * no real provider), or by an attacker's key.
 */
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { SignedXml } from "xml-crypto";

const read = (file: string) => readFileSync(path.join(__dirname, "fixtures", file), "utf8");
export const IDP = { key: read("idp-key.pem"), cert: read("idp-cert.pem"), entityId: "https://idp.corp.example/saml" };
export const ATTACKER = { key: read("attacker-key.pem"), cert: read("attacker-cert.pem") };
export const AUDIENCE = "urn:secure-ds:prod:studio-broker";
export const RECIPIENT_BASE = "https://abc123defg.execute-api.eu-central-1.amazonaws.com/broker/saml";

export interface AssertionSpec {
    user: string;
    team: string;
    id?: string;
    audience?: string;
    recipient?: string;
    issuer?: string;
    /** Validity window relative to now, in seconds (Conditions, and the SubjectConfirmationData unless set apart). */
    notBeforeOffset?: number;
    notOnOrAfterOffset?: number;
    /** The SubjectConfirmationData's own NotOnOrAfter, relative to now; null leaves the attribute out. */
    subjectNotOnOrAfterOffset?: number | null;
    /** The Conditions' NotOnOrAfter; null leaves the attribute out. */
    conditionsNotOnOrAfterOffset?: number | null;
    /** IssueInstant relative to now, in seconds. Default -5. */
    issueInstantOffset?: number;
}

const iso = (offsetSeconds: number) => new Date(Date.now() + offsetSeconds * 1000).toISOString();

/** The assertion element (unsigned). */
export function assertionXml(spec: AssertionSpec): string {
    const id = spec.id ?? `_${randomUUID()}`;
    const recipient = spec.recipient ?? `${RECIPIENT_BASE}/${spec.team}`;
    const notBefore = iso(spec.notBeforeOffset ?? -60);
    const window = spec.notOnOrAfterOffset ?? 300;
    const end = (offset: number | null | undefined) => (offset === null ? "" : ` NotOnOrAfter="${iso(offset ?? window)}"`);
    return (
        `<saml:Assertion xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="${id}" Version="2.0" IssueInstant="${iso(spec.issueInstantOffset ?? -5)}">` +
        `<saml:Issuer>${spec.issuer ?? IDP.entityId}</saml:Issuer>` +
        `<saml:Subject><saml:NameID Format="urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified">${spec.user}</saml:NameID>` +
        `<saml:SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer"><saml:SubjectConfirmationData${end(spec.subjectNotOnOrAfterOffset)} Recipient="${recipient}"/></saml:SubjectConfirmation></saml:Subject>` +
        `<saml:Conditions NotBefore="${notBefore}"${end(spec.conditionsNotOnOrAfterOffset)}><saml:AudienceRestriction><saml:Audience>${spec.audience ?? AUDIENCE}</saml:Audience></saml:AudienceRestriction></saml:Conditions>` +
        `<saml:AuthnStatement AuthnInstant="${iso(-5)}" SessionIndex="${id}"><saml:AuthnContext><saml:AuthnContextClassRef>urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport</saml:AuthnContextClassRef></saml:AuthnContext></saml:AuthnStatement>` +
        `</saml:Assertion>`
    );
}

/** Signs the (first) Assertion of `xml` with `key`, the signature placed after its Issuer as SAML requires. */
export function signAssertion(xml: string, key: string, cert: string): string {
    const sig = new SignedXml({
        privateKey: key,
        publicCert: cert,
        signatureAlgorithm: "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256",
        canonicalizationAlgorithm: "http://www.w3.org/2001/10/xml-exc-c14n#",
    });
    sig.addReference({
        xpath: "//*[local-name(.)='Assertion']",
        transforms: ["http://www.w3.org/2000/09/xmldsig#enveloped-signature", "http://www.w3.org/2001/10/xml-exc-c14n#"],
        digestAlgorithm: "http://www.w3.org/2001/04/xmlenc#sha256",
    });
    sig.computeSignature(xml, { location: { reference: "//*[local-name(.)='Assertion']/*[local-name(.)='Issuer']", action: "after" } });
    return sig.getSignedXml();
}

/** A Response envelope around `assertion` (already signed or not). */
export function responseXml(assertion: string, destination?: string): string {
    return (
        `<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="_${randomUUID()}" Version="2.0" IssueInstant="${iso(-5)}"${destination ? ` Destination="${destination}"` : ""}>` +
        `<saml:Issuer>${IDP.entityId}</saml:Issuer>` +
        `<samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/></samlp:Status>` +
        assertion +
        `</samlp:Response>`
    );
}

const b64 = (xml: string) => Buffer.from(xml, "utf8").toString("base64");

/** The base64 SAMLResponse the IdP posts: a response with the assertion signed by the IdP (or `signer`). */
export function signedResponse(spec: AssertionSpec, signer: { key: string; cert: string } = IDP): string {
    return b64(responseXml(signAssertion(assertionXml(spec), signer.key, signer.cert)));
}

/** The same without any signature. */
export function unsignedResponse(spec: AssertionSpec): string {
    return b64(responseXml(assertionXml(spec)));
}

/**
 * XML signature wrapping: the IdP's genuinely signed assertion for `victim` kept (so a signature
 * check that only asks "is there a valid signature?" passes), and a forged unsigned assertion for
 * `forged` placed first, where a naive reader takes the user from. Variant "sibling" puts the
 * forged assertion next to the signed one; "nested" hides the signed one inside the forged one's
 * Subject extensions.
 */
export function wrappedResponse(victim: AssertionSpec, forged: AssertionSpec, variant: "sibling" | "nested"): string {
    const signed = signAssertion(assertionXml(victim), IDP.key, IDP.cert);
    const forgedXml = assertionXml({ ...forged, id: signed.match(/ID="([^"]+)"/)?.[1] });
    if (variant === "sibling") return b64(responseXml(forgedXml + signed));
    const nested = forgedXml.replace("</saml:Subject>", `</saml:Subject><saml:Advice>${signed}</saml:Advice>`);
    return b64(responseXml(nested));
}
