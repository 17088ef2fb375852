/**
 * Readers of the scanner outputs, one per scanner, each in the tool's documented format:
 *
 *   pip-audit --format json      {"dependencies":[{"name","version","vulns":[{"id","fix_versions","aliases","description"}]}],"fixes":[]}
 *                                (the legacy top-level list is accepted too); exit 0 clean, 1 vulnerabilities found
 *   bandit -f json               {"errors":[...],"metrics":{"_totals":{"SEVERITY.HIGH":n,...}},"results":[{"test_id","issue_severity",...}]}
 *                                exit 0 clean, 1 issues found
 *   guarddog pypi scan <extracted dir> --output-format json   (source-code rules)
 *                                {"issues":n,"errors":{rule:message},"results":{rule: null | {} | [{"location","code","message"}] | "message"}}
 *                                exit 0
 *   clamscan (text)              "<file>: <signature> FOUND" lines (--infected), then a SCAN SUMMARY block;
 *                                Heuristics.Limits.Exceeded.* (--alert-exceeds-max) marks an incomplete scan;
 *                                exit 0 clean, 1 virus found, 2 error
 *   scan_helpers.py license (ours)   {"tool":"secure-ds-license-metadata","formatVersion":1,"artifacts":[{"file","name","version",
 *                                "licenseExpression","license","classifiers"}]}; exit 0
 *   sha256sum (text)             "<64 hex>  <file>" per downloaded artifact
 *
 * Every reader fails closed: a missing or empty output, JSON that does not parse (truncated),
 * an unexpected shape, an exit code outside the documented ones, a timeout (exit 124), or counts
 * that disagree with the entries (a cut-off list) become errors, and any error rejects. Every
 * entry of every list is read; there is no page size and no severity filter here.
 */
import { normaliseName } from "./requests";
import { ArtifactHash, Finding, PackageRequest, normaliseSeverity } from "./types";

/** What the scan stage recorded for one tool: its output and its exit code (both as text). */
export interface ScannerOutput {
    output?: string;
    exitCode?: string;
}

export interface ScannerResult {
    findings: Finding[];
    errors: string[];
}

const TIMEOUT_EXIT = 124;

/** Checks the exit code; returns an error sentence or undefined. */
function checkExit(tool: string, exitCode: string | undefined, allowed: number[]): { code?: number; error?: string } {
    if (exitCode === undefined || exitCode.trim() === "") {
        return { error: `${tool} recorded no exit code; the scan stopped before it finished` };
    }
    const code = Number(exitCode.trim());
    if (!Number.isInteger(code)) return { error: `${tool} exit code "${exitCode.trim()}" is not a number` };
    if (code === TIMEOUT_EXIT) return { code, error: `${tool} timed out` };
    if (!allowed.includes(code)) return { code, error: `${tool} failed with exit code ${code}` };
    return { code };
}

function parseJson(tool: string, output: string | undefined): { value?: unknown; error?: string } {
    if (output === undefined) return { error: `${tool} output is missing` };
    if (output.trim() === "") return { error: `${tool} output is empty` };
    try {
        return { value: JSON.parse(output) };
    } catch (err) {
        return { error: `${tool} output is not valid JSON (truncated or corrupt: ${(err as Error).message})` };
    }
}

const obj = (v: unknown): Record<string, unknown> | undefined =>
    v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : []);

