/**
 * Prints (and optionally writes) the per-stack pipeline roles of a stack config: each stack's
 * deploy and preview role with its trust policy, permission policy and sizes against the IAM
 * limits. docs/operations.md ("Bootstrap the pipeline roles") creates them from these files.
 *
 *   npm run pipeline-roles -- --stack prod [--repository owner/repo] [--out DIR]
 *
 * The stacks follow the per-account layout: management (when the config has the account),
 * log-archive (the shared-services account until the config names its own), shared-services,
 * workload, and one team stack per team in the workload account.
 *
 * Exit codes: 0 printed, 3 usage or other error.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { MANAGED_POLICY_MAX_CHARS, PipelineStack, TRUST_POLICY_MAX_CHARS, pipelineRoles, toPolicyJson } from "../components/guardrails";
import { readStackConfigFile, stackConfigPath } from "../plan/stackConfig";
import { PlatformConfig, parsePlatformConfig } from "../stacks/config";
import { parseToolArgs, runTool } from "./cli";

const USAGE = "usage: npm run pipeline-roles -- --stack STACK [--repository owner/repo] [--out DIR]";

/** The per-account stacks of a platform config, in deployment order. */
export function pipelineStacks(cfg: PlatformConfig): PipelineStack[] {
    const a = cfg.accounts;
    return [
        ...(a.management ? [{ stack: "management", kind: "management" as const, accountId: a.management.accountId }] : []),
        { stack: "log-archive", kind: "log-archive" as const, accountId: a.sharedServices.accountId },
        { stack: "shared-services", kind: "shared-services" as const, accountId: a.sharedServices.accountId },
        { stack: "workload", kind: "workload" as const, accountId: a.workload.accountId },
        ...cfg.teams.map((t) => ({ stack: `team-${t.name}`, kind: "team" as const, accountId: a.workload.accountId })),
    ];
}

async function main(argv: string[]): Promise<number> {
    const values = parseToolArgs(argv, { stack: { type: "string" }, repository: { type: "string" }, out: { type: "string" } }, USAGE);
    if (typeof values === "number") return values;
    if (!values.stack) {
        console.error(`--stack is required\n${USAGE}`);
        return 3;
    }
    const raw = readStackConfigFile(stackConfigPath(values.stack));
    const cfg = parsePlatformConfig(raw["secure-ds:platform"]);
    const repository = values.repository ?? cfg.governance.pipeline?.repository;
    if (!repository) {
        console.error(`stack ${values.stack} has no governance.pipeline.repository; pass --repository owner/repo\n${USAGE}`);
        return 3;
    }
    const roles = pipelineRoles({
        partition: cfg.partition,
        repository,
        protectedBranch: cfg.governance.pipeline?.protectedBranch ?? "main",
        stacks: pipelineStacks(cfg),
    });
    for (const r of roles) {
        for (const [use, role] of [
            ["deploy", r.deploy],
            ["preview", r.preview],
        ] as const) {
            console.log(
                `${r.stack} ${use}: ${role.roleArn}  policy ${role.policySize}/${MANAGED_POLICY_MAX_CHARS}  trust ${role.trustSize}/${TRUST_POLICY_MAX_CHARS}`,
            );
            if (values.out) {
                fs.mkdirSync(values.out, { recursive: true });
                fs.writeFileSync(path.join(values.out, `${role.roleName}.trust.json`), `${toPolicyJson(role.trust)}\n`);
                fs.writeFileSync(path.join(values.out, `${role.roleName}.policy.json`), `${toPolicyJson(role.policy)}\n`);
            }
        }
    }
    return 0;
}

runTool(main);
