/**
 * Lambda entry of the SAML broker (bundled with esbuild by SamlBroker): the identity provider's
 * browser POST (application/x-www-form-urlencoded, `SAMLResponse`) to `/saml/{team}` of the
 * private API becomes a 302 to the presigned Studio URL, or a 403 page naming the refusal. The
 * details go to the log (CloudWatch), the page says only what the user can act on.
 */
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from "aws-lambda";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { SageMakerClient } from "@aws-sdk/client-sagemaker";
import { STSClient } from "@aws-sdk/client-sts";
import { Refusal } from "./assertion";
import { BrokerDeps, presignedUrlFor } from "./broker";
import { DynamoDbLedger } from "./ledger";
import { parseBrokerSettings } from "./settings";

const USER_MESSAGES: Record<Refusal["reason"], string> = {
    "invalid-assertion": "Your sign-in could not be verified. Sign in again from the corporate portal.",
    replayed: "This sign-in was already used. Sign in again from the corporate portal.",
    "unknown-user": "You have no Studio profile. Ask the platform team to add you to a team.",
    "other-team": "You are not a member of this team. Open Studio from your own team's tile.",
    "unknown-team": "This team has no Studio. Check the link of the portal tile.",
    "bad-request": "The sign-in request is malformed. Sign in again from the corporate portal.",
};

const refused = (reason: Refusal["reason"]): APIGatewayProxyResult => ({
    statusCode: 403,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
    body: USER_MESSAGES[reason],
});

/** The SAMLResponse field of the form body, or a Refusal. */
function samlResponseOf(event: APIGatewayProxyEvent): string {
    if (event.httpMethod !== "POST" || !event.body) throw new Refusal("bad-request", "expected a POST with a form body");
    const body = event.isBase64Encoded ? Buffer.from(event.body, "base64").toString("utf8") : event.body;
    const value = new URLSearchParams(body).get("SAMLResponse");
    if (!value) throw new Refusal("bad-request", "the form has no SAMLResponse");
    return value;
}

/** The handler with its dependencies passed in (tests give mocked clients). */
export async function handleSamlPost(event: APIGatewayProxyEvent, deps: BrokerDeps): Promise<APIGatewayProxyResult> {
    try {
        const team = event.pathParameters?.team ?? "";
        const url = await presignedUrlFor(team, samlResponseOf(event), deps);
        return { statusCode: 302, headers: { Location: url, "Cache-Control": "no-store" }, body: "" };
    } catch (err) {
        if (err instanceof Refusal) {
            console.warn(JSON.stringify({ refused: err.reason, detail: err.message, requestId: event.requestContext?.requestId }));
            return refused(err.reason);
        }
        throw err;
    }
}

let deps: BrokerDeps | undefined;

/** Clients and settings are made once per Lambda instance; a broken setting fails every request with its name. */
function liveDeps(): BrokerDeps {
    if (deps) return deps;
    const settings = parseBrokerSettings(process.env.BROKER_SETTINGS);
    deps = {
        settings,
        ledger: new DynamoDbLedger(new DynamoDBClient({}), settings.ledgerTable),
        sts: new STSClient({}),
        sageMaker: (credentials) => new SageMakerClient({ credentials }),
    };
    return deps;
}

export const handler = (event: APIGatewayProxyEvent): Promise<APIGatewayProxyResult> => handleSamlPost(event, liveDeps());