/** pip-audit: known vulnerabilities of exactly the requested release. */
export function readPipAudit(req: PackageRequest, out: ScannerOutput): ScannerResult {
    const errors: string[] = [];
    const findings: Finding[] = [];
    const exit = checkExit("pip-audit", out.exitCode, [0, 1]);
    if (exit.error) errors.push(exit.error);
    const parsed = parseJson("pip-audit", out.output);
    if (parsed.error) return { findings, errors: [...errors, parsed.error] };
    const root = parsed.value;
    const deps = Array.isArray(root) ? root : obj(root)?.dependencies;
    if (!Array.isArray(deps)) return { findings, errors: [...errors, "pip-audit output has no dependencies list"] };
    const dep = deps.map(obj).find((d) => d && typeof d.name === "string" && normaliseName(d.name) === req.normalisedName && d.version === req.version);
    if (!dep) {
        errors.push(`pip-audit did not audit ${req.name}==${req.version}`);
        return { findings, errors };
    }
    if (dep.skip_reason !== undefined) {
        errors.push(`pip-audit skipped ${req.name}==${req.version}: ${String(dep.skip_reason)}`);
        return { findings, errors };
    }
    if (!Array.isArray(dep.vulns)) {
        errors.push(`pip-audit output for ${req.name}==${req.version} has no vulns list`);
        return { findings, errors };
    }
    for (const raw of dep.vulns) {
        const v = obj(raw);
        if (!v || typeof v.id !== "string") {
            errors.push("pip-audit output has a vulnerability entry without an id");
            continue;
        }
        // pip-audit reports no severity; a vulnerability without one counts as CRITICAL.
        const severity = normaliseSeverity(v.severity);
        const fixes = strings(v.fix_versions);
        findings.push({
            scanner: "pip-audit",
            kind: "vulnerability",
            id: v.id,
            aliases: strings(v.aliases),
            severity,
            title: `${typeof v.description === "string" ? v.description.split("\n")[0].slice(0, 200) : "known vulnerability"}${fixes.length ? ` (fixed in ${fixes.join(", ")})` : " (no fixed version)"}`,
            blocking: false,
        });
    }
    if (exit.code === 0 && findings.length > 0) errors.push(`pip-audit exited 0 but reported ${findings.length} vulnerabilities; the output is inconsistent`);
    if (exit.code === 1 && findings.length === 0 && dep.vulns.length === 0)
        errors.push("pip-audit exited 1 but reported no vulnerability for the package; the output is inconsistent");
    return { findings, errors };
}

/** bandit: static analysis of the package's code. Run with --ignore-nosec so a package cannot silence it. */
export function readBandit(out: ScannerOutput): ScannerResult {
    const errors: string[] = [];
    const findings: Finding[] = [];
    const exit = checkExit("bandit", out.exitCode, [0, 1]);
    if (exit.error) errors.push(exit.error);
    const parsed = parseJson("bandit", out.output);
    if (parsed.error) return { findings, errors: [...errors, parsed.error] };
    const root = obj(parsed.value);
    if (!root || !Array.isArray(root.results)) return { findings, errors: [...errors, "bandit output has no results list"] };
    const banditErrors = Array.isArray(root.errors) ? root.errors : [];
    if (banditErrors.length > 0) {
        const first = banditErrors.slice(0, 3).map((e) => {
            const o = obj(e);
            return o ? `${String(o.filename)}: ${String(o.reason)}` : String(e);
        });
        errors.push(`bandit could not analyse ${banditErrors.length} file(s): ${first.join("; ")}${banditErrors.length > 3 ? "; ..." : ""}`);
    }
    for (const raw of root.results) {
        const r = obj(raw);
        if (!r || typeof r.test_id !== "string") {
            errors.push("bandit output has a result without a test_id");
            continue;
        }
        findings.push({
            scanner: "bandit",
            kind: "static-analysis",
            id: r.test_id,
            aliases: typeof r.test_name === "string" ? [r.test_name] : [],
            severity: normaliseSeverity(r.issue_severity),
            title: typeof r.issue_text === "string" ? r.issue_text : "bandit finding",
            location: typeof r.filename === "string" ? `${r.filename}:${String(r.line_number ?? "?")}` : undefined,
            blocking: false,
        });
    }
    // The totals count every issue bandit found; fewer results than that means a cut-off list.
    const totals = obj(obj(root.metrics)?._totals);
    if (!totals) {
        errors.push("bandit output has no metrics totals, so it cannot be checked for completeness");
    } else {
        const counted = Object.entries(totals)
            .filter(([k]) => k.startsWith("SEVERITY."))
            .reduce((sum, [, v]) => sum + (typeof v === "number" ? v : 0), 0);
        if (counted !== root.results.length) {
            errors.push(`bandit reported ${counted} issues in its totals but listed ${root.results.length}; the output is incomplete`);
        }
    }
    if (exit.code === 0 && root.results.length > 0) errors.push(`bandit exited 0 but listed ${root.results.length} issues; the output is inconsistent`);
    if (exit.code === 1 && root.results.length === 0 && banditErrors.length === 0)
        errors.push("bandit exited 1 but listed no issue; the output is inconsistent");
    return { findings, errors };
}

