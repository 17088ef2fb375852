/**
 * "Did you mean …?" for a misspelt name: the candidates nearest by edit distance. Shared by the
 * config validation (stacks/config.ts: unknown keys, the config namespace) and the IAM linter
 * (tools/iam/lint.ts: unknown actions), so both suggest alike. It sits at the bottom layer so
 * that both may import it.
 */

/**
 * Edit distance with adjacent transpositions (optimal string alignment): insertions, deletions,
 * substitutions and swaps of two neighbours, each 1, so `emial` is 1 from `email` as a typist
 * would count it.
 */
export function editDistance(a: string, b: string): number {
    const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
    for (let i = 1; i <= a.length; i++) {
        for (let j = 1; j <= b.length; j++) {
            const cost = a[i - 1] === b[j - 1] ? 0 : 1;
            d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
            if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
    }
    return d[a.length][b.length];
}

/**
 * The candidates within `maxDistance` of `name` (compared case-insensitively, after `key` maps
 * each candidate to the part compared), nearest first, ties in the candidates' order.
 */
export function nearest(name: string, candidates: readonly string[], maxDistance: number, key: (c: string) => string = (c) => c): string[] {
    const lower = name.toLowerCase();
    return candidates
        .map((c, i) => ({ c, i, d: editDistance(lower, key(c).toLowerCase()) }))
        .filter((x) => x.d <= maxDistance)
        .sort((x, y) => x.d - y.d || x.i - y.i)
        .map((x) => x.c);
}

/** The distance a typo of a name of this length may have: a third of it, at least 1, at most 3. */
export const typoDistance = (name: string): number => Math.max(1, Math.min(3, Math.floor(name.length / 3)));
