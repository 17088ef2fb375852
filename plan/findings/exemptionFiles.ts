/**
 * The exemption files: `exemptions/shared.yaml` (every stack) and `exemptions/<stack>.yaml`,
 * each `exemptions:` a list of policy + resource (URN or name pattern) + justification + expiry +
 * approver (docs/configuration.md, "Exemptions"). Every problem of every file is reported, one
 * line each with file and entry, and exits 2 like any other config error; a critical policy
 * (policy-pack/policies/common/severity.ts) cannot be exempted.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { parseDocument } from "yaml";
import { z } from "zod";
import { policies as packPolicies } from "../../policy-pack/policies";
import { SecureDsPolicy, policySeverity } from "../../policy-pack/policies/common";
import { PackConfigError } from "../packConfig";
import { REPO_ROOT } from "../stackConfig";
import { PlanExemption } from "../types";
import { didYouMean } from "./suggest";

export const EXEMPTIONS_DIR = path.join(REPO_ROOT, "exemptions");

/** An exemptions file problem: `npm run plan` exits 2 with one line per problem. */
export class ExemptionsError extends PackConfigError {
    constructor(readonly problems: string[]) {
        super(problems.join("\n"));
    }
}

const nonEmpty = (what: string) =>
    z
        .string({ error: `${what} is required (a non-empty string)` })
        .trim()
        .min(1, `${what} must not be empty`);

const isoDate = z
    .string({ error: "expires is required (a date, YYYY-MM-DD)" })
    .regex(/^\d{4}-\d{2}-\d{2}$/, "expires must be a date written YYYY-MM-DD")
    .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), "expires is not a calendar date");

const entrySchema = z.strictObject({
    id: nonEmpty("id").regex(/^[A-Za-z0-9._-]+$/, "id may hold only letters, digits, '.', '_' and '-'"),
    policy: nonEmpty("policy"),
    resource: nonEmpty("resource"),
    justification: nonEmpty("justification"),
    expires: isoDate,
    approver: nonEmpty("approver"),
});

// The list is checked entry by entry, so that one bad entry does not hide the others' problems.
const fileSchema = z.strictObject({ exemptions: z.array(z.unknown()) });

/** The files a stack reads, those that exist: shared first, then the stack's own. */
export function exemptionFilesFor(stack: string, dir: string = EXEMPTIONS_DIR): string[] {
    return [path.join(dir, "shared.yaml"), path.join(dir, `${stack}.yaml`)].filter((f) => fs.existsSync(f));
}

/** Relative to the repository for a file in it (as the reports cite it), else absolute. */
function relative(file: string): string {
    const rel = path.relative(REPO_ROOT, path.resolve(file));
    return rel && !rel.startsWith("..") ? rel : path.resolve(file);
}

function checkPolicy(policy: string, byName: Map<string, SecureDsPolicy>): string | undefined {
    const p = byName.get(policy);
    if (!p) return `policy "${policy}" is not a policy of the pack${didYouMean(policy, byName.keys())}`;
    if (policySeverity(p) === "critical") {
        return `policy "${policy}" is critical (controls ${p.controls.join(", ")}) and cannot be exempted; fix the resource instead`;
    }
    return undefined;
}

/** Reads and checks the files; throws ExemptionsError with every problem found. */
export function loadExemptions(files: readonly string[], policies: readonly SecureDsPolicy[] = packPolicies): PlanExemption[] {
    const byName = new Map(policies.map((p) => [p.name, p]));
    const problems: string[] = [];
    const out: PlanExemption[] = [];
    const seen = new Map<string, string>();
    for (const file of files) {
        const source = relative(file);
        if (!fs.existsSync(file)) {
            problems.push(`${source}: no such exemptions file`);
            continue;
        }
        const text = fs.readFileSync(file, "utf8");
        const doc = parseDocument(text, { prettyErrors: true });
        if (doc.errors.length > 0) {
            for (const e of doc.errors) problems.push(`${source}:${e.linePos?.[0]?.line ?? "?"}:${e.linePos?.[0]?.col ?? "?"}: ${e.message.split("\n")[0]}`);
            continue;
        }
        const parsed = fileSchema.safeParse(doc.toJS() ?? { exemptions: [] });
        if (!parsed.success) {
            for (const issue of parsed.error.issues) problems.push(`${source}: ${issue.path.length > 0 ? `${issue.path.join(".")}: ` : ""}${issue.message}`);
            continue;
        }
        parsed.data.exemptions.forEach((item, i) => {
            const checked = entrySchema.safeParse(item);
            if (!checked.success) {
                for (const issue of checked.error.issues)
                    problems.push(`${source}: exemptions.${i}${issue.path.length > 0 ? `.${issue.path.join(".")}` : ""}: ${issue.message}`);
                return;
            }
            const e = checked.data;
            const at = `${source}: exemptions.${i} (${e.id})`;
            const policyProblem = checkPolicy(e.policy, byName);
            if (policyProblem) problems.push(`${at}: ${policyProblem}`);
            const first = seen.get(e.id);
            if (first) problems.push(`${at}: id "${e.id}" is already used by ${first}; ids are unique across the files`);
            seen.set(e.id, at);
            out.push({ ...e, source });
        });
    }
    if (problems.length > 0) throw new ExemptionsError(problems);
    return out;
}
