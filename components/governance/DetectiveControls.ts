import * as path from "node:path";
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { roleArn, servicePrincipal } from "../guardrails/arns";
import { toPolicyJson } from "../guardrails/document";
import { detectiveRolePolicy, eventsDeadLetterQueuePolicy, serviceTrustPolicy } from "../guardrails/governance";
import { keyPolicy } from "../guardrails/kmsKeyPolicy";
import { CustomerKey } from "../kms/CustomerKey";
import { DETECTIVE_CONTROLS_DEFAULTS, RESERVED_CONCURRENCY_RANGE } from "./defaults";
import { GovernanceAccountArgs } from "./types";
import { iamRoleName, namePrefix } from "../naming";
import { Bundle, bundleHandler, handlerArchive } from "./bundle";
import { WATCHED_EVENTS } from "./detective/events";

/** `keyAdministrators` administer the alert key; `logsKeyArn` encrypts the function's log group. */
export interface DetectiveControlsArgs extends GovernanceAccountArgs {
    /** alert: report only; remediate: stop/delete and tag. Default remediate (the hardened choice). */
    mode?: "alert" | "remediate";
    /** N4: require network isolation on jobs and models. Default false. */
    requireNetworkIsolation?: boolean;
    /** N4 for these teams only (by the `team` tag of the request). Default none. */
    networkIsolationTeams?: string[];
    /** G2: instance types allowed. Default: not checked. */
    allowedInstanceTypes?: string[];
    /** E-mail addresses subscribed to the alert topic (each must confirm). Default none. */
    alertEmails?: string[];
    /** Days the function's logs are kept. Default 365. */
    logRetentionDays?: number;
    /** Reserved concurrent executions of the function, 1 to 100. Default 5. */
    reservedConcurrency?: number;
}

/**
 * Detective controls (G10): an EventBridge rule on SageMaker CloudTrail events invokes a Lambda
 * that checks the new resource against the guardrails, alerts through an encrypted SNS topic and,
 * in remediate mode, stops or deletes it. Failed invocations and undeliverable events land in an
 * encrypted dead-letter queue.
 */
export class DetectiveControls extends pulumi.ComponentResource {
    readonly function: aws.lambda.Function;
    readonly topic: aws.sns.Topic;
    readonly deadLetterQueue: aws.sqs.Queue;
    readonly rule: aws.cloudwatch.EventRule;
    readonly key: CustomerKey;
    readonly role: aws.iam.Role;
    readonly bundle: Bundle;

    constructor(name: string, args: DetectiveControlsArgs, opts?: pulumi.ComponentResourceOptions) {
        super("secure-ds:governance:DetectiveControls", name, {}, opts);
        const c: Step = { name, args, settings: detectiveSettings(name, args), names: detectiveNames(args), child: { parent: this } };
        // Bundled before any resource is registered: a broken handler fails the program, not the deploy.
        this.bundle = bundleHandler(path.join(__dirname, "detective", "handler.ts"));

        this.role = this.createRole(c);
        this.key = this.createKey(c);
        this.topic = this.createTopic(c);
        this.deadLetterQueue = this.createDeadLetterQueue(c);
        this.function = this.createFunction(c);
        this.rule = this.invokeOnSageMakerCalls(c);

        const { partition, accountId } = args.account;
        this.registerOutputs({
            functionArn: this.function.arn,
            topicArn: this.topic.arn,
            deadLetterQueueArn: this.deadLetterQueue.arn,
            roleArn: roleArn({ partition, accountId }, c.names.role),
        });
    }

    private createRole(c: Step): aws.iam.Role {
        const { partition, accountId } = c.args.account;
        return new aws.iam.Role(
            `${c.name}-role`,
            {
                name: c.names.role,
                description: "secure-ds detective controls Lambda (G10)",
                assumeRolePolicy: toPolicyJson(serviceTrustPolicy("lambda", partition, accountId)),
            },
            c.child,
        );
    }

    /**
     * The alert key: the function uses it, and EventBridge for the dead letters of its own rule.
     * The key policy names the role, so the key waits for it (KMS rejects unknown principals).
     */
    private createKey(c: Step): CustomerKey {
        return new CustomerKey(
            `${c.name}-alerts`,
            {
                description: `${c.names.prefix} detective controls: alert topic and dead-letter queue`,
                alias: `${c.names.prefix}-detective-alerts`,
                policy: this.role.arn.apply((lambdaRoleArn) =>
                    keyPolicy({
                        administrators: c.args.keyAdministrators,
                        users: [lambdaRoleArn],
                        serviceUsers: [
                            {
                                sid: "EventBridgeDeadLetters",
                                principal: servicePrincipal("events", c.args.account.partition),
                                actions: ["kms:GenerateDataKey", "kms:Decrypt"],
                                conditions: { ArnEquals: { "aws:SourceArn": c.names.ruleArn } },
                            },
                        ],
                    }),
                ),
            },
            { parent: this, dependsOn: [this.role] },
        );
    }

