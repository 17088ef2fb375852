/**
 * Service control policies (G8): the organisation-wide ceiling for the Workloads OU and the
 * baseline for every member account. SageMaker statements come from sagemaker.ts (the same ones
 * the teams' role policies use); this file adds the account-level denies and packs statements
 * into documents that fit the SCP size limit.
 *
 * SCPs never apply to the management account, and never to service-linked roles.
 */
import { PolicyDocument, Statement, deny, denyEveryone, policyDocument, toPolicyJson } from "./document";
import { domainGuardrails, instanceTypeGuardrails, jobGuardrails, notebookInstanceGuardrails, splitInstanceTypeGuardrails } from "./sagemaker";

/** AWS Organizations limit on one SCP document, in characters of the submitted JSON (whitespace counts). */
export const SCP_MAX_CHARS = 5120;
/** AWS Organizations quota: SCPs attached to one root, OU or account, FullAWSAccess included. */
export const SCP_MAX_PER_TARGET = 5;
/** The AWS-managed FullAWSAccess SCP stays attached (removing it would deny everything not allowed elsewhere). */
export const SCPS_ALREADY_ATTACHED = 1;

/** Deny leaving the organisation: an account outside it escapes every SCP. */
function denyLeaveOrganization(): Statement[] {
    return [deny("DenyLeaveOrganization", "organizations:LeaveOrganization")];
}

/**
 * Actions that would blind the audit and detection services (G4, G10, G11): stopping or deleting
 * them, and the update calls that switch them off without deleting anything (a trail updated to
 * log nothing, a recorder recording no resource type, a detector disabled, Security Hub or Macie
 * disabled, flow logs deleted).
 */
const AUDIT_TAMPERING_ACTIONS = [
    "cloudtrail:StopLogging",
    "cloudtrail:DeleteTrail",
    "cloudtrail:UpdateTrail",
    "cloudtrail:PutEventSelectors",
    "config:StopConfigurationRecorder",
    "config:DeleteConfigurationRecorder",
    "config:PutConfigurationRecorder",
    "config:DeleteDeliveryChannel",
    "config:DeleteRetentionConfiguration",
    "guardduty:DeleteDetector",
    "guardduty:UpdateDetector",
    "guardduty:DisassociateFromMasterAccount",
    "guardduty:DisassociateFromAdministratorAccount",
    "guardduty:DisassociateMembers",
    "guardduty:DeleteMembers",
    "guardduty:StopMonitoringMembers",
    "securityhub:DisableSecurityHub",
    "securityhub:DisassociateFromAdministratorAccount",
    "securityhub:DisassociateFromMasterAccount",
    "macie2:DisableMacie",
    "macie2:UpdateMacieSession",
    "macie2:DisassociateFromAdministratorAccount",
    "ec2:DeleteFlowLogs",
];

/** Changes to the platform's log groups that lose evidence: deleting them, shortening or dropping retention, removing the key. */
const LOG_GROUP_TAMPERING_ACTIONS = ["logs:DeleteLogGroup", "logs:PutRetentionPolicy", "logs:DeleteRetentionPolicy", "logs:DisassociateKmsKey"];

/** Changes that silence the detective controls: the EventBridge rule and the function it invokes. */
const DETECTIVE_TAMPERING_ACTIONS = [
    "events:DisableRule",
    "events:RemoveTargets",
    "events:DeleteRule",
    "events:PutRule",
    "events:PutTargets",
    "lambda:DeleteFunction",
    "lambda:UpdateFunctionCode",
    "lambda:UpdateFunctionConfiguration",
    "lambda:PutFunctionConcurrency",
    "lambda:RemovePermission",
];

/** What creates or changes a role: whoever can do this to the break-glass name elsewhere can become break-glass. */
const ROLE_CHANGE_ACTIONS = [
    "iam:CreateRole",
    "iam:UpdateAssumeRolePolicy",
    "iam:AttachRolePolicy",
    "iam:PutRolePolicy",
    "iam:PutRolePermissionsBoundary",
    "iam:DeleteRolePermissionsBoundary",
];

/** Who may still make the changes: the break-glass role and the platform's deploy roles. */
export interface AuditTamperScope {
    /**
     * The platform's deploy roles (the layers' assume-role ARNs): Pulumi updates trails,
     * recorders, log groups and the detective function with them. Default none.
     */
    deployRoleArns?: string[];
    /** `<organization>-<environment>`: the platform's log groups, detective rule and function are named with it. */
    namePrefix?: string;
    /**
     * The account that administers the organisation trail (`<namePrefix>-organization-trail`):
     * CloudTrail's delegated administrator, the log-archive account. With namePrefix, every
     * principal of every other member account, deploy roles included, is denied changing that
     * trail (G11). Default: no organisation trail.
     */
    organizationTrailAdministratorAccountId?: string;
}

/**
 * What would stop, empty or delete the organisation trail (CloudTrail API Reference actions that
 * change a trail or what it logs).
 */
