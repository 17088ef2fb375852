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
        const D = DETECTIVE_CONTROLS_DEFAULTS;
        const mode = args.mode ?? D.mode;
        const requireNetworkIsolation = args.requireNetworkIsolation ?? D.requireNetworkIsolation;
        const networkIsolationTeams = args.networkIsolationTeams ?? D.networkIsolationTeams;
        const allowedInstanceTypes = args.allowedInstanceTypes ?? D.allowedInstanceTypes;
        const alertEmails = args.alertEmails ?? D.alertEmails;
        const logRetentionDays = args.logRetentionDays ?? D.logRetentionDays;
        const reservedConcurrency = args.reservedConcurrency ?? D.reservedConcurrency;
        if (args.keyAdministrators.length === 0) {
            throw new Error(`DetectiveControls ${name}: keyAdministrators is empty; name at least one admin role for the alert key.`);
        }
        const { min, max } = RESERVED_CONCURRENCY_RANGE;
        if (!Number.isInteger(reservedConcurrency) || reservedConcurrency < min || reservedConcurrency > max) {
            throw new Error(
                `DetectiveControls ${name}: reservedConcurrency ${reservedConcurrency} must be a whole number from ${min} to ${max} (governance.detectiveConcurrency).`,
            );
        }
        if (allowedInstanceTypes.join(",").length > 3000) {
            throw new Error(`DetectiveControls ${name}: allowedInstanceTypes does not fit a Lambda environment variable; shorten the list or use wildcards.`);
        }
        // Bundled before any resource is registered: a broken handler fails the program, not the deploy.
        this.bundle = bundleHandler(path.join(__dirname, "detective", "handler.ts"));

        const { partition, region, accountId } = args.account;
        const prefix = namePrefix(args.naming);
        const functionName = `${prefix}-sagemaker-detective`;
        const ruleName = `${prefix}-sagemaker-detective`;
        const ruleArn = `arn:${partition}:events:${region}:${accountId}:rule/${ruleName}`;
        const roleName = iamRoleName(args.naming, "sagemaker-detective");
        const child = { parent: this };

        this.role = new aws.iam.Role(
            `${name}-role`,
            {
                name: roleName,
                description: "secure-ds detective controls Lambda (G10)",
                assumeRolePolicy: toPolicyJson(serviceTrustPolicy("lambda", partition, accountId)),
            },
            child,
        );

        // The key policy names the role, so the key waits for it (KMS rejects unknown principals).
        this.key = new CustomerKey(
            `${name}-alerts`,
            {
                description: `${prefix} detective controls: alert topic and dead-letter queue`,
                alias: `${prefix}-detective-alerts`,
                policy: this.role.arn.apply((lambdaRoleArn) =>
                    keyPolicy({
                        administrators: args.keyAdministrators,
                        users: [lambdaRoleArn],
                        serviceUsers: [
                            {
                                sid: "EventBridgeDeadLetters",
                                principal: servicePrincipal("events", partition),
                                actions: ["kms:GenerateDataKey", "kms:Decrypt"],
                                conditions: { ArnEquals: { "aws:SourceArn": ruleArn } },
                            },
                        ],
                    }),
                ),
            },
            { parent: this, dependsOn: [this.role] },
        );

        this.topic = new aws.sns.Topic(`${name}-alerts`, { name: `${prefix}-sagemaker-alerts`, kmsMasterKeyId: this.key.arn }, child);
        alertEmails.forEach((email, i) => {
            new aws.sns.TopicSubscription(`${name}-alerts-email-${i}`, { topic: this.topic.arn, protocol: "email", endpoint: email }, child);
        });

        this.deadLetterQueue = new aws.sqs.Queue(
            `${name}-dlq`,
            { name: `${prefix}-sagemaker-detective-dlq`, kmsMasterKeyId: this.key.arn, kmsDataKeyReusePeriodSeconds: 300, messageRetentionSeconds: 1209600 },
            child,
        );
        new aws.sqs.QueuePolicy(
            `${name}-dlq-policy`,
            {
                queueUrl: this.deadLetterQueue.url,
                policy: this.deadLetterQueue.arn.apply((q) => toPolicyJson(eventsDeadLetterQueuePolicy(partition, q, ruleArn))),
            },
            child,
        );

        const logGroup = new aws.cloudwatch.LogGroup(
            `${name}-logs`,
            { name: `/aws/lambda/${functionName}`, kmsKeyId: args.logsKeyArn, retentionInDays: logRetentionDays },
            child,
        );
        const rolePolicy = new aws.iam.RolePolicy(
            `${name}-role-policy`,
            {
                role: this.role.name,
                policy: pulumi
                    .all([this.topic.arn, this.deadLetterQueue.arn, this.key.arn, logGroup.arn])
                    .apply(([topicArn, deadLetterQueueArn, kmsKeyArn, logGroupArn]) =>
                        toPolicyJson(detectiveRolePolicy({ partition, region, accountId, topicArn, deadLetterQueueArn, kmsKeyArn, logGroupArn })),
                    ),
            },
            child,
        );

        this.function = new aws.lambda.Function(
            `${name}-function`,
            {
                name: functionName,
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
                reservedConcurrentExecutions: reservedConcurrency,
                // CKV_AWS_50: traces of the SageMaker/SNS calls each inspection makes (the role may
                // write trace segments, detectiveRolePolicy).
                tracingConfig: { mode: "Active" },
                environment: {
                    variables: {
                        ALERT_TOPIC_ARN: this.topic.arn,
                        DETECTIVE_MODE: mode,
                        REQUIRE_NETWORK_ISOLATION: String(requireNetworkIsolation),
                        NETWORK_ISOLATION_TEAMS: networkIsolationTeams.join(","),
                        ALLOWED_INSTANCE_TYPES: allowedInstanceTypes.join(","),
                    },
                },
                deadLetterConfig: { targetArn: this.deadLetterQueue.arn },
                loggingConfig: { logFormat: "JSON", logGroup: logGroup.name },
            },
            { parent: this, dependsOn: [rolePolicy, logGroup] },
        );
        new aws.lambda.FunctionEventInvokeConfig(
            `${name}-invoke-config`,
            { functionName: this.function.name, maximumRetryAttempts: 2, maximumEventAgeInSeconds: 3600 },
            child,
        );

        this.rule = new aws.cloudwatch.EventRule(
            `${name}-rule`,
            {
                name: ruleName,
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
            child,
        );
        new aws.lambda.Permission(
            `${name}-invoke-permission`,
            { action: "lambda:InvokeFunction", function: this.function.name, principal: servicePrincipal("events", partition), sourceArn: this.rule.arn },
            child,
        );
        new aws.cloudwatch.EventTarget(
            `${name}-target`,
            {
                rule: this.rule.name,
                arn: this.function.arn,
                retryPolicy: { maximumEventAgeInSeconds: 3600, maximumRetryAttempts: 10 },
                deadLetterConfig: { arn: this.deadLetterQueue.arn },
            },
            child,
        );

        this.registerOutputs({
            functionArn: this.function.arn,
            topicArn: this.topic.arn,
            deadLetterQueueArn: this.deadLetterQueue.arn,
            roleArn: roleArn({ partition, accountId }, roleName),
        });
    }
}
