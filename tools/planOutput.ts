/**
 * The output flags of `npm run plan` (tools/plan.ts): where the JSON goes (`--json FILE`, or
 * `--json -` for stdout, then nothing else is written to stdout), the diff against a base
 * (`--diff BASE`), the progress line (`--progress`), the long summary (`--verbose`) and what
 * `--quiet` still says on a failure. Kept apart from tools/plan.ts so that other flags merge
 * without touching these.
 */
import { readDiffBase, DiffBase } from "../plan/diff/base";
import { diffPlan } from "../plan/diff/compare";
import { formatDiff } from "../plan/diff/format";
import { formatPlan } from "../plan/format";
import { planJson, writePlanFile } from "../plan/planFile";
import { progressReporter, ProgressListener } from "../plan/progress";
import { cut, SCREEN_WIDTH } from "../plan/text";
import { Plan, PlanFinding } from "../plan/types";

/** parseArgs options of the output flags (merged into tools/plan.ts's own). */
export const OUTPUT_OPTIONS = {
    json: { type: "string" },
    quiet: { type: "boolean", default: false },
    diff: { type: "string" },
    progress: { type: "boolean", default: false },
    verbose: { type: "boolean", default: false },
} as const;

export const OUTPUT_USAGE = "[--json FILE|-] [--diff BASE.json] [--verbose] [--progress] [--quiet]";

export interface OutputValues {
    json?: string;
    quiet: boolean;
    diff?: string;
    progress: boolean;
    verbose: boolean;
}

/** Reads the diff base before anything runs, so a bad base file fails at once (DiffBaseError, exit 2). */
export function readBase(values: OutputValues): DiffBase | undefined {
    return values.diff === undefined ? undefined : readDiffBase(values.diff);
}

/** The progress listener: on a terminal's stderr, or wherever stderr goes with `--progress`; never with `--quiet`. */
export function progressListener(values: OutputValues, stderr: NodeJS.WriteStream = process.stderr): ProgressListener | undefined {
    if (values.quiet && !values.progress) return undefined;
    return values.progress || stderr.isTTY ? progressReporter(stderr) : undefined;
}

/** What `--quiet` still prints when the plan fails: the count and the first failing lines. */
const QUIET_LINES = 10;

function failureLines(plans: Plan[], environmentFindings: PlanFinding[]): string[] {
    const lines: string[] = [];
    for (const plan of plans) {
        const byUrn = new Map(plan.resources.map((r) => [r.urn, r]));
        for (const f of plan.findings.filter((x) => x.level === "mandatory")) {
            const r = f.urn ? byUrn.get(f.urn) : undefined;
            lines.push(`${plan.stack}: [mandatory] ${f.policy} ${r ? `${r.type} ${r.name}` : "(stack)"}: ${f.message}`);
        }
        for (const v of plan.contractViolations ?? []) {
            lines.push(
                `${plan.stack}: AWS would reject ${v.type} ${byUrn.get(v.urn)?.name ?? v.urn} ${v.path} = ${JSON.stringify(v.value)}: ${v.field} must be ${v.expected}`,
            );
        }
    }
    for (const f of environmentFindings.filter((x) => x.level === "mandatory")) lines.push(`environment: [mandatory] ${f.policy}: ${f.message}`);
    return lines;
}

export interface Emitted {
    stdout: string[];
    stderr: string[];
    /** The JSON to write to `--json FILE` (stdout is in `stdout` for `--json -`). */
    jsonFile?: { file: string; plan: Plan };
}

/**
 * Everything the command prints, in order, for the target plan (last of `plans`) and its
 * upstream plans: the summaries, the diff, the environment section, and for `--quiet` the
 * failures. `environment` is the environment section's text when there is one.
 */
export function emitPlans(
    plans: Plan[],
    values: OutputValues,
    base: DiffBase | undefined,
    environment: { text: string; findings: PlanFinding[] } | undefined,
    failed: boolean,
): Emitted {
    const target = plans[plans.length - 1] as Plan;
    const withDiff: Plan = base ? { ...target, diff: diffPlan(base, target) } : target;
    const out: Emitted = { stdout: [], stderr: [] };
    // `--json -` keeps stdout for the JSON: the human text goes to stderr then.
    const human = values.json === "-" ? out.stderr : out.stdout;
    if (!values.quiet) {
        for (const upstream of plans.slice(0, -1)) human.push(`${formatPlan(upstream, { verbose: values.verbose })}\n`);
        human.push(formatPlan(withDiff, { verbose: values.verbose }));
        if (withDiff.diff) human.push(`\n${formatDiff(withDiff.diff, target.stack).join("\n")}`);
        if (environment) human.push(`\n${environment.text}`);
    } else if (failed) {
        const lines = failureLines(plans, environment?.findings ?? []);
        out.stderr.push(
            `FAILED: ${lines.length} failure(s)${lines.length > QUIET_LINES ? `, the first ${QUIET_LINES}` : ""} (run without --quiet for the summary)`,
        );
        out.stderr.push(...lines.slice(0, QUIET_LINES).map((l) => cut(`  ${l}`, SCREEN_WIDTH * 2)));
    }
    if (values.json === "-") out.stdout.push(planJson(withDiff).trimEnd());
    else if (values.json !== undefined) out.jsonFile = { file: values.json, plan: withDiff };
    return out;
}

/** Writes `text` and resolves once the stream has handed it on: the tool exits right after, and an unflushed pipe would lose the tail of a large JSON. */
function writeFlushed(stream: NodeJS.WriteStream, text: string): Promise<void> {
    return new Promise((resolve, reject) => stream.write(text, (err) => (err ? reject(err) : resolve())));
}

/** Writes what emitPlans produced. */
export async function writeEmitted(e: Emitted): Promise<void> {
    if (e.jsonFile) writePlanFile(e.jsonFile.file, e.jsonFile.plan);
    for (const text of e.stdout) await writeFlushed(process.stdout, `${text}\n`);
    for (const text of e.stderr) await writeFlushed(process.stderr, `${text}\n`);
}
