/** "did you mean" for a mistyped name: the known names within a small edit distance, closest first. */

function editDistance(a: string, b: string): number {
    const row = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
        let diagonal = row[0] as number;
        row[0] = i;
        for (let j = 1; j <= b.length; j++) {
            const above = row[j] as number;
            row[j] = Math.min(above + 1, (row[j - 1] as number) + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
            diagonal = above;
        }
    }
    return row[b.length] as number;
}

/** ` (did you mean x, y?)` or an empty string when nothing is close. */
export function didYouMean(name: string, known: Iterable<string>): string {
    const limit = Math.max(2, Math.floor(name.length / 4));
    const close = [...known]
        .map((k) => ({ k, d: editDistance(name.toLowerCase(), k.toLowerCase()) }))
        .filter((x) => x.d <= limit)
        .sort((x, y) => x.d - y.d || x.k.localeCompare(y.k))
        .slice(0, 3)
        .map((x) => x.k);
    return close.length > 0 ? ` (did you mean ${close.join(", ")}?)` : "";
}
