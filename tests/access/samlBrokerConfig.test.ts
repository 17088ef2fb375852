/**
 * access.samlBroker config (stacks/schema/access.ts): each bad input is refused with a message
 * naming its key path and the fix; a good one parses with the component's defaults.
 */
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { SAML_BROKER_DEFAULTS } from "../../components/access/defaults";
import { parsePlatformConfig } from "../../stacks/config";
import { configProblems, rawStackConfig } from "../harness/configCases";

const CERT = readFileSync(path.join(__dirname, "fixtures", "idp-cert.pem"), "utf8");
const AT = "secure-ds:platform.access.samlBroker";

/** prod's config with a hub and a broker serving fraud and pricing. */
function withBroker(broker: Record<string, unknown> = {}, stack = "prod") {
    const raw = rawStackConfig(stack) as Record<string, unknown> & { network: Record<string, unknown> };
    raw.network.transitGateway = { id: "tgw-0123456789abcdef0", corporateCidrs: ["10.0.0.0/12"] };
    raw.access = { samlBroker: { idpEntityId: "https://idp.corp.example/saml", idpCertificates: [CERT], teams: ["fraud", "pricing"], ...broker } };
    return raw;
}

afterEach(() => {
    vi.useRealTimers();
});

describe("access.samlBroker config", () => {
    it("parses a good section with the component's defaults; no section is no broker", () => {
        const cfg = parsePlatformConfig(withBroker());
        expect(cfg.access.samlBroker).toMatchObject({
            urlExpirySeconds: SAML_BROKER_DEFAULTS.urlExpirySeconds,
            sessionExpirationSeconds: 28800,
            clockSkewSeconds: 60,
            teams: ["fraud", "pricing"],
        });
        expect(cfg.access.samlBroker?.audience).toBeUndefined();
        expect(parsePlatformConfig(rawStackConfig("dev")).access).toEqual({});
    });

    it("requires idpEntityId, idpCertificates and teams", () => {
        const raw = withBroker();
        (raw.access as { samlBroker: Record<string, unknown> }).samlBroker = {};
        const problems = configProblems(raw);
        for (const key of ["idpEntityId", "idpCertificates", "teams"]) {
            expect(problems.some((p) => p.startsWith(`${AT}.${key}: missing`))).toBe(true);
        }
        expect(configProblems(withBroker({ idpCertificates: [] }))).toEqual([`${AT}.idpCertificates: [] is empty; give the IdP's signing certificate (PEM)`]);
    });

    it("refuses a certificate that does not parse, naming its index", () => {
        const problems = configProblems(withBroker({ idpCertificates: [CERT, "-----BEGIN CERTIFICATE-----\nnot base64\n-----END CERTIFICATE-----"] }));
        expect(problems).toHaveLength(1);
        expect(problems[0]).toMatch(new RegExp(`^${AT.replace(/\./g, "\\.")}\\.idpCertificates\\[1\\]: is not a PEM certificate`));
    });

    it("refuses an expired certificate, naming its index and its notAfter date", () => {
        vi.useFakeTimers();
        vi.setSystemTime(new Date("2127-01-01T00:00:00Z"));
        const problems = configProblems(withBroker());
        expect(problems).toEqual([
            `${AT}.idpCertificates[0]: expired on 2126-11-07T15:34:39.000Z (notAfter); every assertion it signs would be refused: use the IdP's current signing certificate`,
        ]);
    });

    it("refuses an unknown team with a did-you-mean, a duplicate, and a stack without the hub", () => {
        expect(configProblems(withBroker({ teams: ["fraud", "pricng"] }))).toEqual([
            `${AT}.teams[1]: "pricng" is not a team of this stack; did you mean "pricing"?`,
        ]);
        expect(configProblems(withBroker({ teams: ["fraud", "fraud"] }))).toEqual([`${AT}.teams[1]: "fraud" is listed twice`]);
        const noHub = withBroker();
        delete noHub.network.transitGateway;
        expect(configProblems(noHub)).toEqual([
            `${AT}: needs network.transitGateway: the identity provider's POST comes from the user's browser on the corporate network, which reaches the broker's private API only over the hub (N13)`,
        ]);
    });

    it("holds the expiries and the skew to the API's ranges", () => {
        expect(configProblems(withBroker({ urlExpirySeconds: 301 }))).toEqual([
            `${AT}.urlExpirySeconds: 301 is above 300 seconds, the maximum CreatePresignedDomainUrl ExpiresInSeconds allows`,
        ]);
        expect(configProblems(withBroker({ urlExpirySeconds: 4 }))[0]).toMatch(/urlExpirySeconds: 4 is below 5 seconds/);
        expect(configProblems(withBroker({ sessionExpirationSeconds: 1799 }))[0]).toMatch(/sessionExpirationSeconds: 1799 is below 1800 seconds/);
        expect(configProblems(withBroker({ sessionExpirationSeconds: 43201 }))[0]).toMatch(/sessionExpirationSeconds: 43201 is above 43200 seconds/);
        expect(configProblems(withBroker({ clockSkewSeconds: 301 }))[0]).toMatch(/clockSkewSeconds: 301 is above 300 seconds/);
        expect(configProblems(withBroker({ clockSkewSeconds: 1.5 }))[0]).toMatch(/clockSkewSeconds: 1.5 is not a whole number of seconds/);
        expect(configProblems(withBroker({ urlExpiry: 60 }))[0]).toMatch(/access\.samlBroker\.urlExpiry: unknown key; did you mean "urlExpirySeconds"\?/);
    });

    it("refuses the broker in a team stack: it is configured on the workload base for now", () => {
        const raw = rawStackConfig("prod-team-risk") as Record<string, unknown>;
        raw.access = { samlBroker: { idpEntityId: "https://idp.corp.example/saml", idpCertificates: [CERT], teams: ["risk"] } };
        expect(configProblems(raw)).toContain(
            `${AT}: is set in a team stack; the broker is configured on the workload base stack for now (its teams list the teams it serves): move access.samlBroker there`,
        );
    });

    it("keeps the broker's endpoints out of network.endpoints.extra: they come with the broker only", () => {
        const raw = rawStackConfig("dev");
        raw.network.endpoints = { extra: ["execute-api", "dynamodb"] };
        expect(configProblems(raw)).toEqual([
            'secure-ds:platform.network.endpoints.extra[0]: "execute-api" cannot be added: it is created with access.samlBroker, with a policy that admits only the broker\'s API',
            'secure-ds:platform.network.endpoints.extra[1]: "dynamodb" cannot be added: the DynamoDB gateway endpoint is created with access.samlBroker, for its ledger table only',
        ]);
    });

    it("counts the broker's reserved concurrency in the Lambda quota prediction", async () => {
        const { predictedQuotaUses } = await import("../../stacks/schema/quotas");
        const cfg = parsePlatformConfig(withBroker());
        const without = parsePlatformConfig(rawStackConfig("prod"));
        const lambda = (c: typeof cfg) => predictedQuotaUses(c).find((u) => u.key === "lambda/L-B99A9384")?.used ?? 0;
        expect(lambda(cfg) - lambda(without)).toBe(SAML_BROKER_DEFAULTS.reservedConcurrency);
    });
});
