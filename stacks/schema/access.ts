/**
 * `access`: how users reach Studio besides the console. `samlBroker` turns the corporate identity
 * provider's SAML sign-in into a presigned Studio URL (components/access/SamlBroker.ts). See
 * docs/configuration.md#access and docs/operations.md "The SAML presigned-URL broker".
 */
import { X509Certificate } from "node:crypto";
import { z } from "zod";
import { nearest, typoDistance } from "../../components/didYouMean";
import { CLOCK_SKEW_RANGE, SAML_BROKER_DEFAULTS, SESSION_EXPIRY_RANGE, URL_EXPIRY_RANGE } from "../../components/access/defaults";
import { Layer } from "./stack";

const seconds = (range: { min: number; max: number }, source: string) =>
    z
        .number()
        .min(range.min, { message: `is below ${range.min} seconds, the minimum ${source}` })
        .max(range.max, { message: `is above ${range.max} seconds, the maximum ${source}` })
        // A refinement, not .int(): zod reports .int() as a type error ("expected a int").
        .refine(Number.isInteger, { message: "is not a whole number of seconds" });

/**
 * One PEM certificate of the IdP's signing key. node:crypto's X509Certificate parses it; an
 * expired one is refused now rather than failing every sign-in after the deploy.
 */
const pemCertificate = z.string().superRefine((pem, ctx) => {
    let cert: X509Certificate;
    try {
        cert = new X509Certificate(pem);
    } catch (err) {
        ctx.addIssue({
            code: "custom",
            message: `is not a PEM certificate (${(err as Error).message}); paste the signing certificate from the IdP's metadata, -----BEGIN CERTIFICATE----- included`,
            params: { complete: true },
        });
        return;
    }
    const notAfter = new Date(cert.validTo);
    if (!(notAfter.getTime() > Date.now())) {
        ctx.addIssue({
            code: "custom",
            message: `expired on ${notAfter.toISOString()} (notAfter); every assertion it signs would be refused: use the IdP's current signing certificate`,
            params: { complete: true },
        });
    }
});

export const samlBrokerSchema = z.strictObject({
    /** The identity provider's entity id: the assertion's Issuer. Required. */
    idpEntityId: z.string().min(1, { message: "is empty; give the identity provider's entity id (its metadata's entityID)" }),
    /** PEM certificates of the IdP's signing keys (two during a rollover). Required, at least one. */
    idpCertificates: z.array(pemCertificate).min(1, { message: "is empty; give the IdP's signing certificate (PEM)" }),
    /** The broker's SAML entity id (the assertion's Audience). Default `urn:secure-ds:<org>:<env>:saml-broker`. */
    audience: z.string().min(1, { message: "is empty; leave it out for the default urn:secure-ds:<org>:<env>:saml-broker" }).optional(),
    /** Teams of this stack the broker opens Studio for. Required, at least one. */
    teams: z.array(z.string()).min(1, { message: "is empty; name the teams whose users sign in through the broker" }),
    /** Presigned URL lifetime. Default 60. */
    urlExpirySeconds: seconds(URL_EXPIRY_RANGE, "CreatePresignedDomainUrl ExpiresInSeconds allows").default(SAML_BROKER_DEFAULTS.urlExpirySeconds),
    /** Studio session length. Default 28800 (8 hours). */
    sessionExpirationSeconds: seconds(SESSION_EXPIRY_RANGE, "CreatePresignedDomainUrl SessionExpirationDurationInSeconds allows").default(
        SAML_BROKER_DEFAULTS.sessionExpirationSeconds,
    ),
    /** Clock skew accepted between the IdP and AWS on NotBefore / NotOnOrAfter. Default 60. */
    clockSkewSeconds: seconds(CLOCK_SKEW_RANGE, "the broker accepts").default(SAML_BROKER_DEFAULTS.clockSkewSeconds),
});

export const accessSchema = z.strictObject({
    /** The SAML presigned-URL broker. Default: none (users open Studio from the console or their federation). */
    samlBroker: samlBrokerSchema.optional(),
});

export type SamlBrokerConfig = z.infer<typeof samlBrokerSchema>;
export type AccessConfig = z.infer<typeof accessSchema>;

type Issue = (path: (string | number)[], message: string) => void;

/** What the access checks read of the platform config. */
interface AccessInputs {
    access: AccessConfig;
    teams: { name: string; users: unknown[] }[];
    network?: { transitGateway?: unknown };
}

/** Cross-field checks of `access` (called from the platform schema's superRefine with the stack's layers). */
export function refineAccess(cfg: AccessInputs, layers: readonly Layer[], issue: Issue): void {
    const broker = cfg.access.samlBroker;
    if (!broker) return;
    const at = ["access", "samlBroker"];
    if (layers.includes("teams")) {
        issue(
            at,
            "is set in a team stack; the broker is configured on the workload base stack for now (its teams list the teams it serves): move access.samlBroker there",
        );
        return;
    }
    if (!layers.includes("workload")) {
        issue(at, "is set but this stack does not build layer workload; the broker lives in the workload account beside the teams it serves");
        return;
    }
    if (!cfg.network?.transitGateway) {
        issue(
            at,
            "needs network.transitGateway: the identity provider's POST comes from the user's browser on the corporate network, which reaches the broker's private API only over the hub (N13)",
        );
    }
    const known = cfg.teams.map((t) => t.name);
    broker.teams.forEach((name, i) => {
        const team = cfg.teams.find((t) => t.name === name);
        if (!team) {
            const near = nearest(name, known, typoDistance(name));
            const hint = near.length > 0 ? `did you mean "${near[0]}"?` : `the teams of this stack are ${known.join(", ") || "none"}`;
            issue([...at, "teams", i], `"${name}" is not a team of this stack; ${hint}`);
        } else if (team.users.length === 0) {
            issue([...at, "teams", i], `"${name}" has no users; the broker could sign nobody in there`);
        }
        if (broker.teams.indexOf(name) !== i) issue([...at, "teams", i], `"${name}" is listed twice`);
    });
}
