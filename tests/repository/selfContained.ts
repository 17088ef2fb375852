/**
 * The self-contained-repository check: nothing reads, imports or links a path outside the
 * repository root. A clone must build, test and document itself with nothing beside it.
 */
import * as path from "node:path";

export interface Escape {
    line: number;
    text: string;
    why: string;
}

/** Runs of path characters; a run is a candidate when one of its segments is `..`. */
const PATH_RUN = /[\w@+~$.\/-]+/g;
const PARENT_SEGMENT = /(^|\/)\.\.(\/|$)/;

/** `path.join(__dirname, "..", "x")` and `path.resolve(__dirname, "../..")`, up to the first non-literal argument. */
const DIRNAME_CALL = /path\.(?:join|resolve)\(\s*__dirname((?:\s*,\s*(?:"[^"\n]*"|'[^'\n]*'))*)/g;
const STRING_ARG = /"([^"\n]*)"|'([^'\n]*)'/g;

/** Folders that live beside the repository on some machines, never inside a clone. */
const OUTSIDE_NAMES = /shared\/reference|shared\/seeds|\.\.\/shared\b/i;

/** True when `target` (a `/`-separated path relative to the root) is above the root. */
const isOutside = (target: string): boolean => {
    const normal = path.posix.normalize(target);
    return normal === ".." || normal.startsWith("../");
};

const lineOf = (text: string, index: number): number => text.slice(0, index).split("\n").length;

/**
 * Every place in `text`, the content of `file` (relative to the root), that names a path above the
 * root: a relative path resolved from the file's own folder, a `path.join/resolve(__dirname, …)`
 * of string literals, or a mention of a folder that lives outside clones.
 */
export function escapes(file: string, text: string): Escape[] {
    const dir = path.posix.dirname(file);
    const found: Escape[] = [];
    for (const m of text.matchAll(PATH_RUN)) {
        let run = m[0];
        if (!PARENT_SEGMENT.test(run)) continue;
        if (run.startsWith("/")) {
            // `$(dirname "$0")/..` and `${dir}/..` continue a path to the file's own folder (the
            // approximation that .ci/run needs); any other leading slash is absolute or a URL.
            const before = text[m.index - 1];
            if (before !== ")" && before !== "}") continue;
            run = run.slice(1);
        }
        if (isOutside(path.posix.join(dir, run))) found.push({ line: lineOf(text, m.index), text: m[0], why: `resolves above the root from ${dir}/` });
    }
    for (const m of text.matchAll(DIRNAME_CALL)) {
        const segments = [...m[1].matchAll(STRING_ARG)].map((s) => s[1] ?? s[2] ?? "");
        if (isOutside(path.posix.join(dir, ...segments)))
            found.push({ line: lineOf(text, m.index), text: m[0], why: "__dirname-relative path above the root" });
    }
    for (const m of text.matchAll(new RegExp(OUTSIDE_NAMES, "gi"))) {
        found.push({ line: lineOf(text, m.index), text: m[0], why: "names a folder outside the repository" });
    }
    return found;
}
