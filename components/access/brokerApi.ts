/**
 * The broker's private REST API around its function: POST /saml/{team} (authorization NONE: the
 * caller is the user's browser carrying the IdP's signed assertion, and the SAML signature,
 * checked by the function, is the authentication), an AWS_PROXY integration, a deployment that
 * changes when the API's shape does, stage `broker` with KMS-encrypted access logs and X-Ray, low
 * explicit throttling, and the permission for API Gateway to invoke the function from this API's
 * POST only. Part of SamlBroker (its second step).
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { AccountContext, roleArn, servicePrincipal } from "../guardrails/arns";
import { toPolicyJson } from "../guardrails/document";
import { serviceTrustPolicy } from "../guardrails/governance";
import { apiGatewayLogsRolePolicy } from "../guardrails/samlBroker";
import { BROKER_PATH, BROKER_STAGE, samlBrokerNames } from "./defaults";

export interface BrokerApi {
    restApi: aws.apigateway.RestApi;
    stage: aws.apigateway.Stage;
    accessLogGroup: aws.cloudwatch.LogGroup;
}

export interface BrokerApiArgs {
    restApi: aws.apigateway.RestApi;
    function: aws.lambda.Function;
    account: AccountContext;
    names: ReturnType<typeof samlBrokerNames>;
    logsKeyArn: pulumi.Input<string>;
    logRetentionDays: number;
    throttlingRateLimit: number;
    throttlingBurstLimit: number;
    /** Changes when the routes or the integration do: a new deployment then. */
    deploymentHash: string;
    parent: pulumi.Resource;
}

/** The fields of each access log line (API Gateway developer guide, "$context variables for access logging"). */
const ACCESS_LOG_FORMAT = JSON.stringify({
    requestId: "$context.requestId",
    extendedRequestId: "$context.extendedRequestId",
    requestTime: "$context.requestTime",
    httpMethod: "$context.httpMethod",
    resourcePath: "$context.resourcePath",
    path: "$context.path",
    status: "$context.status",
    sourceIp: "$context.identity.sourceIp",
    sourceVpce: "$context.identity.vpceId",
    userAgent: "$context.identity.userAgent",
    integrationStatus: "$context.integration.status",
    integrationLatency: "$context.integrationLatency",
});

