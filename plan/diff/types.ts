/** The diff of a plan against a base (docs/plan-format.md, `diff`). */

/** What `pulumi up` would do to a resource, as `pulumi preview` prints it (`+`, `~`, `+-`, `-`). */
export type DiffOp = "create" | "update" | "replace" | "delete" | "same";

export interface PropertyChange {
    /** Input path: `assumeRolePolicy.Statement[0].Principal.AWS`, `tags.team`, `subnetIds[1]`. */
    path: string;
    /**
     * add / remove / change; `unknown` when the new value is not known in a preview (the engine's
     * unknown marker), which may or may not change and counts as no change; `secret` when the base
     * holds it encrypted (a stack export without --show-secrets), which cannot be compared.
     */
    kind: "add" | "remove" | "change" | "unknown" | "secret";
    old?: unknown;
    new?: unknown;
    /** Set when this change replaces the resource: the force-new property and where that is stated. */
    forcesReplacement?: { property: string; source: string };
}

export interface ResourceDiff {
    urn: string;
    type: string;
    name: string;
    op: Exclude<DiffOp, "same">;
    /** The changed (and unknown) input paths; empty for a create or a delete. */
    changes: PropertyChange[];
    /** A delete of a protected resource: the engine refuses it and `pulumi up` fails. */
    protectedDelete?: boolean;
}

export interface PlanDiff {
    base: { file: string; kind: "plan" | "stack-export"; stack: string };
    /** Resources per operation, `same` included. */
    counts: Record<DiffOp, number>;
    /** Every resource that is not `same`, in the order create, replace, update, delete, then URN. */
    resources: ResourceDiff[];
    /** Resources whose only differences are unknown values of a preview. */
    unknownOnly: number;
    /** Types with changes that the force-new data (plan/diff/forceNew.ts) does not cover: their changes are taken as updates. */
    uncoveredTypes: string[];
}
