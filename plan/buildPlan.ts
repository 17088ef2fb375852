/**
 * Builds the offline plan: validate the stack config, run the program and judge it with the
 * policy pack the way `pulumi preview --policy-pack` does (plan/protocolRun.ts), summarise.
 * Used by `npm run plan` and by the tests.
 */
import { quotaRefusal } from "../components/network/quotaPlanner";
import { missingPlatformConfig, PlatformConfigError, parsePlatformConfig, policyEnforcement } from "../stacks/config";
import { stackLayers } from "../stacks/schema/stack";
import { policies as packPolicies } from "../policy-pack/policies";
import { EXEMPTIONS_PROPERTY } from "../policy-pack/policies/common";
import { checkPlanContracts } from "./contracts";
import { describeFindings } from "./findings/describe";
import { exemptionFilesFor, loadExemptions } from "./findings/exemptionFiles";
import { PolicySelection, disabledPolicies, exemptionsInPackConfig, mergePackConfig, selectedPolicies } from "./findings/packConfigMerge";
import { packConfigPath } from "./evaluate";
import { manualSteps } from "./manualSteps";
import { ProgressListener } from "./progress";
import { quotaPlan } from "./quotas";
import { parsePackConfig } from "./packConfig";
import { judgeSaved, readPackConfigFile, runThroughCli, Timings } from "./protocolRun";
import { splitDeferred, summarise } from "./summary";
import { PLAN_FORMAT_VERSION, Plan, PlanFinding, PlanMode } from "./types";

export { summarise } from "./summary";
export { formatPlan } from "./format";

export interface BuildPlanOptions {
    stack: string;
    config: Record<string, unknown>;
    /** Pack config file; default policy-pack/config/<policyEnforcement>.json. */
    packConfigFile?: string;
    /**
     * `up` (the default here, for callers that follow ARNs and ids by value) or `preview`
     * (what `npm run plan` does by default: outputs unknown, as in a first `pulumi preview`).
     */
    mode?: PlanMode;
    /** Extra environment for the program and pack processes. */
    env?: Record<string, string>;
    /** Outputs of upstream stacks by the name the program references them by (plan/environment.ts). */
    stackReferences?: Record<string, Record<string, unknown>>;
    /** Exemption files; default exemptions/shared.yaml and exemptions/<stack>.yaml where they exist. */
    exemptionFiles?: string[];
    /** `--only` / `--skip`: the policies to judge (the others are disabled in the pack config). */
    select?: PolicySelection;
    /** Told of registrations and analyses as they happen (the progress line, plan/progress.ts). */
    onProgress?: ProgressListener;
}

/**
 * The pack config the pack is configured with: the file, with the stack's exemptions and the
 * policy selection merged in (plan/findings/packConfigMerge.ts). Also what
 * `--write-pack-config` writes for `pulumi preview --policy-pack-config`.
 */
export function effectivePackConfig(raw: Record<string, unknown>, stack: string, exemptionFiles?: string[], select?: PolicySelection): Record<string, unknown> {
    const exemptions = loadExemptions(exemptionFiles ?? exemptionFilesFor(stack));
    const selected = select && (select.only?.length || select.skip?.length) ? selectedPolicies(select) : undefined;
    return mergePackConfig(raw, exemptions, selected);
}

/** Findings described (severity, remediation, peer checks, exemption state) against the exemptions the pack config carries. */
function described(findings: PlanFinding[], packConfig: Record<string, unknown>) {
    return describeFindings(findings, exemptionsInPackConfig(packConfig), disabledPolicies(packConfig));
}

const CONTROLS = new Map(packPolicies.map((p) => [p.name, p.controls]));
const controlsOf = (policy: string): string[] => CONTROLS.get(policy) ?? [];
const DEFERRALS = new Map(packPolicies.map((p) => [p.name, p.previewDeferral]));
const deferralOf = (policy: string): string | undefined => DEFERRALS.get(policy);

let lastTimings: Timings | undefined;

/** How long the last buildPlan spent where (for `npm run plan -- --timings`). */
export function lastPlanTimings(): Timings | undefined {
    return lastTimings;
}

