/**
 * Prints (and optionally writes) the per-stack pipeline roles of a stack config: each stack's
 * deploy and preview role with its trust policy, permission policy and sizes against the IAM
 * limits. docs/operations.md ("Bootstrap the pipeline roles") creates them from these files.
 *
 *   npm run pipeline-roles -- --stack prod [--repository owner/repo] [--out DIR]
 *
 * The stacks follow the per-account layout (stacks/pipelinePlan.ts): management (when the
 * config has the account), log-archive (the shared-services account until the config names its
 * own), shared-services and the workload stack.
 *
 * Exit codes: 0 printed, 3 usage or other error.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { MANAGED_POLICY_MAX_CHARS, TRUST_POLICY_MAX_CHARS, pipelineRoles, toPolicyJson } from "../components/guardrails";
import { hubAccountIds, pipelineStacks } from "../stacks/pipelinePlan";
import { stackLayers } from "../stacks/schema/stack";
import { readStackConfigFile, stackConfigPath } from "../plan/stackConfig";
import { parsePlatformConfig } from "../stacks/config";
import { parseToolArgs, runTool } from "./cli";

const USAGE = "usage: npm run pipeline-roles -- --stack STACK [--repository owner/repo] [--out DIR]";

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
        // The workload stack is the one given when it builds the workload layer (prod), else the example's name.
        stacks: pipelineStacks(cfg, stackLayers(cfg).includes("workload") ? values.stack : "prod"),
        hubAccountIds: hubAccountIds(cfg),
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
