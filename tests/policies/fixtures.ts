/**
 * Values and builders shared by the rule tests of every service folder. Cases spell type tokens
 * out instead of importing TYPES, so a typo in policy-pack/policies/common/types.ts fails a rule
 * test instead of being copied into it.
 */
import { expect } from "vitest";
import { ResourceCase, StackCaseResource, UNKNOWN } from "../harness/policyArgs";

/** A customer-managed key ARN. */
export const KEY = "arn:aws:kms:eu-west-1:111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab";

/** A policy document as the program sends it: JSON text. */
export const doc = (...Statement: object[]) => JSON.stringify({ Version: "2012-10-17", Statement });

/** A stack case resource; `propertyDependencies` name other resources of the case. */
export const r = (
    type: string,
    name: string,
    props: Record<string, unknown> = {},
    propertyDependencies?: Record<string, string[]>,
    protect?: boolean,
): StackCaseResource => ({ type, name, props, propertyDependencies, protect });

/** A copy of a stack case with one resource changed. */
export function edit(resources: StackCaseResource[], name: string, change: (x: StackCaseResource) => void): StackCaseResource[] {
    const copy = structuredClone(resources);
    const target = copy.find((x) => x.name === name);
    if (!target) throw new Error(`no ${name}`);
    change(target);
    return copy;
}

/** A stack case without one resource. */
export const without = (resources: StackCaseResource[], name: string) => resources.filter((x) => x.name !== name);

/**
 * A stack case as a first preview sees it: every resource's id and ARN unknown, and every
 * property that depends on another resource unknown, so a relation is known only through
 * propertyDependencies. Apply it last (structuredClone in `edit` cannot copy UNKNOWN).
 */
export function previewed(resources: StackCaseResource[]): StackCaseResource[] {
    return resources.map((x) => {
        if (x.type.startsWith("pulumi:providers:")) return x;
        const props: Record<string, unknown> = { ...x.props, id: UNKNOWN, arn: UNKNOWN };
        for (const p of Object.keys(x.propertyDependencies ?? {})) props[p] = UNKNOWN;
        return { ...x, props };
    });
}

/** A role with one known inline policy allowing everything and one whose document a preview cannot see. */
export const ROLE_WITH_AN_UNKNOWN_INLINE_POLICY: ResourceCase = {
    type: "aws:iam/role:Role",
    props: {
        inlinePolicies: [
            { name: "known", policy: doc({ Effect: "Allow", Action: "*", Resource: "*" }) },
            { name: "new", policy: UNKNOWN },
        ],
    },
};

/** What a policy records when it defers an unknown document to `pulumi up` (policy-pack/policies/common/preview.ts). */
export const DEFERRED_DOCUMENT = expect.stringMatching(/^deferred to `pulumi up`: document .+ unknown in a preview/);
