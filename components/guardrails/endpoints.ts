/**
 * VPC endpoint policies (N7). An endpoint policy is the last gate between a data scientist's
 * notebook and an AWS API: without one, anyone in the VPC can use the endpoint with credentials of
 * ANY account, which is the classic exfiltration path out of an isolated network (copy data to a
 * bucket or a secret in an attacker's account). Each builder returns a plain document.
 */
import { bucketArn } from "./arns";
import { ConditionBlock, PolicyDocument, Statement, policyDocument } from "./document";
import { CODEARTIFACT_REPOSITORY_READ_ACTIONS } from "./packages";

/** Whose principals may use the endpoints: the platform's accounts, or the whole organisation. */
export interface EndpointPrincipalScope {
    /** The platform's account ids (management, shared services, workload). At least one. */
    accountIds: string[];
    /** AWS Organizations id; when set, principals of the organisation qualify (aws:PrincipalOrgID). */
    organizationId?: string;
}

/**
 * The identity-perimeter condition: `aws:PrincipalOrgID` when an organisation is configured (every
 * account of the customer's organisation, including ones added later), otherwise
 * `aws:PrincipalAccount` in the platform's accounts.
 */
function principalScopeCondition(scope: EndpointPrincipalScope): ConditionBlock {
    if (scope.organizationId) {
        return { StringEquals: { "aws:PrincipalOrgID": scope.organizationId } };
    }
    if (scope.accountIds.length === 0) {
        throw new Error("principalScopeCondition: accountIds is empty; name the platform's accounts or set organizationId.");
    }
    return { StringEquals: { "aws:PrincipalAccount": [...new Set(scope.accountIds)].sort() } };
}

/**
 * The resource-perimeter condition (N12): `aws:ResourceOrgID` when an organisation is configured,
 * otherwise `aws:ResourceAccount` in the platform's accounts. Pattern of AWS's data perimeter
 * examples (aws-samples/data-perimeter-policy-examples, vpc_endpoint_policies/default_endpoint_policy.json).
 */
function resourceScopeCondition(scope: EndpointPrincipalScope): Record<string, string | string[]> {
    return scope.organizationId ? { "aws:ResourceOrgID": scope.organizationId } : { "aws:ResourceAccount": [...new Set(scope.accountIds)].sort() };
}

/**
 * Endpoint policy for the services whose resources hold or unlock data (STS, KMS, SSM, Secrets
 * Manager, CloudWatch Logs, ECR): the platform's principals, and only on the platform's resources
 * (N7, N12). Without the resource side, a platform role could write logs, secrets or parameters
 * into another organisation's account, assume a role there or encrypt with its key: exfiltration
 * with the platform's own credentials.
 */
export function platformResourcesEndpointPolicy(scope: EndpointPrincipalScope): PolicyDocument {
    const principals = principalScopeCondition(scope);
    return policyDocument([
        {
            Sid: "PlatformPrincipalsToPlatformResources",
            Effect: "Allow",
            Principal: "*",
            Action: "*",
            Resource: "*",
            Condition: { StringEquals: { ...principals.StringEquals, ...resourceScopeCondition(scope) } },
        },
    ]);
}

/** Endpoint policy for every interface endpoint without a more specific one: the platform's principals only. */
export function platformPrincipalsEndpointPolicy(scope: EndpointPrincipalScope): PolicyDocument {
    return policyDocument([
        {
            Sid: "PlatformPrincipalsOnly",
            Effect: "Allow",
            Principal: "*",
            Action: "*",
            Resource: "*",
            Condition: principalScopeCondition(scope),
        },
    ]);
}

/**
 * Read-side CodeArtifact actions: what pip/npm and `aws codeartifact login` need, nothing that
 * publishes or administers. The repository-level ones are the package mirror's read set.
 */
const CODEARTIFACT_READ_ACTIONS = [
    "codeartifact:GetAuthorizationToken",
    "codeartifact:DescribeDomain",
    "codeartifact:ListRepositories",
    "codeartifact:ListRepositoriesInDomain",
    ...CODEARTIFACT_REPOSITORY_READ_ACTIONS,
];

/**
 * CodeArtifact endpoints (codeartifact.api, codeartifact.repositories): read only (S1, S3: users
 * never publish from the data-science VPC), and only repositories of the platform's accounts, so a
 * notebook cannot pull from an attacker's repository either. `GetAuthorizationToken` also needs
 * `sts:GetServiceBearerToken`, limited to CodeArtifact's bearer tokens.
 */
export function codeArtifactEndpointPolicy(scope: EndpointPrincipalScope): PolicyDocument {
    const principals = principalScopeCondition(scope);
    return policyDocument([
        {
            Sid: "ReadPlatformRepositories",
            Effect: "Allow",
            Principal: "*",
            Action: CODEARTIFACT_READ_ACTIONS,
            Resource: "*",
            Condition: {
                StringEquals: {
                    ...principals.StringEquals,
                    "aws:ResourceAccount": [...new Set(scope.accountIds)].sort(),
                },
            },
        },
        {
            Sid: "CodeArtifactBearerTokens",
            Effect: "Allow",
            Principal: "*",
            Action: "sts:GetServiceBearerToken",
            Resource: "*",
            Condition: {
                StringEquals: {
                    ...principals.StringEquals,
                    "sts:AWSServiceName": "codeartifact.amazonaws.com",
                },
            },
        },
    ]);
}

