/**
 * The pipeline roles of the organisation's per-account stacks (I13): each stack's deploy role,
 * confined to its account and kind, and its read-only preview role, built by
 * components/guardrails/pipelineRolePlan.ts. The plan prints this stack's two (stack output
 * `pipelinePlan`); `npm run pipeline-roles` writes them all for the bootstrap in docs/operations.md.
 */
import { PipelineStack, StackKind, pipelineRoles } from "../components/guardrails";
import { PlatformConfig } from "./config";
import { Layer, layerAccountRole, stackLayers } from "./schema/stack";

const KIND_OF_LAYER: Record<Layer, StackKind> = {
    organization: "management",
    networkHub: "network",
    logArchive: "log-archive",
    sharedServices: "shared-services",
    workload: "workload",
    teams: "team",
};

/**
 * The organisation's per-account stacks, in deployment order, named as this config names them:
 * the upstream stacks by `stack.upstream`, the workload stack `workloadStack`, the management
 * stack `management`, the network stack `network` (when the directory has a network account).
 */
export function pipelineStacks(cfg: PlatformConfig, workloadStack: string): PipelineStack[] {
    const a = cfg.accounts;
    return [
        ...(a.management ? [{ stack: "management", kind: "management" as const, accountId: a.management.accountId }] : []),
        ...(a.network ? [{ stack: cfg.stack.upstream.networkHub ?? "network", kind: "network" as const, accountId: a.network.accountId }] : []),
        { stack: cfg.stack.upstream.logArchive ?? "log-archive", kind: "log-archive" as const, accountId: (a.logArchive ?? a.sharedServices).accountId },
        { stack: cfg.stack.upstream.sharedServices ?? "shared-services", kind: "shared-services" as const, accountId: a.sharedServices.accountId },
        { stack: workloadStack, kind: "workload" as const, accountId: a.workload.accountId },
    ];
}

/** The network account a workload's attachment names, when the directory has one. */
export function hubAccountIds(cfg: PlatformConfig): string[] {
    return cfg.accounts.network ? [cfg.accounts.network.accountId] : [];
}

export interface PipelinePlanOutput {
    /** Why there is no role to print, when there is none. */
    none?: string;
    kind?: StackKind;
    deployRole?: string;
    previewRole?: string;
    sizes?: string;
}

/** This stack's two pipeline roles, for the plan's summary. */
export function pipelinePlan(cfg: PlatformConfig, stack: string): PipelinePlanOutput {
    const layers = stackLayers(cfg);
    const [layer] = layers;
    if (layers.length !== 1 || layer === undefined) {
        return { none: `this stack builds ${layers.length} layers (${layers.join(", ")}) in one account: per-kind pipeline roles are for per-account stacks` };
    }
    const repository = cfg.governance.pipeline?.repository;
    if (!repository) return { none: "set governance.pipeline.repository (owner/repo) to generate this stack's deploy and preview roles" };
    const kind = KIND_OF_LAYER[layer];
    const account = cfg.accounts[layerAccountRole(cfg.accounts, layer)];
    if (!account) return { none: `layer ${layer} has no account configured` };
    const [roles] = pipelineRoles({
        partition: cfg.partition,
        repository,
        protectedBranch: cfg.governance.pipeline?.protectedBranch ?? "main",
        stacks: [{ stack, kind, accountId: account.accountId }],
        hubAccountIds: hubAccountIds(cfg),
    });
    if (!roles) return { none: "no roles" };
    return {
        kind,
        deployRole: roles.deploy.roleArn,
        previewRole: roles.preview.roleArn,
        sizes: `deploy policy ${roles.deploy.policySize}, preview policy ${roles.preview.policySize} of 6,144; trust ${roles.deploy.trustSize} and ${roles.preview.trustSize} of 2,048 characters`,
    };
}
