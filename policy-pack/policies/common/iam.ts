/**
 * Reading IAM documents out of resource properties: identity policies, trust policies and
 * resource policies. Documents may arrive as JSON strings (as the program sends them) or objects;
 * statements and their fields may be single values or lists.
 */
import { NOT_KNOWN, attempt, deferToUp, known } from "./preview";
import { list, record, strings } from "./values";
import { propsOf } from "./props";
import { TYPES } from "./types";

/** A JSON policy statement as read from a resource property (every field may be absent or malformed). */
export interface IamStatement {
    Sid?: string;
    Effect?: string;
    Principal?: unknown;
    NotPrincipal?: unknown;
    Action?: unknown;
    NotAction?: unknown;
    Resource?: unknown;
    NotResource?: unknown;
    Condition?: Record<string, Record<string, unknown>>;
}

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

/** Compiled patterns per case mode: IAM matches actions case-insensitively, resources case-sensitively. */
const PATTERNS: Record<"i" | "", Map<string, RegExp>> = { i: new Map(), "": new Map() };

/** An IAM pattern (`*`, `?` wildcards) as a regular expression, compiled once per pattern and case mode. */
function iamPattern(pattern: string, flags: "i" | ""): RegExp {
    let re = PATTERNS[flags].get(pattern);
    if (!re) {
        re = new RegExp(
            `^${pattern
                .replace(/[.+^${}()|[\]\\]/g, "\\$&")
                .replace(/\*/g, ".*")
                .replace(/\?/g, ".")}$`,
            flags,
        );
        PATTERNS[flags].set(pattern, re);
    }
    return re;
}

/** Does an IAM action pattern (with `*` / `?`) match the action? Case-insensitive, like IAM. Each pattern is compiled once. */
export function actionMatches(pattern: string, action: string): boolean {
    return iamPattern(pattern, "i").test(action);
}

/** Does an IAM resource pattern (with `*` / `?`) match the resource? Case-sensitive: ARNs are. */
export function resourceMatches(pattern: string, resource: string): boolean {
    return iamPattern(pattern, "").test(resource);
}

/** Does the statement apply to the action? Through Action, or through NotAction when none of its patterns excludes it. */
export function statementCovers(s: IamStatement, action: string): boolean {
    if (strings(s.Action).some((p) => actionMatches(p, action))) return true;
    return s.NotAction !== undefined && !strings(s.NotAction).some((p) => actionMatches(p, action));
}

/** A whole-service or full wildcard action (`*`, `s3:*`), as opposed to a pattern like `ec2:Describe*`. */
export function isServiceWildcard(action: string): boolean {
    return action === "*" || /^[a-z0-9-]+:\*$/i.test(action);
}

/**
 * The documented escape: a statement whose Sid ends in `JustifiedWildcard`, explained in a comment
 * where the document is built. A Sid that is not a string justifies nothing.
 */
export function isJustifiedWildcard(statement: IamStatement): boolean {
    return typeof statement.Sid === "string" && /JustifiedWildcard$/.test(statement.Sid);
}

/** The Allow statements of a document that do not carry the documented wildcard escape. */
export function unjustifiedAllows(doc: unknown): IamStatement[] {
    return (statementsOf(doc) ?? []).filter((s) => s.Effect === "Allow" && !isJustifiedWildcard(s));
}

/** A policy document of a resource, read on demand (it may be unknown in a preview). */
export interface DocumentRead {
    /** The property, for messages: `policy`, `inlinePolicies[0]`. */
    label: string;
    read: () => unknown;
}

/**
 * Identity-policy documents of an IAM resource, with a label for messages: the policy of a
 * managed or inline policy, the inline policy of a permission set, or each of a role's
 * inlinePolicies. Absent documents are left out; nothing is read that may be unknown (see
 * eachKnownDocument).
 */
export function identityDocuments(resource: { type: string; props: Record<string, unknown> }): DocumentRead[] {
    const policy = propsOf(resource, TYPES.iamRolePolicy, TYPES.iamPolicy, TYPES.iamUserPolicy, TYPES.iamGroupPolicy);
    if (policy) return "policy" in policy ? [{ label: "policy", read: () => policy.policy }] : [];
    const permissionSet = propsOf(resource, TYPES.ssoPermissionSetInlinePolicy);
    if (permissionSet) return "inlinePolicy" in permissionSet ? [{ label: "inlinePolicy", read: () => permissionSet.inlinePolicy }] : [];
    const role = propsOf(resource, TYPES.iamRole);
    if (!role) return [];
    const inline = known(() => list(role.inlinePolicies));
    if (inline === NOT_KNOWN) return [{ label: "inlinePolicies", read: () => role.inlinePolicies }];
    // By index: Array methods read each element, and reading an unknown one throws.
    return Array.from({ length: inline.length }, (_, i) => ({ label: `inlinePolicies[${i}]`, read: () => inline[i]?.policy }));
}

/**
 * Judges each document that is known in this preview, then defers the check to `pulumi up`
 * (deferToUp, common/preview.ts) when any was unknown: what is known is judged now, the rest
 * before the resource is created.
 */
export function eachKnownDocument(docs: DocumentRead[], judge: (label: string, doc: unknown) => void): void {
    const unknown: { label: string; error: Error }[] = [];
    for (const { label, read } of docs) {
        const r = attempt(read);
        if (r.known) judge(label, r.value);
        else unknown.push({ label, error: r.error });
    }
    if (unknown.length > 0) deferToUp(unknown[0].error, `document ${unknown.map((u) => u.label).join(", ")}`);
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