/** guarddog: malicious-package heuristics. Every hit blocks (a current exception may waive a rule). */
export function readGuarddog(out: ScannerOutput): ScannerResult {
    const errors: string[] = [];
    const findings: Finding[] = [];
    const exit = checkExit("guarddog", out.exitCode, [0]);
    if (exit.error) errors.push(exit.error);
    const parsed = parseJson("guarddog", out.output);
    if (parsed.error) return { findings, errors: [...errors, parsed.error] };
    const root = obj(parsed.value);
    const results = obj(root?.results);
    if (!root || !results) return { findings, errors: [...errors, "guarddog output has no results object"] };
    const ruleErrors = obj(root.errors) ?? {};
    for (const [rule, message] of Object.entries(ruleErrors)) {
        errors.push(`guarddog rule ${rule} failed: ${String(message).split("\n")[0]}`);
    }
    const hit = (rule: string, title: string, location?: string) =>
        findings.push({ scanner: "guarddog", kind: "malicious-heuristic", id: rule, aliases: [], severity: "CRITICAL", title, location, blocking: true });
    for (const [rule, value] of Object.entries(results)) {
        if (value === null || value === undefined || value === false || value === "") continue;
        if (Array.isArray(value)) {
            for (const entry of value) {
                const e = obj(entry);
                hit(rule, typeof e?.message === "string" ? e.message : `matched ${rule}`, typeof e?.location === "string" ? e.location : undefined);
            }
        } else if (typeof value === "string") {
            hit(rule, value);
        } else if (obj(value)) {
            const entries = Object.entries(obj(value) as Record<string, unknown>);
            for (const [where, what] of entries) hit(rule, typeof what === "string" ? what : `matched ${rule}`, where);
        } else {
            hit(rule, `matched ${rule}`);
        }
    }
    if (typeof root.issues !== "number") {
        errors.push("guarddog output has no issues count, so it cannot be checked for completeness");
    } else if (root.issues !== findings.length) {
        errors.push(`guarddog counted ${root.issues} issues but listed ${findings.length}; the output is incomplete`);
    }
    return { findings, errors };
}

/** ClamAV clamscan: malware signatures. A hit is never waivable. */
export function readClamscan(out: ScannerOutput): ScannerResult {
    const errors: string[] = [];
    const findings: Finding[] = [];
    const exit = checkExit("clamscan", out.exitCode, [0, 1]);
    if (exit.error) errors.push(exit.code === 2 ? "clamscan reported an error (exit 2)" : exit.error);
    if (out.output === undefined) return { findings, errors: [...errors, "clamscan output is missing"] };
    if (out.output.trim() === "") return { findings, errors: [...errors, "clamscan output is empty"] };
    const lines = out.output.split(/\r?\n/);
    const infectedFiles = new Set<string>();
    for (const line of lines) {
        const found = /^(.*): (.+) FOUND$/.exec(line);
        if (found && found[2].startsWith("Heuristics.Limits.Exceeded")) {
            // Not malware: a file clamscan did not scan completely (--alert-exceeds-max). Still no approval.
            infectedFiles.add(found[1]);
            errors.push(`clamscan could not scan ${found[1]} completely (${found[2]})`);
        } else if (found) {
            infectedFiles.add(found[1]);
            findings.push({
                scanner: "clamav",
                kind: "malware",
                id: found[2],
                aliases: [],
                severity: "CRITICAL",
                title: `malware signature ${found[2]}`,
                location: found[1],
                blocking: true,
            });
        } else if (/: .*ERROR$/.test(line) || /^ERROR:/.test(line)) {
            errors.push(`clamscan: ${line.trim()}`);
        }
    }
    const summary = lines.findIndex((l) => /-+ SCAN SUMMARY -+/.test(l));
    if (summary < 0) {
        errors.push("clamscan output has no SCAN SUMMARY; it was cut off");
        return { findings, errors };
    }
    const field = (name: string): number | undefined => {
        const line = lines.slice(summary).find((l) => l.startsWith(`${name}:`));
        const n = line ? Number(line.slice(name.length + 1).trim()) : NaN;
        return Number.isInteger(n) ? n : undefined;
    };
    const known = field("Known viruses");
    const scanned = field("Scanned files");
    const infected = field("Infected files");
    if (known === undefined || known <= 0) errors.push("clamscan loaded no virus signatures (Known viruses is 0 or missing); freshclam must succeed first");
    if (scanned === undefined || scanned <= 0) errors.push("clamscan scanned no file");
    if (infected === undefined) errors.push("clamscan summary has no Infected files count");
    else if (infected !== infectedFiles.size)
        errors.push(`clamscan counted ${infected} infected files but listed ${infectedFiles.size}; the output is incomplete`);
    if (exit.code === 0 && findings.length > 0) errors.push("clamscan exited 0 but listed infected files; the output is inconsistent");
    if (exit.code === 1 && infectedFiles.size === 0) errors.push("clamscan exited 1 (virus found) but listed none; the output is incomplete");
    return { findings, errors };
}

