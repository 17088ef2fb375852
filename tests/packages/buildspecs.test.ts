import { execFileSync, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { GateBuild } from "../../components/packages/buildspecFiles";
import { loadBuildspec } from "../../components/packages/ScanPipeline";

type Buildspec = {
    version: number;
    env?: { shell?: string; variables?: Record<string, string> };
    phases: Record<string, { commands?: string[] }>;
    artifacts?: { files: string[] };
};
const spec = (stage: GateBuild) => parse(loadBuildspec(stage)) as Buildspec;
const commands = (stage: GateBuild) =>
    Object.values(spec(stage).phases)
        .flatMap((p) => p.commands ?? [])
        .join("\n");

describe("buildspecs (repository files loaded by ScanPipeline)", () => {
    it("are valid buildspec 0.2 documents with their phases", () => {
        for (const stage of ["scan", "decide", "publish", "signatures"] as const) {
            expect(spec(stage).version).toBe(0.2);
            expect(spec(stage).env?.shell).toBe("bash");
            expect(Object.keys(spec(stage).phases)).toContain("build");
        }
    });
    it("scan: downloads exactly the requested release without dependencies or builds, and runs every scanner", () => {
        const c = commands("scan");
        expect(c).toContain('"$TOOLS/pip" download --no-deps --only-binary=:all:');
        expect(c).toContain('"${NAME}==${VERSION}"');
        for (const tool of ["pip-audit", "bandit", "guarddog pypi scan", "clamscan", "scan_helpers.py license", "sha256sum"]) expect(c).toContain(tool);
        expect(c).toContain("--ignore-nosec");
        expect(c).toContain("--format json");
        expect(c).toContain("--output-format json");
        // Signatures come from the private mirror only (S2): no freshclam, no CDN.
        expect(c).not.toContain("freshclam");
        expect(c).toContain('aws s3 cp --quiet --recursive "s3://${SIGNATURES_BUCKET}/${SIGNATURES_PREFIX}" "$CLAMAV_DB/"');
        expect(c).toContain('clamscan --database="$CLAMAV_DB"');
        for (const file of ["download.exit", "pip-audit.exit", "bandit.exit", "guarddog.exit", "clamscan.exit", "license.exit"]) expect(c).toContain(file);
        // Tools come from the digest-pinned image: nothing is installed; the decision bundle and helpers are checked against their SHA256.
        expect(c).not.toMatch(/pip install|apt-get|venv/);
        expect(spec("scan").env?.variables?.TOOLS).toBe("/opt/gate/bin");
        expect(c).toContain("sha256sum --check");
        expect(spec("scan").artifacts?.files).toEqual(["requests.yaml", "scan/**/*"]);
    });
    it("scan: guarddog reads the extracted sources, ClamAV reports what it could not scan, the request list survives the tools", () => {
        const c = commands("scan");
        // guarddog's local scan only runs source rules on a directory of sources or one archive.
        expect(c).toMatch(/guarddog pypi scan "\$D\/src\/"/);
        expect(c).not.toMatch(/guarddog pypi scan "\$D\/dl/);
        expect(c).toContain('if [ "$EXTRACT" -ne 0 ]; then GUARDDOG=3; fi');
        expect(c).toContain("--alert-exceeds-max=yes");
        expect(c).toMatch(/--max-filesize=2000M --max-scansize=2000M/);
        expect(c).toContain("read -r -u 3 NAME VERSION");
        expect(c).toContain("done 3< /tmp/requests.tsv");
    });
    it("decide: runs the pinned decision bundle and uploads the reports with KMS in post_build", () => {
        const s = spec("decide");
        expect((s.phases.pre_build.commands ?? []).join()).toContain('echo "${DECIDE_SHA256}  /tmp/decide.js" | sha256sum --check');
        expect((s.phases.build.commands ?? []).join()).toContain("node /tmp/decide.js");
        expect((s.phases.post_build.commands ?? []).join()).toContain("--sse aws:kms --sse-kms-key-id");
        // The build fails when the decision code exits non-zero: no `|| true`, no ignored exit code.
        expect(commands("decide")).not.toMatch(/\|\|\s*true|set \+e/);
        expect(commands("decide")).toContain("set -euo pipefail");
        // S7: the approved list's SHA-256 is recorded and signed with the pipeline's signing key, after the decision succeeded.
        const build = (s.phases.build.commands ?? []).join();
        expect(build.indexOf("node /tmp/decide.js")).toBeLessThan(build.indexOf("aws kms sign"));
        expect(build).toMatch(/aws kms sign --key-id "\$\{SIGNING_KEY_ARN\}" --message fileb:\/\/\/tmp\/approved.digest --message-type DIGEST/);
        expect(build).toContain('> "${LIST}.sig"');
        expect(build).toContain('> "${LIST}.sha256"');
    });
    it("publish: twine to the approved repository, publisher-computed SHA256 checked, idempotent", () => {
        const c = commands("publish");
        expect(c).toContain('"$TOOLS/twine" upload --repository codeartifact');
        expect(c).toContain('ACTUAL=$(sha256sum -- "$F"');
        expect(c).toContain('if [ "$ACTUAL" != "$SCANNED" ]');
        expect(c).toContain("SKIPPED");
        expect(c).toContain("list-package-version-assets");
        expect(c).toContain('--repository "${APPROVED_REPOSITORY}"');
        // twine comes from the toolchain image; nothing is installed at build time (S3).
        expect(c).not.toMatch(/pip install|venv/);
        expect(c).toContain('"$TOOLS/twine" upload');
    });
    it("signatures: cvdupdate from the image, only verified databases uploaded with KMS, state kept in the bucket", () => {
        const c = commands("signatures");
        expect(c).toContain('"$TOOLS/cvd" update');
        expect(c.indexOf("sigtool --info")).toBeLessThan(c.indexOf("aws s3 sync"));
        expect(c).toContain("REFUSED: $db does not verify");
        expect(c).toContain('--sse aws:kms --sse-kms-key-id "${SIGNATURES_KEY_ARN}"');
        expect(c).toContain("state/state.json");
        expect(c).not.toMatch(/pip install|apt-get|freshclam/);
    });
    it.each(["scan", "decide", "publish", "signatures"] as const)("%s: never traces commands and never prints or holds a token", (stage) => {
        const text = loadBuildspec(stage);
        const c = commands(stage);
        expect(c).not.toMatch(/set -[a-z]*x|set -o xtrace|bash -x/);
        expect(text).toContain("version: 0.2");
        expect(c).not.toMatch(/get-authorization-token/);
        expect(c).not.toMatch(/echo[^\n]*(TOKEN|PASSWORD|SECRET)/i);
        expect(c).not.toMatch(/printenv|\benv\s*$|\bset\s*$/m);
        expect(c).not.toMatch(/TWINE_PASSWORD|CODEARTIFACT_AUTH_TOKEN/);
        // `aws codeartifact login` writes the token into the tool's config; its output is discarded.
        for (const line of c.split("\n").filter((l) => l.includes("codeartifact login"))) expect(`${line}`).toMatch(/\\$/);
        if (c.includes("codeartifact login")) expect(c).toMatch(/--duration-seconds 900 >\/dev\/null/);
    });
});

const python = spawnSync("python3", ["--version"]).status === 0;

describe.skipIf(!python)("scan_helpers.py (never executes package code)", () => {
    const helpers = path.join(__dirname, "../../components/packages/buildspecs/scan_helpers.py");
    const makeWheel = (dir: string, metadata: string, extra: Record<string, string> = {}) => {
        const script = `
import sys, zipfile
with zipfile.ZipFile(sys.argv[1], "w") as z:
    z.writestr("demo-1.0.dist-info/METADATA", sys.argv[2])
    for i in range(3, len(sys.argv), 2):
        z.writestr(sys.argv[i], sys.argv[i + 1])
`;
        execFileSync("python3", ["-c", script, path.join(dir, "demo-1.0-py3-none-any.whl"), metadata, ...Object.entries(extra).flat()]);
    };
    it("reads licence metadata from a wheel in the documented format", () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "helpers-"));
        makeWheel(dir, "Metadata-Version: 2.4\nName: demo\nVersion: 1.0\nLicense-Expression: MIT\nClassifier: License :: OSI Approved :: MIT License\n");
        const out = JSON.parse(execFileSync("python3", [helpers, "license", dir], { encoding: "utf8" }));
        expect(out).toEqual({
            tool: "secure-ds-license-metadata",
            formatVersion: 1,
            artifacts: [
                {
                    file: "demo-1.0-py3-none-any.whl",
                    name: "demo",
                    version: "1.0",
                    licenseExpression: "MIT",
                    license: null,
                    classifiers: ["License :: OSI Approved :: MIT License"],
                },
            ],
        });
    });
    it("refuses to extract a path that escapes the target directory", () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "helpers-"));
        makeWheel(dir, "Name: demo\nVersion: 1.0\n", { "../../escape.py": "print(1)" });
        const r = spawnSync("python3", [helpers, "extract", dir, path.join(dir, "src")], { encoding: "utf8" });
        expect(r.status).toBe(1);
        expect(r.stderr).toContain("escapes the extraction directory");
    });
});

