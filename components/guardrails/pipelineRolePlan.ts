/**
 * The pipeline's roles of a set of stacks, with their trust and permission documents and sizes:
 * what the plan prints and docs/operations.md creates at bootstrap. One deploy role (trusted by
 * the job of the stack's deployment environment) and one preview role (trusted by pull requests
 * and the protected branch) per stack.
 */
import { documentSize } from "./organization";
import { PolicyDocument } from "./document";
import { githubOidcTrustPolicy } from "./githubOidcTrust";
import { MANAGED_POLICY_MAX_CHARS, PIPELINE_ROLE_PATH, StackKind, deployRolePolicy, previewRolePolicy } from "./pipelineRoles";

/** IAM trust policy limit (AssumeRolePolicySizeQuota default 2,048 characters; IAM User Guide, "IAM and AWS STS quotas"). */
export const TRUST_POLICY_MAX_CHARS = 2048;

export interface PipelineStack {
    /** Stack (and GitHub deployment environment) name, e.g. `management`, `team-fraud`. */
    stack: string;
    kind: StackKind;
    accountId: string;
}

export interface PipelineRolesArgs {
    partition: string;
    /** GitHub `owner/repo`. */
    repository: string;
    /** The protected branch: previews of it, deployments through the environments it alone may deploy to. */
    protectedBranch: string;
    stacks: PipelineStack[];
    /** The network accounts whose transit gateway the workload stacks attach to (their deploy roles may name them for that alone). Default none. */
    hubAccountIds?: string[];
}

export interface PipelineRole {
    roleName: string;
    path: string;
    roleArn: string;
    trust: PolicyDocument;
    policy: PolicyDocument;
    /** Characters of the compact JSON (IAM does not count whitespace; compact JSON has none outside strings). */
    trustSize: number;
    policySize: number;
}

export interface PipelineRoles extends PipelineStack {
    deploy: PipelineRole;
    preview: PipelineRole;
}

function role(partition: string, accountId: string, roleName: string, trust: PolicyDocument, policy: PolicyDocument): PipelineRole {
    const trustSize = documentSize(trust);
    const policySize = documentSize(policy);
    if (policySize > MANAGED_POLICY_MAX_CHARS) {
        throw new Error(
            `pipeline role ${roleName}: its policy is ${policySize} characters, over the ${MANAGED_POLICY_MAX_CHARS}-character managed policy limit.`,
        );
    }
    if (trustSize > TRUST_POLICY_MAX_CHARS) {
        throw new Error(`pipeline role ${roleName}: its trust policy is ${trustSize} characters, over the ${TRUST_POLICY_MAX_CHARS}-character limit.`);
    }
    if (roleName.length > 64) throw new Error(`pipeline role ${roleName}: IAM role names have at most 64 characters.`);
    return {
        roleName,
        path: PIPELINE_ROLE_PATH,
        roleArn: `arn:${partition}:iam::${accountId}:role${PIPELINE_ROLE_PATH}${roleName}`,
        trust,
        policy,
        trustSize,
        policySize,
    };
}

/**
 * The deploy and preview role of each stack. Deploy roles trust only the job that runs in the
 * stack's GitHub environment (`repo:<repo>:environment:<stack>`): the environment's protection
 * rules (deployment branch = the protected branch, required reviewers for management) decide who
 * deploys. Preview roles trust pull requests and the protected branch.
 */
export function pipelineRoles(args: PipelineRolesArgs): PipelineRoles[] {
    const names = args.stacks.map((s) => s.stack);
    const dup = names.find((n, i) => names.indexOf(n) !== i);
    if (dup) throw new Error(`pipelineRoles: stack ${dup} is listed twice.`);
    return args.stacks.map((s) => {
        const base = { partition: args.partition, accountId: s.accountId, repository: args.repository };
        return {
            ...s,
            deploy: role(
                args.partition,
                s.accountId,
                `secure-ds-${s.stack}-deploy`,
                githubOidcTrustPolicy({ ...base, environments: [s.stack] }),
                deployRolePolicy({ kind: s.kind, partition: args.partition, accountId: s.accountId, hubAccountIds: args.hubAccountIds }),
            ),
            preview: role(
                args.partition,
                s.accountId,
                `secure-ds-${s.stack}-preview`,
                githubOidcTrustPolicy({ ...base, branches: [args.protectedBranch], pullRequests: true }),
                previewRolePolicy({ kind: s.kind, partition: args.partition, accountId: s.accountId }),
            ),
        };
    });
}
