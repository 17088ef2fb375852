/**
 * Correlating the resources of a stack. Ids and ARNs are unknown in a real preview, so links are
 * followed through `propertyDependencies` first and through known id/ARN/name values second.
 */
import type { PolicyResource } from "@pulumi/policy";
import { NOT_KNOWN, known } from "./preview";
import { record, text } from "./values";

/** Resources of a stack whose type is one of `types`. */
export function ofType(resources: PolicyResource[], ...types: string[]): PolicyResource[] {
    return resources.filter((r) => types.includes(r.type));
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

/** Resources among `candidates` whose `property` references `target`. */
export function referencing(candidates: PolicyResource[], property: string, target: PolicyResource): PolicyResource[] {
    return candidates.filter((c) => references(c, property, target));
}

/** The resources among `targets` that `r.props[property]` points at. */
export function linked(r: PolicyResource, property: string, targets: PolicyResource[]): PolicyResource[] {
    return targets.filter((t) => references(r, property, t));
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
