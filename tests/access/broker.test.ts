/**
 * The SAML broker's handler (components/access/broker): every bad input is a 403 with no URL and
 * no AWS call; a valid assertion of a team member becomes a 302 to the URL SageMaker returned,
 * created through the team role with the user's tag and source identity. Real signed fixtures
 * (tests/access/samlFixtures.ts); STS and SageMaker mocked with aws-sdk-client-mock.
 */
import type { APIGatewayProxyEvent } from "aws-lambda";
import { CreatePresignedDomainUrlCommand, SageMakerClient } from "@aws-sdk/client-sagemaker";
import { AssumeRoleCommand, STSClient } from "@aws-sdk/client-sts";
import { mockClient } from "aws-sdk-client-mock";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { handleSamlPost } from "../../components/access/broker/handler";
import { BrokerDeps } from "../../components/access/broker/broker";
import { AssertionLedger } from "../../components/access/broker/ledger";
import { BrokerSettings, parseBrokerSettings } from "../../components/access/broker/settings";
import { ATTACKER, AUDIENCE, IDP, RECIPIENT_BASE, signedResponse, unsignedResponse, wrappedResponse } from "./samlFixtures";

const FRAUD_ROLE = "arn:aws:iam::444444444444:role/secure-ds-prod-fraud-data-scientist";
const SETTINGS: BrokerSettings = {
    idpCertificates: [IDP.cert],
    idpEntityId: IDP.entityId,
    audience: AUDIENCE,
    recipientBase: RECIPIENT_BASE,
    urlExpirySeconds: 30,
    sessionExpirationSeconds: 3600,
    clockSkewMs: 0,
    ledgerTable: "secure-ds-prod-broker-assertions",
    teams: {
        fraud: { domainId: "d-fraud000000", roleArn: FRAUD_ROLE, users: ["alice", "bob"] },
        churn: { domainId: "d-churn000000", roleArn: "arn:aws:iam::444444444444:role/secure-ds-prod-churn-data-scientist", users: ["carol"] },
    },
};
const URL = "https://d-fraud000000.studio.eu-central-1.sagemaker.aws/auth?token=presigned";

/** An in-memory ledger with the DynamoDB one's contract: the first claim of an id wins. */
class MemoryLedger implements AssertionLedger {
    readonly claimed = new Map<string, number>();
    async claim(id: string, _user: string, expiresAtMs: number): Promise<boolean> {
        if (this.claimed.has(id)) return false;
        this.claimed.set(id, expiresAtMs);
        return true;
    }
}

const sts = mockClient(STSClient);
const sageMaker = mockClient(SageMakerClient);
let ledger: MemoryLedger;
let deps: BrokerDeps;

beforeEach(() => {
    sts.reset();
    sageMaker.reset();
    sts.on(AssumeRoleCommand).resolves({ Credentials: { AccessKeyId: "ASIATEST", SecretAccessKey: "secret", SessionToken: "token", Expiration: new Date() } });
    sageMaker.on(CreatePresignedDomainUrlCommand).resolves({ AuthorizedUrl: URL });
    ledger = new MemoryLedger();
    deps = {
        settings: SETTINGS,
        ledger,
        sts: new STSClient({ region: "eu-central-1" }),
        sageMaker: (credentials) => new SageMakerClient({ region: "eu-central-1", credentials }),
    };
});

function post(team: string, samlResponse: string): APIGatewayProxyEvent {
    return {
        httpMethod: "POST",
        path: `/saml/${team}`,
        pathParameters: { team },
        body: new URLSearchParams({ SAMLResponse: samlResponse, RelayState: "" }).toString(),
        isBase64Encoded: false,
        headers: { "content-type": "application/x-www-form-urlencoded" },
        requestContext: { requestId: "test" },
    } as unknown as APIGatewayProxyEvent;
}

/** The handler refused: 403, no Location, no STS or SageMaker call; the log line's detail matches `detail` when given. */
async function expectRefused(event: APIGatewayProxyEvent, page: RegExp, detail?: RegExp): Promise<void> {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const result = await handleSamlPost(event, deps);
    const logged = warn.mock.calls.map((c) => String(c[0])).join("\n");
    warn.mockRestore();
    if (detail) expect(logged).toMatch(detail);
    expect(result.statusCode).toBe(403);
    expect(result.headers?.Location).toBeUndefined();
    expect(result.body).toMatch(page);
    expect(sts.commandCalls(AssumeRoleCommand)).toHaveLength(0);
    expect(sageMaker.commandCalls(CreatePresignedDomainUrlCommand)).toHaveLength(0);
}

