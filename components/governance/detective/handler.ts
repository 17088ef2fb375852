/**
 * The detective-control Lambda (G10): inspects SageMaker resources created or changed in the
 * workload account, alerts on every broken guardrail and, in remediate mode, stops or deletes the
 * resource and tags it.
 *
 * Resilience:
 * - malformed and unknown events are logged and ignored (returning normally, so they are never
 *   retried into a crash loop);
 * - a repeated event does no harm: a handled resource carries the `secure-ds:noncompliant` tag
 *   and is skipped, a deleted one is gone, a stopped job is not stopped again;
 * - throttling is retried with backoff (SDK adaptive retries plus withThrottleRetry);
 * - any other failure is thrown: Lambda retries the asynchronous invocation twice, then the
 *   event lands in the dead-letter queue for an operator; a resource that cannot be remediated
 *   yet (a Pending notebook) is alerted on before the retry, so the alert never waits on it.
 */
import {
    AddTagsCommand,
    DeleteAppCommand,
    DeleteEndpointConfigCommand,
    DeleteModelCommand,
    DescribeAppCommand,
    DescribeAutoMLJobCommand,
    DescribeAutoMLJobV2Command,
    DescribeDomainCommand,
    DescribeEndpointConfigCommand,
    DescribeHyperParameterTuningJobCommand,
    DescribeModelCommand,
    DescribeNotebookInstanceCommand,
    DescribeProcessingJobCommand,
    DescribeTrainingJobCommand,
    DescribeTransformJobCommand,
    DescribeUserProfileCommand,
    ListTagsCommand,
    SageMakerClient,
    StopAutoMLJobCommand,
    StopHyperParameterTuningJobCommand,
    StopNotebookInstanceCommand,
    StopProcessingJobCommand,
    StopTrainingJobCommand,
    StopTransformJobCommand,
} from "@aws-sdk/client-sagemaker";
import { PublishCommand, SNSClient } from "@aws-sdk/client-sns";
import { CheckPolicy, Violation, camelize, checkRequest } from "./checks";
import { Json, SageMakerApiCall, isRecord, parseEvent } from "./events";
import { RetryOptions, defaultRetryOptions, withThrottleRetry } from "./retry";

/** Tag put on every resource found non-compliant; its presence makes a repeated event a no-op. */
export const MARKER_TAG = "secure-ds:noncompliant";
export const ACTION_TAG = "secure-ds:detective-action";

export type DetectiveMode = "alert" | "remediate";

export interface HandlerConfig {
    topicArn: string;
    mode: DetectiveMode;
    policy: CheckPolicy;
}

export interface HandlerDeps {
    sagemaker: SageMakerClient;
    sns: SNSClient;
    config: HandlerConfig;
    retry?: RetryOptions;
    log?: (entry: Json) => void;
}

export type OutcomeStatus = "ignored" | "compliant" | "already-handled" | "gone" | "alerted" | "remediated";

export interface Outcome {
    status: OutcomeStatus;
    reason?: string;
    resource?: string;
    violations?: Violation[];
    action?: string;
}

/** Thrown when the resource cannot be remediated yet (e.g. a notebook still Pending): Lambda retries later. */
export class RetryLaterError extends Error {
    constructor(message: string) {
        super(message);
        this.name = "RetryLaterError";
    }
}

/** Reads the handler's config from the Lambda environment (set by DetectiveControls). */
export function configFromEnv(env: Record<string, string | undefined>): HandlerConfig {
    const topicArn = env.ALERT_TOPIC_ARN;
    if (!topicArn) throw new Error("ALERT_TOPIC_ARN is not set; the detective Lambda cannot alert.");
    const mode = env.DETECTIVE_MODE === "remediate" ? "remediate" : "alert";
    return {
        topicArn,
        mode,
        policy: {
            requireNetworkIsolation: env.REQUIRE_NETWORK_ISOLATION === "true",
            networkIsolationTeams: (env.NETWORK_ISOLATION_TEAMS ?? "")
                .split(",")
                .map((s) => s.trim())
                .filter((s) => s.length > 0),
            allowedInstanceTypes: (env.ALLOWED_INSTANCE_TYPES ?? "")
                .split(",")
                .map((s) => s.trim())
                .filter((s) => s.length > 0),
        },
    };
}

