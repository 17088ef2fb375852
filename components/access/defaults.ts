/**
 * Defaults and AWS bounds of the SAML presigned-URL broker (SamlBroker), in a module without Pulumi
 * imports so the config schema (stacks/schema/access.ts) can read them.
 */
import { DEFAULT_LOG_RETENTION_DAYS } from "../logRetention";
import { NamingContext, namePrefix } from "../naming";
import { SESSION_EXPIRY_RANGE, URL_EXPIRY_RANGE } from "./broker/settings";

export { SESSION_EXPIRY_RANGE, URL_EXPIRY_RANGE };

/** Allowed clock skew between the IdP and AWS, seconds: node-saml's acceptedClockSkewMs, kept to a few minutes. */
export const CLOCK_SKEW_RANGE = { min: 0, max: 300 } as const;

export const SAML_BROKER_DEFAULTS = {
    /** A presigned URL is used at once by the redirect: a minute is plenty. */
    urlExpirySeconds: 60,
    /** A working day (8 hours), CreatePresignedDomainUrl's SessionExpirationDurationInSeconds. */
    sessionExpirationSeconds: 28800,
    clockSkewSeconds: 60,
    /** Reserved concurrency of the broker Lambda (one sign-in is one short invocation). */
    reservedConcurrency: 5,
    logRetentionDays: DEFAULT_LOG_RETENTION_DAYS,
    /**
     * Stage throttling. API Gateway's account-level default is 10,000 requests/s with a burst of
     * 5,000 (API Gateway developer guide, "Throttle requests to your REST APIs"), shared by every
     * API of the account and region: far above what sign-ins need, so an explicit low limit keeps
     * a flood of forged POSTs from costing Lambda invocations and DynamoDB writes.
     */
    throttlingRateLimit: 10,
    throttlingBurstLimit: 20,
} as const;

/** The broker's SAML entity id (the assertion's Audience) unless configured: `urn:secure-ds:<org>:<env>:saml-broker`. */
export function defaultBrokerAudience(naming: NamingContext): string {
    return `urn:secure-ds:${naming.organization}:${naming.environment}:saml-broker`;
}

/** Physical names of the broker's resources, known before anything exists (policies and scenarios name them). */
export function samlBrokerNames(naming: NamingContext) {
    const prefix = namePrefix(naming);
    return {
        prefix,
        role: `${prefix}-saml-broker`,
        table: `${prefix}-broker-assertions`,
        function: `${prefix}-saml-broker`,
        api: `${prefix}-saml-broker`,
        deadLetterQueue: `${prefix}-saml-broker-dlq`,
        functionLogGroup: `/aws/lambda/${prefix}-saml-broker`,
        accessLogGroup: `/secure-ds/${prefix}/saml-broker/api-access`,
        keyAlias: `${prefix}-saml-broker`,
    };
}

/** The API stage and the resource path the identity provider posts to (docs/operations.md, "The SAML presigned-URL broker"). */
export const BROKER_STAGE = "broker";
export const BROKER_PATH = "saml";

/** The private API's host (API Gateway developer guide, "Invoking a private API": {rest-api-id}.execute-api.{region}.amazonaws.com). */
export function brokerApiHost(apiId: string, region: string, partition: string): string {
    return `${apiId}.execute-api.${region}.${partition === "aws-cn" ? "amazonaws.com.cn" : "amazonaws.com"}`;
}

/** `https://<host>/broker/saml`: the ACS URL of a team is this plus `/<team>`. */
export function brokerRecipientBase(apiId: string, region: string, partition: string): string {
    return `https://${brokerApiHost(apiId, region, partition)}/${BROKER_STAGE}/${BROKER_PATH}`;
}
