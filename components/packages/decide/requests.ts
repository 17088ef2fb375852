/**
 * Parser of the reviewed request file (requests.yaml):
 *
 *   requests:
 *     - name: requests
 *       version: "2.32.3"          # exact PEP 440 version, quoted
 *       sha256: 0123...abcd        # optional: expected SHA256 of the artifact
 *       justification: HTTP client for the fraud feature store
 *       requester: alice@example.com
 *
 * Every problem is reported with the file name and line, e.g.
 *   requests.yaml:7: version ">=2.0" is not an exact version; pin one release such as 2.32.3
 * A file with any problem is rejected as a whole: a partly understood request file must not
 * approve anything.
 */
import { LineCounter, isMap, isScalar, isSeq, parseDocument, type Node, type Pair, type YAMLMap } from "yaml";
import { PackageRequest } from "./types";

export class RequestFileError extends Error {
    constructor(readonly problems: string[]) {
        super(problems.join("\n"));
        this.name = "RequestFileError";
    }
}

/** PEP 503 normalised project name. */
export function normaliseName(name: string): string {
    return name.toLowerCase().replace(/[-_.]+/g, "-");
}

/** PEP 508 project names. */
const NAME = /^([A-Za-z0-9]|[A-Za-z0-9][A-Za-z0-9._-]*[A-Za-z0-9])$/;

/**
 * One exact release in PEP 440 canonical form (epoch, release, pre, post, dev). No operators, no
 * wildcards, no local versions (`+local` never exists on PyPI).
 */
const EXACT_VERSION = /^(\d+!)?\d+(\.\d+)*((a|b|rc)\d+)?(\.post\d+)?(\.dev\d+)?$/;

const SHA256 = /^[0-9a-f]{64}$/;
const ALLOWED_KEYS = ["name", "version", "sha256", "justification", "requester"];
const MAX_REQUESTS = 200;

/** Why a version string is not one exact release, as the end of a sentence. */
function versionProblem(version: string): string {
    if (/[<>=!~,*^ ]/.test(version)) return "is a version range or specifier, not an exact version; pin one release such as 2.32.3";
    if (version.includes("+")) return "has a local version label (+...), which PyPI never serves; pin a public release";
    return "is not an exact PEP 440 version such as 2.32.3, 1.0rc1 or 2.0.post1";
}

export function parseRequests(text: string, fileName = "requests.yaml"): PackageRequest[] {
    const lineCounter = new LineCounter();
    const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
    const lineOf = (node: Node | Pair | null | undefined): number => {
        const range = node && "range" in node ? node.range : node && "key" in node ? (node.key as Node | null)?.range : undefined;
        return range ? lineCounter.linePos(range[0]).line : 1;
    };
    const problems: string[] = [];
    const at = (line: number, message: string) => problems.push(`${fileName}:${line}: ${message}`);

    if (doc.errors.length > 0) {
        for (const err of doc.errors) {
            const line = err.linePos?.[0]?.line ?? 1;
            at(line, `is not valid YAML (${err.message.split("\n")[0]})`);
        }
        throw new RequestFileError(problems);
    }
    if (!isMap(doc.contents)) {
        at(1, "the file must be a mapping with a `requests:` list");
        throw new RequestFileError(problems);
    }
    const root = doc.contents as YAMLMap;
    for (const pair of root.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : "?";
        if (key !== "requests") at(lineOf(pair.key as Node), `unknown top-level key "${key}"; the file has one key, requests`);
    }
    const list = root.get("requests", true);
    if (!isSeq(list)) {
        at(lineOf(list as Node | undefined) || 1, "`requests:` must be a list of package requests");
        throw new RequestFileError(problems);
    }
    if (list.items.length === 0) at(lineOf(list), "`requests:` is empty; request at least one package");
    if (list.items.length > MAX_REQUESTS) at(lineOf(list), `has ${list.items.length} requests; split the file (at most ${MAX_REQUESTS} per run)`);

    const requests: PackageRequest[] = [];
    const seen = new Map<string, number>();
    list.items.forEach((item, index) => {
        const itemLine = lineOf(item as Node);
        if (!isMap(item)) {
            at(itemLine, `request ${index + 1} is not a mapping with name, version, justification and requester`);
            return;
        }
        const fields: Record<string, { value: unknown; line: number }> = {};
        for (const pair of item.items) {
            const key = isScalar(pair.key) ? String(pair.key.value) : "?";
            const keyLine = lineOf(pair.key as Node);
            if (!ALLOWED_KEYS.includes(key)) {
                at(keyLine, `unknown key "${key}" in request ${index + 1}; allowed keys are ${ALLOWED_KEYS.join(", ")}`);
                continue;
            }
            const valueNode = pair.value as Node | null;
            fields[key] = {
                value: isScalar(valueNode) ? valueNode.value : valueNode === null ? null : "[structured]",
                line: valueNode ? lineOf(valueNode) : keyLine,
            };
        }
        const str = (key: string, required: boolean): string | undefined => {
            const f = fields[key];
            if (f === undefined || f.value === null || f.value === "") {
                if (required) at(itemLine, `request ${index + 1} has no ${key}`);
                return undefined;
            }
            if (typeof f.value !== "string") {
                at(
                    f.line,
                    key === "version"
                        ? `version ${String(f.value)} is a YAML number, not text; quote it ("${String(f.value)}"), or 1.10 silently becomes 1.1`
                        : `${key} must be text, found ${String(f.value)}`,
                );
                return undefined;
            }
            return f.value.trim();
        };
        const name = str("name", true);
        const version = str("version", true);
        const sha256 = str("sha256", false);
        const justification = str("justification", true);
        const requester = str("requester", true);
        let ok = name !== undefined && version !== undefined && justification !== undefined && requester !== undefined;
        if (name !== undefined && !NAME.test(name)) {
            at(fields.name.line, `name "${name}" is not a valid Python project name`);
            ok = false;
        }
        if (version !== undefined && !EXACT_VERSION.test(version)) {
            at(fields.version.line, `version "${version}" ${versionProblem(version)}`);
            ok = false;
        }
        if (sha256 !== undefined && !SHA256.test(sha256.toLowerCase())) {
            at(fields.sha256.line, `sha256 "${sha256}" is not 64 hexadecimal characters`);
            ok = false;
        }
        if (justification !== undefined && justification.length < 10) {
            at(fields.justification.line, "justification is too short; say what the package is needed for");
            ok = false;
        }
        if (!ok || name === undefined || version === undefined) return;
        const key = `${normaliseName(name)}==${version}`;
        const first = seen.get(key);
        if (first !== undefined) {
            at(itemLine, `${name}==${version} is already requested on line ${first}`);
            return;
        }
        seen.set(key, itemLine);
        requests.push({
            name,
            normalisedName: normaliseName(name),
            version,
            ...(sha256 !== undefined ? { sha256: sha256.toLowerCase() } : {}),
            justification: justification as string,
            requester: requester as string,
            line: itemLine,
        });
    });
    if (problems.length > 0) throw new RequestFileError(problems);
    return requests;
}
