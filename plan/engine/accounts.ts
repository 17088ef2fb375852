/** Components get the account (and layer) of their descendants when all of them share one. */
import { PlanResource } from "../types";

export function inheritAccounts(resources: PlanResource[]): void {
    const children = new Map<string, PlanResource[]>();
    for (const r of resources) {
        if (r.parent) children.set(r.parent, [...(children.get(r.parent) ?? []), r]);
    }
    const accountsOf = (r: PlanResource): Set<string> => {
        if (r.custom) return new Set(r.account ? [r.account] : []);
        const set = new Set<string>();
        for (const c of children.get(r.urn) ?? []) for (const a of accountsOf(c)) set.add(a);
        if (set.size === 1 && !r.account) {
            r.account = [...set][0];
            const layers = new Set((children.get(r.urn) ?? []).map((c) => c.layer).filter((l): l is string => l !== undefined));
            if (layers.size === 1) r.layer = [...layers][0];
        }
        return set;
    };
    for (const r of resources) accountsOf(r);
}
