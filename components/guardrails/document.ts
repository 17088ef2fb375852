/**
 * IAM policy documents as plain typed objects.
 *
 * Every document the platform generates (role trust and permission policies, permission
 * boundaries, SCPs, key, bucket, repository, endpoint and topic policies) is built from
 * these types in `components/guardrails/`, so that the SCP, the boundary and the tests all
 * read the same statements. Builders take plain strings; components resolve Outputs first
 * (`pulumi.all(...).apply(...)`) and serialise with `toPolicyJson`.
 */

export type Effect = "Allow" | "Deny";

/** A value or list of values, as IAM accepts in Action, Resource and condition values. */
export type OneOrMany<T> = T | T[];

/** Condition block: operator → condition key → value(s). */
export type ConditionBlock = Record<string, Record<string, OneOrMany<string>>>;

export type Principal =
    | "*"
    | {
          AWS?: OneOrMany<string>;
          Service?: OneOrMany<string>;
          Federated?: OneOrMany<string>;
      };

export interface Statement {
    Sid?: string;
    Effect: Effect;
    Principal?: Principal;
    NotPrincipal?: Principal;
    Action?: OneOrMany<string>;
    NotAction?: OneOrMany<string>;
    Resource?: OneOrMany<string>;
    NotResource?: OneOrMany<string>;
    Condition?: ConditionBlock;
}

export interface PolicyDocument {
    Version: "2012-10-17";
    Id?: string;
    Statement: Statement[];
}

/** Wraps statements in a document with the only policy language version worth using. */
export function policyDocument(statements: Statement[], id?: string): PolicyDocument {
    return id === undefined ? { Version: "2012-10-17", Statement: statements } : { Version: "2012-10-17", Id: id, Statement: statements };
}

/**
 * Serialises a document. Compact JSON: AWS counts whitespace against the size limits
 * (SCP 5,120, managed policy 6,144 characters), so pretty-printing would waste budget.
 */
export function toPolicyJson(doc: PolicyDocument): string {
    return JSON.stringify(doc);
}

/** Returns the values of a OneOrMany as an array. */
export function asArray<T>(value: OneOrMany<T> | undefined): T[] {
    if (value === undefined) {
        return [];
    }
    return Array.isArray(value) ? value : [value];
}

/** Sid values must be alphanumeric; this turns a readable name into one. */
export function sid(name: string): string {
    return name.replace(/[^A-Za-z0-9]/g, "");
}

/**
 * A Deny statement, keys in the order every generated document uses (Sid, Effect, Action,
 * Resource, Condition). Guardrails are written as denies (an `Allow ... IfExists` alone is a
 * hole), so this is the shape most builders repeat; no condition means an unconditional deny.
 */
export function deny(sid: string, action: OneOrMany<string>, condition?: ConditionBlock, resource: OneOrMany<string> = "*"): Statement {
    return condition === undefined
        ? { Sid: sid, Effect: "Deny", Action: action, Resource: resource }
        : { Sid: sid, Effect: "Deny", Action: action, Resource: resource, Condition: condition };
}

/**
 * A Deny statement for a resource policy: `Principal: "*"` (everyone, the account's own
 * principals included), keys in the order Sid, Effect, Principal, Action, Resource, Condition.
 */
export function denyEveryone(sid: string, action: OneOrMany<string>, resource: OneOrMany<string>, condition?: ConditionBlock): Statement {
    return condition === undefined
        ? { Sid: sid, Effect: "Deny", Principal: "*", Action: action, Resource: resource }
        : { Sid: sid, Effect: "Deny", Principal: "*", Action: action, Resource: resource, Condition: condition };
}
