/**
 * Attack rows of issue 15 items 4 to 8 (keys, endpoints, logging, package gate), each next to the
 * legitimate request it must not break. Kept out of scenarios.ts so the rows of each item live in
 * one block; scenarios.ts passes in the documents of the stack and appends what this returns.
 */
import { policyDocument } from "../../components/guardrails/document";
import type { Decision, Scenario, SourcedPolicy } from "./scenarios";

/** What the key rows need from the stack's world. */
export interface KeyRowsInput {
    partition: string;
    region: string;
    workload: string;
    /** A team key's ARN and policy (the plan's, or the builder's with the stack's config). */
    keyArn: string;
    keyPolicy: SourcedPolicy;
    /** The workload account's key administrators (keyAdministrators(): deployer and break-glass role). */
    administrators: string[];
    scps: SourcedPolicy[] | undefined;
    /** The request context of a principal of the workload account (aws:PrincipalArn, account, org, TLS). */
    principalContext(arn: string, extra?: Record<string, string | string[]>): Record<string, string | string[]>;
}

/**
 * The identity policy of an account administrator: AWS's AdministratorAccess managed policy
 * (`Allow * on *`), which the deployer, the break-glass role and any account admin typically hold.
 * The attack is that such a role still cannot administer or use a key the key policy does not name.
 */
const ADMINISTRATOR_ACCESS: SourcedPolicy = {
    name: "AdministratorAccess (AWS managed)",
    source: "builder",
    origin: "arn:aws:iam::aws:policy/AdministratorAccess (Allow * on *)",
    document: policyDocument([{ Effect: "Allow", Action: "*", Resource: "*" }]),
};

/** Item 8: key administration survives the loss of the deployer and is not Decrypt by another name. */
export function keyAdministrationRows(k: KeyRowsInput): Scenario[] {
    const breakGlass = k.administrators[k.administrators.length - 1];
    const deployer = k.administrators[0];
    const accountAdmin = `arn:${k.partition}:iam::${k.workload}:role/account-admin`;
    const row = (
        id: string,
        title: string,
        expected: Decision,
        principal: string,
        action: string,
        extra: Record<string, string | string[]> = {},
    ): Scenario => ({
        id,
        area: "Keys",
        title,
        controls: ["E9", "I12"],
        expected,
        request: { principal, action, resource: k.keyArn, resourceAccount: k.workload, context: k.principalContext(principal, extra) },
        identity: [ADMINISTRATOR_ACCESS],
        scps: k.scps,
        resourcePolicy: k.keyPolicy,
    });
    return [
        row(
            "key-admin-break-glass-put-policy",
            "The account's break-glass role replaces a team key's policy (the deployer role is gone)",
            "Allowed",
            breakGlass,
            "kms:PutKeyPolicy",
        ),
        row("key-admin-deployer-put-policy", "The deployer updates a team key's policy", "Allowed", deployer, "kms:PutKeyPolicy"),
        row(
            "key-admin-other-account-admin",
            "Another administrator of the account (AdministratorAccess, not a key administrator) replaces a team key's policy",
            "ImplicitlyDenied",
            accountAdmin,
            "kms:PutKeyPolicy",
        ),
        row(
            "key-admin-grant-to-self",
            "The deployer creates a grant on a team key for itself (Decrypt by the back door)",
            "ImplicitlyDenied",
            deployer,
            "kms:CreateGrant",
            {
                "kms:GranteePrincipal": deployer,
                "kms:GrantIsForAWSResource": "false",
                "kms:GrantOperations": ["Decrypt"],
            },
        ),
        row(
            "key-admin-decrypt",
            "The break-glass role decrypts a team object with the team key it administers (through S3)",
            "ImplicitlyDenied",
            breakGlass,
            "kms:Decrypt",
            {
                "kms:CallerAccount": k.workload,
                "kms:ViaService": `s3.${k.region}.amazonaws.com`,
                "aws:ViaAWSService": "true",
            },
        ),
    ];
}