    /** The encrypted alert topic and its e-mail subscriptions. */
    private createTopic(c: Step): aws.sns.Topic {
        const topic = new aws.sns.Topic(`${c.name}-alerts`, { name: `${c.names.prefix}-sagemaker-alerts`, kmsMasterKeyId: this.key.arn }, c.child);
        c.settings.alertEmails.forEach((email, i) => {
            new aws.sns.TopicSubscription(`${c.name}-alerts-email-${i}`, { topic: topic.arn, protocol: "email", endpoint: email }, c.child);
        });
        return topic;
    }

    /** Where failed invocations and undeliverable events wait for an operator, 14 days, encrypted. */
    private createDeadLetterQueue(c: Step): aws.sqs.Queue {
        const queue = new aws.sqs.Queue(
            `${c.name}-dlq`,
            {
                name: `${c.names.prefix}-sagemaker-detective-dlq`,
                kmsMasterKeyId: this.key.arn,
                kmsDataKeyReusePeriodSeconds: 300,
                messageRetentionSeconds: 1209600,
            },
            c.child,
        );
        new aws.sqs.QueuePolicy(
            `${c.name}-dlq-policy`,
            {
                queueUrl: queue.url,
                policy: queue.arn.apply((q) => toPolicyJson(eventsDeadLetterQueuePolicy(c.args.account.partition, q, c.names.ruleArn))),
            },
            c.child,
        );
        return queue;
    }

    /** The function, its encrypted log group and its role's permissions; asynchronous invocations retry twice. */
    private createFunction(c: Step): aws.lambda.Function {
        const { partition, region, accountId } = c.args.account;
        const s = c.settings;
        const logGroup = new aws.cloudwatch.LogGroup(
            `${c.name}-logs`,
            { name: `/aws/lambda/${c.names.function}`, kmsKeyId: c.args.logsKeyArn, retentionInDays: s.logRetentionDays },
            c.child,
        );
        const rolePolicy = new aws.iam.RolePolicy(
            `${c.name}-role-policy`,
            {
                role: this.role.name,
                policy: pulumi
                    .all([this.topic.arn, this.deadLetterQueue.arn, this.key.arn, logGroup.arn])
                    .apply(([topicArn, deadLetterQueueArn, kmsKeyArn, logGroupArn]) =>
                        toPolicyJson(detectiveRolePolicy({ partition, region, accountId, topicArn, deadLetterQueueArn, kmsKeyArn, logGroupArn })),
                    ),
            },
            c.child,
        );
        const fn = new aws.lambda.Function(
            `${c.name}-function`,
            {
                name: c.names.function,
                description: "secure-ds: inspects new SageMaker resources against the guardrails (G10)",
                role: this.role.arn,
                runtime: "nodejs22.x",
                architectures: ["arm64"],
                handler: "index.handler",
                code: handlerArchive(this.bundle),
                sourceCodeHash: this.bundle.sha256,
                timeout: 120,
                memorySize: 256,
                // A cap (CKV_AWS_115): a storm of SageMaker events cannot exhaust the account's
                // concurrency, which the teams' own functions and SageMaker integrations share.
                // Throttled invocations are not lost: asynchronous invocation retries them, and
                // what still fails lands in the dead-letter queue.
                reservedConcurrentExecutions: s.reservedConcurrency,
                // CKV_AWS_50: traces of the SageMaker/SNS calls each inspection makes (the role may
                // write trace segments, detectiveRolePolicy).
                tracingConfig: { mode: "Active" },
                environment: {
                    variables: {
                        ALERT_TOPIC_ARN: this.topic.arn,
                        DETECTIVE_MODE: s.mode,
                        REQUIRE_NETWORK_ISOLATION: String(s.requireNetworkIsolation),
                        NETWORK_ISOLATION_TEAMS: s.networkIsolationTeams.join(","),
                        ALLOWED_INSTANCE_TYPES: s.allowedInstanceTypes.join(","),
                    },
                },
                deadLetterConfig: { targetArn: this.deadLetterQueue.arn },
                loggingConfig: { logFormat: "JSON", logGroup: logGroup.name },
            },
            { parent: this, dependsOn: [rolePolicy, logGroup] },
        );
        new aws.lambda.FunctionEventInvokeConfig(
            `${c.name}-invoke-config`,
            { functionName: fn.name, maximumRetryAttempts: 2, maximumEventAgeInSeconds: 3600 },
            c.child,
        );
        return fn;
    }

