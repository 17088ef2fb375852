/**
 * canonicalOrder (plan/engine/order.ts) on generated plans: the same order as the definition it
 * replaced (sort the ready set by rank at every step), whatever order the registrations arrive in.
 */
import { describe, expect, it } from "vitest";
import { canonicalOrder } from "../../plan/engine/order";
import { PlanResource } from "../../plan/types";

function resource(urn: string, parent: string | undefined, dependsOn: string[], provider?: string): PlanResource {
    return {
        urn,
        type: urn === "stack" ? "pulumi:pulumi:Stack" : "t:m:R",
        name: urn,
        parent,
        provider,
        custom: true,
        inputs: {},
        outputs: {},
        options: { protect: false, retainOnDelete: false, dependsOn, ignoreChanges: [], deleteBeforeReplace: false },
        propertyDependencies: dependsOn.length > 1 ? { p: dependsOn.slice(1) } : {},
    };
}

/** The ready set sorted by rank at every step: quadratic, but the definition. */
function reference(resources: PlanResource[]): string[] {
    const byUrn = new Map(resources.map((r) => [r.urn, r]));
    const waiting = new Map<string, number>();
    const dependents = new Map<string, string[]>();
    for (const r of resources) {
        const needs = new Set(
            [r.parent, r.provider?.split("::id")[0], ...r.options.dependsOn, ...Object.values(r.propertyDependencies).flat()].filter(
                (u): u is string => typeof u === "string" && u !== r.urn && byUrn.has(u),
            ),
        );
        waiting.set(r.urn, needs.size);
        for (const u of needs) dependents.set(u, [...(dependents.get(u) ?? []), r.urn]);
    }
    const rank = (r: PlanResource) => (r.type === "pulumi:pulumi:Stack" ? "0" : `1${r.urn}`);
    const ready = resources.filter((r) => waiting.get(r.urn) === 0);
    const out: string[] = [];
    while (ready.length > 0) {
        ready.sort((a, b) => (rank(a) < rank(b) ? -1 : rank(a) > rank(b) ? 1 : 0));
        const next = ready.shift() as PlanResource;
        out.push(next.urn);
        for (const d of dependents.get(next.urn) ?? []) {
            waiting.set(d, (waiting.get(d) ?? 0) - 1);
            if (waiting.get(d) === 0) ready.push(byUrn.get(d) as PlanResource);
        }
    }
    return out;
}

function generated(count: number, seed: number): PlanResource[] {
    let s = seed;
    const next = () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
    const urns = ["stack", "provider"];
    const out = [resource("stack", undefined, []), resource("provider", undefined, [])];
    for (let i = 0; i < count; i++) {
        const urn = `r${String(Math.floor(next() * 1e6)).padStart(6, "0")}-${i}`;
        const earlier = () => urns[2 + Math.floor(next() * (urns.length - 2))] as string;
        const parent = urns.length > 2 && next() < 0.7 ? earlier() : "stack";
        const deps = urns.length > 2 ? Array.from({ length: Math.floor(next() * 3) }, earlier) : [];
        out.push(resource(urn, parent, deps, next() < 0.8 ? "provider::id" : undefined));
        urns.push(urn);
    }
    return out;
}

describe("canonicalOrder", () => {
    it("orders generated plans as the sorted-ready-set definition does, for any arrival order", () => {
        for (const seed of [1, 2, 3]) {
            const plan = generated(800, seed);
            const expected = reference(plan);
            expect(expected).toHaveLength(plan.length);
            expect(canonicalOrder(plan).map((r) => r.urn)).toEqual(expected);
            const shuffled = [...plan].sort((a, b) => ((a.name.length * 31 + a.name.charCodeAt(1)) % 7) - ((b.name.length * 31 + b.name.charCodeAt(1)) % 7));
            expect(canonicalOrder(shuffled).map((r) => r.urn)).toEqual(expected);
        }
    });
});
