/**
 * The offline plan: the program's main job where no AWS account is at hand.
 *
 *   npm run plan -- --stack dev                 plan Pulumi.dev.yaml, print the summary
 *   npm run plan -- --config FILE               plan any stack file
 *   npm run plan -- --stack prod --json FILE    also write the whole plan (docs/plan-format.md)
 *   npm run plan -- --evaluate FILE             re-run the policy pack over a saved plan
 *   options: --pack-config FILE (default: policy-pack/config/<policyEnforcement>.json for a stack,
 *            the pack config recorded in the plan for --evaluate), --quiet
 *
 * Exit codes: 0 no mandatory violation, 1 mandatory violation, 2 config error, 3 usage or other error.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { PlatformConfigError } from "../stacks/config";
import { buildPlan, formatPlan, reevaluatePlan } from "../plan/buildPlan";
import { Plan } from "../plan/types";
import { writePlanFile } from "../plan/planFile";
import { readStackConfigFile, stackConfigPath } from "../plan/stackConfig";
import { parseToolArgs, runTool } from "./cli";

const USAGE = "usage: npm run plan -- (--stack NAME | --config FILE | --evaluate PLAN.json) [--json FILE] [--pack-config FILE] [--quiet]";

async function main(argv: string[]): Promise<number> {
    const values = parseToolArgs(
        argv,
        {
            stack: { type: "string" },
            config: { type: "string" },
            evaluate: { type: "string" },
            json: { type: "string" },
            "pack-config": { type: "string" },
            quiet: { type: "boolean", default: false },
        },
        USAGE,
    );
    if (typeof values === "number") return values;
    const sources = [values.stack, values.config, values.evaluate].filter((v) => v !== undefined);
    if (sources.length !== 1) {
        console.error(`give exactly one of --stack, --config or --evaluate\n${USAGE}`);
        return 3;
    }
    let plan: Plan;
    if (values.evaluate) {
        const saved = JSON.parse(fs.readFileSync(values.evaluate, "utf8")) as Plan;
        plan = await reevaluatePlan(saved, values["pack-config"]);
    } else {
        const file = values.config ?? stackConfigPath(values.stack as string);
        const stack =
            values.stack ??
            path
                .basename(file)
                .replace(/^Pulumi\./, "")
                .replace(/\.ya?ml$/, "");
        try {
            plan = await buildPlan({ stack, config: readStackConfigFile(file), packConfigFile: values["pack-config"] });
        } catch (err) {
            if (err instanceof PlatformConfigError) {
                console.error(`invalid stack config ${file}:\n${err.message}`);
                return 2;
            }
            throw err;
        }
    }
    if (values.json) writePlanFile(values.json, plan);
    if (!values.quiet) console.log(formatPlan(plan));
    return plan.summary.findings.mandatory > 0 ? 1 : 0;
}

runTool(main);