/** Runs the program for a stack config and judges it. Throws PlatformConfigError or PackConfigError on bad config. */
export async function buildPlan(options: BuildPlanOptions): Promise<Plan> {
    // Validate first so a bad config starts nothing and surfaces as one line per problem.
    const cfg = parsePlatformConfig(options.config["secure-ds:platform"] ?? missingPlatform(Object.keys(options.config)));
    const mode = options.mode ?? "up";
    const enforcement = policyEnforcement(cfg);
    // A team stack's policies that relate it to its base are judged over both (plan/environment.ts, TEAM_STACK_BASE_POLICIES).
    const packConfigFile = options.packConfigFile ?? packConfigPath(stackLayers(cfg).includes("teams") ? `${enforcement}-team-stack` : enforcement);
    const packConfig = effectivePackConfig(readPackConfigFile(packConfigFile).raw, options.stack, options.exemptionFiles, options.select);
    const run = await runThroughCli({
        stack: options.stack,
        config: options.config,
        mode,
        packConfigFile,
        packConfig,
        controls: controlsOf,
        env: options.env,
        stackReferences: options.stackReferences,
        onProgress: options.onProgress,
    });
    lastTimings = run.timings;
    const { undecided, deferred } = splitDeferred(run.undecided, deferralOf);
    const contractViolations = checkPlanContracts(run.resources);
    const quotas = quotaPlan(run.resources, cfg.quotas);
    const exceeded = quotas.filter((q) => q.exceeded);
    if (exceeded.length > 0) {
        // A config problem like any other: the fix is a raise (declared under `quotas`) or a smaller config.
        throw new PlatformConfigError(exceeded.map((q) => `secure-ds:platform.quotas.${q.key}: ${quotaRefusal(q, cfg.region)}`));
    }
    const { findings, exemptions } = described(run.findings, packConfig);
    return {
        formatVersion: PLAN_FORMAT_VERSION,
        project: "secure-ds",
        stack: options.stack,
        mode,
        resources: run.resources,
        outputs: run.outputs,
        findings,
        undecided,
        deferred,
        quotas,
        manualSteps: manualSteps(run.resources, quotas),
        contractViolations,
        packConfig,
        exemptions,
        summary: summarise(options.stack, cfg.environment, run.resources, findings, run.outputs, mode, undecided, deferred, contractViolations),
    };
}

function missingPlatform(keys: string[]): never {
    throw missingPlatformConfig(keys);
}

/** Re-judges a saved plan with a freshly started pack (e.g. a CI artefact edited for a what-if). */
export async function reevaluatePlan(plan: Plan, packConfigFile?: string, reselect?: { exemptionFiles?: string[]; select?: PolicySelection }): Promise<Plan> {
    if (plan.formatVersion !== PLAN_FORMAT_VERSION || !Array.isArray(plan.resources)) {
        throw new Error(`not a secure-ds plan of format version ${PLAN_FORMAT_VERSION} (formatVersion: ${String(plan.formatVersion)})`);
    }
    // Default: the pack config the plan was made with, so a what-if edit is judged by the same rules.
    const source = packConfigFile
        ? readPackConfigFile(packConfigFile)
        : plan.packConfig
          ? { raw: plan.packConfig, parsed: parsePackConfig(JSON.stringify(plan.packConfig), "(recorded in the plan)") }
          : undefined;
    if (!source) throw new Error("the plan records no packConfig; pass --pack-config FILE");
    // New exemption files or a selection replace what the recorded config carries; without them a
    // recorded config keeps its exemptions (judged again against today's date).
    const packConfig =
        reselect?.exemptionFiles || reselect?.select
            ? effectivePackConfig(withoutExemptions(source.raw), plan.stack, reselect.exemptionFiles, reselect.select)
            : source.raw;
    const parsed = packConfig === source.raw ? source.parsed : parsePackConfig(JSON.stringify(packConfig), "(the plan's pack config with exemptions)");
    const mode = plan.mode ?? "up";
    const resources = structuredClone(plan.resources);
    const judged = await judgeSaved(plan.stack, mode, {}, resources, parsed, packConfigFile ?? "(recorded in the plan)", controlsOf);
    const { findings, exemptions } = described(judged.findings, packConfig);
    const { undecided, deferred } = splitDeferred(judged.undecided, deferralOf);
    // Checked again: a what-if edit may change an input the API would reject. The quota plan is
    // kept as made: the declared quota values live in the stack config, which a saved plan lacks.
    const contractViolations = checkPlanContracts(resources);
    return {
        ...plan,
        resources,
        findings,
        undecided,
        deferred,
        quotas: plan.quotas ?? [],
        manualSteps: manualSteps(resources, plan.quotas ?? []),
        contractViolations,
        packConfig,
        exemptions,
        summary: summarise(plan.stack, plan.summary?.environment, resources, findings, plan.outputs ?? {}, mode, undecided, deferred, contractViolations),
    };
}

/** A pack config without the exemptions merged into it, so that other exemption files can replace them. */
function withoutExemptions(raw: Record<string, unknown>): Record<string, unknown> {
    return Object.fromEntries(
        Object.entries(raw).map(([k, v]) => {
            if (v === null || typeof v !== "object") return [k, v];
            return [k, Object.fromEntries(Object.entries(v).filter(([p]) => p !== EXEMPTIONS_PROPERTY))];
        }),
    );
}