/** Classifier names (after `License :: OSI Approved :: `) → SPDX id. */
const CLASSIFIER_SPDX: Record<string, string> = {
    "mit license": "MIT",
    "apache software license": "Apache-2.0",
    "bsd license": "BSD",
    "isc license (iscl)": "ISC",
    "python software foundation license": "PSF-2.0",
    "mozilla public license 2.0 (mpl 2.0)": "MPL-2.0",
    "the unlicense (unlicense)": "Unlicense",
    "gnu general public license v3 (gplv3)": "GPL-3.0",
    "gnu general public license v2 (gplv2)": "GPL-2.0",
    "gnu lesser general public license v3 (lgplv3)": "LGPL-3.0",
    "gnu affero general public license v3": "AGPL-3.0",
    "zero-clause bsd (0bsd)": "0BSD",
};

/** Free-text `License:` values seen in the wild → SPDX id. */
const LICENSE_TEXT_SPDX: Record<string, string> = {
    mit: "MIT",
    "mit license": "MIT",
    "apache 2.0": "Apache-2.0",
    "apache-2.0": "Apache-2.0",
    "apache license 2.0": "Apache-2.0",
    "apache license, version 2.0": "Apache-2.0",
    "apache software license": "Apache-2.0",
    bsd: "BSD",
    "bsd license": "BSD",
    "new bsd": "BSD-3-Clause",
    "new bsd license": "BSD-3-Clause",
    "3-clause bsd": "BSD-3-Clause",
    "bsd-3-clause": "BSD-3-Clause",
    "bsd-2-clause": "BSD-2-Clause",
    isc: "ISC",
    psf: "PSF-2.0",
    "psf license": "PSF-2.0",
    "mpl-2.0": "MPL-2.0",
};

export interface LicenseResult extends ScannerResult {
    /** Licence found per artifact file, for the report. */
    licenses: Record<string, string>;
}

function allowed(licence: string, allowList: string[]): boolean {
    const l = licence.toLowerCase();
    return allowList.some((a) => a.toLowerCase() === l);
}

/** True when an SPDX expression is satisfiable with allowed licences: one OR branch whose AND terms are all allowed. */
export function expressionAllowed(expression: string, allowList: string[]): boolean {
    const flat = expression.replace(/[()]/g, " ");
    return flat.split(/\s+OR\s+/i).some((branch) =>
        branch
            .split(/\s+AND\s+/i)
            .map((t) => t.trim())
            .filter((t) => t.length > 0)
            .every((term) => allowed(term, allowList)),
    );
}

/** The licence check: every artifact's declared licence must be on the allow-list. */
export function readLicense(req: PackageRequest, out: ScannerOutput, allowList: string[]): LicenseResult {
    const errors: string[] = [];
    const findings: Finding[] = [];
    const licenses: Record<string, string> = {};
    const exit = checkExit("license check", out.exitCode, [0]);
    if (exit.error) errors.push(exit.error);
    const parsed = parseJson("license check", out.output);
    if (parsed.error) return { findings, errors: [...errors, parsed.error], licenses };
    const root = obj(parsed.value);
    if (!root || root.tool !== "secure-ds-license-metadata" || !Array.isArray(root.artifacts)) {
        return { findings, errors: [...errors, "license check output is not a secure-ds-license-metadata document with an artifacts list"], licenses };
    }
    if (root.artifacts.length === 0) errors.push("license check read no artifact");
    for (const raw of root.artifacts) {
        const a = obj(raw);
        if (!a || typeof a.file !== "string") {
            errors.push("license check output has an artifact entry without a file name");
            continue;
        }
        if (typeof a.error === "string") {
            errors.push(`license check could not read ${a.file}: ${a.error}`);
            continue;
        }
        if (typeof a.name !== "string" || normaliseName(a.name) !== req.normalisedName || a.version !== req.version) {
            findings.push({
                scanner: "integrity",
                kind: "integrity",
                id: "metadata-mismatch",
                aliases: [],
                severity: "CRITICAL",
                title: `${a.file} declares ${String(a.name)}==${String(a.version)}, not the requested ${req.name}==${req.version}`,
                location: a.file,
                blocking: true,
            });
        }
        const expression = typeof a.licenseExpression === "string" && a.licenseExpression.trim() ? a.licenseExpression.trim() : undefined;
        const classifierIds = strings(a.classifiers)
            .filter((c) => c.startsWith("License :: "))
            .map((c) => c.split(" :: ").pop() as string)
            .map((n) => CLASSIFIER_SPDX[n.toLowerCase()] ?? n);
        const text = typeof a.license === "string" ? a.license.trim() : "";
        const textId = text.length > 0 && text.length <= 80 && !text.includes("\n") ? (LICENSE_TEXT_SPDX[text.toLowerCase()] ?? text) : undefined;
        let declared: string;
        let ok: boolean;
        if (expression) {
            declared = expression;
            ok = expressionAllowed(expression, allowList);
        } else if (classifierIds.length > 0) {
            // Several licence classifiers mean the package is offered under any of them.
            declared = classifierIds.join(" OR ");
            ok = classifierIds.some((id) => allowed(id, allowList));
        } else if (textId) {
            declared = textId;
            ok = allowed(textId, allowList);
        } else {
            declared = "UNKNOWN";
            ok = false;
        }
        licenses[a.file] = declared;
        if (!ok) {
            findings.push({
                scanner: "license",
                kind: "license",
                id: `license:${declared}`,
                aliases: [],
                severity: "HIGH",
                title:
                    declared === "UNKNOWN"
                        ? `${a.file} declares no licence that can be read`
                        : `${a.file} is licensed ${declared}, which is not on the allow-list (${allowList.join(", ")})`,
                location: a.file,
                blocking: true,
            });
        }
    }
    return { findings, errors, licenses };
}

