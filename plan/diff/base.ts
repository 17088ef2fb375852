/**
 * What `plan --diff BASE` compares against: a saved plan (the `--json` output of an earlier
 * `npm run plan`, docs/plan-format.md) or a real stack's state as `pulumi stack export` writes it
 * (an untyped deployment of version 3: `{ version: 3, deployment: { manifest, resources: [...] } }`,
 * each resource an apitype.ResourceV3 of pulumi/pulumi sdk/go/common/apitype/core.go).
 */
import * as fs from "node:fs";
import { PLAN_FORMAT_VERSION } from "../types";

/** One resource of the base, reduced to what the diff reads. */
export interface BaseResource {
    urn: string;
    type: string;
    custom: boolean;
    inputs: Record<string, unknown>;
    protect: boolean;
    /** ResourceV3 `replaceOnChanges`: paths the program marked as replacing (state only). */
    replaceOnChanges: string[];
}

export interface DiffBase {
    file: string;
    kind: "plan" | "stack-export";
    /** The stack the base was made for (from its URNs). */
    stack: string;
    resources: BaseResource[];
}

/** A base file that is neither a saved plan nor a stack export: a config error (exit 2). */
export class DiffBaseError extends Error {
    constructor(message: string) {
        super(message);
        this.name = "DiffBaseError";
    }
}

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);

/** The stack segment of a URN: `urn:pulumi:<stack>::<project>::...`. */
export const stackOfUrn = (urn: string): string => urn.split("::")[0]?.replace(/^urn:pulumi:/, "") ?? "";

function fromPlan(file: string, doc: Record<string, unknown>): DiffBase {
    if (doc.formatVersion !== PLAN_FORMAT_VERSION) {
        throw new DiffBaseError(
            `--diff ${file}: a secure-ds plan of format version ${String(doc.formatVersion)}; plan the base again (format ${PLAN_FORMAT_VERSION})`,
        );
    }
    const resources = (doc.resources as unknown[]).filter(isRecord).map((r) => {
        const options = isRecord(r.options) ? r.options : {};
        return {
            urn: String(r.urn),
            type: String(r.type),
            custom: r.custom === true,
            inputs: isRecord(r.inputs) ? r.inputs : {},
            protect: options.protect === true,
            replaceOnChanges: [],
        };
    });
    return { file, kind: "plan", stack: typeof doc.stack === "string" ? doc.stack : stackOfUrn(resources[0]?.urn ?? ""), resources };
}

function fromExport(file: string, deployment: Record<string, unknown>): DiffBase {
    const raw = Array.isArray(deployment.resources) ? deployment.resources : [];
    const resources: BaseResource[] = [];
    raw.forEach((r: unknown, i) => {
        if (!isRecord(r) || typeof r.urn !== "string" || typeof r.type !== "string") {
            throw new DiffBaseError(`--diff ${file}: deployment.resources[${i}] has no urn or type; is it \`pulumi stack export\` output?`);
        }
        // A resource marked `delete` is an old copy awaiting deletion after a replace: not part of the stack.
        if (r.delete === true) return;
        resources.push({
            urn: r.urn,
            type: r.type,
            custom: r.custom === true,
            inputs: isRecord(r.inputs) ? r.inputs : {},
            protect: r.protect === true,
            replaceOnChanges: Array.isArray(r.replaceOnChanges) ? r.replaceOnChanges.map(String) : [],
        });
    });
    return { file, kind: "stack-export", stack: stackOfUrn(resources[0]?.urn ?? ""), resources };
}

/** Reads a base file; throws DiffBaseError naming the file and what it expected. */
export function readDiffBase(file: string): DiffBase {
    if (!fs.existsSync(file))
        throw new DiffBaseError(`--diff ${file}: no such file; give a saved plan (npm run plan -- --json FILE) or \`pulumi stack export --file FILE\` output`);
    let doc: unknown;
    try {
        doc = JSON.parse(fs.readFileSync(file, "utf8"));
    } catch (err) {
        throw new DiffBaseError(`--diff ${file}: not JSON (${(err as Error).message})`);
    }
    if (isRecord(doc) && "formatVersion" in doc && Array.isArray(doc.resources)) return fromPlan(file, doc);
    if (isRecord(doc) && isRecord(doc.deployment)) {
        if (doc.version !== 3) {
            throw new DiffBaseError(
                `--diff ${file}: a deployment of version ${String(doc.version)}; this reads version 3 (what current \`pulumi stack export\` writes)`,
            );
        }
        return fromExport(file, doc.deployment);
    }
    throw new DiffBaseError(
        `--diff ${file}: neither a secure-ds plan (formatVersion, resources) nor a \`pulumi stack export\` file (version, deployment.resources)`,
    );
}
