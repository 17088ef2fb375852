/**
 * The organisation's tag policy (G1): mandatory keys with their exact casing and, where the set is
 * known, their allowed values. Tag policies report non-compliance (Resource Groups Tagging API,
 * Organizations console); preventing untagged resources is the job of the `aws:RequestTag` denies
 * (sagemaker.ts requestTagGuardrails), the provider defaultTags and the `mandatory-tags` policy.
 */

/** One key of a tag policy in the Organizations management-policy syntax. */
interface TagPolicyKey {
    tag_key: { "@@assign": string };
    tag_value?: { "@@assign": string[] };
}

export interface TagPolicyDocument {
    tags: Record<string, TagPolicyKey>;
}

/** AWS Organizations limit on a tag policy document, in characters. */
const TAG_POLICY_MAX_CHARS = 10000;

/**
 * Builds the tag policy: every mandatory key, and the allowed values for the keys whose values the
 * platform knows (environment, team).
 */
export function tagPolicyDocument(tagKeys: readonly string[], allowedValues: Record<string, string[]> = {}): TagPolicyDocument {
    if (tagKeys.length === 0) throw new Error("tagPolicyDocument: no tag keys; a tag policy needs at least one key.");
    const tags: Record<string, TagPolicyKey> = {};
    for (const key of tagKeys) {
        const values = allowedValues[key];
        tags[key] = { tag_key: { "@@assign": key }, ...(values && values.length > 0 ? { tag_value: { "@@assign": [...new Set(values)].sort() } } : {}) };
    }
    return { tags };
}

export function tagPolicyJson(doc: TagPolicyDocument): string {
    const json = JSON.stringify(doc);
    if (json.length > TAG_POLICY_MAX_CHARS) {
        throw new Error(`tag policy is ${json.length} characters; AWS Organizations allows ${TAG_POLICY_MAX_CHARS}. Drop allowed values or keys.`);
    }
    return json;
}
