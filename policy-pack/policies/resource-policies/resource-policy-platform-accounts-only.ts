import { Deferrals, IamStatement, NOT_KNOWN, SecureDsStackPolicy, TYPES, record, stackAccounts, statementsOf, strings } from "../common";

/** Resource types with a resource policy whose grants this rule reads, and the property holding it. */
const POLICY_PROPERTY: Record<string, string> = {
    [TYPES.s3BucketPolicy]: "policy",
    [TYPES.kmsKey]: "policy",
    [TYPES.snsTopicPolicy]: "policy",
    [TYPES.snsTopic]: "policy",
    [TYPES.sqsQueuePolicy]: "policy",
    [TYPES.sqsQueue]: "policy",
    [TYPES.ecrRepositoryPolicy]: "policy",
    [TYPES.codeartifactDomainPermissions]: "policyDocument",
    [TYPES.codeartifactRepositoryPermissionsPolicy]: "policyDocument",
};

/** Condition keys whose values are AWS account ids (lower-cased: keys are compared case-insensitively). */
const ACCOUNT_CONDITION_KEYS = ["aws:principalaccount", "aws:sourceaccount", "aws:sourceowner", "kms:calleraccount", "aws:resourceaccount"];

const ACCOUNT_ID = /^\d{12}$/;
/** IAM and STS principal ARNs carry the account in their fifth field. */
const PRINCIPAL_ARN = /^arn:[a-z-]+:(?:iam|sts)::(\d{12}):/;

/** Why an Allow statement names an account outside `allowed`, one reason per offending value. */
function foreignGrants(s: IamStatement, allowed: Set<string>): string[] {
    const reasons: string[] = [];
    for (const p of strings(record(s.Principal).AWS)) {
        if (p === "*") continue; // public grants are resource-policy-not-public's
        const account = ACCOUNT_ID.test(p) ? p : PRINCIPAL_ARN.exec(p)?.[1];
        if (account === undefined) reasons.push(`principal ${p} names no account this rule can verify`);
        else if (!allowed.has(account)) reasons.push(`principal ${p} is in account ${account}`);
    }
    for (const [operator, block] of Object.entries(record(s.Condition))) {
        for (const [key, value] of Object.entries(record(block))) {
            if (!ACCOUNT_CONDITION_KEYS.includes(key.toLowerCase())) continue;
            // In an Allow, "not this account" admits every other one.
            if (/Not/.test(operator)) {
                reasons.push(`${operator} on ${key} admits every account but the ones it names`);
                continue;
            }
            for (const v of strings(value)) {
                if (!ACCOUNT_ID.test(v)) reasons.push(`${key} value ${v} is not an account id`);
                else if (!allowed.has(v)) reasons.push(`${key} names account ${v}`);
            }
        }
    }
    return reasons;
}

/**
 * N10, E10, S5 (Security Hub S3.6): resource policies grant only the platform's own accounts. Every
 * Allow statement of a bucket, key, topic, queue, ECR repository or CodeArtifact policy may name,
 * as an AWS principal or in an account-valued condition, only an account of the stack's AWS
 * providers (`allowedAccountIds`, which every layer provider sets) or a configured trusted account.
 * Service principals pass; a `*` principal is resource-policy-not-public's concern.
 */
export const resourcePolicyPlatformAccountsOnly: SecureDsStackPolicy = {
    name: "resource-policy-platform-accounts-only",
    description:
        "Allow statements of S3 bucket, KMS key, SNS, SQS, ECR repository and CodeArtifact policies must name only the platform's accounts (the AWS providers' allowedAccountIds, plus trustedAccountIds) as AWS principals and in aws:PrincipalAccount / aws:SourceAccount / aws:SourceOwner / kms:CallerAccount / aws:ResourceAccount conditions (N10, E10, S5; Security Hub S3.6). When a document is unknown in a preview (it embeds a new ARN), the known ones are judged and the rest is left to the stack analysis of `pulumi up`.",
    controls: ["N10", "E10", "S5"],
    remediation:
        "Grant only accounts the stack deploys into (the builders in components/guardrails take them from config); when another account must be admitted on purpose, list it in this policy's trustedAccountIds.",
    enforcementLevel: "mandatory",
    previewDeferral: "Resource policies that name ARNs of resources created with the stack are unknown as a whole in a preview.",
    configSchema: {
        properties: {
            trustedAccountIds: {
                type: "array",
                items: { type: "string", pattern: "^\\d{12}$" },
                default: [],
                description: "Accounts outside the stack's providers that resource policies may grant (e.g. a central security account). Default none.",
            },
        },
    },
    validateStack: (args, reportViolation) => {
        const { trustedAccountIds } = args.getConfig<{ trustedAccountIds: string[] }>();
        const allowed = new Set([...stackAccounts(args.resources), ...trustedAccountIds]);
        const deferrals = new Deferrals();
        for (const r of args.resources) {
            const property = POLICY_PROPERTY[r.type];
            if (!property) continue;
            const statements = deferrals.read(() => statementsOf(r.props[property]), `${r.name}.${property}`);
            if (statements === NOT_KNOWN || statements === undefined) continue;
            for (const s of statements.filter((x) => x.Effect === "Allow")) {
                for (const reason of foreignGrants(s, allowed)) {
                    reportViolation(
                        `${r.name}: statement ${s.Sid ?? "(no Sid)"} grants outside the platform's accounts: ${reason} (allowed: ${[...allowed].sort().join(", ") || "none declared"}).`,
                        r.urn,
                    );
                }
            }
        }
        deferrals.settle();
    },
};
