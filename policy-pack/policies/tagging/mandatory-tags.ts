import taggableTypes from "./taggableTypes.json";
import { SecureDsResourcePolicy, effectiveTags } from "../common";

const TAGGABLE = new Set<string>(taggableTypes);

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
