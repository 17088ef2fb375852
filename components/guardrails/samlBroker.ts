/**
 * The SAML presigned-URL broker's role policy (I1, I5). The broker never opens Studio
 * with its own permissions: it has no sagemaker action at all. It may only assume a team's
 * data-scientist role tagged `studiouserid` = one of that team's users and with the same user as
 * source identity, so a URL it creates is the asserted user's, bound by the team's perimeter
 * (studioAccess.ts: own profile only, through the platform's VPC endpoints). One statement pair per
 * team: a tag naming a user of another team matches no statement of the role it asks for.
 */
import { PolicyDocument, Statement, policyDocument } from "./document";
import { STUDIO_USER_TAG } from "./studioAccess";

export interface SamlBrokerRolePolicyArgs {
    region: string;
    /** The teams the broker serves: the data-scientist role and its users (user profile names). At least one, each with users. */
    teams: { name: string; roleArn: string; users: string[] }[];
    /** The DynamoDB table of used assertion ids and its customer key. */
    ledgerTableArn: string;
    ledgerKeyArn: string;
}

/** `Fraud-Team_1` → `FraudTeam1`: statement ids allow only letters and digits. */
const sidPart = (name: string) =>
    name
        .split(/[^A-Za-z0-9]+/)
        .filter(Boolean)
        .map((p) => p[0].toUpperCase() + p.slice(1))
        .join("");

export function samlBrokerRolePolicy(args: SamlBrokerRolePolicyArgs): PolicyDocument {
    if (args.teams.length === 0) throw new Error("samlBrokerRolePolicy: no team; the broker would serve nobody.");
    const empty = args.teams.filter((t) => t.users.length === 0).map((t) => t.name);
    if (empty.length > 0) throw new Error(`samlBrokerRolePolicy: team(s) ${empty.join(", ")} have no users; the broker cannot assert anyone there.`);
    const perTeam: Statement[] = args.teams.flatMap((t): Statement[] => [
        {
            Sid: `AssumeAsUserOf${sidPart(t.name)}`,
            Effect: "Allow",
            Action: ["sts:AssumeRole", "sts:TagSession"],
            Resource: t.roleArn,
            // I1: the only session tag is studiouserid, and it names a user of this team.
            Condition: {
                StringEquals: { [`aws:RequestTag/${STUDIO_USER_TAG}`]: t.users },
                "ForAllValues:StringEquals": { "aws:TagKeys": [STUDIO_USER_TAG] },
            },
        },
        {
            // I5: CloudTrail names the user; the broker cannot name anyone else.
            Sid: `SourceIdentityIsUserOf${sidPart(t.name)}`,
            Effect: "Allow",
            Action: "sts:SetSourceIdentity",
            Resource: t.roleArn,
            Condition: { StringEquals: { "sts:SourceIdentity": t.users } },
        },
    ]);
    return policyDocument([
        ...perTeam,
        {
            // One-time use of assertions: a conditional put only; the broker never reads or deletes an id.
            Sid: "ClaimAssertionIds",
            Effect: "Allow",
            Action: "dynamodb:PutItem",
            Resource: args.ledgerTableArn,
        },
        {
            Sid: "LedgerKeyThroughDynamoDbOnly",
            Effect: "Allow",
            Action: ["kms:Encrypt", "kms:Decrypt", "kms:GenerateDataKey"],
            Resource: args.ledgerKeyArn,
            Condition: { StringEquals: { "kms:ViaService": `dynamodb.${args.region}.amazonaws.com` } },
        },
    ]);
}

/** What the broker's Lambda itself needs besides its decisions (samlBrokerExecutionPolicy). */
export interface SamlBrokerFunctionArgs {
    partition: string;
    region: string;
    accountId: string;
    /** The function's log group. */
    logGroupArn: string;
    /** The function's dead-letter queue (the pack's lambda-dead-letter-queue rule). */
    deadLetterQueueArn: string;
    /** The data VPC's subnets and the function's security group: where Lambda may create its ENIs. */
    subnetIds: string[];
    securityGroupId: string;
}

/**
 * The broker role's whole inline policy: its decisions (samlBrokerRolePolicy) and what its
 * Lambda needs to run: its log stream, its dead-letter queue (with the broker key through SQS),
 * X-Ray segments, and the ENIs Lambda creates with the function's role to place it in the data
 * VPC (Lambda developer guide, "Giving Lambda functions access to resources in an Amazon VPC":
 * the AWSLambdaVPCAccessExecutionRole actions), only in the VPC's subnets and with its own group.
 */