const bash = spawnSync("bash", ["--version"]).status === 0 && spawnSync("sha256sum", ["--version"]).status === 0;

/**
 * Runs the publish stage's build commands with stand-ins for `aws` and `twine` that, like a real
 * CLI might, read standard input. The stand-in repository remembers the SHA-256 of every upload.
 */
describe.skipIf(!bash)("publish build phase (run with stub aws and twine)", () => {
    const sha = (content: string) => createHash("sha256").update(content).digest("hex");
    const setup = (
        artifacts: { name: string; version: string; file: string; content: string; scanned?: string }[],
        approved: Record<string, string> = {},
        awsFails = false,
    ) => {
        const root = fs.mkdtempSync(path.join(os.tmpdir(), "publish-"));
        const src = path.join(root, "src");
        const decision = path.join(root, "decision");
        const repo = path.join(root, "repo");
        const bin = path.join(root, "bin");
        for (const d of [src, path.join(decision, "decision"), repo, bin]) fs.mkdirSync(d, { recursive: true });
        const lines = artifacts.map((a) => {
            const dl = path.join(src, "scan", a.name, a.version, "dl");
            fs.mkdirSync(dl, { recursive: true });
            fs.writeFileSync(path.join(dl, a.file), a.content);
            return `${a.name}\t${a.version}\t${a.file}\t${a.scanned ?? sha(a.content)}\n`;
        });
        fs.writeFileSync(path.join(decision, "decision", "approved.tsv"), lines.join(""));
        for (const [file, hash] of Object.entries(approved)) fs.writeFileSync(path.join(repo, file), hash);
        // aws codeartifact list-package-version-assets ... --query "assets[?name=='<file>']...": prints the stored hash or fails like the CLI.
        fs.writeFileSync(
            path.join(bin, "aws"),
            `#!/usr/bin/env bash
cat > /dev/null
${awsFails ? 'echo "An error occurred (AccessDeniedException) when calling the ListPackageVersionAssets operation" >&2; exit 254' : ""}
if [ "$2" = "list-package-versions" ]; then
  pkg=$(printf '%s\n' "$@" | sed -n '/^--package$/{n;p}')
  if ls "${repo}/$pkg-"* >/dev/null 2>&1; then echo 1; else echo "An error occurred (ResourceNotFoundException) when calling the ListPackageVersions operation" >&2; exit 254; fi
  exit 0
fi
file=$(printf '%s\n' "$@" | sed -n "s/^assets\\[?name=='\\(.*\\)'\\].*/\\1/p")
if [ -f "${repo}/$file" ]; then cat "${repo}/$file"; else echo "An error occurred (ResourceNotFoundException) when calling the ListPackageVersionAssets operation" >&2; exit 254; fi
`,
            { mode: 0o755 },
        );
        fs.writeFileSync(
            path.join(bin, "twine"),
            `#!/usr/bin/env bash
cat > /dev/null
f="\${@: -1}"
sha256sum -- "$f" | cut -d' ' -f1 > "${repo}/$(basename "$f")"
echo "$(basename "$f")" >> "${root}/uploads.log"
`,
            { mode: 0o755 },
        );
        const script = (spec("publish").phases.build.commands ?? []).join("\n");
        const run = (scope: "known" | "all" = "all") =>
            spawnSync("bash", ["-c", script], {
                encoding: "utf8",
                input: "",
                env: {
                    PATH: `${bin}:${process.env.PATH}`,
                    CODEBUILD_SRC_DIR: src,
                    CODEBUILD_SRC_DIR_decision: decision,
                    CODEARTIFACT_DOMAIN: "acme-dev",
                    CODEARTIFACT_OWNER: "111111111111",
                    APPROVED_REPOSITORY: "approved",
                    TOOLS: bin,
                    PUBLISH_SCOPE: scope,
                },
            });
        const uploads = () => (fs.existsSync(path.join(root, "uploads.log")) ? fs.readFileSync(path.join(root, "uploads.log"), "utf8").trim().split("\n") : []);
        return { run, uploads };
    };
    const A = { name: "requests", version: "2.32.3", file: "requests-2.32.3-py3-none-any.whl", content: "wheel A" };
    const B = { name: "idna", version: "3.7", file: "idna-3.7-py3-none-any.whl", content: "wheel B" };
    const C = { name: "certifi", version: "2024.7.4", file: "certifi-2024.7.4-py3-none-any.whl", content: "wheel C" };

    it("publishes every approved artifact, even though the tools read standard input", () => {
        const t = setup([A, B, C]);
        const r = t.run();
        expect(r.stdout + r.stderr).toMatch(/PUBLISHED idna-3\.7/);
        expect(r.status).toBe(0);
        expect(t.uploads()).toEqual([A.file, B.file, C.file]);
    });
    it("skips an artifact already approved with the same SHA256 and never republishes it", () => {
        const t = setup([A, B], { [A.file]: sha(A.content) });
        const r = t.run();
        expect(r.status).toBe(0);
        expect(r.stdout).toContain(`SKIPPED ${A.file}`);
        expect(t.uploads()).toEqual([B.file]);
    });
    it("refuses an artifact whose bytes differ from what was scanned", () => {
        const t = setup([{ ...A, scanned: "0".repeat(64) }]);
        const r = t.run();
        expect(r.status).not.toBe(0);
        expect(r.stdout).toContain(`REFUSED ${A.file}: SHA256`);
        expect(t.uploads()).toEqual([]);
    });
    it("refuses when approved holds the same file with another SHA256", () => {
        const t = setup([A], { [A.file]: "f".repeat(64) });
        const r = t.run();
        expect(r.status).not.toBe(0);
        expect(r.stdout).toContain("the approved repository holds it with SHA256");
        expect(t.uploads()).toEqual([]);
    });
    it("known scope: publishes new versions of approved packages and holds first-seen packages for the approval", () => {
        const known = { ...A, version: "2.32.4", file: "requests-2.32.4-py3-none-any.whl", content: "wheel A2" };
        const t = setup([known, B], { [A.file]: sha(A.content) });
        const r = t.run("known");
        expect(r.status, r.stderr).toBe(0);
        expect(t.uploads()).toEqual([known.file]);
        expect(r.stdout).toContain(`FIRST-SEEN idna==3.7 ${B.file}: waits for the manual approval`);
        expect(r.stdout).toContain("first-seen artifacts held for approval: 1");
        // After the approval, "all" publishes the held one and skips what is there.
        const after = t.run("all");
        expect(after.status, after.stderr).toBe(0);
        expect(after.stdout).toContain(`SKIPPED ${known.file}`);
        expect(t.uploads()).toEqual([known.file, B.file]);
        expect(after.stdout).toContain("first-seen artifacts held for approval: 0");
    });
    it("known scope holds nothing when every package was approved before, so the approval stage is skipped", () => {
        const t = setup([A], { "requests-2.32.2-py3-none-any.whl": "f".repeat(64) });
        const r = t.run("known");
        expect(r.status, r.stderr).toBe(0);
        expect(t.uploads()).toEqual([A.file]);
        expect(r.stdout).toContain("first-seen artifacts held for approval: 0");
    });
    it("fails, rather than publishing, when the repository cannot be asked (access error is not 'absent')", () => {
        const t = setup([A], {}, true);
        for (const scope of ["all", "known"] as const) {
            const r = t.run(scope);
            expect(r.status).not.toBe(0);
            expect(r.stderr).toContain("AccessDeniedException");
            expect(t.uploads()).toEqual([]);
        }
    });
});

