/**
 * The repository's ESLint config (eslint.config.mjs) through ESLint's Node API, for tests that
 * lint planted code at a path of the tree without writing it to disk.
 */
import * as path from "node:path";
import { ESLint } from "eslint";

export const ROOT = path.resolve(__dirname, "../..");

/** One problem, reduced to what the tests compare. */
export interface Finding {
    file: string;
    line: number;
    /** null for a parse error or an ignored file. */
    rule: string | null;
    message: string;
}

let shared: ESLint | undefined;

/** An ESLint with the repository's config, rooted at the repository. */
export function repositoryEslint(options: ESLint.Options = {}): ESLint {
    return new ESLint({ cwd: ROOT, overrideConfigFile: path.join(ROOT, "eslint.config.mjs"), ...options });
}

export function findings(results: ESLint.LintResult[]): Finding[] {
    return results.flatMap((r) => r.messages.map((m) => ({ file: path.relative(ROOT, r.filePath), line: m.line, rule: m.ruleId, message: m.message })));
}

/** What `eslint .` would report for `code` saved at `file` (relative to the root). */
export async function lintPlanted(file: string, code: string): Promise<Finding[]> {
    shared ??= repositoryEslint();
    return findings(await shared.lintText(code, { filePath: path.join(ROOT, file) }));
}
