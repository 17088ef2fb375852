/**
 * Reading IAM documents out of resource properties. Policies may arrive as JSON strings (as the
 * program sends them) or objects; statements and their fields may be single values or lists.
 */
import { IamStatement, actionMatches, list, record, strings } from "../types";

export { actionMatches, strings };
export type { IamStatement };

export const IAM_TYPES = {
    role: "aws:iam/role:Role",
    rolePolicy: "aws:iam/rolePolicy:RolePolicy",
    policy: "aws:iam/policy:Policy",
    userPolicy: "aws:iam/userPolicy:UserPolicy",
    groupPolicy: "aws:iam/groupPolicy:GroupPolicy",
    permissionSetInlinePolicy: "aws:ssoadmin/permissionSetInlinePolicy:PermissionSetInlinePolicy",
} as const;

/** The statements of a policy document given as JSON text or object; [] when unreadable. */
export function statementsOf(doc: unknown): IamStatement[] {
    let value = doc;
    if (typeof value === "string") {
        try {
            value = JSON.parse(value);
        } catch {
            return [];
        }
    }
    const statement = record(value).Statement;
    const list = Array.isArray(statement) ? statement : statement === undefined ? [] : [statement];
    return list.map((s) => record(s) as IamStatement);
}

/** Identity-policy documents of an IAM resource (inline, managed, role-embedded or permission-set), with a label for messages. */
export function identityDocuments(type: string, props: Record<string, unknown>): { label: string; doc: unknown }[] {
    switch (type) {
        case IAM_TYPES.rolePolicy:
        case IAM_TYPES.policy:
        case IAM_TYPES.userPolicy:
        case IAM_TYPES.groupPolicy:
            return props.policy === undefined ? [] : [{ label: "policy", doc: props.policy }];
        case IAM_TYPES.permissionSetInlinePolicy:
            return props.inlinePolicy === undefined ? [] : [{ label: "inlinePolicy", doc: props.inlinePolicy }];
        case IAM_TYPES.role: {
            const inline = list(props.inlinePolicies);
            return inline.map((p, i) => ({ label: `inlinePolicies[${i}]`, doc: record(p).policy }));
        }
        default:
            return [];
    }
}

/** A documented escape: the statement's Sid says why its wildcard is needed. */
export function isJustifiedWildcard(statement: IamStatement): boolean {
    return typeof statement.Sid === "string" && /JustifiedWildcard$/.test(statement.Sid);
}
