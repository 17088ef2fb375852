/**
 * Renders docs/controls.md: guardrail IDs → policies, policies → controls → peer checks, and the
 * peer checks (Security Hub, checkov, Prowler) with their coverage status and the figures.
 *
 *   npm run controls-doc            rewrite docs/controls.md
 *   npm run controls-doc -- --check exit 1 when the committed file differs (CI)
 *
 * It reads the live policy array (policy-pack/policies), so the document follows policies as they
 * land; tests/coverage/controls.test.ts regenerates it and fails with "run npm run controls-doc"
 * when the committed file has drifted.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { PeerCheck, PeerSource, peerChecks, peerChecksOf, statusOf } from "../policy-pack/coverage/peerChecks";
import { policies as livePolicies } from "../policy-pack/policies";
import { SecureDsPolicy, isStackPolicy, policySeverity } from "../policy-pack/policies/common";
import { sourceFiles } from "./sourceFiles";

export const REPO_ROOT = path.resolve(__dirname, "..");
export const CONTROLS_DOC = path.join(REPO_ROOT, "docs", "controls.md");
/** The guardrail catalogue: docs/guardrails.md, the one list of control IDs. */
export const GUARDRAILS_MD = path.join(REPO_ROOT, "docs", "guardrails.md");
/** Where the "cited in code" column looks for control citations outside the pack. */
const CITATION_DIRS = ["components", "stacks"];

export interface GuardrailRow {
    id: string;
    control: string;
    /** Layer names as the catalogue writes them: SCP, IAM, RES, PACK, DET, pipeline, "—". */
    layers: string[];
}

/** Rows N1…S6 of the guardrail catalogue. The last cell of each row is its layers. */
export function parseGuardrails(markdown: string): GuardrailRow[] {
    const rows: GuardrailRow[] = [];
    for (const line of markdown.split("\n")) {
        const m = /^\|\s*([NIEGS]\d+)\s*\|(.*)\|\s*$/.exec(line);
        if (!m) continue;
        const cells = m[2].split("|").map((c) => c.trim());
        const layerCell = cells[cells.length - 1];
        // Strip notes such as "DET (Config required-tags)" down to the layer name.
        const layers = layerCell
            .split(",")
            .map((l) => l.replace(/\(.*\)/, "").trim())
            .filter((l) => l.length > 0);
        rows.push({ id: m[1], control: cells[0], layers });
    }
    return rows;
}

export function readGuardrails(file = GUARDRAILS_MD): GuardrailRow[] {
    return parseGuardrails(fs.readFileSync(file, "utf8"));
}

const ID = "[NIEGS]\\d{1,2}";

/**
 * Control IDs a source file cites: parenthesised ID lists "(N3, N4)", `controls: [...]` arrays and
 * `control: "N3"` / `.add("N3", …)` arguments. Bare words are ignored ("S3" is also a service).
 */
export function citedControls(source: string): Set<string> {
    const found = new Set<string>();
    const ids = (s: string) => [...s.matchAll(new RegExp(`\\b${ID}\\b`, "g"))].map((m) => m[0]);
    for (const m of source.matchAll(new RegExp(`\\(\\s*(${ID}(?:\\s*(?:,|/|and|&)\\s*${ID})*)\\s*\\)`, "g"))) ids(m[1]).forEach((i) => found.add(i));
    for (const m of source.matchAll(/controls?\s*:\s*\[([^\]]*)\]/g)) {
        for (const q of m[1].matchAll(new RegExp(`["'](${ID})["']`, "g"))) found.add(q[1]);
    }
    for (const m of source.matchAll(new RegExp(`(?:\\bcontrol\\s*:\\s*|\\.add\\(\\s*)["'](${ID})["']`, "g"))) found.add(m[1]);
    return found;
}

/** Control ID → repository files (outside the pack) that cite it, sorted. */
export function citationsInCode(root = REPO_ROOT): Map<string, string[]> {
    const byId = new Map<string, string[]>();
    const files = CITATION_DIRS.flatMap((d) => sourceFiles(path.join(root, d))).sort();
    for (const file of files) {
        const rel = path.relative(root, file).split(path.sep).join("/");
        for (const id of citedControls(fs.readFileSync(file, "utf8"))) byId.set(id, [...(byId.get(id) ?? []), rel]);
    }
    return byId;
}

export interface SourceFigures {
    total: number;
    applicable: number;
    covered: number;
    notApplicable: number;
    gaps: number;
}

export function figures(checks: PeerCheck[], knownPolicies: Set<string>): SourceFigures {
    let covered = 0;
    let notApplicable = 0;
    let gaps = 0;
    for (const c of checks) {
        const status = statusOf(c);
        // A check whose policies all vanished from the pack is not covered any more.
        if (status === "covered" && (c.coveredBy ?? []).some((n) => knownPolicies.has(n))) covered++;
        else if (status === "not-applicable") notApplicable++;
        else gaps++;
    }
    return { total: checks.length, applicable: covered + gaps, covered, notApplicable, gaps };
}

