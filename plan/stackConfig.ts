/**
 * Reading a Pulumi stack file (`Pulumi.<stack>.yaml`) for the offline plan. Every fault is a
 * StackFileError (exit 2) naming the file, and for YAML syntax the line and column, never a
 * stack trace: a missing file names the stacks that exist, a misspelt stack name gets "did you mean".
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { isMap, isScalar, isSeq, LineCounter, Node, parseDocument } from "yaml";
import { nearest, typoDistance } from "../components/didYouMean";
import type { PlatformConfigError } from "../stacks/config";
import { displayPath } from "./text";

export const REPO_ROOT = path.resolve(__dirname, "..");

/** A stack file that cannot be read: its message names the file (and line:column) and the fix. */
export class StackFileError extends Error {
    constructor(message: string) {
        super(message);
        this.name = "StackFileError";
    }
}

/** The stacks of the repository: `Pulumi.<stack>.yaml` beside `Pulumi.yaml`. */
export function repositoryStacks(root = REPO_ROOT): string[] {
    return fs
        .readdirSync(root)
        .map((f) => /^Pulumi\.(.+)\.ya?ml$/.exec(f)?.[1])
        .filter((s): s is string => s !== undefined)
        .sort();
}

function missingFile(file: string): StackFileError {
    const stack = /^Pulumi\.(.+)\.ya?ml$/.exec(path.basename(file))?.[1];
    const dir = path.dirname(file);
    const stacks = fs.existsSync(dir) ? repositoryStacks(dir) : [];
    const close = stack ? nearest(stack, stacks, typoDistance(stack)) : [];
    const hint = close.length > 0 ? `; did you mean ${close.map((s) => `--stack ${s}`).join(" or ")}?` : "";
    const existing = stacks.length > 0 ? `; the stacks in ${dir}: ${stacks.join(", ")}` : "";
    return new StackFileError(`stack config file ${file} does not exist${existing}${hint}`);
}

/** Parses a stack file, keeping positions: YAML errors become `file:line:column: message` lines. */
function parseStackFile(file: string) {
    const lineCounter = new LineCounter();
    const doc = parseDocument(fs.readFileSync(file, "utf8"), { lineCounter, prettyErrors: false });
    if (doc.errors.length > 0) {
        const lines = doc.errors.map((e) => {
            const at = e.linePos?.[0] ?? lineCounter.linePos(e.pos[0]);
            // yaml's message repeats the position ("at line 3, column 5:") and a code excerpt; the first line is the fault.
            const message = e.message.split("\n")[0].replace(/ at line \d+, column \d+:?$/, "");
            return `${file}:${at.line}:${at.col}: YAML syntax error: ${message}`;
        });
        throw new StackFileError(lines.join("\n"));
    }
    return { doc, lineCounter };
}

/** Reads `config:` from a Pulumi stack file. Structured values stay objects. */
export function readStackConfigFile(file: string): Record<string, unknown> {
    if (!fs.existsSync(file)) throw missingFile(file);
    const { doc } = parseStackFile(file);
    const root: unknown = doc.toJS();
    if (root === null || typeof root !== "object" || !("config" in root)) {
        throw new StackFileError(`${file}: has no top-level "config:" map`);
    }
    const config = (root as { config: unknown }).config;
    if (config === null || typeof config !== "object" || Array.isArray(config)) {
        throw new StackFileError(`${file}: "config:" is not a map`);
    }
    for (const [key, value] of Object.entries(config)) {
        if (value !== null && typeof value === "object" && "secure" in value) {
            throw new StackFileError(`${file}: ${key} is a secret; the offline plan cannot decrypt secrets, put a placeholder in a copy of the file`);
        }
    }
    return config as Record<string, unknown>;
}

/**
 * `file:line:column` of the value at `keyPath` below `config:` (e.g. ["secure-ds:platform",
 * "teams", 0, "users"]), or of its nearest ancestor that exists (a missing key points at its
 * parent map); undefined when the file cannot be read.
 */
export function locateInStackFile(file: string, keyPath: readonly PropertyKey[]): string | undefined {
    if (!fs.existsSync(file)) return undefined;
    let parsed: ReturnType<typeof parseStackFile>;
    try {
        parsed = parseStackFile(file);
    } catch {
        return undefined;
    }
    let node: unknown = parsed.doc.get("config", true);
    let keyNode: Node | undefined;
    for (const part of keyPath) {
        if (isMap(node)) {
            const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(part));
            if (!pair) break;
            keyNode = isScalar(pair.key) ? pair.key : undefined;
            node = pair.value;
        } else if (isSeq(node) && typeof part === "number" && node.items[part] !== undefined) {
            keyNode = undefined;
            node = node.items[part];
        } else break;
    }
    // An unknown key's own position (the key) reads better than its value's.
    const target = keyNode ?? (node as Node | undefined);
    const offset = target?.range?.[0];
    if (offset === undefined) return undefined;
    const pos = parsed.lineCounter.linePos(offset);
    return `${file}:${pos.line}:${pos.col}`;
}

/** The stack file of a named stack in the repository (`Pulumi.<stack>.yaml`). */
export function stackConfigPath(stack: string): string {
    return path.join(REPO_ROOT, `Pulumi.${stack}.yaml`);
}

/** The raw `secure-ds:platform` object of a stack file. */
export function readPlatformSection(file: string): unknown {
    return readStackConfigFile(file)["secure-ds:platform"];
}

/**
 * A PlatformConfigError's problems as the command prints them: each prefixed with the stack
 * file's `file:line:column` of the key it concerns (as compilers and linters print), so an
 * editor jumps to it.
 */
export function formatConfigProblems(file: string, err: PlatformConfigError): string {
    const shown = displayPath(file);
    const lines = err.problems.map((problem, i) => {
        const keyPath = err.paths[i];
        // A problem of another config key (a misspelt namespace) starts with that key.
        const configKey = /^([\w-]+:[\w.-]+): /.exec(problem)?.[1];
        const at = keyPath
            ? locateInStackFile(file, [PLATFORM_KEY, ...keyPath])
            : configKey && configKey !== PLATFORM_KEY
              ? locateInStackFile(file, [configKey])
              : undefined;
        return at ? `${at.replace(file, shown)}: ${problem}` : problem;
    });
    return `invalid stack config ${shown}:\n${lines.join("\n")}`;
}

const PLATFORM_KEY = "secure-ds:platform";
