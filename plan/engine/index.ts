/**
 * The offline engine. One engine (deployment.ts behind monitor.ts) and two ways to start a
 * program against it: through the SDK's own entry point as the CLI does (cliRun.ts, the plan)
 * and in-process as an inline program (inProcess.ts, unit tests of components).
 */
export type { RunOptions, RunResult } from "./inProcess";
export { lastRunResources, runWithMocks } from "./inProcess";
export { CloudCallError, ProgramFailedError, runProgramViaCli } from "./cliRun";
export { PLAN_UNKNOWN as UNKNOWN } from "../types";
