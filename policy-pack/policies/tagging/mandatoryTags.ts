import taggableTypes from "./taggableTypes.json";
import { SecureDsResourcePolicy, record } from "../types";

const TAGGABLE = new Set<string>(taggableTypes);

/** Provider inputs may arrive JSON-encoded (the engine's convention for provider config). */
function decoded(value: unknown): unknown {
    if (typeof value !== "string") return value;
    try {
        return JSON.parse(value);
    } catch {
        return undefined;
    }
}

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

/** G1: every taggable resource carries the mandatory tags, counting the provider's defaultTags. */
export const mandatoryTags: SecureDsResourcePolicy = {
    name: "mandatory-tags",
    description:
        "Every taggable AWS resource must carry the mandatory tags (team, environment, owner, cost-center), directly or through provider defaultTags (G1).",
    controls: ["G1"],
    remediation: "Set the tags on the resource, or deploy it with a layer provider whose defaultTags carry them (stacks/context.ts).",
    enforcementLevel: "mandatory",
    configSchema: {
        properties: {
            requiredTags: {
                type: "array",
                items: { type: "string" },
                default: ["team", "environment", "owner", "cost-center"],
                description: "Tag keys every taggable resource must carry.",
            },
        },
    },
    validateResource: (args, reportViolation) => {
        if (!TAGGABLE.has(args.type)) return;
        const { requiredTags } = args.getConfig<{ requiredTags: string[] }>();
        const tags = effectiveTags(args.props, args.provider?.props);
        const missing = requiredTags.filter((key) => typeof tags[key] !== "string" || (tags[key] as string).length === 0);
        if (missing.length > 0) {
            reportViolation(`${args.type} ${args.name} is missing the tag${missing.length > 1 ? "s" : ""} ${missing.join(", ")} (G1).`);
        }
    },
};
