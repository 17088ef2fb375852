/**
 * Which top-level folder may import which, as ESLint config blocks for
 * `@typescript-eslint/no-restricted-imports` (eslint.config.mjs spreads them in).
 *
 * The rule matches the import string, not the file it resolves to, so each folder gets one block
 * per nesting depth: from `components/team/x.ts`, `../../stacks/config` is the top-level
 * `stacks/` while `../stacks` would be `components/stacks/`. Counting the `../` against the
 * file's depth makes the match exact. ESLint replaces a rule's options per matching block
 * rather than merging them, so every block carries all of its folder's restrictions.
 */
import type { Linter } from "eslint";
import { CODE_EXTENSIONS, DEPTHS, filesAtDepth, filesBelowDepths } from "./depthGlobs";

/** The top-level folders that hold code. */
export const CODE_FOLDERS = ["stacks", "components", "plan", "policy-pack", "tools", "bench", "tests"] as const;
export type CodeFolder = (typeof CODE_FOLDERS)[number];

/** One npm package a layer may not load (its subpaths included). */
interface PackageBan {
    name: string;
    message: string;
    /** `import type` stays allowed: types vanish at compile time, so nothing is loaded. */
    allowTypeImports?: boolean;
}

interface Layer {
    folder: CodeFolder;
    /** Top-level folders it must not import, or every path outside its own folder. */
    forbidden: readonly CodeFolder[] | "outside-own-folder";
    why: string;
    packages: readonly PackageBan[];
}

const AGPL: PackageBan = {
    name: "@cloud-copilot/iam-simulate",
    message: "it is AGPL-3.0 and a devDependency: only tests/ may load it, shipped code may not.",
};

const AWS_TYPES_ONLY: PackageBan = {
    name: "@pulumi/aws",
    message: "loading @pulumi/aws makes the pack slow to start (README, Performance): the pack matches resources by type token; write `import type`.",
    allowTypeImports: true,
};

export const LAYERS: readonly Layer[] = [
    {
        folder: "components",
        forbidden: ["stacks", "plan", "tools", "tests", "bench"],
        why: "components are building blocks that take their inputs as arguments; the stacks compose them, not the other way round.",
        packages: [AGPL],
    },
    {
        folder: "stacks",
        forbidden: ["plan", "tools", "tests", "bench"],
        why: "the Pulumi program runs in `pulumi up`; the offline plan engine, tools, tests and benchmarks sit on top of it.",
        packages: [AGPL],
    },
    {
        folder: "policy-pack",
        forbidden: "outside-own-folder",
        why: "the pack is its own Node project (policy-pack/package.json) that `pulumi preview --policy-pack policy-pack` loads alone; npm packages only from outside it.",
        packages: [AGPL, AWS_TYPES_ONLY],
    },
    { folder: "plan", forbidden: ["tests"], why: "shipped code never depends on test code.", packages: [AGPL] },
    { folder: "tools", forbidden: ["tests"], why: "shipped code never depends on test code.", packages: [AGPL] },
    { folder: "bench", forbidden: ["tests"], why: "benchmarks measure the shipped code, not the test harness.", packages: [] },
    { folder: "tests", forbidden: [], why: "tests may import every layer.", packages: [] },
];

interface RestrictedPath {
    name: string;
    message: string;
    allowTypeImports?: boolean;
}

interface RestrictedPattern {
    regex: string;
    message: string;
    caseSensitive: true;
    allowTypeImports?: boolean;
}

interface Restrictions {
    paths: RestrictedPath[];
    patterns: RestrictedPattern[];
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");

/** An import string that steps up `depth` folders, i.e. reaches the repository root. */
const toRoot = (depth: number): string => `^(\\.\\./){${depth}}`;

/** Restrictions every file has, whatever its folder. */
function repositoryWide(depth: number): RestrictedPattern[] {
    return [
        {
            // A clone builds and tests with nothing beside it; a path above the root exists on
            // one machine only.
            regex: `^(\\.\\./){${depth + 1}}`,
            message: "climbs out of the repository: everything it needs is inside the repository root.",
            caseSensitive: true,
        },
        {
            // `./../x` or `a/../b` would hide a layer crossing from the depth-counting patterns.
            regex: "^\\./\\.\\.?(/|$)|(^|/)[^/]*[^/.][^/]*/\\.\\.?(/|$)",
            message: "write relative imports in normal form (`../x`, `./y`) so the layering rules can read them.",
            caseSensitive: true,
        },
    ];
}

/** The `no-restricted-imports` options for a file of `layer` at `depth` folders below the root. */
export function restrictionsFor(layer: Layer, depth: number): Restrictions {
    const patterns = repositoryWide(depth);
    if (layer.forbidden === "outside-own-folder") {
        patterns.push({
            regex: `${toRoot(depth)}(?!${escape(layer.folder)}(/|$))`,
            message: `leaves ${layer.folder}/: ${layer.why}`,
            caseSensitive: true,
        });
    } else if (layer.forbidden.length > 0) {
        patterns.push({
            regex: `${toRoot(depth)}(${layer.forbidden.map(escape).join("|")})(/|$)`,
            message: `${layer.folder}/ may not import ${layer.forbidden.map((f) => `${f}/`).join(", ")}: ${layer.why}`,
            caseSensitive: true,
        });
    }
    for (const ban of layer.packages) {
        patterns.push({
            regex: `^${escape(ban.name)}/`,
            message: ban.message,
            caseSensitive: true,
            ...(ban.allowTypeImports ? { allowTypeImports: true } : {}),
        });
    }
    const paths = layer.packages.map((ban) => ({ name: ban.name, message: ban.message, ...(ban.allowTypeImports ? { allowTypeImports: true } : {}) }));
    return { paths, patterns };
}

const RULE = "@typescript-eslint/no-restricted-imports";

/** One config block per layer and depth, plus a guard for files deeper than the table reaches. */
export function layeringConfigs(): Linter.Config[] {
    const blocks: Linter.Config[] = [
        {
            name: "secure-ds/layering/root-files",
            files: [`*.${CODE_EXTENSIONS}`],
            rules: { [RULE]: ["error", { patterns: repositoryWide(0) }] },
        },
    ];
    for (const layer of LAYERS) {
        for (const depth of DEPTHS) {
            blocks.push({
                name: `secure-ds/layering/${layer.folder}/depth-${depth}`,
                files: filesAtDepth(layer.folder, depth),
                rules: { [RULE]: ["error", restrictionsFor(layer, depth)] },
            });
        }
        blocks.push({
            name: `secure-ds/layering/${layer.folder}/too-deep`,
            files: filesBelowDepths(layer.folder),
            rules: {
                [RULE]: [
                    "error",
                    {
                        patterns: [
                            {
                                regex: "^\\.",
                                message: "this file is deeper than tools/eslint/depthGlobs.ts counts: add a depth there so its layer rules apply.",
                            },
                        ],
                    },
                ],
            },
        });
    }
    return blocks;
}
