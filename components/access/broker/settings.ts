/**
 * What the SAML broker knows, handed to the Lambda as one JSON environment variable by the
 * SamlBroker component and checked again at cold start: a broken setting refuses every request
 * with its name instead of half-working.
 */

/** One team the broker opens Studio for. */
export interface BrokerTeam {
    /** The team's Studio domain (d-...). */
    domainId: string;
    /** The team's data-scientist role: the broker assumes it with the user's tag and source identity, so the team's perimeter (I1, N8) binds the URL. */
    roleArn: string;
    /** User names of the team: each is a user profile name of the domain and a `studiouserid`. */
    users: string[];
}

export interface BrokerSettings {
    /** PEM certificates of the identity provider's signing keys (from its metadata). At least one. */
    idpCertificates: string[];
    /** The identity provider's entity id: the assertion's Issuer. */
    idpEntityId: string;
    /** The broker's SAML entity id: the assertion's Audience. */
    audience: string;
    /** The broker's ACS URL up to the team: `<recipientBase>/<team>` is the SubjectConfirmationData Recipient. */
    recipientBase: string;
    /** Presigned URL lifetime, seconds (5-300). */
    urlExpirySeconds: number;
    /** Studio session length, seconds (1800-43200). */
    sessionExpirationSeconds: number;
    /** Allowed clock skew between the IdP and AWS, milliseconds. */
    clockSkewMs: number;
    /** DynamoDB table of used assertion ids (replay protection). */
    ledgerTable: string;
    /** Teams by name. */
    teams: Record<string, BrokerTeam>;
}

/** SageMaker API reference, CreatePresignedDomainUrl: ExpiresInSeconds 5-300, SessionExpirationDurationInSeconds 1800-43200. */
export const URL_EXPIRY_RANGE = { min: 5, max: 300 } as const;
export const SESSION_EXPIRY_RANGE = { min: 1800, max: 43200 } as const;

/** The settings in `json`, or an error naming every broken field. */
export function parseBrokerSettings(json: string | undefined): BrokerSettings {
    if (!json) throw new Error("SAML broker: BROKER_SETTINGS is not set; the SamlBroker component sets it.");
    let raw: unknown;
    try {
        raw = JSON.parse(json);
    } catch (err) {
        throw new Error(`SAML broker: BROKER_SETTINGS is not JSON (${(err as Error).message}).`);
    }
    const s = raw as Partial<BrokerSettings>;
    const problems: string[] = [];
    const inRange = (v: unknown, r: { min: number; max: number }) => typeof v === "number" && Number.isInteger(v) && v >= r.min && v <= r.max;
    if (
        !Array.isArray(s.idpCertificates) ||
        s.idpCertificates.length === 0 ||
        !s.idpCertificates.every((c) => typeof c === "string" && c.includes("BEGIN CERTIFICATE"))
    ) {
        problems.push("idpCertificates must be one or more PEM certificates");
    }
    for (const key of ["idpEntityId", "audience", "recipientBase", "ledgerTable"] as const) {
        if (typeof s[key] !== "string" || s[key].length === 0) problems.push(`${key} must be a non-empty string`);
    }
    if (!inRange(s.urlExpirySeconds, URL_EXPIRY_RANGE)) problems.push(`urlExpirySeconds must be ${URL_EXPIRY_RANGE.min}-${URL_EXPIRY_RANGE.max}`);
    if (!inRange(s.sessionExpirationSeconds, SESSION_EXPIRY_RANGE))
        problems.push(`sessionExpirationSeconds must be ${SESSION_EXPIRY_RANGE.min}-${SESSION_EXPIRY_RANGE.max}`);
    if (!inRange(s.clockSkewMs, { min: 0, max: 300_000 })) problems.push("clockSkewMs must be 0-300000");
    if (typeof s.teams !== "object" || s.teams === null || Object.keys(s.teams).length === 0) problems.push("teams must name at least one team");
    if (problems.length > 0) throw new Error(`SAML broker: BROKER_SETTINGS: ${problems.join("; ")}.`);
    return s as BrokerSettings;
}
