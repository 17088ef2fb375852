import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { list, run } from "../../components/packages/decide/main";
import { RequestFileError, normaliseName, parseRequests } from "../../components/packages/decide/requests";
import { POLICY, cleanOutputs } from "./fixtures";

const problems = (text: string): string[] => {
    try {
        parseRequests(text);
    } catch (err) {
        if (err instanceof RequestFileError) return err.problems;
        throw err;
    }
    throw new Error("expected the request file to be rejected");
};

const GOOD = `requests:
  - name: requests
    version: "2.32.3"
    sha256: ${"A".repeat(64)}
    justification: HTTP client for the feature store
    requester: alice@example.com
  - name: Scikit_Learn
    version: "1.5.1"
    justification: models for the churn team
    requester: dave@example.com
`;

describe("request file parser", () => {
    it("parses requests with their lines, normalised names and lower-case hashes", () => {
        const r = parseRequests(GOOD);
        expect(r.map((x) => [x.normalisedName, x.version, x.line])).toEqual([
            ["requests", "2.32.3", 2],
            ["scikit-learn", "1.5.1", 7],
        ]);
        expect(r[0].sha256).toBe("a".repeat(64));
        expect(normaliseName("Zope.Interface__x")).toBe("zope-interface-x");
    });
    it.each([">=2.0", "2.*", "~=2.31", "2.31, <3", "latest", "==2.32.3", "2.32.3+local"])("rejects the inexact version %s, naming the line", (version) => {
        const p = problems(
            `requests:\n  - name: requests\n    version: "${version}"\n    justification: HTTP client for the store\n    requester: a@example.com\n`,
        );
        expect(p).toHaveLength(1);
        expect(p[0]).toMatch(/^requests\.yaml:3: version /);
    });
    it("rejects a request without a version", () => {
        expect(problems("requests:\n  - name: requests\n    justification: HTTP client for the store\n    requester: a@example.com\n")).toEqual([
            "requests.yaml:2: request 1 has no version",
        ]);
    });
    it("rejects an unquoted numeric version, which YAML would turn 1.10 into 1.1", () => {
        expect(problems("requests:\n  - name: pandas\n    version: 1.10\n    justification: dataframes for everyone\n    requester: a@example.com\n")[0]).toBe(
            'requests.yaml:3: version 1.1 is a YAML number, not text; quote it ("1.1"), or 1.10 silently becomes 1.1',
        );
    });
    it("reports malformed YAML with its line", () => {
        const p = problems('requests:\n  - name: requests\n    version: "2.32.3\n    justification: x\n');
        expect(p[0]).toMatch(/^requests\.yaml:\d+: is not valid YAML/);
        const p2 = problems("requests:\n  - name: a\n    version: [1.0\n");
        expect(p2[0]).toMatch(/^requests\.yaml:\d+: is not valid YAML/);
    });
    it("reports every problem with its line: unknown keys, bad names, duplicates, short justification, bad hash", () => {
        const p = problems(`requests:
  - name: "bad name!"
    version: "1.0"
    justification: ok reason here
    requester: a@example.com
  - name: numpy
    version: "2.0.0"
    justification: short
    requester: a@example.com
    url: https://evil.example.com/numpy.whl
  - name: numpy
    version: "2.0.0"
    justification: arrays, again and again
    requester: b@example.com
    sha256: deadbeef
`);
        expect(p).toEqual([
            'requests.yaml:2: name "bad name!" is not a valid Python project name',
            'requests.yaml:10: unknown key "url" in request 2; allowed keys are name, version, sha256, justification, requester',
            "requests.yaml:8: justification is too short; say what the package is needed for",
            'requests.yaml:15: sha256 "deadbeef" is not 64 hexadecimal characters',
        ]);
        expect(
            problems(`requests:
  - { name: numpy, version: "2.0.0", justification: arrays for all, requester: a@x.com }
  - { name: NumPy, version: "2.0.0", justification: arrays for all, requester: b@x.com }
`),
        ).toEqual(["requests.yaml:3: NumPy==2.0.0 is already requested on line 2"]);
    });
    it("rejects a file that is not a request list", () => {
        expect(problems("- requests==2.32.3\n")[0]).toContain("must be a mapping");
        expect(problems("requests: []\n")[0]).toContain("is empty");
        expect(problems("packages:\n  - x\n")[0]).toContain('unknown top-level key "packages"');
    });
});

