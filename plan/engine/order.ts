/**
 * A canonical registration order. The SDK registers resources concurrently, so the order in
 * which registrations arrive changes from run to run; a plan must not. This is an order the
 * program could have registered in — each resource after its parent, its provider and its
 * dependencies — with the stack first and ties broken by URN.
 */
import { PlanResource } from "../types";
import { providerReferenceUrn } from "./urn";

export function canonicalOrder(resources: PlanResource[]): PlanResource[] {
    const byUrn = new Map(resources.map((r) => [r.urn, r]));
    const waitingOn = new Map<string, number>();
    const dependents = new Map<string, string[]>();
    for (const r of resources) {
        const before = new Set(
            [r.parent, r.provider && providerReferenceUrn(r.provider), ...r.options.dependsOn, ...Object.values(r.propertyDependencies).flat()].filter(
                (u): u is string => typeof u === "string" && u !== r.urn && byUrn.has(u),
            ),
        );
        waitingOn.set(r.urn, before.size);
        for (const u of before) dependents.set(u, [...(dependents.get(u) ?? []), r.urn]);
    }
    const rank = (r: PlanResource) => (r.type === "pulumi:pulumi:Stack" ? "0" : `1${r.urn}`);
    const ready = resources.filter((r) => waitingOn.get(r.urn) === 0);
    const out: PlanResource[] = [];
    while (ready.length > 0) {
        ready.sort((a, b) => (rank(a) < rank(b) ? -1 : rank(a) > rank(b) ? 1 : 0));
        const next = ready.shift() as PlanResource;
        out.push(next);
        for (const d of dependents.get(next.urn) ?? []) {
            const left = (waitingOn.get(d) ?? 0) - 1;
            waitingOn.set(d, left);
            if (left === 0) ready.push(byUrn.get(d) as PlanResource);
        }
    }
    // A cycle cannot come from a program (a dependency's URN must exist first); keep anything left as it came.
    const placed = new Set(out.map((r) => r.urn));
    return [...out, ...resources.filter((r) => !placed.has(r.urn))];
}