const ORGANIZATION_TRAIL_ACTIONS = [
    "cloudtrail:StopLogging",
    "cloudtrail:DeleteTrail",
    "cloudtrail:UpdateTrail",
    "cloudtrail:PutEventSelectors",
    "cloudtrail:PutInsightSelectors",
];

/** The organisation trail's name (components/governance/AccountTrail.ts names the trail with it). */
export function organizationTrailNameOf(namePrefix: string): string {
    return `${namePrefix}-organization-trail`;
}

/** The account and role name of a break-glass role ARN bound to one account. */
function boundBreakGlass(arn: string): { accountId: string; roleName: string } {
    const m = /^arn:[^:]+:iam::(\d{12}):role\/(?:.*\/)?([\w+=,.@-]+)$/.exec(arn);
    if (!m) {
        throw new Error(
            `denyAuditTampering: break-glass role ${arn} does not name one account and one role; any account admin can create a role of that name elsewhere. Bind it to the security account (arn:<p>:iam::<account>:role/<name>).`,
        );
    }
    return { accountId: m[1], roleName: m[2] };
}

/**
 * Deny blinding the audit services, the platform's log groups and the detective controls, except
 * for the break-glass role (bound to the security account) and the platform's deploy roles; and
 * deny creating or changing a role of the break-glass name in any other account. `aws:PrincipalArn`
 * carries the role ARN (not the session ARN), so ArnNotLike exempts every session of those roles
 * and nothing else.
 */
export function denyAuditTampering(breakGlassRoleArns: string[], scope: AuditTamperScope = {}): Statement[] {
    if (breakGlassRoleArns.some((p) => p === "*" || /:role\/\*$/.test(p))) {
        throw new Error("denyAuditTampering: an exemption pattern matches every role; name the break-glass role.");
    }
    const breakGlass = breakGlassRoleArns.map(boundBreakGlass);
    const exemptArns = [...breakGlassRoleArns, ...(scope.deployRoleArns ?? [])];
    const exempt = exemptArns.length > 0 ? { ArnNotLike: { "aws:PrincipalArn": exemptArns } } : undefined;
    const statements: Statement[] = [deny("DenyAuditServiceTampering", AUDIT_TAMPERING_ACTIONS, exempt)];
    if (scope.namePrefix !== undefined) {
        const prefix = scope.namePrefix;
        statements.push(
            deny("DenyPlatformLogTampering", LOG_GROUP_TAMPERING_ACTIONS, exempt, [
                "arn:*:logs:*:*:log-group:/secure-ds/*",
                `arn:*:logs:*:*:log-group:/aws/cloudtrail/${prefix}-*`,
                `arn:*:logs:*:*:log-group:/aws/lambda/${prefix}-*`,
            ]),
            deny("DenyDetectiveTampering", DETECTIVE_TAMPERING_ACTIONS, exempt, [`arn:*:events:*:*:rule/${prefix}-*`, `arn:*:lambda:*:*:function:${prefix}-*`]),
        );
    }
    if (scope.namePrefix !== undefined && scope.organizationTrailAdministratorAccountId !== undefined) {
        // By name, in every account: the ARN names the management account, and the member accounts
        // see the trail under that ARN. The deploy roles are not exempt here: only the
        // administrator account's principals (and break-glass) change the trail.
        statements.push(
            deny(
                "DenyOrganizationTrailChanges",
                ORGANIZATION_TRAIL_ACTIONS,
                {
                    StringNotEquals: { "aws:PrincipalAccount": scope.organizationTrailAdministratorAccountId },
                    ...(breakGlassRoleArns.length > 0 ? { ArnNotLike: { "aws:PrincipalArn": breakGlassRoleArns } } : {}),
                },
                `arn:*:cloudtrail:*:*:trail/${organizationTrailNameOf(scope.namePrefix)}`,
            ),
        );
    }
    if (breakGlass.length > 0) {
        statements.push(
            deny(
                "DenyBreakGlassRoleElsewhere",
                ROLE_CHANGE_ACTIONS,
                { StringNotEquals: { "aws:ResourceAccount": [...new Set(breakGlass.map((b) => b.accountId))] } },
                [...new Set(breakGlass.flatMap((b) => [`arn:*:iam::*:role/${b.roleName}`, `arn:*:iam::*:role/*/${b.roleName}`]))],
            ),
        );
    }
    return statements;
}

/** Deny everything to the member accounts' root users (use roles; root is for break-glass in the console via the management account). */
function denyRootUser(): Statement[] {
    return [deny("DenyRootUser", "*", { ArnLike: { "aws:PrincipalArn": "arn:*:iam::*:root" } })];
}

/**
 * The SageMaker ceiling of the Workloads OU: N1, N2, E1, E5 (domains), N3, E2, E3 (jobs), N5, I9
 * (notebooks), G2 (instance types). With `appInstanceTypes`, Studio apps and spaces are held to the
 * Studio list and jobs to `allowedInstanceTypes` (the environment's job types): one list for both
 * would let any principal of the OU, a permission set or a role the team admin created included,
 * start a Studio app on the most expensive job type of any team.
 */
