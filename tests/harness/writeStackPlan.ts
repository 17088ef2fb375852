/**
 * Builds the offline plan of one repository stack with the real buildPlan and writes it as JSON
 * (docs/plan-format.md). The test run's global setup (stackPlans.globalSetup.ts) runs it once per
 * stack, mode and run:
 *
 *   tsx tests/harness/writeStackPlan.ts <stack> <preview|up> <file> [<upstream plan file>...]
 *
 * A stack that reads other stacks gets their outputs from the upstream plan files (built first,
 * as planEnvironment does: plan/environment.ts), by the names its config references them by.
 *
 * Exit codes: 0 written, 2 invalid stack config (one line per problem), 3 any other error.
 */
import { PlatformConfigError } from "../../stacks/config";
import { buildPlan } from "../../plan/buildPlan";
import { writePlanFile } from "../../plan/planFile";
import { readStackConfigFile, stackConfigPath } from "../../plan/stackConfig";
import { readPlanFile } from "../../plan/planFile";
import { localStackOf, upstreamNames } from "../../plan/environment";
import { runTool } from "../../tools/cli";

async function main(argv: string[]): Promise<number> {
    const [stack, mode, file, ...upstreamFiles] = argv;
    if (!stack || (mode !== "preview" && mode !== "up") || !file) {
        console.error("usage: tsx tests/harness/writeStackPlan.ts <stack> <preview|up> <file> [<upstream plan file>...]");
        return 3;
    }
    const configFile = stackConfigPath(stack);
    try {
        const config = readStackConfigFile(configFile);
        const upstream = new Map(upstreamFiles.map((f) => readPlanFile(f)).map((p) => [p.stack, p.outputs]));
        const stackReferences = Object.fromEntries(
            upstreamNames(config).flatMap((ref) => {
                const outputs = upstream.get(localStackOf(ref, "secure-ds"));
                return outputs ? [[ref, outputs]] : [];
            }),
        );
        writePlanFile(file, await buildPlan({ stack, config, mode, stackReferences }));
    } catch (err) {
        if (err instanceof PlatformConfigError) {
            console.error(`invalid stack config ${configFile}:\n${err.message}`);
            return 2;
        }
        throw err;
    }
    return 0;
}

runTool(main);
