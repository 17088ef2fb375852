import * as path from "node:path";
import { createHash } from "node:crypto";
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { AccountContext, roleArn } from "../guardrails/arns";
import { toPolicyJson } from "../guardrails/document";
import { serviceTrustPolicy } from "../guardrails/governance";
import { keyPolicy } from "../guardrails/kmsKeyPolicy";
import { samlBrokerApiPolicy, samlBrokerExecutionPolicy } from "../guardrails/samlBroker";
import { Bundle, bundleHandler, handlerArchive } from "../governance/bundle";
import { CustomerKey } from "../kms/CustomerKey";
import { NamingContext } from "../naming";
import { LOG_RETENTION_DAYS } from "../logRetention";
import { LEDGER_KEY, LEDGER_TTL_ATTRIBUTE } from "./broker/ledger";
import { brokerSettingsJson, BROKER_SETTINGS_VARIABLE } from "./brokerSettings";
import { createBrokerApi, BrokerApi } from "./brokerApi";
import {
    BROKER_PATH,
    BROKER_STAGE,
    CLOCK_SKEW_RANGE,
    SAML_BROKER_DEFAULTS,
    SESSION_EXPIRY_RANGE,
    URL_EXPIRY_RANGE,
    brokerRecipientBase,
    defaultBrokerAudience,
    samlBrokerNames,
} from "./defaults";
import { RESERVED_CONCURRENCY_RANGE } from "../governance/defaults";
import { HTTPS } from "../network/workloadSecurityGroups";

/** Where the broker runs: the data VPC and the endpoints it calls and is called through. */
export interface SamlBrokerNetwork {
    vpcId: pulumi.Input<string>;
    subnetIds: pulumi.Input<string>[];
    /** Group of the interface endpoints (STS, SageMaker API): the function sends 443 there only. */
    endpointSecurityGroupId: pulumi.Input<string>;
    /** The execute-api interface endpoint: the only way to the private API (its resource policy). */
    executeApiEndpointId: pulumi.Input<string>;
    /** Prefix list of the DynamoDB gateway endpoint: the ledger's path. */
    dynamoDbPrefixListId: pulumi.Input<string>;
}

export interface SamlBrokerArgs {
    /** Organization and environment: prefix of every name. Required. */
    naming: NamingContext;
    /** Partition, region and id of the workload account. Required. */
    account: AccountContext;
    /** Administrators of the broker key (the layer's key admins). Required. */
    keyAdministrators: string[];
    /** Principals that create the ledger table and the function (the deployer): they use the broker key through DynamoDB and Lambda only. Required, at least one. */
    keyCreators: string[];
    /** The layer's key for CloudWatch log groups (E8). Required. */
    logsKeyArn: pulumi.Input<string>;
    /** The data VPC and its endpoints. Required. */
    network: SamlBrokerNetwork;
    /** The IdP's entity id: the assertion's Issuer. Required. */
    idpEntityId: string;
    /** PEM certificates of the IdP's signing keys. Required, at least one. */
    idpCertificates: string[];
    /** The broker's SAML entity id. Default `urn:secure-ds:<org>:<env>:saml-broker`. */
    audience?: string;
    /** Presigned URL lifetime, 5-300 s. Default 60. */
    urlExpirySeconds?: number;
    /** Studio session length, 1800-43200 s. Default 28800. */
    sessionExpirationSeconds?: number;
    /** Clock skew accepted, 0-300 s. Default 60. */
    clockSkewSeconds?: number;
    /** Reserved concurrency of the function, 1-100. Default 5. */
    reservedConcurrency?: number;
    /** Days the function's and the API's logs are kept. Default 365. */
    logRetentionDays?: number;
    /** Stage throttling, requests per second and burst. Default 10 and 20. */
    throttlingRateLimit?: number;
    throttlingBurstLimit?: number;
}

/** One team the broker serves (`serve`): its users, its data-scientist role and its Studio domain. */
export interface SamlBrokerTeam {
    name: string;
    users: string[];
    /** ARN of the team's data-scientist role (computed from its name, components/team/names.ts). */
    scientistRoleArn: string;
    /** The role itself: the broker's policy, which names it, is created after it. */
    scientistRole: pulumi.Resource;
    domainId: pulumi.Input<string>;
}

