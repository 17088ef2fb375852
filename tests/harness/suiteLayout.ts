/**
 * Which vitest project a test file runs in (vitest.config.mts), decided from what it imports, so
 * a new or moved test file lands in the right one without a list to maintain:
 *
 * - "stack": reads this run's dev or prod plan (tests/harness/stackPlans.ts) or runs the whole
 *   program (plan/platformRun.ts). Needs the global setup that builds the plans; one process per file.
 * - "components": runs components in-process on the offline engine (plan/engine/). The runtime's state
 *   is process-global: one process per file.
 * - "unit": neither. Plain functions over documents, configs and policies; the files share worker
 *   threads and the modules they load.
 *
 * Imports are followed through every relative import, static or dynamic, type-only included (a
 * file is never put in a lighter project than it needs).
 */
import * as fs from "node:fs";
import * as path from "node:path";

export type SuiteProject = "unit" | "components" | "stack";

const SPECIFIER = /\bfrom\s*["']([^"']+)["']|\bimport\s*\(\s*["']([^"']+)["']\s*\)|\brequire\(\s*["']([^"']+)["']\s*\)|^\s*import\s*["']([^"']+)["']/gm;

function resolveLocal(from: string, specifier: string): string | undefined {
    const base = path.resolve(path.dirname(from), specifier);
    for (const candidate of [base, `${base}.ts`, path.join(base, "index.ts")]) {
        if (candidate.endsWith(".ts") && fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
    }
    return undefined;
}

const direct = new Map<string, string[]>();

/** The local modules `file` imports directly. */
function directImports(file: string): string[] {
    let targets = direct.get(file);
    if (!targets) {
        targets = [];
        for (const match of fs.readFileSync(file, "utf8").matchAll(SPECIFIER)) {
            const specifier = match[1] ?? match[2] ?? match[3] ?? match[4];
            const target = specifier?.startsWith(".") ? resolveLocal(file, specifier) : undefined;
            if (target) targets.push(target);
        }
        direct.set(file, targets);
    }
    return targets;
}

/** Every local TypeScript module `file` loads, itself included. */
export function localImports(file: string, seen = new Set<string>()): Set<string> {
    if (seen.has(file)) return seen;
    seen.add(file);
    for (const target of directImports(file)) localImports(target, seen);
    return seen;
}

export function suiteProject(file: string, root: string): SuiteProject {
    const modules = localImports(path.resolve(root, file));
    const has = (relative: string) => modules.has(path.join(root, relative));
    if (has("tests/harness/stackPlans.ts") || has("plan/platformRun.ts")) return "stack";
    if ([...modules].some((m) => m.startsWith(path.join(root, "plan", "engine") + path.sep))) return "components";
    return "unit";
}

/** Test files under `dir` (relative to `root`), by project. */
export function suiteLayout(root: string, dir = "tests"): Record<SuiteProject, string[]> {
    const layout: Record<SuiteProject, string[]> = { unit: [], components: [], stack: [] };
    const walk = (d: string): void => {
        for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
            const full = path.join(d, entry.name);
            if (entry.isDirectory()) walk(full);
            else if (entry.name.endsWith(".test.ts")) layout[suiteProject(full, root)].push(path.relative(root, full));
        }
    };
    walk(path.join(root, dir));
    for (const files of Object.values(layout)) files.sort();
    return layout;
}
