/**
 * The buildspecs and the scan helpers are repository files (components/packages/buildspecs/),
 * reviewed like code; the components only load them.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import type { ScanStage } from "./scanPipelineNames";

/** The gate's builds: the three pipeline stages and the ClamAV signature update. */
export type GateBuild = ScanStage | "signatures";

export function loadBuildspec(build: GateBuild): string {
    return fs.readFileSync(path.join(__dirname, "buildspecs", `${build}.yml`), "utf8");
}

export function loadScanHelpers(): string {
    return fs.readFileSync(path.join(__dirname, "buildspecs", "scan_helpers.py"), "utf8");
}
