/**
 * File globs by nesting depth, for config blocks whose options depend on how far a file sits
 * below the repository root (tools/eslint/layering.ts counts `../` against it).
 */

/** The code files ESLint reads (eslint.config.mjs gives the TypeScript ones their parser). */
export const CODE_EXTENSIONS = "{ts,mts,cts,js,mjs,cjs}";

/**
 * Depth 1 is `stacks/index.ts`, depth 2 `components/team/names.ts`; the deepest tracked file
 * today is at 3. Files deeper than the last depth fall into `filesBelowDepths`.
 */
export const DEPTHS: readonly number[] = [1, 2, 3, 4, 5, 6];

/** Files exactly `depth` folders below the root, inside top-level `folder`. */
export function filesAtDepth(folder: string, depth: number): string[] {
    return [`${folder}/${"*/".repeat(depth - 1)}*.${CODE_EXTENSIONS}`];
}

/** Files of `folder` deeper than every entry of DEPTHS. */
export function filesBelowDepths(folder: string): string[] {
    return [`${folder}/${"*/".repeat(Math.max(...DEPTHS))}**/*.${CODE_EXTENSIONS}`];
}
