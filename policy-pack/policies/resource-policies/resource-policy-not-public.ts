import { SecureDsResourcePolicy, TYPES, isPublicAllow, isSet, knownOrDefer, propsOf, statementsOf, text } from "../common";

/** Resource types with a resource policy, and the property holding it. */
const POLICY_PROPERTY: Record<string, string> = {
    [TYPES.kmsKey]: "policy",
    [TYPES.ecrRepositoryPolicy]: "policy",
    [TYPES.snsTopicPolicy]: "policy",
    // Topics and queues also take their policy inline.
    [TYPES.snsTopic]: "policy",
    [TYPES.sqsQueuePolicy]: "policy",
    [TYPES.sqsQueue]: "policy",
    [TYPES.secretsmanagerSecretPolicy]: "policy",
    [TYPES.efsFileSystemPolicy]: "policy",
    [TYPES.codeartifactDomainPermissions]: "policyDocument",
    [TYPES.codeartifactRepositoryPermissionsPolicy]: "policyDocument",
    [TYPES.backupVaultPolicy]: "policy",
    [TYPES.s3BucketPolicy]: "policy",
    [TYPES.s3AccessPoint]: "policy",
};

/**
 * N10, E10, S5: no resource policy admits everyone. An Allow to `*` counts as restricted only when
 * it tests a principal, account, organization, source or network condition key; a Lambda
 * permission must name the calling resource or account.
 */
export const resourcePolicyNotPublic: SecureDsResourcePolicy = {
    name: "resource-policy-not-public",
    description:
        "Resource policies (KMS keys, ECR, SNS topics, SQS queues, Secrets Manager, EFS, CodeArtifact, Backup vaults, S3 buckets and access points) must not allow a `*` principal without a (non-negated) principal/account/organization/source/network condition, and Lambda permissions must name a source ARN or account (N10, E10, S5). Judged during `pulumi up` before the resource is created when the document is unknown in a preview (a preview cannot see a document that embeds a new ARN).",
    controls: ["N10", "E10", "S5"],
    remediation:
        "Name account or service principals, or add aws:PrincipalOrgID / aws:PrincipalArn / aws:SourceArn conditions (the builders in components/guardrails do); on lambda.Permission set sourceArn or sourceAccount.",
    enforcementLevel: "mandatory",
    previewDeferral: "Resource policies that name the ARN of the resource itself or of a role created with the stack are unknown as a whole in a preview.",
    validateResource: (args, reportViolation) => {
        const permission = propsOf(args, TYPES.lambdaPermission);
        if (permission) {
            const principal = text(permission.principal) ?? "";
            const scoped = isSet(() => permission.sourceArn) || isSet(() => permission.sourceAccount) || isSet(() => permission.principalOrgId);
            if ((principal === "*" || principal.endsWith(".amazonaws.com")) && !scoped) {
                reportViolation(`Lambda permission ${args.name} lets ${principal} invoke the function without sourceArn, sourceAccount or principalOrgId.`);
            }
            return;
        }
        const property = POLICY_PROPERTY[args.type];
        if (!property) return;
        const statements = statementsOf(knownOrDefer(() => args.props[property], `document ${property}`)) ?? [];
        for (const s of statements.filter(isPublicAllow)) {
            reportViolation(`${args.name}: statement ${s.Sid ?? "(no Sid)"} allows any principal without a restricting condition.`);
        }
    },
};
