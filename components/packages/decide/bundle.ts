/**
 * Bundles the decision code into one JavaScript file at program time.
 *
 * Why an S3 object built by the program rather than a file in the request repository: the code
 * that decides must not be editable by whoever can change requests.yaml, and its version must be
 * the one the stack was deployed with. The bundle's SHA256 is baked into the Decide project's
 * environment, and the buildspec refuses to run a bundle with another hash (a tampered object is
 * not executed). esbuild output is deterministic, so an unchanged program yields the same object
 * and no diff.
 */
import { createHash } from "node:crypto";
import * as path from "node:path";

export interface DecisionBundle {
    code: string;
    sha256: string;
}

let cached: DecisionBundle | undefined;

export function bundleDecisionCode(): DecisionBundle {
    if (cached) return cached;
    let esbuild: typeof import("esbuild");
    try {
        // Loaded lazily: only the shared-services layer needs it, and only at program time.
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        esbuild = require("esbuild") as typeof import("esbuild");
    } catch {
        throw new Error("ScanPipeline: esbuild is not installed; run `npm ci` (it bundles the scan decision code for CodeBuild).");
    }
    const result = esbuild.buildSync({
        entryPoints: [path.join(__dirname, "main.ts")],
        bundle: true,
        platform: "node",
        target: "node20",
        format: "cjs",
        minify: true,
        legalComments: "none",
        write: false,
        logLevel: "silent",
    });
    const code = result.outputFiles[0].text;
    cached = { code, sha256: createHash("sha256").update(code).digest("hex") };
    return cached;
}
