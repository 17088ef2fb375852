/**
 * Correlating the resources of a stack. Ids and ARNs are unknown in a real preview, so links are
 * followed through `propertyDependencies` first and through known id/ARN/name values second.
 *
 * Stack policies scan the same resource list many times (one `ofType` per type, one
 * `referencing` per target), which made a policy quadratic in the plan's size. So each list is
 * indexed once, on first use, and the index is kept beside the list (a WeakMap: it goes when the
 * list goes): by type, and per property by the URN or value each resource points at. Results are
 * those of a plain scan, in the list's order.
 */
import type { PolicyResource } from "@pulumi/policy";
import { NOT_KNOWN, known } from "./preview";
import { record, text } from "./values";

interface ListIndex {
    /** Position of each resource in the list, to return matches in list order. */
    position: Map<PolicyResource, number>;
    byType: Map<string, PolicyResource[]>;
    /** `typed()` views, keyed by their types joined: one shared array per list and set of types. */
    views: Map<string, readonly PolicyResource[]>;
    /** Per property: target URN (property dependency) or known string value → resources of the list pointing at it. */
    pointing: Map<string, { byUrn: Map<string, PolicyResource[]>; byValue: Map<string, PolicyResource[]> }>;
    /** URN and known identifiers → resources of the list that have them. */
    identified?: { byUrn: Map<string, PolicyResource[]>; byIdentifier: Map<string, PolicyResource[]> };
}

const INDEXES = new WeakMap<readonly PolicyResource[], ListIndex>();

function add<K, V>(map: Map<K, V[]>, key: K, value: V): void {
    const list = map.get(key);
    if (list) list.push(value);
    else map.set(key, [value]);
}

function indexOf(resources: readonly PolicyResource[]): ListIndex {
    let index = INDEXES.get(resources);
    if (!index) {
        const position = new Map<PolicyResource, number>();
        const byType = new Map<string, PolicyResource[]>();
        resources.forEach((r, i) => {
            position.set(r, i);
            add(byType, r.type, r);
        });
        index = { position, byType, views: new Map(), pointing: new Map() };
        INDEXES.set(resources, index);
    }
    return index;
}

/** Distinct resources of `index`'s list, in the list's order. */
function inListOrder(index: ListIndex, found: Iterable<PolicyResource>): PolicyResource[] {
    return [...new Set(found)].sort((a, b) => (index.position.get(a) ?? 0) - (index.position.get(b) ?? 0));
}

/** Resources of a stack whose type is one of `types`. */
export function ofType(resources: readonly PolicyResource[], ...types: string[]): PolicyResource[] {
    const index = indexOf(resources);
    if (types.length === 1) return [...(index.byType.get(types[0] as string) ?? [])];
    return inListOrder(
        index,
        types.flatMap((t) => index.byType.get(t) ?? []),
    );
}

/**
 * Resources of a stack whose type is one of `types`, as `ofType` returns them, but the same array
 * on every call for the same list and types: a helper called once per resource can then pass it
 * to `linked` / `referencing`, whose index is kept per array, instead of building a new list and
 * a new index each time. Read-only: it is shared.
 */
export function typed(resources: readonly PolicyResource[], ...types: string[]): readonly PolicyResource[] {
    const index = indexOf(resources);
    const key = types.join("\n");
    let view = index.views.get(key);
    if (!view) {
        view = ofType(resources, ...types);
        index.views.set(key, view);
    }
    return view;
}

/** The target's identifiers a reference may carry by value, those known in this preview. */
function identifiers(target: PolicyResource): string[] {
    return (["id", "arn", "bucket", "keyId", "name"] as const).map((k) => known(() => target.props[k])).filter((v): v is string => typeof v === "string");
}

/**
 * Whether `resource` references `target`: through property dependencies (works in a preview,
 * where ids are unknown) or through a known id/ARN/name value equal to the target's. Never reads
 * an unknown value: an unknown on either side is simply no match by value.
 */
export function references(resource: PolicyResource, property: string, target: PolicyResource): boolean {
    const deps = resource.propertyDependencies?.[property] ?? [];
    if (deps.some((d) => d.urn === target.urn)) return true;
    const value = known(() => resource.props[property]);
    return value !== NOT_KNOWN && typeof value === "string" && identifiers(target).includes(value);
}

/** What `property` of each resource of the list points at, indexed once per list and property. */
function pointingIndex(candidates: PolicyResource[], property: string) {
    const index = indexOf(candidates);
    let pointing = index.pointing.get(property);
    if (!pointing) {
        pointing = { byUrn: new Map<string, PolicyResource[]>(), byValue: new Map<string, PolicyResource[]>() };
        for (const c of candidates) {
            for (const d of c.propertyDependencies?.[property] ?? []) add(pointing.byUrn, d.urn, c);
            const value = known(() => c.props[property]);
            if (typeof value === "string") add(pointing.byValue, value, c);
        }
        index.pointing.set(property, pointing);
    }
    return { index, pointing };
}

/** Resources among `candidates` whose `property` references `target` (as `references` decides). */
export function referencing(candidates: PolicyResource[], property: string, target: PolicyResource): PolicyResource[] {
    const { index, pointing } = pointingIndex(candidates, property);
    const viaDependency = pointing.byUrn.get(target.urn) ?? [];
    const ids = identifiers(target);
    const viaValue = ids.flatMap((id) => pointing.byValue.get(id) ?? []);
    if (viaValue.length === 0) return [...new Set(viaDependency)];
    return inListOrder(index, [...viaDependency, ...viaValue]);
}

/** The resources among `targets` that `r.props[property]` points at. */
export function linked(r: PolicyResource, property: string, targets: readonly PolicyResource[]): PolicyResource[] {
    const index = indexOf(targets);
    if (!index.identified) {
        const byUrn = new Map<string, PolicyResource[]>();
        const byIdentifier = new Map<string, PolicyResource[]>();
        for (const t of targets) {
            add(byUrn, t.urn, t);
            for (const id of new Set(identifiers(t))) add(byIdentifier, id, t);
        }
        index.identified = { byUrn, byIdentifier };
    }
    const { byUrn, byIdentifier } = index.identified;
    const found: PolicyResource[] = [];
    for (const d of r.propertyDependencies?.[property] ?? []) found.push(...(byUrn.get(d.urn) ?? []));
    const value = known(() => r.props[property]);
    if (typeof value === "string") found.push(...(byIdentifier.get(value) ?? []));
    return inListOrder(index, found);
}

/** The stack resources `resource.props[property]` depends on (through property dependencies). */
export function dependenciesOf(resource: PolicyResource, property: string, types?: string[]): PolicyResource[] {
    const deps = resource.propertyDependencies?.[property] ?? [];
    return types ? deps.filter((d) => types.includes(d.type)) : deps;
}

/** The value of one of a resource's own tags (provider defaultTags not counted). */
export function tagOf(r: PolicyResource, key: string): string | undefined {
    const tags = known(() => record(r.props.tags)[key]);
    return tags === NOT_KNOWN ? undefined : text(tags);
}
