/**
 * Citation hygiene: code, comments and docs cite guardrail control IDs (docs/guardrails.md),
 * repository files or public URLs, never tracker items or material that is not in the clone.
 */

export interface Citation {
    line: number;
    text: string;
}

/** Case-insensitive, plurals included, with or without `#`. */
const PHRASES: readonly RegExp[] = [
    /\bissues?\s+#?\d+/,
    /\bissue\s*#\d+/,
    /\bseeds?[\s/_-]*0\d\d\b/,
    /\bpitfalls?\s*#?\d+/,
    /\banchors\.md\b/,
    /\bworkshop\s+v2\b/,
];

/** Every line of `text` that cites one of the phrases, with the phrase found. */
export function citations(text: string): Citation[] {
    const found: Citation[] = [];
    text.split("\n").forEach((line, i) => {
        for (const phrase of PHRASES) {
            const m = new RegExp(phrase.source, "i").exec(line);
            if (m) {
                found.push({ line: i + 1, text: m[0] });
                break;
            }
        }
    });
    return found;
}
