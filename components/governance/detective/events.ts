/**
 * The EventBridge events the detective Lambda receives ("AWS API Call via CloudTrail" from
 * aws.sagemaker), parsed defensively: anything malformed or unexpected is reported as a reason to
 * ignore the event, never thrown (a throwing handler is retried and would crash-loop).
 */

/** The SageMaker calls the EventBridge rule forwards. */
export const WATCHED_EVENTS = [
    "CreateTrainingJob",
    "CreateProcessingJob",
    "CreateTransformJob",
    "CreateHyperParameterTuningJob",
    "CreateAutoMLJob",
    "CreateAutoMLJobV2",
    "CreateModel",
    "CreateEndpointConfig",
    "CreateNotebookInstance",
    "CreateDomain",
    "UpdateDomain",
    "CreateUserProfile",
    "CreateApp",
] as const;
export type WatchedEvent = (typeof WATCHED_EVENTS)[number];

export type Json = Record<string, unknown>;

export interface SageMakerApiCall {
    eventId: string;
    eventName: WatchedEvent;
    eventTime?: string;
    accountId: string;
    region: string;
    /** Request as CloudTrail recorded it (camelCase); undefined when CloudTrail omitted it. */
    requestParameters?: Json;
    responseElements?: Json;
    /** Who made the call: the IAM principal ARN. */
    principalArn: string;
    /** The per-user source identity (I5), when the session carried one. */
    sourceIdentity?: string;
}

export type ParseResult = { ok: true; call: SageMakerApiCall } | { ok: false; reason: string };

export function isRecord(value: unknown): value is Json {
    return value !== null && typeof value === "object" && !Array.isArray(value);
}

const str = (v: unknown): string | undefined => (typeof v === "string" && v.length > 0 ? v : undefined);

export function parseEvent(event: unknown): ParseResult {
    if (!isRecord(event)) return { ok: false, reason: "event is not an object" };
    if (event["detail-type"] !== "AWS API Call via CloudTrail") return { ok: false, reason: `unexpected detail-type ${JSON.stringify(event["detail-type"])}` };
    if (event.source !== "aws.sagemaker") return { ok: false, reason: `unexpected source ${JSON.stringify(event.source)}` };
    const detail = event.detail;
    if (!isRecord(detail)) return { ok: false, reason: "event has no detail object" };
    const eventName = str(detail.eventName);
    if (!eventName || !(WATCHED_EVENTS as readonly string[]).includes(eventName)) {
        return { ok: false, reason: `event ${JSON.stringify(detail.eventName)} is not one the detective controls inspect` };
    }
    if (detail.errorCode !== undefined) {
        // The call failed (e.g. denied by the SCP): nothing was created.
        return { ok: false, reason: `${eventName} failed with ${String(detail.errorCode)}; nothing to inspect` };
    }
    const eventId = str(detail.eventID) ?? str(event.id);
    if (!eventId) return { ok: false, reason: "event has no eventID" };
    const identity = isRecord(detail.userIdentity) ? detail.userIdentity : {};
    const session = isRecord(identity.sessionContext) ? identity.sessionContext : {};
    const issuer = isRecord(session.sessionIssuer) ? session.sessionIssuer : {};
    return {
        ok: true,
        call: {
            eventId,
            eventName: eventName as WatchedEvent,
            eventTime: str(detail.eventTime),
            accountId: str(detail.recipientAccountId) ?? str(event.account) ?? "",
            region: str(detail.awsRegion) ?? str(event.region) ?? "",
            // CloudTrail writes requestParameters: null when the request was not recorded.
            requestParameters: isRecord(detail.requestParameters) ? detail.requestParameters : undefined,
            responseElements: isRecord(detail.responseElements) ? detail.responseElements : undefined,
            principalArn: str(identity.arn) ?? str(issuer.arn) ?? str(identity.principalId) ?? "unknown",
            sourceIdentity: str(session.sourceIdentity) ?? str((detail as Json).sourceIdentity),
        },
    };
}