export function createBrokerApi(name: string, a: BrokerApiArgs): BrokerApi {
    const child = { parent: a.parent };
    const api = a.restApi;
    const saml = new aws.apigateway.Resource(`${name}-saml`, { restApi: api.id, parentId: api.rootResourceId, pathPart: BROKER_PATH }, child);
    const team = new aws.apigateway.Resource(`${name}-team`, { restApi: api.id, parentId: saml.id, pathPart: "{team}" }, child);
    // Authorization NONE: the browser has no AWS credentials; the SAML signature is the authentication.
    const method = new aws.apigateway.Method(
        `${name}-post`,
        { restApi: api.id, resourceId: team.id, httpMethod: "POST", authorization: "NONE", requestParameters: { "method.request.path.team": true } },
        child,
    );
    const integration = new aws.apigateway.Integration(
        `${name}-integration`,
        { restApi: api.id, resourceId: team.id, httpMethod: method.httpMethod, integrationHttpMethod: "POST", type: "AWS_PROXY", uri: a.function.invokeArn },
        child,
    );
    // The resource policy takes effect with a deployment too (API Gateway developer guide, "Create and attach an API Gateway resource policy to an API").
    const deployment = new aws.apigateway.Deployment(
        `${name}-deployment`,
        {
            restApi: api.id,
            description: "secure-ds SAML broker",
            triggers: { shape: a.deploymentHash, policy: api.policy.apply((p) => p ?? "") },
        },
        { parent: a.parent, dependsOn: [method, integration] },
    );
    const accessLogGroup = new aws.cloudwatch.LogGroup(
        `${name}-access-logs`,
        { name: a.names.accessLogGroup, kmsKeyId: a.logsKeyArn, retentionInDays: a.logRetentionDays },
        child,
    );
    // Execution logs (errors only) go to the group API Gateway names after the API and stage
    // (API Gateway developer guide, "Set up CloudWatch logging for REST APIs in API Gateway":
    // API-Gateway-Execution-Logs_{rest-api-id}/{stage_name}). Created here first, so it carries the
    // platform's key and retention (E8) instead of being created by API Gateway without them.
    const executionLogGroup = new aws.cloudwatch.LogGroup(
        `${name}-execution-logs`,
        { name: pulumi.interpolate`API-Gateway-Execution-Logs_${api.id}/${BROKER_STAGE}`, kmsKeyId: a.logsKeyArn, retentionInDays: a.logRetentionDays },
        child,
    );
    const account = cloudWatchAccountSettings(name, a, [accessLogGroup, executionLogGroup]);
    const stage = new aws.apigateway.Stage(
        `${name}-stage`,
        {
            restApi: api.id,
            deployment: deployment.id,
            stageName: BROKER_STAGE,
            xrayTracingEnabled: true,
            accessLogSettings: { destinationArn: accessLogGroup.arn, format: ACCESS_LOG_FORMAT },
        },
        { parent: a.parent, dependsOn: [account] },
    );
    // Explicit and low: the account default (10,000 requests/s, burst 5,000: API Gateway developer
    // guide, "Throttle requests to your REST APIs") is shared by every API of the account and far
    // above what sign-ins need. Execution logging records errors only, never request bodies
    // (dataTraceEnabled off: the body is a SAML assertion).
    new aws.apigateway.MethodSettings(
        `${name}-method-settings`,
        {
            restApi: api.id,
            stageName: stage.stageName,
            methodPath: "*/*",
            settings: {
                throttlingRateLimit: a.throttlingRateLimit,
                throttlingBurstLimit: a.throttlingBurstLimit,
                metricsEnabled: true,
                loggingLevel: "ERROR",
                dataTraceEnabled: false,
            },
        },
        { parent: a.parent, dependsOn: [executionLogGroup, account] },
    );
    new aws.lambda.Permission(
        `${name}-invoke-permission`,
        {
            action: "lambda:InvokeFunction",
            function: a.function.name,
            principal: servicePrincipal("apigateway", a.account.partition),
            sourceArn: pulumi.interpolate`${api.executionArn}/${BROKER_STAGE}/POST/${BROKER_PATH}/*`,
        },
        child,
    );
    return { restApi: api, stage, accessLogGroup };
}

/**
 * API Gateway's CloudWatch role in the account's API Gateway settings (one per account and
 * region): stages write access and execution logs only once it is set. The role may write the
 * broker's two log groups only (apiGatewayLogsRolePolicy).
 */
function cloudWatchAccountSettings(name: string, a: BrokerApiArgs, logGroups: aws.cloudwatch.LogGroup[]): aws.apigateway.Account {
    const { partition, accountId } = a.account;
    const roleName = `${a.names.prefix}-apigateway-logs`;
    const role = new aws.iam.Role(
        `${name}-apigateway-logs-role`,
        {
            name: roleName,
            description: "secure-ds: API Gateway writes the SAML broker's access logs",
            assumeRolePolicy: toPolicyJson(serviceTrustPolicy("apigateway", partition, accountId)),
        },
        { parent: a.parent },
    );
    const policy = new aws.iam.RolePolicy(
        `${name}-apigateway-logs-policy`,
        { role: role.name, name: "access-logs", policy: pulumi.all(logGroups.map((g) => g.arn)).apply((arns) => toPolicyJson(apiGatewayLogsRolePolicy(arns))) },
        { parent: a.parent },
    );
    return new aws.apigateway.Account(
        `${name}-apigateway-account`,
        { cloudwatchRoleArn: roleArn(a.account, roleName) },
        { parent: a.parent, dependsOn: [role, policy] },
    );
}
