/**
 * Type tokens and helpers shared by the baseline rules (cross-cutting and service hardening).
 * Resources are correlated through `propertyDependencies` (ids are unknown in a real preview);
 * see `references()` in ../types.
 */
import type { PolicyResource } from "@pulumi/policy";
import { IamStatement, T, actionMatches, list, record, references, strings, text } from "../types";

export { actionMatches, strings };
export type { IamStatement };

/** The pack's shared tokens (T) plus the ones only baseline rules inspect. */
export const B = {
    ...T,
    vpc: "aws:ec2/vpc:Vpc",
    defaultVpc: "aws:ec2/defaultVpc:DefaultVpc",
    defaultSubnet: "aws:ec2/defaultSubnet:DefaultSubnet",
    subnet: "aws:ec2/subnet:Subnet",
    securityGroup: "aws:ec2/securityGroup:SecurityGroup",
    defaultSecurityGroup: "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup",
    securityGroupRule: "aws:ec2/securityGroupRule:SecurityGroupRule",
    ingressRule: "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
    egressRule: "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule",
    vpcEndpoint: "aws:ec2/vpcEndpoint:VpcEndpoint",
    s3Policy: "aws:s3/bucketPolicy:BucketPolicy",
    s3Versioning: "aws:s3/bucketVersioning:BucketVersioning",
    s3VersioningV2: "aws:s3/bucketVersioningV2:BucketVersioningV2",
    s3Ownership: "aws:s3/bucketOwnershipControls:BucketOwnershipControls",
    s3Lifecycle: "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration",
    s3LifecycleV2: "aws:s3/bucketLifecycleConfigurationV2:BucketLifecycleConfigurationV2",
    s3Logging: "aws:s3/bucketLogging:BucketLogging",
    s3LoggingV2: "aws:s3/bucketLoggingV2:BucketLoggingV2",
    s3AccessPoint: "aws:s3/accessPoint:AccessPoint",
    logGroup: "aws:cloudwatch/logGroup:LogGroup",
    sagemakerSpace: "aws:sagemaker/space:Space",
    notebookInstance: "aws:sagemaker/notebookInstance:NotebookInstance",
    sagemakerModel: "aws:sagemaker/model:Model",
    trainingJob: "aws:sagemaker/trainingJob:TrainingJob",
    efs: "aws:efs/fileSystem:FileSystem",
    secret: "aws:secretsmanager/secret:Secret",
    trail: "aws:cloudtrail/trail:Trail",
    ecrRepository: "aws:ecr/repository:Repository",
    ecrLifecycle: "aws:ecr/lifecyclePolicy:LifecyclePolicy",
    ecrRepositoryPolicy: "aws:ecr/repositoryPolicy:RepositoryPolicy",
    codeartifactDomain: "aws:codeartifact/domain:Domain",
    codeartifactRepository: "aws:codeartifact/repository:Repository",
    codeartifactDomainPermissions: "aws:codeartifact/domainPermissions:DomainPermissions",
    codeartifactRepositoryPolicy: "aws:codeartifact/repositoryPermissionsPolicy:RepositoryPermissionsPolicy",
    codebuildProject: "aws:codebuild/project:Project",
    lambdaFunction: "aws:lambda/function:Function",
    lambdaPermission: "aws:lambda/permission:Permission",
    snsTopicPolicy: "aws:sns/topicPolicy:TopicPolicy",
    sqsQueuePolicy: "aws:sqs/queuePolicy:QueuePolicy",
    backupVault: "aws:backup/vault:Vault",
    backupVaultPolicy: "aws:backup/vaultPolicy:VaultPolicy",
    backupPlan: "aws:backup/plan:Plan",
    backupSelection: "aws:backup/selection:Selection",
    iamPolicy: "aws:iam/policy:Policy",
    iamRolePolicy: "aws:iam/rolePolicy:RolePolicy",
    iamUserPolicy: "aws:iam/userPolicy:UserPolicy",
    iamGroupPolicy: "aws:iam/groupPolicy:GroupPolicy",
    iamRole: "aws:iam/role:Role",
    permissionSetInlinePolicy: "aws:ssoadmin/permissionSetInlinePolicy:PermissionSetInlinePolicy",
} as const;

export const BUCKET_TYPES = [B.s3Bucket, B.s3BucketV2];

/** Tag IsolatedNetwork puts on the data-science VPC (components/network/IsolatedNetwork.ts). */
export const ISOLATION_TAG = "secure-ds:network-isolation";

/**
 * The statements of a policy document given as a JSON string or an object. Returns undefined
 * for an absent or unparsable document (callers decide whether that is a violation).
 */
export function statementsOf(doc: unknown): IamStatement[] | undefined {
    let parsed: unknown = doc;
    if (typeof doc === "string") {
        try {
            parsed = JSON.parse(doc);
        } catch {
            return undefined;
        }
    }
    if (parsed === null || typeof parsed !== "object") return undefined;
    return list(record(parsed).Statement).map((s) => record(s) as IamStatement);
}

/**
 * The Allow statements of a document that do not carry the documented wildcard escape (a Sid
 * ending in `JustifiedWildcard`, explained in a comment where the document is built).
 */
export function unjustifiedAllows(doc: unknown): IamStatement[] {
    // A Sid that is not a string (malformed JSON) justifies nothing; `endsWith` on it would throw
    // and take the whole policy down with it.
    return (statementsOf(doc) ?? []).filter((s) => s.Effect === "Allow" && !(typeof s.Sid === "string" && s.Sid.endsWith("JustifiedWildcard")));
}