type Settings = Required<Omit<SamlBrokerArgs, "naming" | "account" | "keyAdministrators" | "keyCreators" | "logsKeyArn" | "network">>;

/**
 * The SAML presigned-URL broker (I1, I5, N8): a private REST API, reachable only through the data
 * VPC's execute-api endpoint (and so from the corporate network over the hub), whose POST
 * /saml/{team} runs a Lambda in the data VPC that validates the IdP's assertion, claims its id in a
 * KMS-encrypted DynamoDB ledger (replay), assumes the team's data-scientist role as the asserted
 * user and redirects to a presigned Studio URL created through the SageMaker API endpoint.
 *
 * Built in two steps because of IAM's ordering: the constructor creates the broker role (and what
 * needs no team), which the teams' data-scientist roles then trust (IAM rejects a trust naming a
 * role that does not exist yet); `serve` creates, after the teams and their Studio domains, the
 * role's policy naming their roles, the function and the API, and registers the outputs.
 */
export class SamlBroker extends pulumi.ComponentResource {
    readonly role: aws.iam.Role;
    readonly roleArn: string;
    readonly key: CustomerKey;
    readonly ledger: aws.dynamodb.Table;
    readonly ledgerTableArn: string;
    readonly deadLetterQueue: aws.sqs.Queue;
    readonly securityGroup: aws.ec2.SecurityGroup;
    readonly audience: string;
    readonly bundle: Bundle;
    /** Set by `serve`. */
    function?: aws.lambda.Function;
    api?: BrokerApi;
    /** The stack output: audience, ACS URL per team, API id. Set by `serve`. */
    output?: pulumi.Output<{ audience: string; acsUrls: Record<string, string>; apiId: string }>;

    private readonly settings: Settings;
    private readonly names: ReturnType<typeof samlBrokerNames>;
    private readonly functionLogGroup: aws.cloudwatch.LogGroup;

    constructor(
        private readonly componentName: string,
        private readonly args: SamlBrokerArgs,
        opts?: pulumi.ComponentResourceOptions,
    ) {
        super("secure-ds:access:SamlBroker", componentName, {}, opts);
        this.settings = samlBrokerSettings(componentName, args);
        this.names = samlBrokerNames(args.naming);
        this.audience = this.settings.audience;
        // Bundled before any resource is registered: a handler that does not build fails the program, not the deploy.
        this.bundle = bundleHandler(path.join(__dirname, "broker", "handler.ts"));
        const { partition, region, accountId } = args.account;
        this.roleArn = roleArn(args.account, this.names.role);
        this.ledgerTableArn = `arn:${partition}:dynamodb:${region}:${accountId}:table/${this.names.table}`;
        const child = { parent: this };

        this.role = new aws.iam.Role(
            `${componentName}-role`,
            {
                name: this.names.role,
                description: "secure-ds SAML presigned-URL broker Lambda (I1, I5, N8): assumes team data-scientist roles as the asserted user",
                assumeRolePolicy: toPolicyJson(serviceTrustPolicy("lambda", partition, accountId)),
                maxSessionDuration: 3600,
            },
            child,
        );
        this.key = this.createKey();
        this.ledger = this.createLedger();
        this.deadLetterQueue = new aws.sqs.Queue(
            `${componentName}-dlq`,
            { name: this.names.deadLetterQueue, kmsMasterKeyId: this.key.arn, kmsDataKeyReusePeriodSeconds: 300, messageRetentionSeconds: 1209600 },
            child,
        );
        this.functionLogGroup = new aws.cloudwatch.LogGroup(
            `${componentName}-logs`,
            { name: this.names.functionLogGroup, kmsKeyId: args.logsKeyArn, retentionInDays: this.settings.logRetentionDays },
            child,
        );
        this.securityGroup = this.createSecurityGroup();
    }

