import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import {
    LIFECYCLE_SCRIPT_PATH,
    MAX_LIFECYCLE_CONTENT,
    STUDIO_TEAM_PARAMETERS,
    lifecycleConfigContent,
    renderLifecycleScript,
} from "../../components/studio/lifecycleScript";

const VALUES = { parameterPath: "/secure-ds/fraud/", region: "eu-west-1", appKind: "JupyterLab" as const };
const TOKEN = "eyJ2ZXIiOjEsImlzdSI6MTcwMDAwMDAwMCwiZW5jIjoiQTEyOEdDTSJ9.SECRET-TOKEN-VALUE";
const ENDPOINT = "https://acme-packages-222222222222.d.codeartifact.eu-west-1.amazonaws.com/pypi/approved/";

const which = (cmd: string) => spawnSync("sh", ["-c", `command -v ${cmd}`]).status === 0;

describe("lifecycle script content", () => {
    const script = renderLifecycleScript(VALUES);

    it("fills every marker with a validated value", () => {
        expect(script).not.toMatch(/@@[A-Z_]+@@/);
        expect(script).toContain('readonly PARAMETER_PATH="/secure-ds/fraud/"');
        expect(script).toContain('readonly REGION="eu-west-1"');
        expect(script).toContain('readonly CONDA_CHANNEL_URL=""');
        expect(script).toContain('readonly APP_KIND="JupyterLab"');
    });

    it("never traces or prints the token, and keeps written files private", () => {
        expect(script).toMatch(/^set \+x$/m);
        expect(script).not.toMatch(/^\s*set -x/m);
        expect(script).toMatch(/^umask 077$/m);
        expect(script).not.toMatch(/echo[^\n]*token/i);
        expect(script).not.toMatch(/log [^\n]*\$\{?token/);
        expect(script).toContain("unset token");
    });

    it("reaches AWS only through the VPC endpoints' private DNS names, never a public index", () => {
        expect(script).toContain("aws ssm get-parameters-by-path");
        expect(script).toContain("aws codeartifact get-authorization-token");
        expect(script).toContain('--endpoint-url "https://codeartifact.${ca_region}.amazonaws.com${ca_suffix}"');
        expect(script).not.toMatch(/pypi\.org|files\.pythonhosted|anaconda\.(org|com)|conda\.anaconda|github\.com|curl |wget /);
    });

    it("reads the parameters the team environment writes", () => {
        for (const name of Object.values(STUDIO_TEAM_PARAMETERS)) expect(script).toContain(`param ${name})`);
    });

    it("writes pip, conda and SageMaker SDK configuration with VPC, KMS and encryption defaults", () => {
        expect(script).toContain(".config/pip/pip.conf");
        expect(script).toContain(".condarc");
        expect(script).toContain("offline: true");
        expect(script).toContain(".config/sagemaker/config.yaml");
        for (const key of ["VpcConfig", "Subnets", "SecurityGroupIds", "VolumeKmsKeyId", "EnableInterContainerTrafficEncryption", "DefaultS3Bucket"]) {
            expect(script).toContain(key);
        }
    });

    it("points conda at an internal channel when configured", () => {
        const withConda = renderLifecycleScript({ ...VALUES, condaChannelUrl: "https://conda.internal.example.com/main" });
        expect(withConda).toContain('readonly CONDA_CHANNEL_URL="https://conda.internal.example.com/main"');
    });

    it("refuses values that could break out of their quotes", () => {
        expect(() => renderLifecycleScript({ ...VALUES, parameterPath: '/x"; rm -rf ~; "' })).toThrow(/parameterPath/);
        expect(() => renderLifecycleScript({ ...VALUES, condaChannelUrl: "https://x/$(id)" })).toThrow(/condaChannelUrl/);
        expect(() => renderLifecycleScript({ ...VALUES, region: "eu-west-1`" })).toThrow(/region/);
    });

    it("refuses a template marker without a value", () => {
        expect(() => renderLifecycleScript(VALUES, 'X="@@UNKNOWN@@"')).toThrow(/@@UNKNOWN@@, which has no value/);
    });

    it("fits SageMaker's content limit", () => {
        const content = lifecycleConfigContent(VALUES);
        expect(content.length).toBeLessThanOrEqual(MAX_LIFECYCLE_CONTENT);
        expect(Buffer.from(content, "base64").toString("utf8")).toBe(script);
    });
});

describe("shellcheck", () => {
    const available = which("shellcheck");
    it.skipIf(!available)("finds nothing in the lifecycle script (install shellcheck from Debian to run this)", () => {
        const rendered = path.join(mkdtempSync(path.join(tmpdir(), "lcc-")), "studio-setup.sh");
        writeFileSync(rendered, renderLifecycleScript(VALUES));
        for (const file of [LIFECYCLE_SCRIPT_PATH, rendered]) {
            const result = spawnSync("shellcheck", ["--shell=bash", "--severity=style", file], { encoding: "utf8" });
            expect(result.stdout + result.stderr).toBe("");
            expect(result.status).toBe(0);
        }
    });
    if (!available) {
        it("is skipped: shellcheck is not installed (apt-get install -y shellcheck)", () => {
            expect(available).toBe(false);
        });
    }
});

/**
 * Runs the rendered script with a fake `aws` command on PATH (it answers SSM and CodeArtifact
 * like the real CLI would) and a scratch HOME, then inspects the files and the output.
 */
function runScript(parameters: Record<string, string>, options: { failToken?: boolean } = {}) {
    const dir = mkdtempSync(path.join(tmpdir(), "lcc-run-"));
    const home = path.join(dir, "home");
    const bin = path.join(dir, "bin");
    execFileSync("mkdir", ["-p", home, bin]);
    const lines = Object.entries(parameters)
        .map(([k, v]) => `/secure-ds/fraud/${k}\t${v}`)
        .join("\n");
    writeFileSync(path.join(dir, "params.txt"), `${lines}\n`);
    writeFileSync(
        path.join(bin, "aws"),
        [
            "#!/bin/bash",
            `echo "$*" >> "${dir}/calls.log"`,
            'case "$1 $2" in',
            `  "ssm get-parameters-by-path") cat "${dir}/params.txt" ;;`,
            `  "codeartifact get-authorization-token") ${options.failToken ? "echo 'AccessDenied' >&2; exit 255" : `printf '%s\\n' '${TOKEN}'`} ;;`,
            '  *) echo "unexpected aws call: $*" >&2; exit 2 ;;',
            "esac",
        ].join("\n"),
    );
    chmodSync(path.join(bin, "aws"), 0o755);
    const scriptFile = path.join(dir, "setup.sh");
    writeFileSync(scriptFile, renderLifecycleScript(VALUES));
    const result = spawnSync("bash", [scriptFile], { encoding: "utf8", env: { PATH: `${bin}:/usr/bin:/bin`, HOME: home } });
    const read = (file: string) => (existsSync(path.join(home, file)) ? readFileSync(path.join(home, file), "utf8") : undefined);
    return { result, home, read, calls: readFileSync(path.join(dir, "calls.log"), "utf8") };
}

describe("lifecycle script behaviour (fake aws CLI)", () => {
    const full = {
        "kms-key-arn": "arn:aws:kms:eu-west-1:111111111111:key/11111111-2222-4333-a444-555555555555",
        "subnet-ids": "subnet-0aaa,subnet-0bbb",
        "security-group-ids": "sg-0jobs",
        "buckets/outputs": "acme-dev-fraud-outputs-111111111111",
        "codeartifact-endpoint": ENDPOINT,
        "vpc-id": "vpc-0123",
    };

    it("configures pip with a private token file and never prints the token", () => {
        const run = runScript(full);
        expect(run.result.status).toBe(0);
        expect(run.result.stdout + run.result.stderr).not.toContain(TOKEN);
        expect(run.read(".config/pip/pip.conf")).toBe(
            `[global]\nindex-url = https://aws:${TOKEN}@acme-packages-222222222222.d.codeartifact.eu-west-1.amazonaws.com/pypi/approved/simple/\n`,
        );
        expect(statSync(path.join(run.home, ".config/pip/pip.conf")).mode & 0o077).toBe(0);
        expect(run.calls).toContain(
            "codeartifact get-authorization-token --region eu-west-1 --endpoint-url https://codeartifact.eu-west-1.amazonaws.com --domain acme-packages --domain-owner 222222222222",
        );
        expect(run.calls).toContain("ssm get-parameters-by-path --path /secure-ds/fraud/ --recursive");
    });

    it("writes SageMaker SDK defaults with the team's subnets, groups and key", () => {
        const config = runScript(full).read(".config/sagemaker/config.yaml")!;
        expect(config).toContain("SchemaVersion: '1.0'");
        expect(config).toContain("DefaultS3Bucket: 'acme-dev-fraud-outputs-111111111111'");
        expect(config).toContain("      SecurityGroupIds: ['sg-0jobs']\n      Subnets: ['subnet-0aaa', 'subnet-0bbb']");
        expect(config).toContain(`VolumeKmsKeyId: '${full["kms-key-arn"]}'`);
        expect(config).toContain("EnableInterContainerTrafficEncryption: true");
    });

    it("keeps conda offline without an internal channel", () => {
        expect(runScript(full).read(".condarc")).toBe("offline: true\nchannels: []\n");
    });

    it("skips what it cannot configure, without failing the app start", () => {
        const run = runScript({ "kms-key-arn": full["kms-key-arn"] });
        expect(run.result.status).toBe(0);
        expect(run.read(".config/pip/pip.conf")).toBeUndefined();
        expect(run.read(".config/sagemaker/config.yaml")).toBeUndefined();
        expect(run.result.stderr).toContain("no usable codeartifact-endpoint parameter");
    });

    it("does not configure pip when the token call fails, and says so", () => {
        const run = runScript(full, { failToken: true });
        expect(run.result.status).toBe(0);
        expect(run.read(".config/pip/pip.conf")).toBeUndefined();
        expect(run.result.stderr).toContain("cannot get a CodeArtifact token");
    });

    it("ignores parameter values with shell or YAML metacharacters", () => {
        const run = runScript({ ...full, "subnet-ids": "subnet-0aaa'] ; x: ['y" });
        expect(run.read(".config/sagemaker/config.yaml")).toBeUndefined();
        expect(run.result.stderr).toContain("parameter subnet-ids has unexpected characters");
    });
});