export function samlBrokerExecutionPolicy(args: SamlBrokerRolePolicyArgs & { function: SamlBrokerFunctionArgs }): PolicyDocument {
    const f = args.function;
    const ec2 = (resource: string) => `arn:${f.partition}:ec2:${f.region}:${f.accountId}:${resource}`;
    return policyDocument([
        ...samlBrokerRolePolicy(args).Statement,
        { Sid: "WriteOwnLogs", Effect: "Allow", Action: ["logs:CreateLogStream", "logs:PutLogEvents"], Resource: `${f.logGroupArn}:*` },
        { Sid: "DeadLetter", Effect: "Allow", Action: "sqs:SendMessage", Resource: f.deadLetterQueueArn },
        {
            Sid: "BrokerKeyThroughSqsAndLambdaOnly",
            Effect: "Allow",
            Action: ["kms:GenerateDataKey", "kms:Decrypt"],
            Resource: args.ledgerKeyArn,
            Condition: { StringEquals: { "kms:ViaService": [`sqs.${f.region}.amazonaws.com`, `lambda.${f.region}.amazonaws.com`] } },
        },
        {
            Sid: "FunctionEnisInTheDataVpc",
            Effect: "Allow",
            Action: ["ec2:CreateNetworkInterface", "ec2:DeleteNetworkInterface", "ec2:AssignPrivateIpAddresses", "ec2:UnassignPrivateIpAddresses"],
            Resource: [ec2("network-interface/*"), ...f.subnetIds.map((id) => ec2(`subnet/${id}`)), ec2(`security-group/${f.securityGroupId}`)],
        },
        // Describe calls support no resource-level permissions (service authorization reference:
        // no resource type listed), so no narrower Resource can match; they reveal no data.
        {
            Sid: "DescribeFunctionEnis",
            Effect: "Allow",
            Action: ["ec2:DescribeNetworkInterfaces", "ec2:DescribeSubnets"],
            Resource: "*",
        },
        // Active tracing: X-Ray defines no resource type for these actions (as detectiveRolePolicy).
        { Sid: "WriteTraces", Effect: "Allow", Action: ["xray:PutTraceSegments", "xray:PutTelemetryRecords"], Resource: "*" },
    ]);
}

/**
 * The private API's resource policy (N8): invoking POST /saml/{team} of stage broker only through
 * the data VPC's execute-api endpoint, and everything else through anything else denied. The
 * Allow names the endpoint (`aws:SourceVpce`), and the Deny on StringNotEquals keeps a later
 * Allow added by hand from opening the API another way (API Gateway developer guide, "Private
 * REST APIs": a private API needs a resource policy to be invocable at all).
 */
export function samlBrokerApiPolicy(
    api: { partition: string; region: string; accountId: string },
    endpointId: string,
    stage: string,
    path: string,
): PolicyDocument {
    // The API's own id cannot appear in its policy (the policy is part of the API): `*` in its place,
    // within this account and region. Full ARNs rather than API Gateway's `execute-api:/` shorthand,
    // so the IAM linter can check them.
    const apis = `arn:${api.partition}:execute-api:${api.region}:${api.accountId}:*`;
    return policyDocument([
        {
            Sid: "SamlPostThroughTheBrokerEndpoint",
            Effect: "Allow",
            Principal: "*",
            Action: "execute-api:Invoke",
            Resource: `${apis}/${stage}/POST/${path}/*`,
            Condition: { StringEquals: { "aws:SourceVpce": endpointId } },
        },
        {
            Sid: "DenyOutsideTheBrokerEndpoint",
            Effect: "Deny",
            Principal: "*",
            Action: "execute-api:Invoke",
            Resource: apis,
            Condition: { StringNotEquals: { "aws:SourceVpce": endpointId } },
        },
    ]);
}

/**
 * API Gateway's account-level CloudWatch role: REST API stages write access logs only once the
 * account's API Gateway settings name a role it assumes (API Gateway developer guide, "Set up
 * CloudWatch logging for REST APIs in API Gateway"). Scoped to the broker's access and execution log
 * groups, which the program creates with the platform's key; CreateLogGroup is allowed on exactly
 * those names because API Gateway may ask for its execution log group before writing (the AWS
 * managed AmazonAPIGatewayPushToCloudWatchLogs policy grants it), and creating an existing group
 * only fails. The describe call names no resource (service authorization reference:
 * DescribeLogGroups has none).
 */
export function apiGatewayLogsRolePolicy(logGroupArns: string[]): PolicyDocument {
    if (logGroupArns.length === 0) throw new Error("apiGatewayLogsRolePolicy: no log group; name the broker's access and execution log groups.");
    return policyDocument([
        {
            Sid: "WriteBrokerLogs",
            Effect: "Allow",
            Action: ["logs:CreateLogGroup", "logs:CreateLogStream", "logs:DescribeLogStreams", "logs:PutLogEvents"],
            Resource: logGroupArns.flatMap((arn) => [arn, `${arn}:*`]),
        },
        { Sid: "FindLogGroups", Effect: "Allow", Action: "logs:DescribeLogGroups", Resource: "*" },
    ]);
}
