/**
 * Entry point of the Decide stage, run with node inside CodeBuild (bundled by bundle.ts):
 *
 *   SCAN_POLICY='{"severityThreshold":"HIGH",...}' node decide.js REQUESTS.yaml SCAN_DIR OUT_DIR
 *   node decide.js list REQUESTS.yaml        (used by the Scan stage)
 *
 * SCAN_DIR holds what the Scan stage recorded, per request:
 *   SCAN_DIR/<normalised name>/<version>/{download.exit, sha256.txt, pip-audit.json, pip-audit.exit,
 *     bandit.json, bandit.exit, guarddog.json, guarddog.exit, clamscan.txt, clamscan.exit,
 *     license.json, license.exit}
 * OUT_DIR receives decision.json, report.md and approved.tsv (the publish stage's input).
 *
 * Exit codes: 0 every package approved; 1 at least one rejected (the pipeline stops: nothing from
 * this request file is published until it is fixed); 2 the request file, the policy or the
 * arguments are invalid, or the decision code itself failed. The reports are written in every case.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { ScanOutputs, decideAll, parsePolicy } from "./policy";
import { renderApprovedList, renderMarkdown } from "./report";
import { RequestFileError, parseRequests } from "./requests";
import { ScannerOutput } from "./scanners";
import { PackageRequest } from "./types";

function read(file: string): string | undefined {
    try {
        return fs.readFileSync(file, "utf8");
    } catch {
        return undefined;
    }
}

export function scanOutputsFrom(scanDir: string, req: PackageRequest): ScanOutputs {
    const dir = path.join(scanDir, req.normalisedName, req.version);
    const tool = (output: string, exit: string): ScannerOutput => ({ output: read(path.join(dir, output)), exitCode: read(path.join(dir, exit)) });
    return {
        download: { exitCode: read(path.join(dir, "download.exit")) },
        hashes: { output: read(path.join(dir, "sha256.txt")) },
        pipAudit: tool("pip-audit.json", "pip-audit.exit"),
        bandit: tool("bandit.json", "bandit.exit"),
        guarddog: tool("guarddog.json", "guarddog.exit"),
        clamscan: tool("clamscan.txt", "clamscan.exit"),
        license: tool("license.json", "license.exit"),
    };
}

/**
 * `node decide.js list REQUESTS.yaml`: prints `<normalised name>\t<version>` per request, so the
 * Scan stage reads the request file with the same parser as the decision. Exit 2 when invalid.
 */
export function list(requestsFile: string | undefined): { code: number; output: string } {
    const text = requestsFile ? read(requestsFile) : undefined;
    if (text === undefined) return { code: 2, output: `request file ${String(requestsFile)} is missing` };
    try {
        const requests = parseRequests(text, path.basename(requestsFile as string));
        return { code: 0, output: requests.map((r) => `${r.normalisedName}\t${r.version}\n`).join("") };
    } catch (err) {
        if (err instanceof RequestFileError) return { code: 2, output: `the request file is invalid:\n${err.problems.join("\n")}` };
        throw err;
    }
}

export function run(argv: string[], env: NodeJS.ProcessEnv, now = new Date()): number {
    if (argv[0] === "list") {
        const result = list(argv[1]);
        (result.code === 0 ? process.stdout : process.stderr).write(
            result.output.endsWith("\n") || result.output === "" ? result.output : `${result.output}\n`,
        );
        return result.code;
    }
    const [requestsFile, scanDir, outDir] = argv;
    if (!requestsFile || !scanDir || !outDir) {
        console.error("usage: node decide.js REQUESTS.yaml SCAN_DIR OUT_DIR (SCAN_POLICY in the environment)");
        return 2;
    }
    fs.mkdirSync(outDir, { recursive: true });
    const fail = (message: string): number => {
        fs.writeFileSync(path.join(outDir, "report.md"), `# Package scan decision\n\nNothing was decided:\n\n${message}\n`);
        fs.writeFileSync(
            path.join(outDir, "decision.json"),
            `${JSON.stringify({ tool: "secure-ds-scan-decision", formatVersion: 1, error: message }, null, 2)}\n`,
        );
        fs.writeFileSync(path.join(outDir, "approved.tsv"), "");
        console.error(message);
        return 2;
    };
    let policy;
    try {
        policy = parsePolicy(env.SCAN_POLICY);
    } catch (err) {
        return fail(`invalid scan policy: ${(err as Error).message}`);
    }
    const text = read(requestsFile);
    if (text === undefined) return fail(`request file ${requestsFile} is missing`);
    let requests: PackageRequest[];
    try {
        requests = parseRequests(text, path.basename(requestsFile));
    } catch (err) {
        if (err instanceof RequestFileError) return fail(`the request file is invalid:\n${err.problems.map((p) => `- ${p}`).join("\n")}`);
        throw err;
    }
    let report;
    try {
        report = decideAll(requests, (r) => scanOutputsFrom(scanDir, r), policy, now);
    } catch (err) {
        // A bug or an input no reader foresaw: nothing is approved, and the report says why.
        return fail(`the decision code failed, so nothing is approved: ${(err as Error).stack ?? String(err)}`);
    }
    fs.writeFileSync(path.join(outDir, "decision.json"), `${JSON.stringify(report, null, 2)}\n`);
    fs.writeFileSync(path.join(outDir, "report.md"), renderMarkdown(report));
    fs.writeFileSync(path.join(outDir, "approved.tsv"), renderApprovedList(report));
    for (const p of report.packages) {
        console.log(
            `${p.verdict.toUpperCase()} ${p.name}==${p.version}: ${p.counts.findings} findings, ${p.counts.blocking} blocking, ${p.errors.length} scanner errors`,
        );
        for (const r of p.reasons) console.log(`  - ${r}`);
    }
    return report.summary.rejected > 0 ? 1 : 0;
}

// Run only when executed (the bundle), not when imported by the tests.
if (require.main === module) {
    process.exitCode = run(process.argv.slice(2), process.env);
}
