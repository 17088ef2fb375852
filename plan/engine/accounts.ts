/**
 * Components get the account (and layer) of their descendants when all of them share one; then
 * every resource below a layer component (`secure-ds:stacks:<Name>Layer`) is of that layer, since
 * the layers of one stack share the stack's one provider.
 */
import { PlanResource } from "../types";

const LAYER_COMPONENT = /^secure-ds:stacks:(\w+)Layer$/;

/** `secure-ds:stacks:SharedServicesLayer` → `sharedServices`. */
function layerOf(type: string): string | undefined {
    const name = LAYER_COMPONENT.exec(type)?.[1];
    return name ? name.charAt(0).toLowerCase() + name.slice(1) : undefined;
}

/** Sets `layer` from the nearest layer component above (or at) each resource. */
export function assignLayers(resources: PlanResource[]): void {
    const byUrn = new Map(resources.map((r) => [r.urn, r]));
    for (const r of resources) {
        for (let at: PlanResource | undefined = r; at; at = at.parent ? byUrn.get(at.parent) : undefined) {
            const layer = layerOf(at.type);
            if (layer) {
                r.layer = layer;
                break;
            }
        }
    }
}

export function inheritAccounts(resources: PlanResource[]): void {
    const children = new Map<string, PlanResource[]>();
    for (const r of resources) {
        if (!r.parent) continue;
        const list = children.get(r.parent);
        if (list) list.push(r);
        else children.set(r.parent, [r]);
    }
    // Each component's set once: walking every resource's subtree again was n × depth.
    const known = new Map<string, Set<string>>();
    const accountsOf = (r: PlanResource): Set<string> => {
        if (r.custom) return new Set(r.account ? [r.account] : []);
        const done = known.get(r.urn);
        if (done) return done;
        const set = new Set<string>();
        for (const c of children.get(r.urn) ?? []) for (const a of accountsOf(c)) set.add(a);
        if (set.size === 1 && !r.account) {
            r.account = [...set][0];
            const layers = new Set((children.get(r.urn) ?? []).map((c) => c.layer).filter((l): l is string => l !== undefined));
            if (layers.size === 1) r.layer = [...layers][0];
        }
        known.set(r.urn, set);
        return set;
    };
    for (const r of resources) accountsOf(r);
    assignLayers(resources);
}
