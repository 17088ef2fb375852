/**
 * The program's config as the CLI hands it over. The stack file's `config:` is merged with the
 * project's (workspace/config.go mergeConfig: a project value fills a key the stack lacks);
 * each value becomes a string, an object or list as Go's json.Marshal writes it (keys sorted);
 * and the language host renames every key to the old `<namespace>:config:<name>` form
 * (pulumi-language-nodejs constructConfig) before putting the JSON in PULUMI_CONFIG.
 */

type Plain = null | boolean | number | string | Plain[] | { [key: string]: Plain };

/** JSON with object keys in sorted order, as Go's encoding/json marshals a map. */
export function goJson(value: unknown): string {
    const sorted = (v: unknown): Plain => {
        if (Array.isArray(v)) return v.map(sorted);
        if (v !== null && typeof v === "object") {
            const out: Record<string, Plain> = {};
            for (const k of Object.keys(v).sort()) out[k] = sorted((v as Record<string, unknown>)[k]);
            return out;
        }
        return v as Plain;
    };
    return JSON.stringify(sorted(value));
}

function configString(value: unknown): string {
    if (typeof value === "string") return value;
    if (value !== null && typeof value === "object") return goJson(value);
    return String(value);
}

/** A key without a namespace belongs to the project (config.ParseKey with the project's name). */
function namespaced(project: string, key: string): string {
    return key.includes(":") ? key : `${project}:${key}`;
}

/** `<namespace>:<key>` → string, the config map the engine holds for the stack. */
export function stackConfig(project: string, stackFileConfig: Record<string, unknown>, projectConfig: Record<string, unknown>): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [key, value] of Object.entries(stackFileConfig)) out[namespaced(project, key)] = configString(value);
    for (const key of Object.keys(projectConfig).sort()) {
        const k = namespaced(project, key);
        if (!(k in out)) out[k] = configString(projectConfig[key]);
    }
    return out;
}

/** The PULUMI_CONFIG value: keys in the `<namespace>:config:<name>` form. */
export function pulumiConfigEnv(config: Record<string, string>): string {
    const legacy: Record<string, string> = {};
    for (const [key, value] of Object.entries(config)) {
        const idx = key.indexOf(":");
        legacy[`${key.slice(0, idx)}:config:${key.slice(idx + 1)}`] = value;
    }
    return goJson(legacy);
}