    /** The EventBridge rule on SageMaker calls (CloudTrail) of this account, targeting the function. */
    private invokeOnSageMakerCalls(c: Step): aws.cloudwatch.EventRule {
        const { partition, accountId } = c.args.account;
        const rule = new aws.cloudwatch.EventRule(
            `${c.name}-rule`,
            {
                name: c.names.rule,
                description: "SageMaker create/update calls inspected by the secure-ds detective controls",
                // `account`: events forwarded from other accounts' buses never reach the function
                // (its role may act on this account's resources only).
                eventPattern: JSON.stringify({
                    source: ["aws.sagemaker"],
                    account: [accountId],
                    "detail-type": ["AWS API Call via CloudTrail"],
                    detail: { eventSource: ["sagemaker.amazonaws.com"], eventName: [...WATCHED_EVENTS] },
                }),
            },
            c.child,
        );
        new aws.lambda.Permission(
            `${c.name}-invoke-permission`,
            { action: "lambda:InvokeFunction", function: this.function.name, principal: servicePrincipal("events", partition), sourceArn: rule.arn },
            c.child,
        );
        new aws.cloudwatch.EventTarget(
            `${c.name}-target`,
            {
                rule: rule.name,
                arn: this.function.arn,
                retryPolicy: { maximumEventAgeInSeconds: 3600, maximumRetryAttempts: 10 },
                deadLetterConfig: { arn: this.deadLetterQueue.arn },
            },
            c.child,
        );
        return rule;
    }
}

type DetectiveSettings = Required<
    Pick<
        DetectiveControlsArgs,
        "mode" | "requireNetworkIsolation" | "networkIsolationTeams" | "allowedInstanceTypes" | "alertEmails" | "logRetentionDays" | "reservedConcurrency"
    >
>;

/** The physical names, known before anything exists: the key and queue policies name the rule by ARN. */
interface DetectiveNames {
    prefix: string;
    function: string;
    rule: string;
    ruleArn: string;
    role: string;
}

/** What every step of the constructor reads. */
interface Step {
    name: string;
    args: DetectiveControlsArgs;
    settings: DetectiveSettings;
    names: DetectiveNames;
    child: pulumi.CustomResourceOptions;
}

/** Applies the defaults (DETECTIVE_CONTROLS_DEFAULTS) and validates, before any resource is registered. */
function detectiveSettings(name: string, args: DetectiveControlsArgs): DetectiveSettings {
    const D = DETECTIVE_CONTROLS_DEFAULTS;
    const settings: DetectiveSettings = {
        mode: args.mode ?? D.mode,
        requireNetworkIsolation: args.requireNetworkIsolation ?? D.requireNetworkIsolation,
        networkIsolationTeams: args.networkIsolationTeams ?? D.networkIsolationTeams,
        allowedInstanceTypes: args.allowedInstanceTypes ?? D.allowedInstanceTypes,
        alertEmails: args.alertEmails ?? D.alertEmails,
        logRetentionDays: args.logRetentionDays ?? D.logRetentionDays,
        reservedConcurrency: args.reservedConcurrency ?? D.reservedConcurrency,
    };
    if (args.keyAdministrators.length === 0) {
        throw new Error(`DetectiveControls ${name}: keyAdministrators is empty; name at least one admin role for the alert key.`);
    }
    const { min, max } = RESERVED_CONCURRENCY_RANGE;
    const { reservedConcurrency } = settings;
    if (!Number.isInteger(reservedConcurrency) || reservedConcurrency < min || reservedConcurrency > max) {
        throw new Error(
            `DetectiveControls ${name}: reservedConcurrency ${reservedConcurrency} must be a whole number from ${min} to ${max} (governance.detectiveConcurrency).`,
        );
    }
    if (settings.allowedInstanceTypes.join(",").length > 3000) {
        throw new Error(`DetectiveControls ${name}: allowedInstanceTypes does not fit a Lambda environment variable; shorten the list or use wildcards.`);
    }
    return settings;
}

function detectiveNames(args: DetectiveControlsArgs): DetectiveNames {
    const { partition, region, accountId } = args.account;
    const prefix = namePrefix(args.naming);
    const rule = `${prefix}-sagemaker-detective`;
    return {
        prefix,
        function: `${prefix}-sagemaker-detective`,
        rule,
        ruleArn: `arn:${partition}:events:${region}:${accountId}:rule/${rule}`,
        role: iamRoleName(args.naming, "sagemaker-detective"),
    };
}