/** Runs the publish stage's pre_build (signature check, S7) with a stand-in `aws` whose kms verify answers `valid`. */
describe.skipIf(!bash || spawnSync("openssl", ["version"]).status !== 0)("publish pre_build: the decision's signature (S7)", () => {
    const run = (opts: { valid: boolean; tamper?: boolean; unsigned?: boolean }) => {
        const root = fs.mkdtempSync(path.join(os.tmpdir(), "verify-"));
        const decision = path.join(root, "decision", "decision");
        const bin = path.join(root, "bin");
        for (const d of [decision, bin]) fs.mkdirSync(d, { recursive: true });
        const list = path.join(decision, "approved.tsv");
        fs.writeFileSync(list, "requests\t2.32.3\trequests-2.32.3-py3-none-any.whl\tabc\n");
        fs.writeFileSync(`${list}.sha256`, `${createHash("sha256").update(fs.readFileSync(list)).digest("hex")}\n`);
        if (!opts.unsigned) fs.writeFileSync(`${list}.sig`, "signature");
        if (opts.tamper) fs.appendFileSync(list, "evil\t6.6.6\tevil-6.6.6-py3-none-any.whl\tdef\n");
        fs.writeFileSync(
            path.join(bin, "aws"),
            `#!/usr/bin/env bash
echo "$*" >> "${root}/aws.log"
if [ "$1 $2" = "kms verify" ]; then ${opts.valid ? 'echo "True"' : 'echo "An error occurred (KMSInvalidSignatureException) when calling the Verify operation" >&2; exit 254'}; fi
exit 0
`,
            { mode: 0o755 },
        );
        const script = (spec("publish").phases.pre_build.commands ?? []).join("\n");
        const r = spawnSync("bash", ["-c", script], {
            encoding: "utf8",
            env: {
                PATH: `${bin}:${process.env.PATH}`,
                CODEBUILD_SRC_DIR_decision: path.join(root, "decision"),
                SIGNING_KEY_ARN: "arn:aws:kms:eu-west-1:111111111111:key/k",
                CODEARTIFACT_DOMAIN: "acme-dev",
                CODEARTIFACT_OWNER: "111111111111",
                APPROVED_REPOSITORY: "approved",
            },
        });
        const calls = fs.existsSync(path.join(root, "aws.log")) ? fs.readFileSync(path.join(root, "aws.log"), "utf8") : "";
        return { status: r.status, out: `${r.stdout}${r.stderr}`, calls };
    };
    it("verifies the signature over the digest with the signing key, then logs in", () => {
        const r = run({ valid: true });
        expect(r.status).toBe(0);
        expect(r.calls).toMatch(
            /^kms verify --key-id arn:aws:kms:eu-west-1:111111111111:key\/k --message fileb:\/\/\/tmp\/approved.digest --message-type DIGEST --signing-algorithm ECDSA_SHA_256/m,
        );
        expect(r.calls).toMatch(/codeartifact login/);
    });
    it("refuses, before any CodeArtifact call, a signature that does not verify, a list changed after the decision, and an unsigned list", () => {
        for (const opts of [{ valid: false }, { valid: true, tamper: true }, { valid: true, unsigned: true }]) {
            const r = run(opts);
            expect(r.status, JSON.stringify(opts)).not.toBe(0);
            expect(r.calls).not.toMatch(/codeartifact/);
        }
        expect(run({ valid: true, tamper: true }).out).toMatch(/does not match the SHA-256 recorded by the decide stage/);
    });
});
