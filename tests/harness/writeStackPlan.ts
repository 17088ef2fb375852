/**
 * Builds the offline plan of one repository stack with the real buildPlan and writes it as JSON
 * (docs/plan-format.md). The test run's global setup (stackPlans.globalSetup.ts) runs it once per
 * stack, mode and run:
 *
 *   tsx tests/harness/writeStackPlan.ts <stack> <preview|up> <file>
 *
 * Exit codes: 0 written, 2 invalid stack config (one line per problem), 3 any other error.
 */
import { PlatformConfigError } from "../../stacks/config";
import { buildPlan } from "../../plan/buildPlan";
import { writePlanFile } from "../../plan/planFile";
import { readStackConfigFile, stackConfigPath } from "../../plan/stackConfig";
import { runTool } from "../../tools/cli";

async function main(argv: string[]): Promise<number> {
    const [stack, mode, file] = argv;
    if (!stack || (mode !== "preview" && mode !== "up") || !file || argv.length !== 3) {
        console.error("usage: tsx tests/harness/writeStackPlan.ts <stack> <preview|up> <file>");
        return 3;
    }
    const configFile = stackConfigPath(stack);
    try {
        writePlanFile(file, await buildPlan({ stack, config: readStackConfigFile(configFile), mode }));
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
