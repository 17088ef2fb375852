import { IamStatement, SecureDsResourcePolicy, TYPES, knownOrDefer, propsOf, record, statementCovers, statementsOf, strings } from "../common";

/** Fewest administrators a key may have (components/guardrails/kmsKeyPolicy.ts MIN_KEY_ADMINISTRATORS). */
const MIN_ADMINISTRATORS = 2;

const ROOT = /^arn:[^:]+:iam::\d{12}:root$/;

/** The AWS principals an Allow statement names. */
function awsPrincipals(s: IamStatement): string[] {
    return strings(record(s.Principal).AWS);
}

/** The `aws:PrincipalArn` values an ArnEquals/ArnLike (or StringEquals/Like) condition limits the statement to. */
function principalArnCondition(s: IamStatement): string[] {
    const values: string[] = [];
    for (const [operator, block] of Object.entries(s.Condition ?? {})) {
        if (!/^(Arn|String)(Equals|Like)$/.test(operator)) continue;
        for (const [key, value] of Object.entries(block)) if (key.toLowerCase() === "aws:principalarn") values.push(...strings(value));
    }
    return values;
}

/**
 * Who administers the key through one statement: the principal-ARN condition's values when it
 * has one, else the non-root principals it names. A root principal without the condition hands
 * the key to every IAM administrator of the account: reported separately.
 */
function administratorsOf(s: IamStatement): string[] {
    const byArn = principalArnCondition(s);
    return byArn.length > 0 ? byArn : awsPrincipals(s).filter((p) => !ROOT.test(p));
}

/**
 * E9, I12: a key stays manageable and its administrators cannot use it. The statements that allow
 * kms:PutKeyPolicy name at least two administrators (deployer and break-glass role: losing one
 * role does not lose the key), an account root among them is narrowed by aws:PrincipalArn, and
 * no administrator may kms:CreateGrant unless only for AWS resources (a grant to itself would be
 * Decrypt by the back door).
 */
export const kmsKeyPolicyAdministrators: SecureDsResourcePolicy = {
    name: "kms-key-policy-administrators",
    description:
        "KMS key policies must name at least two administrators (statements allowing kms:PutKeyPolicy), narrow an account-root administrator with aws:PrincipalArn, and not let administrators kms:CreateGrant (E9, I12). Judged during `pulumi up` when the policy is unknown in a preview.",
    controls: ["E9", "I12"],
    remediation:
        "Build the policy with keyPolicy() (components/guardrails/kmsKeyPolicy.ts) and give the account a breakGlassRoleArn in config (stacks/schema/accounts.ts): keyAdministrators() adds it to the deployer.",
    enforcementLevel: "mandatory",
    previewDeferral: "A key policy that names a role created with the stack is unknown as a whole in a preview.",
    validateResource: (args, reportViolation) => {
        const p = propsOf(args, TYPES.kmsKey);
        if (!p) return;
        const document = knownOrDefer(() => p.policy, "document policy");
        if (document === undefined) return; // kms-key-enabled-with-policy reports a missing policy
        const statements = statementsOf(document);
        if (!statements) {
            reportViolation(`KMS key ${args.name}: the key policy is not a policy document.`);
            return;
        }
        const adminStatements = statements.filter((s) => s.Effect === "Allow" && statementCovers(s, "kms:PutKeyPolicy"));
        const admins = new Set(adminStatements.flatMap(administratorsOf));
        if (admins.size < MIN_ADMINISTRATORS) {
            reportViolation(
                `KMS key ${args.name} has ${admins.size} administrator(s) (${[...admins].join(", ") || "none"}); name at least ${MIN_ADMINISTRATORS}, the deployer and a break-glass role (E9).`,
            );
        }
        for (const s of adminStatements) {
            const sid = s.Sid ?? "(no Sid)";
            if (awsPrincipals(s).some((x) => ROOT.test(x)) && principalArnCondition(s).length === 0) {
                reportViolation(`KMS key ${args.name}: statement ${sid} lets the account root administer the key without an aws:PrincipalArn condition (I12).`);
            }
            const grantsOnlyForAwsResources = Object.values(s.Condition ?? {}).some(
                (block) => String(record(block)["kms:GrantIsForAWSResource"] ?? "").toLowerCase() === "true",
            );
            if (statementCovers(s, "kms:CreateGrant") && !grantsOnlyForAwsResources) {
                reportViolation(`KMS key ${args.name}: statement ${sid} lets administrators kms:CreateGrant, a grant to themselves is Decrypt (I12).`);
            }
        }
    },
};
