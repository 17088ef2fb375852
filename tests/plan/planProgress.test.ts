/**
 * The command line on a large generated stack (bench/generatedConfig.ts, small here): with
 * `--progress` the progress line reaches stderr though it is not a terminal, `--json -` leaves
 * stdout to the JSON alone, and `--diff` of a saved plan against itself changes nothing.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { generatedConfig } from "../../bench/generatedConfig";
import { REPO_ROOT } from "../../plan/stackConfig";
import { Plan } from "../../plan/types";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "secure-ds-plan-progress-"));

function runCli(args: string[]) {
    return spawnSync(process.execPath, [path.join(REPO_ROOT, "node_modules", "tsx", "dist", "cli.mjs"), path.join(REPO_ROOT, "tools", "plan.ts"), ...args], {
        cwd: REPO_ROOT,
        encoding: "utf8",
        maxBuffer: 512 * 1024 * 1024,
        timeout: 600_000,
    });
}

describe("a large plan on the command line", () => {
    const config = path.join(tmp, "Pulumi.generated.yaml");
    fs.writeFileSync(config, stringify({ config: generatedConfig(6, 4) }));
    const run = runCli(["--config", config, "--transpile-only", "--progress", "--json", "-"]);

    it("emits progress lines on stderr with --progress, stderr not being a terminal", () => {
        expect(run.status, run.stderr).toBe(0);
        const progress = run.stderr.split("\n").filter((l) => l.startsWith("plan generated: "));
        expect(progress.some((l) => /program running, [1-9]\d* resources registered/.test(l))).toBe(true);
        expect(progress[progress.length - 1]).toMatch(/^plan generated: \d+ resources registered and judged$/);
    });

    it("writes only the JSON to stdout with --json -, the summary to stderr", () => {
        const plan = JSON.parse(run.stdout) as Plan;
        expect(plan.stack).toBe("generated");
        expect(plan.resources.length).toBeGreaterThan(500);
        expect(run.stderr).toContain("secure-ds offline plan: stack generated");
        expect(run.stderr).not.toContain('"formatVersion"');
    });

    it("diffs the saved plan against itself: nothing to change (--evaluate --diff)", () => {
        const saved = path.join(tmp, "generated.json");
        fs.writeFileSync(saved, run.stdout);
        const again = runCli(["--evaluate", saved, "--diff", saved]);
        expect(again.status, again.stderr).toBe(0);
        expect(again.stdout).toMatch(/Resources: 0 to create, 0 to update, 0 to replace, 0 to delete, \d+ unchanged/);
    });
}, 900_000);