describe("decide.js entry point", () => {
    const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), "decide-"));
    const writeScan = (dir: string) => {
        const d = path.join(dir, "scan", "requests", "2.32.3");
        fs.mkdirSync(d, { recursive: true });
        const o = cleanOutputs();
        const files: [string, string | undefined][] = [
            ["download.exit", o.download.exitCode],
            ["sha256.txt", o.hashes.output],
            ["pip-audit.json", o.pipAudit.output],
            ["pip-audit.exit", o.pipAudit.exitCode],
            ["bandit.json", o.bandit.output],
            ["bandit.exit", o.bandit.exitCode],
            ["guarddog.json", o.guarddog.output],
            ["guarddog.exit", o.guarddog.exitCode],
            ["clamscan.txt", o.clamscan.output],
            ["clamscan.exit", o.clamscan.exitCode],
            ["license.json", o.license.output],
            ["license.exit", o.license.exitCode],
        ];
        for (const [f, content] of files) fs.writeFileSync(path.join(d, f), content ?? "");
        return d;
    };
    const requestsFile = (dir: string, text = GOOD.split("  - name: Scikit_Learn")[0].replace(/    sha256: .*\n/, "")) => {
        const f = path.join(dir, "requests.yaml");
        fs.writeFileSync(f, text);
        return f;
    };
    const env = { SCAN_POLICY: JSON.stringify(POLICY) };

    it("approves, writes decision.json, report.md and approved.tsv, exits 0", () => {
        const dir = tmp();
        writeScan(dir);
        expect(run([requestsFile(dir), path.join(dir, "scan"), path.join(dir, "out")], env)).toBe(0);
        const decision = JSON.parse(fs.readFileSync(path.join(dir, "out", "decision.json"), "utf8"));
        expect(decision.summary).toEqual({ requested: 1, approved: 1, rejected: 0 });
        expect(fs.readFileSync(path.join(dir, "out", "approved.tsv"), "utf8")).toMatch(
            /^requests\t2\.32\.3\trequests-2\.32\.3-py3-none-any\.whl\t[0-9a-f]{64}\n$/,
        );
        expect(fs.readFileSync(path.join(dir, "out", "report.md"), "utf8")).toContain("APPROVED");
    });
    it("exits 2 with a report and an empty approved list when the decision code itself fails", () => {
        const dir = tmp();
        writeScan(dir);
        // An invalid clock makes decideAll throw: the stand-in for any unforeseen failure.
        expect(run([requestsFile(dir), path.join(dir, "scan"), path.join(dir, "out")], env, new Date(Number.NaN))).toBe(2);
        expect(fs.readFileSync(path.join(dir, "out", "approved.tsv"), "utf8")).toBe("");
        expect(JSON.parse(fs.readFileSync(path.join(dir, "out", "decision.json"), "utf8")).error).toContain("the decision code failed, so nothing is approved");
        expect(fs.readFileSync(path.join(dir, "out", "report.md"), "utf8")).toContain("Nothing was decided");
    });
    it("exits 1 and publishes nothing when a scanner output is missing", () => {
        const dir = tmp();
        fs.rmSync(path.join(writeScan(dir), "guarddog.json"));
        expect(run([requestsFile(dir), path.join(dir, "scan"), path.join(dir, "out")], env)).toBe(1);
        expect(fs.readFileSync(path.join(dir, "out", "approved.tsv"), "utf8")).toBe("");
        expect(fs.readFileSync(path.join(dir, "out", "report.md"), "utf8")).toContain("guarddog output is missing");
    });
    it("exits 2 with a report when the policy is missing or the request file invalid", () => {
        const dir = tmp();
        expect(run([requestsFile(dir), path.join(dir, "scan"), path.join(dir, "out")], {})).toBe(2);
        expect(fs.readFileSync(path.join(dir, "out", "report.md"), "utf8")).toContain("SCAN_POLICY is not set");
        const bad = requestsFile(dir, "requests:\n  - name: x\n    version: latest\n    justification: something long\n    requester: a\n");
        expect(run([bad, path.join(dir, "scan"), path.join(dir, "out2")], env)).toBe(2);
        expect(fs.readFileSync(path.join(dir, "out2", "report.md"), "utf8")).toContain("requests.yaml:3: version");
    });
    it("lists requests for the scan stage with the same parser", () => {
        const dir = tmp();
        expect(list(requestsFile(dir, GOOD))).toEqual({ code: 0, output: "requests\t2.32.3\nscikit-learn\t1.5.1\n" });
        expect(list(requestsFile(dir, "requests:\n  - name: x\n")).code).toBe(2);
    });
});
