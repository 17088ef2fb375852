/**
 * The offline plan: the program's main job where no AWS account is at hand. It runs the program
 * and the policy pack through the Pulumi CLI's own entry points against an offline engine.
 *
 *   npm run plan -- --stack dev                 plan Pulumi.dev.yaml as `pulumi preview` would, print the summary
 *   npm run plan -- --stack dev --mode up       outputs fabricated as if deployed (ids and ARNs known)
 *   npm run plan -- --config FILE               plan any stack file
 *   npm run plan -- --stack prod --json FILE    also write the whole plan (docs/plan-format.md)
 *   npm run plan -- --stack prod --with-upstream   plan prod and the stacks it references, in dependency order
 *   npm run plan -- --evaluate FILE             re-run the policy pack over a saved plan
 *   findings: --sarif FILE, --junit FILE, --only/--skip POLICY, --exemptions FILE, --write-pack-config FILE (tools/planReports.ts)
 *   npm run plan -- --stack BASE --team-stacks DIR [--workers N]
 *                                               a workload base and its team stacks in DIR, N at once (tools/teamStacksPlan.ts)
 *   npm run plan -- --stack dev --diff BASE     what `pulumi up` would change against BASE: a saved plan or `pulumi stack export` output
 *   options: --pack-config FILE (default: policy-pack/config/<policyEnforcement>.json for a stack,
 *            the pack config recorded in the plan for --evaluate),
 *            --transpile-only (skip ts-node's type check; `npm run typecheck` does it), --timings;
 *            the output flags (--json FILE|-, --diff, --verbose, --progress, --quiet) are tools/planOutput.ts's
 *
 * Exit codes: 0 no mandatory violation, 1 mandatory violation or an input AWS would reject
 * (plan/contracts/), 2 stack or pack config error,
 * 3 usage error, a program that failed or read the cloud, or any other error.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { PlatformConfigError } from "../stacks/config";
import { buildPlan, lastPlanTimings, reevaluatePlan } from "../plan/buildPlan";
import { DiffBase, DiffBaseError } from "../plan/diff/base";
import { CloudCallError, ProgramFailedError } from "../plan/engine";
import { PackConfigError } from "../plan/packConfig";
import { Plan, PlanFinding, PlanMode } from "../plan/types";
import { formatEnvironmentFindings } from "../plan/format";
import { formatConfigProblems, readStackConfigFile, stackConfigPath, StackFileError } from "../plan/stackConfig";
import { parseToolArgs, runTool } from "./cli";
import { PolicySelectionError } from "../plan/findings/packConfigMerge";
import { REPORT_OPTIONS, REPORT_USAGE, planInputs, writeReports } from "./planReports";
import { EnvironmentError, planEnvironment, upstreamNames } from "../plan/environment";
import { runTeamStacksPlan } from "./teamStacksPlan";
import { emitPlans, OUTPUT_OPTIONS, OUTPUT_USAGE, progressListener, readBase, writeEmitted } from "./planOutput";

const USAGE = `usage: npm run plan -- (--stack NAME [--with-upstream | --team-stacks DIR [--workers N]] | --config FILE | --evaluate PLAN.json) [--mode preview|up] [--pack-config FILE] [--transpile-only] [--timings] ${OUTPUT_USAGE} ${REPORT_USAGE}`;

async function main(argv: string[]): Promise<number> {
    const values = parseToolArgs(
        argv,
        {
            stack: { type: "string" },
            config: { type: "string" },
            evaluate: { type: "string" },
            mode: { type: "string", default: "preview" },
            "pack-config": { type: "string" },
            ...OUTPUT_OPTIONS,
            "transpile-only": { type: "boolean", default: false },
            timings: { type: "boolean", default: false },
            "with-upstream": { type: "boolean", default: false },
            ...REPORT_OPTIONS,
            "team-stacks": { type: "string" },
            workers: { type: "string", default: "1" },
        },
        USAGE,
    );
    if (typeof values === "number") return values;
    const sources = [values.stack, values.config, values.evaluate].filter((v) => v !== undefined);
    if (sources.length !== 1) {
        console.error(`give exactly one of --stack, --config or --evaluate\n${USAGE}`);
        return 3;
    }
    if (values.mode !== "preview" && values.mode !== "up") {
        console.error(`--mode must be preview or up, not ${JSON.stringify(values.mode)}\n${USAGE}`);
        return 3;
    }
    const mode: PlanMode = values.mode;
    const inputs = planInputs(values);
    if (values["team-stacks"] !== undefined) {
        if (!values.stack) {
            console.error(`--team-stacks needs --stack BASE (the workload base stack)\n${USAGE}`);
            return 3;
        }
        const workers = Number(values.workers);
        if (!Number.isInteger(workers) || workers < 1) {
            console.error(`--workers must be a whole number of at least 1, not ${JSON.stringify(values.workers)}\n${USAGE}`);
            return 3;
        }
        const env = values["transpile-only"] ? { PULUMI_NODEJS_TRANSPILE_ONLY: "true" } : undefined;
        return runTeamStacksPlan(values.stack, values["team-stacks"], workers, mode, env);
    }
    let plan: Plan;
    let upstreamPlans: Plan[] = [];
    let environmentFindings: PlanFinding[] = [];
    let base: DiffBase | undefined;
    const onProgress = progressListener(values);
    try {
        base = readBase(values);
        if (values.evaluate) {
            const saved = JSON.parse(fs.readFileSync(values.evaluate, "utf8")) as Plan;
            plan = await reevaluatePlan(saved, values["pack-config"], inputs);
        } else {
            const file = values.config ?? stackConfigPath(values.stack as string);
            const stack =
                values.stack ??
                path
                    .basename(file)
                    .replace(/^Pulumi\./, "")
                    .replace(/\.ya?ml$/, "");
            const config = readStackConfigFile(file);
            const upstream = upstreamNames(config);
            const env = values["transpile-only"] ? { PULUMI_NODEJS_TRANSPILE_ONLY: "true" } : undefined;
            try {
                if (values["with-upstream"] && values.stack) {
                    const environment = await planEnvironment(values.stack, { packConfigFile: values["pack-config"], mode, env, onProgress, ...inputs });
                    upstreamPlans = environment.plans.slice(0, -1);
                    environmentFindings = environment.environmentFindings;
                    plan = environment.plans[environment.plans.length - 1] as Plan;
                } else if (upstream.length > 0) {
                    console.error(
                        `stack ${stack} reads ${upstream.join(", ")} through stack references (secure-ds:platform.stack.upstream); plan them together: npm run plan -- --stack ${stack} --with-upstream`,
                    );
                    return 2;
                } else {
                    plan = await buildPlan({ stack, config, packConfigFile: values["pack-config"], mode, env, onProgress, ...inputs });
                }
            } catch (err) {
                if (err instanceof PlatformConfigError) {
                    console.error(formatConfigProblems(file, err));
                    return 2;
                }
                if (err instanceof EnvironmentError) {
                    console.error(err.message);
                    return 2;
                }
                throw err;
            }
        }
    } catch (err) {
        if (err instanceof PolicySelectionError) {
            console.error(`${err.message}\n${USAGE}`);
            return 3;
        }
        if (err instanceof PackConfigError || err instanceof DiffBaseError || err instanceof StackFileError) {
            console.error(err.message);
            return 2;
        }
        if (err instanceof ProgramFailedError || err instanceof CloudCallError) {
            console.error(err.message);
            return 3;
        }
        throw err;
    }
    writeReports(values, plan);
    const failed = (p: Plan) => p.summary.findings.mandatory > 0 || (p.contractViolations ?? []).length > 0;
    const plans = [...upstreamPlans, plan];
    const mandatory = plans.some(failed) || environmentFindings.some((f) => f.level === "mandatory");
    const environment = upstreamPlans.length > 0 ? { text: formatEnvironmentFindings(plans, environmentFindings), findings: environmentFindings } : undefined;
    await writeEmitted(emitPlans(plans, values, base, environment, mandatory));
    const t = lastPlanTimings();
    if (values.timings && t) {
        console.error(`timings: program ${t.programMs} ms, pack start ${t.packStartMs} ms (in parallel), analyze ${t.analyzeMs} ms, total ${t.totalMs} ms`);
    }
    return mandatory ? 1 : 0;
}

runTool(main);
