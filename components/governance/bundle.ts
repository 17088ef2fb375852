/**
 * Bundles a TypeScript Lambda handler with esbuild at program time, so the deployed code is
 * always the reviewed source (no committed build output). The AWS SDK v3 is provided by the
 * nodejs22.x runtime and left out of the bundle.
 */
import * as path from "node:path";
import { createHash } from "node:crypto";
import * as esbuild from "esbuild";
import * as pulumi from "@pulumi/pulumi";

export interface Bundle {
    /** The bundled CommonJS module. */
    code: string;
    /** sha256 of the code: changes exactly when the deployed code changes. */
    sha256: string;
}

const cache = new Map<string, Bundle>();

/** Bundles `entry` (a .ts file) once per process. Throws with esbuild's messages on a build error. */
export function bundleHandler(entry: string): Bundle {
    const file = path.resolve(entry);
    const hit = cache.get(file);
    if (hit) return hit;
    const result = esbuild.buildSync({
        entryPoints: [file],
        bundle: true,
        platform: "node",
        target: "node22",
        format: "cjs",
        write: false,
        minify: true,
        legalComments: "none",
        external: ["@aws-sdk/*"],
        logLevel: "silent",
    });
    if (result.errors.length > 0 || result.outputFiles.length !== 1) {
        throw new Error(`bundleHandler: esbuild failed for ${entry}: ${result.errors.map((e) => e.text).join("; ")}`);
    }
    const code = result.outputFiles[0].text;
    const bundle = { code, sha256: createHash("sha256").update(code).digest("hex") };
    cache.set(file, bundle);
    return bundle;
}

/** The Lambda deployment package: the bundle as index.js (handler `index.handler`). */
export function handlerArchive(bundle: Bundle): pulumi.asset.AssetArchive {
    return new pulumi.asset.AssetArchive({ "index.js": new pulumi.asset.StringAsset(bundle.code) });
}
