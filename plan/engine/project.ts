/**
 * Pulumi.yaml as the CLI reads it for a run: the project name, the runtime options the nodejs
 * language host understands (typescript, tsconfig, nodeargs), project-level config, and where
 * the program starts (engine/project.go getPwdMain: `main` relative to the root; a file's
 * directory becomes the program's working directory and its base name the entry point).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { parse } from "yaml";

export interface ProjectFile {
    root: string;
    name: string;
    description?: string;
    /** Directory the program runs in (`--pwd`). */
    pwd: string;
    /** Entry point relative to pwd, or "." for the directory. */
    entry: string;
    typescript: boolean;
    tsconfig?: string;
    nodeargs?: string;
    /** Project config: `key` → the `value` or `default` given in Pulumi.yaml. */
    config: Record<string, unknown>;
}

function record(value: unknown): Record<string, unknown> {
    return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

export function readProjectFile(root: string): ProjectFile {
    const file = path.join(root, "Pulumi.yaml");
    const doc = record(parse(fs.readFileSync(file, "utf8")));
    const name = doc.name;
    if (typeof name !== "string" || name === "") throw new Error(`${file}: no project name`);
    const runtime = doc.runtime;
    const options = typeof runtime === "string" ? {} : record(record(runtime).options);
    const main = typeof doc.main === "string" ? doc.main : "";
    let pwd = root;
    let entry = ".";
    if (main) {
        const target = path.resolve(root, main);
        if (fs.statSync(target).isDirectory()) pwd = target;
        else {
            pwd = path.dirname(target);
            entry = path.basename(target);
        }
    }
    const config: Record<string, unknown> = {};
    for (const [key, spec] of Object.entries(record(doc.config))) {
        const s = record(spec);
        // A bare value is shorthand for `value:`; `default:` wins over `value:` as in mergeConfig.
        if ("default" in s) config[key] = s.default;
        else if ("value" in s) config[key] = s.value;
        else if (typeof spec !== "object") config[key] = spec;
    }
    return {
        root,
        name,
        ...(typeof doc.description === "string" ? { description: doc.description } : {}),
        pwd,
        entry,
        // The language host's parseOptions: typescript defaults to true.
        typescript: options.typescript !== false,
        tsconfig: typeof options.tsconfig === "string" ? options.tsconfig : undefined,
        nodeargs: typeof options.nodeargs === "string" ? options.nodeargs : undefined,
        config,
    };
}

/**
 * The stack tags the CLI derives for a stack (backend.GetEnvironmentTagsForCurrentStack) and
 * hands the pack in ConfigureStack, less the git metadata (vcs:*), which depends on the clone.
 */
export function stackTags(project: ProjectFile): Record<string, string> {
    const tags: Record<string, string> = { "pulumi:project": project.name, "pulumi:runtime": "nodejs" };
    if (project.description) tags["pulumi:description"] = project.description;
    const configured = project.config["pulumi:tags"];
    if (configured !== null && typeof configured === "object") {
        for (const [k, v] of Object.entries(configured)) if (typeof v === "string") tags[k] = v;
    }
    return tags;
}