    /**
     * The broker key: the ledger table, the dead-letter queue and the function's environment. Its
     * users (the broker role, the deployer) use it through DynamoDB, SQS and Lambda only. The
     * policy names the role, so the key waits for it (KMS rejects unknown principals).
     */
    private createKey(): CustomerKey {
        const { region } = this.args.account;
        return new CustomerKey(
            `${this.componentName}-key`,
            {
                description: `${this.names.prefix} SAML broker: assertion ledger, dead-letter queue, function environment`,
                alias: this.names.keyAlias,
                policy: this.role.arn.apply((brokerRoleArn) =>
                    keyPolicy({
                        administrators: this.args.keyAdministrators,
                        users: [...new Set([brokerRoleArn, ...this.args.keyCreators])],
                        viaServices: ["dynamodb", "sqs", "lambda"].map((s) => `${s}.${region}.amazonaws.com`),
                    }),
                ),
            },
            { parent: this, dependsOn: [this.role] },
        );
    }

    /** Used assertion ids, each until its assertion would have expired (TTL); point-in-time recovery, never deleted by a stray `pulumi destroy`. */
    private createLedger(): aws.dynamodb.Table {
        return new aws.dynamodb.Table(
            `${this.componentName}-ledger`,
            {
                // DynamoDB API reference, CreateTable TableName: 3-255 of [a-zA-Z0-9_.-]; the prefix is lower-case DNS characters.
                name: this.names.table,
                billingMode: "PAY_PER_REQUEST",
                hashKey: LEDGER_KEY,
                attributes: [{ name: LEDGER_KEY, type: "S" }],
                ttl: { attributeName: LEDGER_TTL_ATTRIBUTE, enabled: true },
                serverSideEncryption: { enabled: true, kmsKeyArn: this.key.arn },
                pointInTimeRecovery: { enabled: true },
                deletionProtectionEnabled: true,
            },
            { parent: this },
        );
    }

    /** The function's own group: no ingress; 443 to the interface endpoints and to DynamoDB's prefix list only. */
    private createSecurityGroup(): aws.ec2.SecurityGroup {
        const group = new aws.ec2.SecurityGroup(
            `${this.componentName}-sg`,
            {
                vpcId: this.args.network.vpcId,
                description: "SAML broker Lambda: HTTPS to the VPC endpoints and the DynamoDB gateway only; no ingress",
                revokeRulesOnDelete: true,
                tags: { Name: `${this.names.prefix}-saml-broker` },
            },
            { parent: this },
        );
        new aws.vpc.SecurityGroupEgressRule(
            `${this.componentName}-https-to-endpoints`,
            {
                securityGroupId: group.id,
                ipProtocol: "tcp",
                fromPort: HTTPS,
                toPort: HTTPS,
                referencedSecurityGroupId: this.args.network.endpointSecurityGroupId,
                description: "HTTPS to the interface VPC endpoints (STS, SageMaker API)",
            },
            { parent: this },
        );
        new aws.vpc.SecurityGroupEgressRule(
            `${this.componentName}-https-to-dynamodb`,
            {
                securityGroupId: group.id,
                ipProtocol: "tcp",
                fromPort: HTTPS,
                toPort: HTTPS,
                prefixListId: this.args.network.dynamoDbPrefixListId,
                description: "HTTPS to DynamoDB through the gateway endpoint (the assertion ledger)",
            },
            { parent: this },
        );
        return group;
    }

