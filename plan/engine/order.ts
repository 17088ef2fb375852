/**
 * A canonical registration order. The SDK registers resources concurrently, so the order in
 * which registrations arrive changes from run to run; a plan must not. This is an order the
 * program could have registered in — each resource after its parent, its provider and its
 * dependencies — with the stack first and ties broken by URN.
 *
 * Linear in the edges plus n log n: the ready set is a binary heap (sorting it at every step was
 * quadratic when a default provider makes thousands of resources ready at once), and dependents
 * are appended in place.
 */
import { PlanResource } from "../types";
import { providerReferenceUrn } from "./urn";

const STACK_TYPE = "pulumi:pulumi:Stack";

/** The stack before everything, then by URN (code-unit order, as `<` compares strings). */
function before(a: PlanResource, b: PlanResource): boolean {
    const sa = a.type === STACK_TYPE;
    const sb = b.type === STACK_TYPE;
    if (sa !== sb) return sa;
    return a.urn < b.urn;
}

class ReadyHeap {
    private readonly items: PlanResource[] = [];

    get size(): number {
        return this.items.length;
    }

    push(r: PlanResource): void {
        const a = this.items;
        a.push(r);
        for (let i = a.length - 1; i > 0;) {
            const up = (i - 1) >> 1;
            if (!before(a[i] as PlanResource, a[up] as PlanResource)) break;
            [a[i], a[up]] = [a[up] as PlanResource, a[i] as PlanResource];
            i = up;
        }
    }

    pop(): PlanResource {
        const a = this.items;
        const top = a[0] as PlanResource;
        const last = a.pop() as PlanResource;
        if (a.length === 0) return top;
        a[0] = last;
        for (let i = 0; ;) {
            const l = 2 * i + 1;
            const r = l + 1;
            let min = i;
            if (l < a.length && before(a[l] as PlanResource, a[min] as PlanResource)) min = l;
            if (r < a.length && before(a[r] as PlanResource, a[min] as PlanResource)) min = r;
            if (min === i) break;
            [a[i], a[min]] = [a[min] as PlanResource, a[i] as PlanResource];
            i = min;
        }
        return top;
    }
}

export function canonicalOrder(resources: PlanResource[]): PlanResource[] {
    const byUrn = new Map(resources.map((r) => [r.urn, r]));
    const waitingOn = new Map<string, number>();
    const dependents = new Map<string, string[]>();
    for (const r of resources) {
        const needs = new Set(
            [r.parent, r.provider && providerReferenceUrn(r.provider), ...r.options.dependsOn, ...Object.values(r.propertyDependencies).flat()].filter(
                (u): u is string => typeof u === "string" && u !== r.urn && byUrn.has(u),
            ),
        );
        waitingOn.set(r.urn, needs.size);
        for (const u of needs) {
            const list = dependents.get(u);
            if (list) list.push(r.urn);
            else dependents.set(u, [r.urn]);
        }
    }
    const ready = new ReadyHeap();
    for (const r of resources) if (waitingOn.get(r.urn) === 0) ready.push(r);
    const out: PlanResource[] = [];
    while (ready.size > 0) {
        const next = ready.pop();
        out.push(next);
        for (const d of dependents.get(next.urn) ?? []) {
            const left = (waitingOn.get(d) ?? 0) - 1;
            waitingOn.set(d, left);
            if (left === 0) ready.push(byUrn.get(d) as PlanResource);
        }
    }
    // A cycle cannot come from a program (a dependency's URN must exist first); keep anything left as it came.
    if (out.length === resources.length) return out;
    const placed = new Set(out.map((r) => r.urn));
    return [...out, ...resources.filter((r) => !placed.has(r.urn))];
}
