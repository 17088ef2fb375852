/**
 * The TypeScript files tools/controlsDoc.ts reads: every `.ts` file below a folder, skipping
 * node_modules and dot-folders. A missing folder has none.
 */
import * as fs from "node:fs";
import * as path from "node:path";

/** `.ts` files below `dir` (an absolute path), depth-first in directory-listing order. */
export function sourceFiles(dir: string): string[] {
    const out: string[] = [];
    const walk = (d: string) => {
        if (!fs.existsSync(d)) return;
        for (const e of fs.readdirSync(d, { withFileTypes: true })) {
            if (e.name === "node_modules" || e.name.startsWith(".")) continue;
            const full = path.join(d, e.name);
            if (e.isDirectory()) walk(full);
            else if (e.name.endsWith(".ts")) out.push(full);
        }
    };
    walk(dir);
    return out;
}
