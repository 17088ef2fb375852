/**
 * Attack rows of the keys, endpoints, logging and package gate (N11, N12, G11, I12, S7), each next to the
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

/** What the logging rows need: the member-account baseline SCPs and the names they protect. */
export interface LoggingRowsInput {
    partition: string;
    region: string;
    workload: string;
    /** `<organization>-<environment>`. */
    namePrefix: string;
    /** The workload layer's deploy role. */
    deployer: string;
    /** The baseline SCP documents (the plan's, or the builder's with the stack's config). */
    baselineScps: SourcedPolicy[];
    principalContext(arn: string, extra?: Record<string, string | string[]>): Record<string, string | string[]>;
}

/** Item 6: an account administrator cannot switch logging off, nor become break-glass; the deployer still updates the trail. */
export function loggingTamperRows(l: LoggingRowsInput): Scenario[] {
    const accountAdmin = `arn:${l.partition}:iam::${l.workload}:role/account-admin`;
    const trail = `arn:${l.partition}:cloudtrail:${l.region}:${l.workload}:trail/${l.namePrefix}-audit-trail`;
    const row = (id: string, title: string, expected: Decision, principal: string, action: string, resource: string, decidedBy?: string): Scenario => ({
        id,
        area: "Logging",
        title,
        controls: ["G11", "G4"],
        expected,
        decidedBy,
        request: { principal, action, resource, resourceAccount: l.workload, context: l.principalContext(principal) },
        identity: [ADMINISTRATOR_ACCESS],
        scps: l.baselineScps,
    });
    // The break-glass name and its home account, as the SCP names them: in the home account creating the role is legitimate.
    const reserve = l.baselineScps.flatMap((p) => p.document.Statement).find((st) => st.Sid === "DenyBreakGlassRoleElsewhere");
    const home = [reserve?.Condition?.StringNotEquals?.["aws:ResourceAccount"] ?? []].flat();
    const roleName = [reserve?.Resource ?? []].flat()[0]?.split("/").pop() ?? "secure-ds-break-glass";
    const rows = [
        row(
            "logging-deployer-update-trail",
            "The platform's deploy role updates the account trail (pulumi up)",
            "Allowed",
            l.deployer,
            "cloudtrail:UpdateTrail",
            trail,
        ),
        row(
            "logging-admin-update-trail",
            "An account administrator updates the trail (e.g. to log no management events)",
            "ExplicitlyDenied",
            accountAdmin,
            "cloudtrail:UpdateTrail",
            trail,
            "DenyAuditServiceTampering",
        ),
        row(
            "logging-admin-event-selectors",
            "An account administrator replaces the trail's event selectors",
            "ExplicitlyDenied",
            accountAdmin,
            "cloudtrail:PutEventSelectors",
            trail,
            "DenyAuditServiceTampering",
        ),
        row(
            "logging-admin-flow-logs",
            "An account administrator deletes the VPC flow logs",
            "ExplicitlyDenied",
            accountAdmin,
            "ec2:DeleteFlowLogs",
            `arn:${l.partition}:ec2:${l.region}:${l.workload}:vpc-flow-log/fl-0platform`,
            "DenyAuditServiceTampering",
        ),
        row(
            "logging-admin-log-retention",
            "An account administrator shortens the retention of the flow-log group",
            "ExplicitlyDenied",
            accountAdmin,
            "logs:PutRetentionPolicy",
            `arn:${l.partition}:logs:${l.region}:${l.workload}:log-group:/secure-ds/${l.namePrefix}/vpc-flow-logs/data-science`,
            "DenyPlatformLogTampering",
        ),
        row(
            "logging-admin-disable-detective",
            "An account administrator disables the detective EventBridge rule",
            "ExplicitlyDenied",
            accountAdmin,
            "events:DisableRule",
            `arn:${l.partition}:events:${l.region}:${l.workload}:rule/${l.namePrefix}-sagemaker-detective`,
            "DenyDetectiveTampering",
        ),
        row(
            "logging-admin-create-break-glass",
            "An account administrator creates a role named like the security account's break-glass role in the workload account",
            "ExplicitlyDenied",
            accountAdmin,
            "iam:CreateRole",
            `arn:${l.partition}:iam::${l.workload}:role/${roleName}`,
            "DenyBreakGlassRoleElsewhere",
        ),
    ];
    // Dev puts every layer in one account: there the workload account is the break-glass role's home.
    return home.includes(l.workload) ? rows.filter((r) => r.id !== "logging-admin-create-break-glass") : rows;
}