    /**
     * The second step, after the teams' roles and Studio domains exist: the role's policy (naming
     * the team roles, so created after them), the function and the private API.
     */
    serve(teams: SamlBrokerTeam[]): void {
        if (this.function) throw new Error(`SamlBroker ${this.componentName}: serve was called twice; pass every team at once.`);
        if (teams.length === 0) throw new Error(`SamlBroker ${this.componentName}: no team to serve; name at least one (access.samlBroker.teams).`);
        const { partition, region, accountId } = this.args.account;
        const child = { parent: this };
        const rolePolicy = new aws.iam.RolePolicy(
            `${this.componentName}-role-policy`,
            {
                role: this.role.name,
                name: "saml-broker",
                policy: pulumi
                    .all([this.key.arn, this.functionLogGroup.arn, this.deadLetterQueue.arn, pulumi.all(this.args.network.subnetIds), this.securityGroup.id])
                    .apply(([ledgerKeyArn, logGroupArn, deadLetterQueueArn, subnetIds, securityGroupId]) =>
                        toPolicyJson(
                            samlBrokerExecutionPolicy({
                                region,
                                teams: teams.map((t) => ({ name: t.name, roleArn: t.scientistRoleArn, users: t.users })),
                                ledgerTableArn: this.ledgerTableArn,
                                ledgerKeyArn,
                                function: { partition, region, accountId, logGroupArn, deadLetterQueueArn, subnetIds, securityGroupId },
                            }),
                        ),
                    ),
            },
            { parent: this, dependsOn: teams.map((t) => t.scientistRole) },
        );
        const restApi = new aws.apigateway.RestApi(
            `${this.componentName}-api`,
            {
                name: this.names.api,
                description: "secure-ds SAML presigned-URL broker: private, reachable through the data VPC's execute-api endpoint only (N8)",
                // @pulumi/aws 7 takes one endpoint type as a string (RestApiEndpointConfiguration.types).
                endpointConfiguration: { types: "PRIVATE", vpcEndpointIds: [this.args.network.executeApiEndpointId] },
                // The resource policy inline (not an aws.apigateway.RestApiPolicy): the API never exists without it.
                policy: pulumi
                    .output(this.args.network.executeApiEndpointId)
                    .apply((id) => toPolicyJson(samlBrokerApiPolicy(this.args.account, id, BROKER_STAGE, BROKER_PATH))),
            },
            child,
        );
        const settingsJson = pulumi.all([restApi.id, pulumi.all(teams.map((t) => t.domainId))]).apply(([apiId, domainIds]) =>
            brokerSettingsJson(this.componentName, {
                idpCertificates: this.settings.idpCertificates,
                idpEntityId: this.settings.idpEntityId,
                audience: this.settings.audience,
                recipientBase: brokerRecipientBase(apiId, region, partition),
                urlExpirySeconds: this.settings.urlExpirySeconds,
                sessionExpirationSeconds: this.settings.sessionExpirationSeconds,
                clockSkewMs: this.settings.clockSkewSeconds * 1000,
                ledgerTable: this.names.table,
                teams: Object.fromEntries(teams.map((t, i) => [t.name, { domainId: domainIds[i], roleArn: t.scientistRoleArn, users: t.users }])),
            }),
        );
        this.function = new aws.lambda.Function(
            `${this.componentName}-function`,
            {
                name: this.names.function,
                description: "secure-ds SAML broker: a valid IdP assertion becomes the user's presigned Studio URL (I1, I5, N8)",
                role: this.role.arn,
                runtime: "nodejs22.x",
                architectures: ["arm64"],
                handler: "index.handler",
                code: handlerArchive(this.bundle),
                sourceCodeHash: this.bundle.sha256,
                // One validation, one conditional put, AssumeRole and CreatePresignedDomainUrl: seconds, not minutes.
                timeout: 15,
                memorySize: 256,
                // CKV_AWS_115: a flood of POSTs cannot take the account's concurrency (the stage throttles first).
                reservedConcurrentExecutions: this.settings.reservedConcurrency,
                tracingConfig: { mode: "Active" },
                // CKV_AWS_173: the environment (IdP certificates, team roles) under the broker key, not Lambda's AWS-owned key.
                kmsKeyArn: this.key.arn,
                environment: { variables: { [BROKER_SETTINGS_VARIABLE]: settingsJson } },
                // The pack's lambda-dead-letter-queue rule; API Gateway invokes synchronously, so it stays empty unless someone invokes asynchronously.
                deadLetterConfig: { targetArn: this.deadLetterQueue.arn },
                loggingConfig: { logFormat: "JSON", logGroup: this.functionLogGroup.name },
                // In the data VPC: the team perimeter (N8) admits CreatePresignedDomainUrl only through the SageMaker API endpoint.
                vpcConfig: { subnetIds: this.args.network.subnetIds, securityGroupIds: [this.securityGroup.id] },
            },
            { parent: this, dependsOn: [rolePolicy, this.functionLogGroup] },
        );
        this.api = createBrokerApi(this.componentName, {
            restApi,
            function: this.function,
            account: this.args.account,
            names: this.names,
            logsKeyArn: this.args.logsKeyArn,
            logRetentionDays: this.settings.logRetentionDays,
            throttlingRateLimit: this.settings.throttlingRateLimit,
            throttlingBurstLimit: this.settings.throttlingBurstLimit,
            deploymentHash: createHash("sha256")
                .update(JSON.stringify({ stage: BROKER_STAGE, path: BROKER_PATH, method: "POST", authorization: "NONE", integration: "AWS_PROXY" }))
                .digest("hex"),
            parent: this,
        });
        const audience = this.audience;
        this.output = restApi.id.apply((apiId) => ({
            audience,
            acsUrls: Object.fromEntries(teams.map((t) => [t.name, `${brokerRecipientBase(apiId, region, partition)}/${t.name}`])),
            apiId,
        }));
        this.registerOutputs({ roleArn: this.roleArn, ledgerTableArn: this.ledgerTableArn, functionArn: this.function.arn, samlBroker: this.output });
    }
}