export interface S3GatewayEndpointPolicyArgs extends EndpointPrincipalScope {
    partition: string;
    /** Prefix of every platform bucket name, `<organization>-<environment>` (components/naming.ts). */
    platformBucketPrefix: string;
    /** CodeArtifact's asset bucket of the region. */
    codeArtifactAssetsBucket: string;
    /** ECR's layer bucket of the region, `prod-<region>-starport-layer-bucket`. */
    ecrLayerBucket: string;
    /** More buckets readable through the endpoint (config `network.s3EndpointExtraBuckets`). */
    extraReadBuckets?: string[];
}

/**
 * The S3 gateway endpoint: the platform's own buckets (full S3 API, bucket policies do the fine
 * control) and read-only access to the AWS-owned buckets that CodeArtifact and ECR serve downloads
 * from. Bucket names are global, so a name prefix alone would also match a bucket an attacker
 * creates as `<prefix>-exfil`: the platform statement also requires the bucket to be in one of
 * the platform's accounts (`aws:ResourceAccount`). The AWS-owned buckets are read through
 * presigned URLs signed by the service, so they carry no principal condition.
 */
export function s3GatewayEndpointPolicy(args: S3GatewayEndpointPolicyArgs): PolicyDocument {
    const prefix = args.platformBucketPrefix;
    if (!/^[a-z0-9][a-z0-9-]*$/.test(prefix)) {
        throw new Error(`s3GatewayEndpointPolicy: platformBucketPrefix "${prefix}" is not a bucket name prefix such as acme-dev.`);
    }
    const principals = principalScopeCondition(args);
    const statements: Statement[] = [
        {
            Sid: "PlatformBuckets",
            Effect: "Allow",
            Principal: "*",
            Action: "s3:*",
            Resource: [bucketArn(args.partition, `${prefix}-*`), bucketArn(args.partition, `${prefix}-*/*`)],
            Condition: {
                StringEquals: {
                    ...principals.StringEquals,
                    "aws:ResourceAccount": [...new Set(args.accountIds)].sort(),
                },
            },
        },
        {
            Sid: "AwsPackageAssets",
            Effect: "Allow",
            Principal: "*",
            Action: "s3:GetObject",
            Resource: bucketArn(args.partition, `${args.codeArtifactAssetsBucket}/*`),
        },
        // ECR serves layers from its own bucket through URLs it presigns. Only presigned reads pass
        // (s3:authType REST-QUERY-STRING), never a request signed with a caller's own keys. Which
        // registry a URL is for is not in the S3 request; inside the VPC a URL is obtainable only
        // through the ecr.api endpoint, whose policy admits the platform's registries only (N12).
        {
            Sid: "EcrPresignedLayerReads",
            Effect: "Allow",
            Principal: "*",
            Action: "s3:GetObject",
            Resource: bucketArn(args.partition, `${args.ecrLayerBucket}/*`),
            Condition: { StringEquals: { "s3:authType": "REST-QUERY-STRING" } },
        },
    ];
    const extra = [...new Set(args.extraReadBuckets ?? [])];
    if (extra.length > 0) {
        statements.push({
            Sid: "ConfiguredReadOnlyBuckets",
            Effect: "Allow",
            Principal: "*",
            Action: ["s3:GetObject", "s3:ListBucket"],
            Resource: extra.flatMap((b) => [bucketArn(args.partition, b), bucketArn(args.partition, `${b}/*`)]),
            Condition: principals,
        });
    }
    return policyDocument(statements);
}

/**
 * The DynamoDB gateway endpoint of the data VPC, present only with the SAML broker: the only
 * DynamoDB call the VPC makes is the broker's conditional put of an assertion id, so the endpoint
 * allows exactly that, on the ledger table, to the platform's principals (N7, N12). A notebook
 * cannot use it to write to any other table, its own account's or anyone else's.
 */
export function dynamoDbLedgerEndpointPolicy(scope: EndpointPrincipalScope, ledgerTableArns: string[]): PolicyDocument {
    if (ledgerTableArns.length === 0) throw new Error("dynamoDbLedgerEndpointPolicy: no table; the endpoint exists only for the broker's ledger.");
    return policyDocument([
        {
            Sid: "ClaimAssertionIdsInTheLedgerOnly",
            Effect: "Allow",
            Principal: "*",
            Action: "dynamodb:PutItem",
            Resource: ledgerTableArns,
            Condition: principalScopeCondition(scope),
        },
    ]);
}

/** Where the broker's private API lives: the account, region and partition its ARN names. */
export interface BrokerApiScope {
    partition: string;
    region: string;
    accountId: string;
}

/**
 * The execute-api interface endpoint, present only with the SAML broker. Principal `*` without a
 * principal condition on purpose: the identity provider's POST comes from the user's browser,
 * unauthenticated (the SAML signature is the authentication, checked by the broker), so no AWS
 * principal is there to test. What it may reach is what binds it: `execute-api:Invoke` of the
 * broker's POST /saml/* of this account's APIs, stage broker (API Gateway developer guide, "Use
 * VPC endpoint policies for private APIs in API Gateway"); every other API, of this account or
 * another, is refused at the endpoint.
 */
export function brokerApiEndpointPolicy(api: BrokerApiScope, stage: string, path: string): PolicyDocument {
    return policyDocument([
        {
            Sid: "InvokeTheSamlBrokerOnly",
            Effect: "Allow",
            Principal: "*",
            Action: "execute-api:Invoke",
            Resource: `arn:${api.partition}:execute-api:${api.region}:${api.accountId}:*/${stage}/POST/${path}/*`,
        },
    ]);
}