export function workloadScpStatements(allowedInstanceTypes: string[], appInstanceTypes?: string[]): Statement[] {
    const g2 = appInstanceTypes ? splitInstanceTypeGuardrails(allowedInstanceTypes, appInstanceTypes) : instanceTypeGuardrails(allowedInstanceTypes);
    return [...domainGuardrails(), ...jobGuardrails(), ...notebookInstanceGuardrails(), ...g2];
}

/** IAM path under which the platform creates every team role (and team admins their delegated roles). */
export const PLATFORM_ROLE_PATH = "/secure-ds/";

/**
 * Resource control policy (I3): the platform's roles are assumed only by principals of the
 * organisation, whatever their trust policy says. IAM has no condition key on the content of a
 * trust policy (iam:CreateRole and iam:UpdateAssumeRolePolicy carry only iam:PermissionsBoundary,
 * tags and iam:RoleTemplateARN), so a team admin's `delegated/` role could trust an outside
 * account; an RCP on sts:AssumeRole is where the organisation says no. AWS services (SageMaker
 * assuming an execution role) are exempt; SAML and web-identity federation are other actions.
 */
export function organizationTrustRcpStatements(organizationId: string, partition = "aws"): Statement[] {
    if (!/^o-[a-z0-9]{10,32}$/.test(organizationId)) {
        throw new Error(`organizationTrustRcpStatements: "${organizationId}" is not an organization id (o-...).`);
    }
    // An RCP statement must name Principal "*".
    return [
        denyEveryone("DenyAssumePlatformRolesOutsideOrganization", "sts:AssumeRole", `arn:${partition}:iam::*:role${PLATFORM_ROLE_PATH}*`, {
            StringNotEqualsIfExists: { "aws:PrincipalOrgID": organizationId },
            BoolIfExists: { "aws:PrincipalIsAWSService": "false" },
        }),
    ];
}

/** Account baseline for every member account: stay in the organisation, keep auditing, no root. */
export function baselineScpStatements(breakGlassRoleArns: string[], scope: AuditTamperScope = {}): Statement[] {
    return [...denyLeaveOrganization(), ...denyAuditTampering(breakGlassRoleArns, scope), ...denyRootUser()];
}

export interface PackedDocument {
    /** `<name>-<n>`, n from 1. */
    name: string;
    document: PolicyDocument;
    /** Characters of the compact JSON, as AWS counts them. */
    size: number;
}

/** Size of a document as AWS counts it (the compact JSON submitted). */
export function documentSize(doc: PolicyDocument): number {
    return toPolicyJson(doc).length;
}

/**
 * Packs statements into as few documents as fit under `limit` characters (first-fit decreasing:
 * the largest statements first, each into the first document with room). Sids must be unique
 * within a document; they are checked across all statements so a split never changes meaning.
 * Throws, naming the statement, when one statement alone exceeds the limit.
 */
export function packStatements(name: string, statements: Statement[], limit = SCP_MAX_CHARS): PackedDocument[] {
    const sids = statements.map((s) => s.Sid).filter((s): s is string => s !== undefined);
    const dup = sids.find((s, i) => sids.indexOf(s) !== i);
    if (dup) throw new Error(`packStatements ${name}: Sid ${dup} appears twice; Sids must be unique within a policy.`);
    const sized = statements.map((s, i) => ({ s, i, size: documentSize(policyDocument([s])) }));
    for (const { s, size } of sized) {
        if (size > limit) {
            throw new Error(
                `packStatements ${name}: statement ${s.Sid ?? "(no Sid)"} alone is ${size} characters, over the ${limit}-character limit; split its actions.`,
            );
        }
    }
    const bins: { items: typeof sized }[] = [];
    for (const item of [...sized].sort((a, b) => b.size - a.size || a.i - b.i)) {
        const bin = bins.find((b) => documentSize(policyDocument([...b.items, item].map((x) => x.s))) <= limit);
        if (bin) bin.items.push(item);
        else bins.push({ items: [item] });
    }
    return bins.map((b, n) => {
        // Keep the author's order inside a document: readers compare it with the builder.
        const doc = policyDocument(b.items.sort((x, y) => x.i - y.i).map((x) => x.s));
        return { name: `${name}-${n + 1}`, document: doc, size: documentSize(doc) };
    });
}

/**
 * Checks the 5-SCPs-per-target quota: `attached` of ours plus what is already there (FullAWSAccess).
 * Returns a problem sentence or undefined.
 */
export function scpQuotaProblem(target: string, attached: number, alreadyAttached = SCPS_ALREADY_ATTACHED): string | undefined {
    const total = attached + alreadyAttached;
    if (total <= SCP_MAX_PER_TARGET) return undefined;
    return `${target} would carry ${total} SCPs (${attached} from secure-ds + ${alreadyAttached} already attached, FullAWSAccess included); AWS allows ${SCP_MAX_PER_TARGET} per target. Detach SCPs you no longer need (governance.scpsAlreadyAttached) or shorten the instance-type allow-list.`;
}