describe("SAML broker: happy path", () => {
    it("a signed assertion of alice posted to the fraud broker redirects to her presigned URL, opened through the team role as alice", async () => {
        const result = await handleSamlPost(post("fraud", signedResponse({ user: "alice", team: "fraud" })), deps);
        expect(result).toMatchObject({ statusCode: 302, headers: { Location: URL } });
        const [assume] = sts.commandCalls(AssumeRoleCommand);
        expect(assume.args[0].input).toMatchObject({
            RoleArn: FRAUD_ROLE,
            SourceIdentity: "alice",
            Tags: [{ Key: "studiouserid", Value: "alice" }],
            DurationSeconds: 900,
        });
        const [create] = sageMaker.commandCalls(CreatePresignedDomainUrlCommand);
        expect(create.args[0].input).toEqual({
            DomainId: "d-fraud000000",
            UserProfileName: "alice",
            ExpiresInSeconds: 30,
            SessionExpirationDurationInSeconds: 3600,
        });
        expect(ledger.claimed.size).toBe(1);
    });
});

describe("SAML broker: refusals (403, no URL, no AWS call)", () => {
    it("an unsigned assertion", async () => {
        await expectRefused(post("fraud", unsignedResponse({ user: "alice", team: "fraud" })), /could not be verified/, /not valid.*[Ss]ignature/);
    });
    it("an assertion signed by another key than the IdP's", async () => {
        await expectRefused(post("fraud", signedResponse({ user: "alice", team: "fraud" }, ATTACKER)), /could not be verified/, /not valid.*[Ss]ignature/);
    });
    it("an assertion altered after signing (user changed)", async () => {
        const tampered = Buffer.from(
            Buffer.from(signedResponse({ user: "alice", team: "fraud" }), "base64")
                .toString("utf8")
                .replace(">alice<", ">bob<"),
        ).toString("base64");
        await expectRefused(post("fraud", tampered), /could not be verified/, /not valid.*[Ss]ignature/);
    });
    it("an expired assertion (NotOnOrAfter in the past)", async () => {
        await expectRefused(
            post("fraud", signedResponse({ user: "alice", team: "fraud", notBeforeOffset: -600, notOnOrAfterOffset: -60 })),
            /could not be verified/,
            /expired/i,
        );
    });
    it("an assertion whose SubjectConfirmationData has expired while its Conditions last an hour (node-saml checks Conditions only)", async () => {
        await expectRefused(
            post("fraud", signedResponse({ user: "alice", team: "fraud", notOnOrAfterOffset: 3600, subjectNotOnOrAfterOffset: -10 })),
            /could not be verified/,
            /expired: its SubjectConfirmationData NotOnOrAfter/,
        );
    });
    it("an assertion without an end: no NotOnOrAfter on its SubjectConfirmationData, or none on its Conditions", async () => {
        await expectRefused(
            post("fraud", signedResponse({ user: "alice", team: "fraud", subjectNotOnOrAfterOffset: null })),
            /could not be verified/,
            // node-saml refuses it first (it parses the bearer confirmation's end); ours would otherwise.
            /NotOnOrAfter/,
        );
        await expectRefused(
            post("fraud", signedResponse({ user: "alice", team: "fraud", conditionsNotOnOrAfterOffset: null })),
            /could not be verified/,
            /NotOnOrAfter/,
        );
    });
    it("an assertion issued more than 5 minutes ago, however long its windows (a leaked assertion ages out)", async () => {
        await expectRefused(
            post("fraud", signedResponse({ user: "alice", team: "fraud", issueInstantOffset: -400, notBeforeOffset: -400, notOnOrAfterOffset: 3600 })),
            /could not be verified/,
            /issued at .*more than 5 minutes ago|not valid/,
        );
    });
    it("the ledger remembers a used id a day past the last moment it could be accepted, not only until its earliest NotOnOrAfter", async () => {
        const before = Date.now();
        const response = signedResponse({ user: "alice", team: "fraud", notOnOrAfterOffset: 3600, subjectNotOnOrAfterOffset: 120 });
        expect((await handleSamlPost(post("fraud", response), deps)).statusCode).toBe(302);
        const [rememberUntil] = [...ledger.claimed.values()];
        // Accepted at most until the SubjectConfirmationData end (+120 s); remembered a day beyond it.
        expect(rememberUntil).toBeGreaterThanOrEqual(before + 120_000 + 24 * 3600_000 - 1000);
        expect(rememberUntil).toBeLessThanOrEqual(Date.now() + 120_000 + 24 * 3600_000 + 1000);
    });
    it("an assertion not yet valid (NotBefore in the future)", async () => {
        await expectRefused(
            post("fraud", signedResponse({ user: "alice", team: "fraud", notBeforeOffset: 120, notOnOrAfterOffset: 600 })),
            /could not be verified/,
            /not yet valid/i,
        );
    });
    it("an assertion for another audience", async () => {
        await expectRefused(
            post("fraud", signedResponse({ user: "alice", team: "fraud", audience: "https://signin.aws.amazon.com/saml" })),
            /could not be verified/,
            /audience/i,
        );
    });
    it("an assertion for another recipient (another team's ACS URL)", async () => {
        await expectRefused(
            post("fraud", signedResponse({ user: "alice", team: "fraud", recipient: `${RECIPIENT_BASE}/churn` })),
            /could not be verified/,
            /Recipient is .*\/churn, not this broker's .*\/fraud/,
        );
    });
    it("an assertion of another issuer", async () => {
        await expectRefused(
            post("fraud", signedResponse({ user: "alice", team: "fraud", issuer: "https://evil.example/saml" })),
            /could not be verified/,
            /Issuer is https:\/\/evil\.example\/saml/,
        );
    });
    it("a replayed assertion: the second post of the same response opens nothing", async () => {
        const response = signedResponse({ user: "alice", team: "fraud" });
        expect((await handleSamlPost(post("fraud", response), deps)).statusCode).toBe(302);
        sts.resetHistory();
        sageMaker.resetHistory();
        await expectRefused(post("fraud", response), /already used/, /"replayed"/);
    });
    it("an unknown user", async () => {
        await expectRefused(post("fraud", signedResponse({ user: "mallory", team: "fraud" })), /no Studio profile/);
    });
    it("a user of another team", async () => {
        await expectRefused(post("fraud", signedResponse({ user: "carol", team: "fraud" })), /not a member of this team/);
    });
    it("a team the broker does not serve", async () => {
        await expectRefused(post("payments", signedResponse({ user: "alice", team: "payments" })), /has no Studio/);
    });
    it.each(["sibling", "nested"] as const)("XML signature wrapping (%s): a forged assertion for bob around alice's signed one", async (variant) => {
        await expectRefused(
            post("fraud", wrappedResponse({ user: "alice", team: "fraud" }, { user: "bob", team: "fraud" }, variant)),
            /could not be verified/,
            /"invalid-assertion"/,
        );
    });
    it("a request without a SAMLResponse, or not a POST", async () => {
        await expectRefused({ ...post("fraud", "x"), body: "RelayState=x" }, /malformed/);
        await expectRefused({ ...post("fraud", signedResponse({ user: "alice", team: "fraud" })), httpMethod: "GET" }, /malformed/);
    });
    it("a refused assertion does not burn its id: the ledger holds only used ones", async () => {
        await expectRefused(post("fraud", signedResponse({ user: "carol", team: "fraud" })), /not a member/);
        expect(ledger.claimed.size).toBe(0);
    });
});

describe("SAML broker settings", () => {
    it("parse the settings SamlBroker writes", () => {
        expect(parseBrokerSettings(JSON.stringify(SETTINGS))).toEqual(SETTINGS);
    });
    it("name every broken setting", () => {
        expect(() => parseBrokerSettings(undefined)).toThrow(/BROKER_SETTINGS is not set/);
        expect(() => parseBrokerSettings(JSON.stringify({ ...SETTINGS, urlExpirySeconds: 600, sessionExpirationSeconds: 60, idpCertificates: [] }))).toThrow(
            /idpCertificates must be one or more PEM certificates; urlExpirySeconds must be 5-300; sessionExpirationSeconds must be 1800-43200/,
        );
    });
});
