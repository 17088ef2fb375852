/** Helpers for config tests: a mutable copy of a stack's platform section, and its problems. */
import { PlatformConfigError, parsePlatformConfig } from "../../stacks/config";
import { readPlatformSection, stackConfigPath } from "../../plan/stackConfig";

/** A raw config object that tests mutate freely (YAML values are loosely typed by nature). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type RawConfig = Record<string, any>;

/** A deep copy of `secure-ds:platform` from Pulumi.<stack>.yaml. */
export function rawStackConfig(stack = "dev"): RawConfig {
    return structuredClone(readPlatformSection(stackConfigPath(stack))) as RawConfig;
}

/** The one-line problems validation reports for `raw` (empty when valid). */
export function configProblems(raw: unknown): string[] {
    try {
        parsePlatformConfig(raw);
    } catch (err) {
        if (err instanceof PlatformConfigError) return err.problems;
        throw err;
    }
    return [];
}