/** Distribution name and version encoded in an artifact file name (wheel or sdist). */
export function artifactIdentity(file: string): { name: string; version: string } | undefined {
    const wheel = /^([^-]+)-([^-]+)(-\d[^-]*)?-[^-]+-[^-]+-[^-]+\.whl$/.exec(file);
    if (wheel) return { name: normaliseName(wheel[1]), version: wheel[2] };
    const sdist = /^(.+)-([^-]+)\.(tar\.gz|zip)$/.exec(file);
    if (sdist) return { name: normaliseName(sdist[1]), version: sdist[2] };
    return undefined;
}

/** The download and its hashes: exactly the requested release, and the expected SHA256 when given. */
export function readDownload(req: PackageRequest, download: ScannerOutput, hashes: ScannerOutput): ScannerResult & { artifacts: ArtifactHash[] } {
    const errors: string[] = [];
    const findings: Finding[] = [];
    const artifacts: ArtifactHash[] = [];
    const exit = checkExit("pip download", download.exitCode, [0]);
    if (exit.error) errors.push(exit.error);
    if (hashes.output === undefined || hashes.output.trim() === "") {
        errors.push("no artifact was downloaded (hashes file missing or empty)");
        return { findings, errors, artifacts };
    }
    for (const line of hashes.output.split(/\r?\n/).filter((l) => l.trim() !== "")) {
        const m = /^([0-9a-f]{64}) [ *](.+)$/.exec(line.trim());
        if (!m) {
            errors.push(`hashes file has an unreadable line: ${line.slice(0, 100)}`);
            continue;
        }
        const file = m[2].replace(/^.*\//, "");
        // File names travel to the publish stage's shell and queries: only the characters PyPI uses.
        if (!/^[A-Za-z0-9][A-Za-z0-9._+-]*$/.test(file)) {
            errors.push(`downloaded file name ${JSON.stringify(file.slice(0, 100))} has characters a PyPI artifact never has`);
            continue;
        }
        artifacts.push({ file, sha256: m[1] });
        const identity = artifactIdentity(file);
        if (!identity || identity.name !== req.normalisedName || identity.version !== req.version) {
            findings.push({
                scanner: "integrity",
                kind: "integrity",
                id: "unexpected-artifact",
                aliases: [],
                severity: "CRITICAL",
                title: `downloaded file ${file} is not a release of ${req.name}==${req.version}`,
                location: file,
                blocking: true,
            });
        }
    }
    if (artifacts.length === 0) errors.push("no artifact was downloaded");
    if (req.sha256 !== undefined && artifacts.length > 0 && !artifacts.some((a) => a.sha256 === req.sha256)) {
        findings.push({
            scanner: "integrity",
            kind: "integrity",
            id: "sha256-mismatch",
            aliases: [],
            severity: "CRITICAL",
            title: `no downloaded artifact has the requested SHA256 ${req.sha256} (got ${artifacts.map((a) => `${a.file} ${a.sha256}`).join(", ")})`,
            blocking: true,
        });
    }
    return { findings, errors, artifacts };
}
