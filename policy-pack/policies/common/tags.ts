/** The tags a resource ends up with, as mandatory-tags and the environment-scoped rules read them. */
import { decoded, record } from "./values";

/**
 * A resource's own tags as a map. Most resources take a map; a few (autoscaling groups) take a
 * list of `{ key, value }` objects.
 */
function ownTags(tags: unknown): Record<string, unknown> {
    if (!Array.isArray(tags)) return record(tags);
    const out: Record<string, unknown> = {};
    for (const t of tags.map(record)) if (typeof t.key === "string") out[t.key] = t.value;
    return out;
}

/** Tags a resource ends up with: the provider's defaultTags overlaid by the resource's own. */
export function effectiveTags(props: Record<string, unknown>, providerProps: Record<string, unknown> | undefined): Record<string, unknown> {
    const defaults = record(record(decoded(providerProps?.defaultTags)).tags);
    return { ...defaults, ...ownTags(props.tags) };
}
