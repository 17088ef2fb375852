/**
 * A ts-node cache directory named after the TypeScript sources it compiles. The vendored
 * ts-node 7 that cmd/run and cmd/run-policy-pack use caches each file's output under a key of
 * that file's own text, so a file whose dependency changed type is served from the cache
 * unchecked (the CLI has this hole). Keyed by every source the program and the pack can load,
 * any edit starts a fresh, fully type-checked cache, and repeated plans of one tree stay fast.
 */
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

const SOURCE_DIRS = ["stacks", "components", "policy-pack"];
const KEEP = 4;

function sources(root: string): string[] {
    const out: string[] = [];
    const walk = (dir: string) => {
        for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
            if (entry.name === "node_modules") continue;
            const full = path.join(dir, entry.name);
            if (entry.isDirectory()) walk(full);
            else if (/\.(ts|json)$/.test(entry.name)) out.push(full);
        }
    };
    for (const d of SOURCE_DIRS) if (fs.existsSync(path.join(root, d))) walk(path.join(root, d));
    out.push(path.join(root, "tsconfig.json"), path.join(root, "package-lock.json"));
    return out.filter((f) => fs.existsSync(f)).sort();
}

/** TS_NODE_CACHE_DIRECTORY for this tree; older trees' caches beyond the last few are removed. */
export function tsNodeCacheDir(root: string): string {
    const hash = createHash("sha256");
    for (const file of sources(root)) hash.update(path.relative(root, file)).update("\0").update(fs.readFileSync(file)).update("\0");
    const base = path.join(os.tmpdir(), "secure-ds-ts-node");
    const dir = path.join(base, hash.digest("hex").slice(0, 16));
    fs.mkdirSync(dir, { recursive: true });
    fs.utimesSync(dir, new Date(), new Date());
    const others = fs
        .readdirSync(base)
        .map((name) => path.join(base, name))
        .filter((d) => d !== dir)
        .sort((a, b) => fs.statSync(b).mtimeMs - fs.statSync(a).mtimeMs);
    for (const old of others.slice(KEEP - 1)) fs.rmSync(old, { recursive: true, force: true });
    return dir;
}