/** Applies the defaults (SAML_BROKER_DEFAULTS) and validates, before any resource is registered. */
function samlBrokerSettings(name: string, args: SamlBrokerArgs): Settings {
    const D = SAML_BROKER_DEFAULTS;
    const s: Settings = {
        idpEntityId: args.idpEntityId,
        idpCertificates: args.idpCertificates,
        audience: args.audience ?? defaultBrokerAudience(args.naming),
        urlExpirySeconds: args.urlExpirySeconds ?? D.urlExpirySeconds,
        sessionExpirationSeconds: args.sessionExpirationSeconds ?? D.sessionExpirationSeconds,
        clockSkewSeconds: args.clockSkewSeconds ?? D.clockSkewSeconds,
        reservedConcurrency: args.reservedConcurrency ?? D.reservedConcurrency,
        logRetentionDays: args.logRetentionDays ?? D.logRetentionDays,
        throttlingRateLimit: args.throttlingRateLimit ?? D.throttlingRateLimit,
        throttlingBurstLimit: args.throttlingBurstLimit ?? D.throttlingBurstLimit,
    };
    const problems: string[] = [];
    const inRange = (v: number, r: { min: number; max: number }) => Number.isInteger(v) && v >= r.min && v <= r.max;
    if (s.idpCertificates.length === 0) problems.push("idpCertificates is empty; give the IdP's signing certificate");
    if (s.idpEntityId.length === 0) problems.push("idpEntityId is empty");
    if (!inRange(s.urlExpirySeconds, URL_EXPIRY_RANGE)) problems.push(`urlExpirySeconds must be ${URL_EXPIRY_RANGE.min}-${URL_EXPIRY_RANGE.max}`);
    if (!inRange(s.sessionExpirationSeconds, SESSION_EXPIRY_RANGE))
        problems.push(`sessionExpirationSeconds must be ${SESSION_EXPIRY_RANGE.min}-${SESSION_EXPIRY_RANGE.max}`);
    if (!inRange(s.clockSkewSeconds, CLOCK_SKEW_RANGE)) problems.push(`clockSkewSeconds must be ${CLOCK_SKEW_RANGE.min}-${CLOCK_SKEW_RANGE.max}`);
    if (!inRange(s.reservedConcurrency, RESERVED_CONCURRENCY_RANGE))
        problems.push(`reservedConcurrency must be ${RESERVED_CONCURRENCY_RANGE.min}-${RESERVED_CONCURRENCY_RANGE.max}`);
    if (!(LOG_RETENTION_DAYS as readonly number[]).includes(s.logRetentionDays))
        problems.push(`logRetentionDays must be one of ${LOG_RETENTION_DAYS.join(", ")}`);
    if (!(s.throttlingRateLimit > 0) || !(s.throttlingBurstLimit >= 1)) problems.push("throttlingRateLimit and throttlingBurstLimit must be positive");
    if (args.keyAdministrators.length === 0) problems.push("keyAdministrators is empty");
    if (args.keyCreators.length === 0) problems.push("keyCreators is empty; name the deployer, which creates the encrypted table and function");
    if (problems.length > 0) throw new Error(`SamlBroker ${name}: ${problems.join("; ")}.`);
    return s;
}