export function isNotFound(err: unknown): boolean {
    if (err === null || typeof err !== "object") return false;
    const e = err as { name?: string; message?: string };
    if (e.name === "ResourceNotFound" || e.name === "ResourceNotFoundException") return true;
    return e.name === "ValidationException" && /could not find|does not exist|not found/i.test(e.message ?? "");
}

/** One inspected resource: how to read it and what remediation means for it. */
interface Target {
    kind: string;
    name: string;
    arn: string;
    describe(): Promise<Json>;
    /** Stops or deletes; returns what was done. Undefined: no automatic remediation (alert only). */
    remediate?(described: Json): Promise<string>;
    /** True when remediation deletes the resource (it cannot be tagged afterwards). */
    deletes?: boolean;
}

const text = (v: unknown): string | undefined => (typeof v === "string" && v.length > 0 ? v : undefined);

function partitionOf(arn: string): string {
    const p = arn.split(":")[1];
    return p === "aws-cn" || p === "aws-us-gov" ? p : "aws";
}

export function createHandler(deps: HandlerDeps): (event: unknown) => Promise<Outcome> {
    const retry = deps.retry ?? defaultRetryOptions;
    const log = deps.log ?? ((entry: Json) => console.log(JSON.stringify(entry)));
    const sm = <T>(fn: () => Promise<T>) => withThrottleRetry(fn, retry);

    const describeWith = async (send: () => Promise<object>): Promise<Json> => camelize(await sm(send)) as Json;

    /** Stops a job when it is still running; a job already stopping or finished is left alone. */
    const stopIfRunning = async (status: unknown, stop: () => Promise<unknown>): Promise<string> => {
        if (status === "InProgress") {
            await sm(stop);
            return "stopped";
        }
        return `left alone (status ${String(status ?? "unknown")})`;
    };

    function targetOf(call: SageMakerApiCall): Target | undefined {
        const rp = call.requestParameters ?? {};
        const re = call.responseElements ?? {};
        const arnOf = (resource: string) => `arn:${partitionOf(call.principalArn)}:sagemaker:${call.region}:${call.accountId}:${resource}`;
        const s = deps.sagemaker;
        // Without a recorded request, the response's ARN still names the resource (lower-cased; SageMaker names are case-insensitive).
        const nameFromArn = (arn: unknown) => text(arn)?.split("/").pop();
        switch (call.eventName) {
            case "CreateTrainingJob": {
                const name = text(rp.trainingJobName) ?? nameFromArn(re.trainingJobArn);
                if (!name) return undefined;
                return {
                    kind: "training job",
                    name,
                    arn: text(re.trainingJobArn) ?? arnOf(`training-job/${name.toLowerCase()}`),
                    describe: () => describeWith(() => s.send(new DescribeTrainingJobCommand({ TrainingJobName: name }))),
                    remediate: (d) => stopIfRunning(d.trainingJobStatus, () => s.send(new StopTrainingJobCommand({ TrainingJobName: name }))),
                };
            }
            case "CreateProcessingJob": {
                const name = text(rp.processingJobName) ?? nameFromArn(re.processingJobArn);
                if (!name) return undefined;
                return {
                    kind: "processing job",
                    name,
                    arn: text(re.processingJobArn) ?? arnOf(`processing-job/${name.toLowerCase()}`),
                    describe: () => describeWith(() => s.send(new DescribeProcessingJobCommand({ ProcessingJobName: name }))),
                    remediate: (d) => stopIfRunning(d.processingJobStatus, () => s.send(new StopProcessingJobCommand({ ProcessingJobName: name }))),
                };
            }
            case "CreateTransformJob": {
                const name = text(rp.transformJobName) ?? nameFromArn(re.transformJobArn);
                if (!name) return undefined;
                return {
                    kind: "transform job",
                    name,
                    arn: text(re.transformJobArn) ?? arnOf(`transform-job/${name.toLowerCase()}`),
                    describe: () => describeWith(() => s.send(new DescribeTransformJobCommand({ TransformJobName: name }))),
                    remediate: (d) => stopIfRunning(d.transformJobStatus, () => s.send(new StopTransformJobCommand({ TransformJobName: name }))),
                };
            }
            case "CreateHyperParameterTuningJob": {
                const name = text(rp.hyperParameterTuningJobName) ?? nameFromArn(re.hyperParameterTuningJobArn);
                if (!name) return undefined;
                return {
                    kind: "hyperparameter tuning job",
                    name,
                    arn: text(re.hyperParameterTuningJobArn) ?? arnOf(`hyper-parameter-tuning-job/${name.toLowerCase()}`),
                    describe: () => describeWith(() => s.send(new DescribeHyperParameterTuningJobCommand({ HyperParameterTuningJobName: name }))),
                    remediate: (d) =>
                        stopIfRunning(d.hyperParameterTuningJobStatus, () =>
                            s.send(new StopHyperParameterTuningJobCommand({ HyperParameterTuningJobName: name })),
                        ),
                };
            }
            case "CreateAutoMLJob":
            case "CreateAutoMLJobV2": {
                const name = text(rp.autoMLJobName) ?? nameFromArn(re.autoMLJobArn);
                if (!name) return undefined;
                const v2 = call.eventName === "CreateAutoMLJobV2";
                return {
                    kind: "AutoML job",
                    name,
                    arn: text(re.autoMLJobArn) ?? arnOf(`automl-job/${name.toLowerCase()}`),
                    describe: () =>
                        describeWith(() =>
                            v2
                                ? s.send(new DescribeAutoMLJobV2Command({ AutoMLJobName: name }))
                                : s.send(new DescribeAutoMLJobCommand({ AutoMLJobName: name })),
                        ),
                    remediate: (d) => stopIfRunning(d.autoMLJobStatus, () => s.send(new StopAutoMLJobCommand({ AutoMLJobName: name }))),
                };
            }
            case "CreateModel": {
                const name = text(rp.modelName) ?? nameFromArn(re.modelArn);
                if (!name) return undefined;
                return {
                    kind: "model",
                    name,
                    arn: text(re.modelArn) ?? arnOf(`model/${name.toLowerCase()}`),
                    describe: () => describeWith(() => s.send(new DescribeModelCommand({ ModelName: name }))),
                    remediate: async () => {
                        await sm(() => s.send(new DeleteModelCommand({ ModelName: name })));
                        return "deleted";
                    },
                    deletes: true,
                };
            }
            case "CreateEndpointConfig": {
                const name = text(rp.endpointConfigName) ?? nameFromArn(re.endpointConfigArn);
                if (!name) return undefined;
                return {
                    kind: "endpoint configuration",
                    name,
                    arn: text(re.endpointConfigArn) ?? arnOf(`endpoint-config/${name.toLowerCase()}`),
                    describe: () => describeWith(() => s.send(new DescribeEndpointConfigCommand({ EndpointConfigName: name }))),
                    remediate: async () => {
                        await sm(() => s.send(new DeleteEndpointConfigCommand({ EndpointConfigName: name })));
                        return "deleted";
                    },
                    deletes: true,
                };
            }
            case "CreateNotebookInstance": {
                const name = text(rp.notebookInstanceName) ?? nameFromArn(re.notebookInstanceArn);
                if (!name) return undefined;
                return {
                    kind: "notebook instance",
                    name,
                    arn: text(re.notebookInstanceArn) ?? arnOf(`notebook-instance/${name.toLowerCase()}`),
                    describe: () => describeWith(() => s.send(new DescribeNotebookInstanceCommand({ NotebookInstanceName: name }))),
                    remediate: async (d) => {
                        const status = d.notebookInstanceStatus;
                        if (status === "InService") {
                            await sm(() => s.send(new StopNotebookInstanceCommand({ NotebookInstanceName: name })));
                            return "stopped";
                        }
                        // A Pending instance cannot be stopped yet: fail so Lambda retries the event later.
                        if (status === "Pending") throw new RetryLaterError(`notebook instance ${name} is still Pending; it can be stopped once InService`);
                        return `left alone (status ${String(status ?? "unknown")})`;
                    },
                };
            }
            case "CreateDomain":
            case "UpdateDomain": {
                const domainId = text(re.domainId) ?? text(rp.domainId) ?? text(re.domainArn)?.split("/").pop();
                if (!domainId) return undefined;
                return {
                    kind: "Studio domain",
                    name: text(rp.domainName) ?? domainId,
                    arn: text(re.domainArn) ?? arnOf(`domain/${domainId}`),
                    describe: () => describeWith(() => s.send(new DescribeDomainCommand({ DomainId: domainId }))),
                    // Deleting a domain loses the users' home directories (G9): people decide.
                };
            }
            case "CreateUserProfile": {
                const domainId = text(rp.domainId);
                const profile = text(rp.userProfileName);
                if (!domainId || !profile) return undefined;
                return {
                    kind: "user profile",
                    name: `${domainId}/${profile}`,
                    arn: text(re.userProfileArn) ?? arnOf(`user-profile/${domainId}/${profile}`),
                    describe: () => describeWith(() => s.send(new DescribeUserProfileCommand({ DomainId: domainId, UserProfileName: profile }))),
                };
            }
            case "CreateApp": {
                const domainId = text(rp.domainId);
                const appType = text(rp.appType);
                const appName = text(rp.appName);
                const owner = text(rp.userProfileName) ?? text(rp.spaceName);
                if (!domainId || !appType || !appName || !owner) return undefined;
                const who = text(rp.userProfileName) ? { UserProfileName: owner } : { SpaceName: owner };
                return {
                    kind: `${appType} app`,
                    name: `${domainId}/${owner}/${appName}`,
                    arn: text(re.appArn) ?? arnOf(`app/${domainId}/${owner}/${appType.toLowerCase()}/${appName}`),
                    describe: () =>
                        describeWith(() => s.send(new DescribeAppCommand({ DomainId: domainId, AppType: appType as never, AppName: appName, ...who }))),
                    remediate: async (d) => {
                        if (d.status === "InService" || d.status === "Pending") {
                            await sm(() => s.send(new DeleteAppCommand({ DomainId: domainId, AppType: appType as never, AppName: appName, ...who })));
                            return "deleted";
                        }
                        return `left alone (status ${String(d.status ?? "unknown")})`;
                    },
                    deletes: true,
                };
            }
        }
    }

    async function alreadyHandled(target: Target): Promise<boolean> {
        const out = await sm(() => deps.sagemaker.send(new ListTagsCommand({ ResourceArn: target.arn })));
        return (out.Tags ?? []).some((t) => t.Key === MARKER_TAG);
    }

    async function publish(call: SageMakerApiCall, target: Target, violations: Violation[], action: string): Promise<void> {
        const controls = [...new Set(violations.map((v) => v.control))];
        const principal = call.sourceIdentity ?? call.principalArn;
        const subject = `secure-ds: non-compliant SageMaker ${target.kind} ${target.name} (${controls.join(",")})`;
        const message = {
            summary: `${principal} created a non-compliant ${target.kind} ${target.name}: ${violations.map((v) => `${v.control}: ${v.message}`).join("; ")}. Action: ${action}.`,
            resource: { kind: target.kind, name: target.name, arn: target.arn },
            principal: { arn: call.principalArn, sourceIdentity: call.sourceIdentity },
            controls: violations,
            mode: deps.config.mode,
            action,
            event: { id: call.eventId, name: call.eventName, time: call.eventTime, account: call.accountId, region: call.region },
        };
        await sm(() =>
            deps.sns.send(
                new PublishCommand({
                    TopicArn: deps.config.topicArn,
                    // SNS subjects: at most 100 printable ASCII characters.
                    Subject: subject.replace(/[^\x20-\x7e]/g, "?").slice(0, 100),
                    Message: JSON.stringify(message, null, 2),
                }),
            ),
        );
    }

    return async (event: unknown): Promise<Outcome> => {
        const parsed = parseEvent(event);
        if (!parsed.ok) {
            log({ level: "warn", msg: "ignored event", reason: parsed.reason });
            return { status: "ignored", reason: parsed.reason };
        }
        const call = parsed.call;
        const target = targetOf(call);
        if (!target) {
            const reason = `${call.eventName} event ${call.eventId} does not name the resource`;
            log({ level: "warn", msg: "ignored event", reason });
            return { status: "ignored", reason };
        }
        const base = { eventId: call.eventId, eventName: call.eventName, resource: target.arn };

        // The request is what was asked for; the description is what exists. An update names only
        // what changed, so the domain is always described; so is anything CloudTrail did not record.
        let described: Json | undefined;
        const needDescribe = call.requestParameters === undefined || call.eventName === "UpdateDomain" || deps.config.mode === "remediate";
        if (needDescribe) {
            try {
                described = await target.describe();
            } catch (err) {
                if (isNotFound(err)) {
                    log({ level: "info", msg: "resource no longer exists", ...base });
                    return { status: "gone", resource: target.arn };
                }
                throw err;
            }
        }
        const subject = call.eventName === "UpdateDomain" || call.requestParameters === undefined ? (described ?? {}) : call.requestParameters;
        const violations = checkRequest(call.eventName, subject, deps.config.policy);
        if (violations.length === 0) {
            log({ level: "info", msg: "compliant", ...base });
            return { status: "compliant", resource: target.arn };
        }

        try {
            if (await alreadyHandled(target)) {
                log({ level: "info", msg: "already handled", ...base });
                return { status: "already-handled", resource: target.arn, violations };
            }
        } catch (err) {
            if (isNotFound(err)) {
                log({ level: "info", msg: "resource no longer exists", ...base });
                return { status: "gone", resource: target.arn, violations };
            }
            throw err;
        }

        let action = "alert only";
        if (deps.config.mode === "remediate") {
            try {
                action =
                    target.remediate && described && isRecord(described)
                        ? await target.remediate(described)
                        : "manual action required (no automatic remediation for this resource)";
            } catch (err) {
                // Lambda retries twice within minutes, then dead-letters the event: the alert is sent
                // now so that a resource still not stoppable after the last retry is not silent.
                if (err instanceof RetryLaterError) {
                    await publish(call, target, violations, `remediation deferred (${err.message}); retried, then dead-lettered for an operator`);
                    log({ level: "warn", msg: "remediation deferred", ...base, reason: err.message });
                }
                throw err;
            }
        }
        await publish(call, target, violations, action);
        if (!(target.deletes && action === "deleted")) {
            const controls = [...new Set(violations.map((v) => v.control))].join(" ");
            await sm(() =>
                deps.sagemaker.send(
                    new AddTagsCommand({
                        ResourceArn: target.arn,
                        Tags: [
                            { Key: MARKER_TAG, Value: controls },
                            { Key: ACTION_TAG, Value: action.replace(/[^\p{L}\p{N}\s+\-=._:/@]/gu, "").slice(0, 256) },
                        ],
                    }),
                ),
            );
        }
        log({ level: "warn", msg: "non-compliant", ...base, controls: violations.map((v) => v.control), action, mode: deps.config.mode });
        return { status: action === "stopped" || action === "deleted" ? "remediated" : "alerted", resource: target.arn, violations, action };
    };
}

let cached: ((event: unknown) => Promise<Outcome>) | undefined;

/** Lambda entry point. Clients are created once per container, with the SDK's adaptive retries. */
export async function handler(event: unknown): Promise<Outcome> {
    if (!cached) {
        cached = createHandler({
            sagemaker: new SageMakerClient({ maxAttempts: 4, retryMode: "adaptive" }),
            sns: new SNSClient({ maxAttempts: 4, retryMode: "adaptive" }),
            config: configFromEnv(process.env),
        });
    }
    return cached(event);
}
