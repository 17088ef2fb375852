/** Runs the secure-ds program for a stack config under the mock engine. */
import { definePlatform } from "../stacks/platform";
import { loadPlatformConfig } from "../stacks/config";
import { RunResult, runWithMocks } from "./engine";

/**
 * Runs the platform for a stack's `config:` map. Config is read through `pulumi.Config`, exactly
 * as `stacks/index.ts` does, so the same validation runs.
 */
export function runPlatform(stack: string, config: Record<string, unknown>): Promise<RunResult> {
    return runWithMocks({
        stack,
        config,
        program: () => definePlatform(loadPlatformConfig()),
    });
}
