/** Helpers for config tests: a mutable copy of a stack's platform section, and its problems. */
import type { z } from "zod";
import { PlatformConfigError, parsePlatformConfig, platformSchema } from "../../stacks/config";
import { readPlatformSection, stackConfigPath } from "../../plan/stackConfig";

/**
 * The platform section as written in the stack file, before defaults: what the tests edit. A test
 * that writes a value the schema must reject marks it with `@ts-expect-error`, so the static type
 * and the schema are seen to agree. Typed as a workload stack's (network and teams present).
 */
export type RawConfig = z.input<typeof platformSchema> & {
    network: NonNullable<z.input<typeof platformSchema>["network"]>;
    teams: NonNullable<z.input<typeof platformSchema>["teams"]>;
};

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