export function percent(part: number, whole: number): string {
    return whole === 0 ? "0%" : `${((100 * part) / whole).toFixed(1)}%`;
}

/** "N applicable peer checks, M covered (x%), K not applicable with a reason". */
export function figureSentence(f: SourceFigures): string {
    return `${f.applicable} applicable peer checks, ${f.covered} covered (${percent(f.covered, f.applicable)}), ${f.notApplicable} not applicable with a reason`;
}

const SOURCES: { source: PeerSource; label: string; note: string }[] = [
    {
        source: "securityhub",
        label: "AWS Security Hub CSPM",
        note: "Control IDs and titles from the Security Hub CSPM user guide. **FSBP** marks controls of the AWS Foundational Security Best Practices standard v1.0.0; the others belong to other Security Hub standards (CIS, NIST SP 800-53, PCI DSS) or have left FSBP.",
    },
    { source: "checkov", label: "checkov", note: "Check IDs and names from the checkov policy index (Terraform/CloudFormation AWS resource checks)." },
    { source: "prowler", label: "Prowler", note: "Prowler AWS check IDs; the titles are our short descriptions of each check." },
];

const cell = (s: string) => s.replace(/\|/g, "\\|").replace(/\n/g, " ");
const code = (s: string) => `\`${s}\``;

function enforcementOf(p: SecureDsPolicy): string {
    return p.enforcementLevel ?? "advisory";
}

export interface RenderInput {
    policies: SecureDsPolicy[];
    checks: PeerCheck[];
    guardrails: GuardrailRow[];
    citations: Map<string, string[]>;
}