/** Identity-policy documents of a resource: the policy of a managed/inline policy or permission set, or each of a role's inlinePolicies. */
export function identityPolicyDocuments(type: string, props: Record<string, unknown>): unknown[] {
    switch (type) {
        case B.iamPolicy:
        case B.iamRolePolicy:
        case B.iamUserPolicy:
        case B.iamGroupPolicy:
            return [props.policy];
        case B.permissionSetInlinePolicy:
            return [props.inlinePolicy];
        case B.iamRole:
            return list(props.inlinePolicies).map((p) => record(p).policy);
        default:
            return [];
    }
}

/** Does the statement apply to the action? Through Action, or through NotAction when none of its patterns excludes it. */
export function statementCovers(s: IamStatement, action: string): boolean {
    if (strings(s.Action).some((p) => actionMatches(p, action))) return true;
    return s.NotAction !== undefined && !strings(s.NotAction).some((p) => actionMatches(p, action));
}

/**
 * Condition keys that pin a `*` principal to known callers: an account, an organization, a
 * principal ARN, a source resource or a network origin. A statement whose principal is `*`
 * but that tests one of these is not public (Security Hub and Prowler use the same notion).
 */
export const RESTRICTING_CONDITION_KEYS = [
    "aws:principalarn",
    "aws:principalaccount",
    "aws:principalorgid",
    "aws:principalorgpaths",
    "aws:sourceaccount",
    "aws:sourcearn",
    "aws:sourceowner",
    "aws:sourceorgid",
    "aws:sourceorgpaths",
    "aws:sourcevpce",
    "aws:sourcevpc",
    "aws:userid",
    "kms:calleraccount",
];

/** True when the principal is `*` or `{AWS: "*"}` (a service principal is not "everyone"). */
export function isWildcardPrincipal(principal: unknown): boolean {
    if (principal === "*") return true;
    const aws = record(principal).AWS;
    return strings(aws).includes("*");
}

/** Condition keys a statement tests, lower-cased, whatever the operator. */
export function conditionKeys(s: IamStatement): string[] {
    return Object.values(record(s.Condition)).flatMap((block) => Object.keys(record(block)).map((k) => k.toLowerCase()));
}

/**
 * Condition keys a statement tests with an operator that fails when the key is absent or differs:
 * negated operators (`StringNotEquals`, `ArnNotLike`), `…IfExists`, `Null` and `ForAllValues:`
 * are true for a request without the key (or with another value), so they narrow nothing.
 */
export function narrowingConditionKeys(s: IamStatement): string[] {
    return Object.entries(record(s.Condition))
        .filter(([op]) => !/Not|IfExists$|^Null$|^ForAllValues:/i.test(op))
        .flatMap(([, block]) => Object.keys(record(block)).map((k) => k.toLowerCase()));
}

/** An Allow statement that admits anyone: `*` principal without a restricting (non-negated) condition. */
export function isPublicAllow(s: IamStatement): boolean {
    if (s.Effect !== "Allow") return false;
    if (!isWildcardPrincipal(s.Principal)) return false;
    return !narrowingConditionKeys(s).some((k) => RESTRICTING_CONDITION_KEYS.includes(k));
}

/**
 * Names of variables that look like they hold a credential. Names ending in _ARN, _NAME, _ID,
 * _KEY_ARN, _PATH or _URL are references to a secret, not the secret itself.
 */
const SECRET_NAME = /(SECRET|PASSWORD|PASSWD|PRIVATE_?KEY|ACCESS_?KEY|API_?KEY|TOKEN|CREDENTIAL)/i;
const REFERENCE_SUFFIX = /(_ARN|_NAME|_ID|_PATH|_URL|_URI)$/i;
const AWS_ACCESS_KEY_VALUE = /^(AKIA|ASIA)[A-Z0-9]{16}$/;

/** Why a name/value pair looks like a clear-text credential, or undefined. */
export function credentialReason(name: string, value: unknown): string | undefined {
    if (typeof value === "string" && AWS_ACCESS_KEY_VALUE.test(value)) return `its value looks like an AWS access key id`;
    if (name === "AWS_ACCESS_KEY_ID" || name === "AWS_SECRET_ACCESS_KEY" || name === "AWS_SESSION_TOKEN") return `${name} is an AWS credential`;
    if (SECRET_NAME.test(name) && !REFERENCE_SUFFIX.test(name)) return `the name ${name} suggests a secret`;
    return undefined;
}

/** Resources among `candidates` whose `property` references `target`. */
export function referencing(candidates: PolicyResource[], property: string, target: PolicyResource): PolicyResource[] {
    return candidates.filter((c) => references(c, property, target));
}

/** The stack resources `resource.props[property]` depends on (through property dependencies). */
export function dependenciesOf(resource: PolicyResource, property: string, types?: string[]): PolicyResource[] {
    const deps = resource.propertyDependencies?.[property] ?? [];
    return types ? deps.filter((d) => types.includes(d.type)) : deps;
}

/** The `team` of a resource, from its own tags. */
export function tagOf(r: PolicyResource, key: string): string | undefined {
    return text(record(r.props.tags)[key]);
}

/** Buckets that receive server access logs (a logging target): they cannot log to themselves. */
export function logTargetBuckets(resources: PolicyResource[], buckets: PolicyResource[]): Set<string> {
    const targets = new Set<string>();
    for (const logging of resources.filter((r) => r.type === B.s3Logging || r.type === B.s3LoggingV2)) {
        for (const b of buckets) if (references(logging, "targetBucket", b)) targets.add(b.urn);
    }
    return targets;
}
