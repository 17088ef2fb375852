/**
 * Runs the secure-ds program in-process for a stack's `config:` map (unit tests that want the
 * program's own errors back). The offline plan runs it through the CLI's entry point instead
 * (plan/protocolRun.ts).
 */
import { definePlatform } from "../stacks/platform";
import { loadPlatformConfig } from "../stacks/config";
import { RunResult, runWithMocks } from "./engine";

/** Config is read through `pulumi.Config`, exactly as `stacks/index.ts` does, so the same validation runs. */
export function runPlatform(stack: string, config: Record<string, unknown>): Promise<RunResult> {
    return runWithMocks({
        stack,
        config,
        program: () => definePlatform(loadPlatformConfig()),
    });
}
