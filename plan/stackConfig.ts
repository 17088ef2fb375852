import * as fs from "node:fs";
import * as path from "node:path";
import { parse } from "yaml";

export const REPO_ROOT = path.resolve(__dirname, "..");

/** Reads `config:` from a Pulumi stack file. Structured values stay objects. */
export function readStackConfigFile(file: string): Record<string, unknown> {
    if (!fs.existsSync(file)) {
        throw new Error(`stack config file ${file} does not exist`);
    }
    const doc: unknown = parse(fs.readFileSync(file, "utf8"));
    if (doc === null || typeof doc !== "object" || !("config" in doc)) {
        throw new Error(`${file}: has no top-level "config:" map`);
    }
    const config = (doc as { config: unknown }).config;
    if (config === null || typeof config !== "object") {
        throw new Error(`${file}: "config:" is not a map`);
    }
    for (const [key, value] of Object.entries(config)) {
        if (value !== null && typeof value === "object" && "secure" in value) {
            throw new Error(`${file}: ${key} is a secret; the offline plan cannot decrypt secrets, put a placeholder in a copy of the file`);
        }
    }
    return config as Record<string, unknown>;
}

/** The stack file of a named stack in the repository (`Pulumi.<stack>.yaml`). */
export function stackConfigPath(stack: string): string {
    return path.join(REPO_ROOT, `Pulumi.${stack}.yaml`);
}

/** The raw `secure-ds:platform` object of a stack file. */
export function readPlatformSection(file: string): unknown {
    return readStackConfigFile(file)["secure-ds:platform"];
}