/** The Markdown of docs/controls.md. Deterministic: no dates, stable order. */
export function renderControls({ policies, checks, guardrails, citations }: RenderInput): string {
    const known = new Set(policies.map((p) => p.name));
    const out: string[] = [];
    const total = figures(checks, known);

    out.push("# Controls coverage: guardrails, policies and peer checks");
    out.push("");
    out.push(
        "<!-- Generated by `npm run controls-doc` from policy-pack/policies, policy-pack/coverage/peerChecks.ts and docs/guardrails.md. Do not edit: tests/coverage/controls.test.ts fails when this file drifts. -->",
    );
    out.push("");
    out.push(
        "This document maps the CrossGuard policy pack to the guardrail catalogue (N1…S6) and to the checks of three peers — AWS Security Hub CSPM, checkov and Prowler — for the resource types the platform deploys " +
            "(SageMaker, S3, KMS, EC2/VPC, CloudTrail, ECR, CodeBuild, Lambda, SNS, CloudWatch Logs, EFS, Backup, API Gateway and DynamoDB for the SAML broker, plus the SQS, CodePipeline, CodeArtifact and IAM documents it also creates). " +
            "Every peer check is in exactly one state: **covered** by named policies of the pack, **not applicable** with the reason (usually: the program does not create that resource, and which other layer guards it), " +
            "or an open **gap**: it applies, the program usually satisfies it by construction, but no policy would stop a change that breaks it.",
    );
    out.push("");
    out.push(`**Peer coverage: ${figureSentence(total)}.** ${total.gaps} applicable checks are open gaps. ${total.total} peer checks in all.`);
    out.push("");
    out.push("| Source | Peer checks | Applicable | Covered | Coverage | Not applicable | Open gaps |");
    out.push("|---|---:|---:|---:|---:|---:|---:|");
    for (const s of SOURCES) {
        const f = figures(
            checks.filter((c) => c.source === s.source),
            known,
        );
        out.push(`| ${s.label} | ${f.total} | ${f.applicable} | ${f.covered} | ${percent(f.covered, f.applicable)} | ${f.notApplicable} | ${f.gaps} |`);
    }
    out.push(
        `| **Total** | ${total.total} | ${total.applicable} | ${total.covered} | ${percent(total.covered, total.applicable)} | ${total.notApplicable} | ${total.gaps} |`,
    );
    out.push("");
    for (const s of SOURCES) {
        const f = figures(
            checks.filter((c) => c.source === s.source),
            known,
        );
        out.push(`- ${s.label}: ${figureSentence(f)}.`);
    }
    out.push("");

    // ---- 1. Guardrails → policies
    const byControl = new Map<string, string[]>();
    for (const p of policies) for (const c of p.controls) byControl.set(c, [...(byControl.get(c) ?? []), p.name]);
    out.push("## 1. Guardrails and the policies that implement them");
    out.push("");
    out.push(
        "Layers as the catalogue assigns them. **Policies** lists the pack's policies citing the control; a PACK row must have at least one. " +
            "**Cited in code** lists the files under components/ and stacks/ that cite the control (in a parenthesised control list, a `controls` array or a detective-check violation): where the other layers (SCP, IAM, RES, DET) are built.",
    );
    out.push("");
    out.push("| ID | Control | Layers | Policies | Cited in code |");
    out.push("|---|---|---|---|---|");
    const missing: string[] = [];
    for (const g of guardrails) {
        const pols = byControl.get(g.id) ?? [];
        const pack = g.layers.includes("PACK");
        if (pack && pols.length === 0) missing.push(g.id);
        const polCell = pols.length > 0 ? pols.map(code).join(", ") : pack ? "**missing**" : "—";
        const cited = (citations.get(g.id) ?? []).map(code).join(", ") || "—";
        out.push(`| ${g.id} | ${cell(g.control)} | ${g.layers.join(", ")} | ${polCell} | ${cited} |`);
    }
    out.push("");
    const packRows = guardrails.filter((g) => g.layers.includes("PACK"));
    out.push(
        missing.length === 0
            ? `All ${packRows.length} PACK rows have at least one policy.`
            : `${packRows.length - missing.length} of ${packRows.length} PACK rows have a policy. **PACK rows without a policy: ${missing.join(", ")}.**`,
    );
    out.push("");

    // ---- 2. Policies → controls → peer checks
    out.push("## 2. Policies, their controls and the peer checks they cover");
    out.push("");
    out.push(
        `${policies.length} policies (${policies.filter(isStackPolicy).length} stack policies). Enforcement is each policy's default; the pack configs in policy-pack/config override it per environment.`,
    );
    out.push("");
    out.push("| Policy | Kind | Default enforcement | Severity | Controls | Peer checks covered |");
    out.push("|---|---|---|---|---|---|");
    for (const p of [...policies].sort((a, b) => a.name.localeCompare(b.name))) {
        const covered = peerChecksOf(p.name, checks).map((c) => c.id);
        out.push(
            `| ${code(p.name)} | ${isStackPolicy(p) ? "stack" : "resource"} | ${enforcementOf(p)} | ${policySeverity(p)} | ${p.controls.join(", ")} | ${covered.length > 0 ? covered.join(", ") : "—"} |`,
        );
    }
    out.push("");

    // ---- 3. Peer checks
    out.push("## 3. Peer checks");
    out.push("");
    for (const s of SOURCES) {
        const list = checks.filter((c) => c.source === s.source);
        out.push(`### ${s.label}`);
        out.push("");
        out.push(`${s.note} ${figureSentence(figures(list, known))}.`);
        out.push("");
        out.push(
            s.source === "securityhub"
                ? "| ID | Title | Resource | FSBP | Status | Policies or reason |"
                : "| ID | Title | Resource | Status | Policies or reason |",
        );
        out.push(s.source === "securityhub" ? "|---|---|---|---|---|---|" : "|---|---|---|---|---|");
        for (const c of list) {
            const status = statusOf(c);
            let detail: string;
            if (status === "covered") {
                detail = (c.coveredBy ?? []).map((n) => (known.has(n) ? code(n) : `${code(n)} (not in the pack)`)).join(", ");
                if (c.note) detail += ` — ${cell(c.note)}`;
            } else {
                detail = cell(c.notApplicable ?? c.gap ?? "");
            }
            const label = status === "covered" ? "covered" : status === "not-applicable" ? "not applicable" : "**gap**";
            const fsbp = s.source === "securityhub" ? ` ${c.fsbp ? "yes" : "no"} |` : "";
            out.push(`| ${code(c.id)} | ${cell(c.title)} | ${c.resource} |${fsbp} ${label} | ${detail} |`);
        }
        out.push("");
    }

    // ---- 4. Gaps at a glance
    const gaps = checks.filter((c) => statusOf(c) === "gap");
    out.push("## 4. Open gaps by resource type");
    out.push("");
    out.push("Applicable peer checks that no policy enforces yet, grouped so that one new policy can close several.");
    out.push("");
    const resources = [...new Set(gaps.map((c) => c.resource))];
    for (const r of resources) {
        out.push(
            `- **${r}**: ${gaps
                .filter((c) => c.resource === r)
                .map((c) => code(c.id))
                .join(", ")}`,
        );
    }
    if (resources.length === 0) out.push("None.");
    out.push("");
    return out.join("\n");
}

export function renderCurrent(): string {
    return renderControls({ policies: livePolicies, checks: peerChecks, guardrails: readGuardrails(), citations: citationsInCode() });
}

function main(argv: string[]): number {
    const text = renderCurrent();
    if (argv.includes("--check")) {
        const current = fs.existsSync(CONTROLS_DOC) ? fs.readFileSync(CONTROLS_DOC, "utf8") : "";
        if (current !== text) {
            console.error(`${path.relative(REPO_ROOT, CONTROLS_DOC)} is stale: run npm run controls-doc`);
            return 1;
        }
        console.log(`${path.relative(REPO_ROOT, CONTROLS_DOC)} is current.`);
        return 0;
    }
    fs.writeFileSync(CONTROLS_DOC, text);
    const f = figures(peerChecks, new Set(livePolicies.map((p) => p.name)));
    console.log(`Wrote ${path.relative(REPO_ROOT, CONTROLS_DOC)}: ${figureSentence(f)}; ${f.gaps} open gaps.`);
    return 0;
}

if (require.main === module) process.exit(main(process.argv.slice(2)));
