/**
 * Physical names and ARNs of the scan pipeline, computed from config before anything exists:
 * roles trust their project by ARN, and the key, bucket and topic policies name the roles, rules
 * and buckets. Pure. The length checks of bucketName and iamRoleName run here, so a name that does
 * not fit fails before the first resource is registered.
 */
import { AccountContext } from "../guardrails/arns";
import { NamingContext, bucketName, iamRoleName, namePrefix } from "../naming";
import { toolchainRepositoryName } from "./toolchainImage";

export const SCAN_STAGES = ["scan", "decide", "publish"] as const;
export type ScanStage = (typeof SCAN_STAGES)[number];
/** The pipeline's own role and one role per CodeBuild stage. */
export type ScanPipelineRole = "pipeline" | ScanStage | "signatures";
/** Pipeline execution states that are e-mailed. */
export const NOTIFIED_STATES = ["FAILED", "SUCCEEDED"] as const;
export type NotifiedState = (typeof NOTIFIED_STATES)[number];

export interface ScanPipelineNames {
    /** `<org>-<env>`. */
    prefix: string;
    roles: Record<ScanPipelineRole | "start" | "flowLogs" | "signaturesStart", string>;
    buckets: Record<"artifacts" | "reports" | "requests" | "signatures", string>;
    /** The ClamAV signature mirror's updater: project, its ARN, log group and schedule rule. */
    signatures: { project: string; projectArn: string; logGroup: string; scheduleRule: string };
    /** ECR repository of the gate's toolchain image, and its ARN. */
    toolchainRepository: string;
    toolchainRepositoryArn: string;
    projects: Record<ScanStage, string>;
    projectArns: Record<ScanStage, string>;
    /** CloudWatch log group of each CodeBuild project. */
    logGroups: Record<ScanStage, string>;
    pipeline: string;
    pipelineArn: string;
    /** EventBridge rules that e-mail the outcome of a run. */
    notificationRules: Record<NotifiedState, string>;
    notificationRuleArns: Record<NotifiedState, string>;
}

export function scanPipelineNames(account: AccountContext, naming: NamingContext): ScanPipelineNames {
    const prefix = namePrefix(naming);
    const arn = (service: string, resource: string) => `arn:${account.partition}:${service}:${account.region}:${account.accountId}:${resource}`;
    const perStage = <T>(f: (stage: ScanStage) => T) => Object.fromEntries(SCAN_STAGES.map((s) => [s, f(s)])) as Record<ScanStage, T>;
    const perState = <T>(f: (state: NotifiedState) => T) => Object.fromEntries(NOTIFIED_STATES.map((s) => [s, f(s)])) as Record<NotifiedState, T>;
    const projects = perStage((stage) => `${prefix}-package-${stage}`);
    const notificationRules = perState((state) => `${prefix}-package-pipeline-${state.toLowerCase()}`);
    const pipeline = `${prefix}-package-scan`;
    const signaturesProject = `${prefix}-package-signatures`;
    const toolchainRepository = toolchainRepositoryName(prefix);
    return {
        prefix,
        roles: {
            pipeline: iamRoleName(naming, "pkg-pipeline"),
            scan: iamRoleName(naming, "pkg-scan"),
            decide: iamRoleName(naming, "pkg-decide"),
            publish: iamRoleName(naming, "pkg-publish"),
            start: iamRoleName(naming, "pkg-start"),
            flowLogs: iamRoleName(naming, "pkg-scan-flowlogs"),
            signatures: iamRoleName(naming, "pkg-signatures"),
            signaturesStart: iamRoleName(naming, "pkg-signatures-start"),
        },
        buckets: {
            artifacts: bucketName(naming, "pkg-artifacts", account.accountId),
            reports: bucketName(naming, "pkg-reports", account.accountId),
            requests: bucketName(naming, "pkg-requests", account.accountId),
            signatures: bucketName(naming, "pkg-clamav", account.accountId),
        },
        signatures: {
            project: signaturesProject,
            projectArn: arn("codebuild", `project/${signaturesProject}`),
            logGroup: `/secure-ds/${prefix}/codebuild/package-signatures`,
            scheduleRule: `${prefix}-package-signatures-update`,
        },
        toolchainRepository,
        toolchainRepositoryArn: arn("ecr", `repository/${toolchainRepository}`),
        projects,
        projectArns: perStage((stage) => arn("codebuild", `project/${projects[stage]}`)),
        logGroups: perStage((stage) => `/secure-ds/${prefix}/codebuild/package-${stage}`),
        pipeline,
        pipelineArn: arn("codepipeline", pipeline),
        notificationRules,
        notificationRuleArns: perState((state) => arn("events", `rule/${notificationRules[state]}`)),
    };
}
