/**
 * Everything a team's IAM documents need, as plain strings. TeamEnvironment resolves its Outputs
 * into one of these (`pulumi.all(...).apply(...)`) and hands it to the builders in
 * `team*.ts`; tests and the IAM proofs build one by hand. One scope per team: every builder
 * reads only its own team's ARNs, which is what isolates teams at document level.
 */

/** `team` tag value of the resources every team shares; reserved, so no team is billed for them (G6). */
export const PLATFORM_TEAM = "platform";

export type TeamBucketPurpose = "data" | "models" | "outputs";
export type TeamRoleKind = "admin" | "scientist" | "studio" | "space" | "training" | "processing" | "hosting";

export interface TeamDataLakeScope {
    /** ARN of the shared data-lake bucket. */
    bucketArn: string;
    /** ARN of the team's access point (arn:<p>:s3:<region>:<account>:accesspoint/<name>). */
    accessPointArn: string;
    /** The team's prefix in the lake, with trailing slash (`teams/<team>/`). */
    prefix: string;
    /** The lake's customer key. */
    keyArn: string;
}

export interface TeamDocumentScope {
    partition: string;
    region: string;
    /** Workload account of the team. */
    accountId: string;
    /** Account of the package mirror and shared images (CodeArtifact, ECR). */
    sharedServicesAccountId: string;
    team: string;
    /** ARNs of the platform-made team roles. */
    roleArns: Record<TeamRoleKind, string>;
    /** Per-user execution role ARNs by user name (empty unless the team asks for them). */
    userRoleArns: Record<string, string>;
    /** ARN pattern matching every per-user execution role of the team (size-bounded documents use it). */
    userRoleArnPattern: string;
    /** IAM path of the platform-made team roles (`/secure-ds/<org>-<env>/<team>/`). */
    rolePath: string;
    /** IAM path of the roles the team admin may create (`<rolePath>delegated/`). */
    delegatedRolePath: string;
    /** IAM path of the team's managed policies (boundary, guardrails). */
    policyPath: string;
    /** SSM path of the team's parameters, without trailing slash. */
    parameterPath: string;
    /** ARN of the team's permission boundary. */
    boundaryPolicyArn: string;
    /** Bucket ARNs by purpose. */
    bucketArns: Record<TeamBucketPurpose, string>;
    /** The team key. */
    kmsKeyArn: string;
    vpcId: string;
    /** Subnets jobs and models must use (N3). */
    subnetIds: string[];
    /** Security groups jobs and models must use (N3). */
    securityGroupIds: string[];
    /** The S3 gateway endpoint (N10). */
    s3EndpointId: string;
    /** Instance types of jobs and endpoints (G2). */
    jobInstanceTypes: string[];
    /** Instance types of Studio apps and spaces (G2: CPU for long-lived apps). */
    appInstanceTypes: string[];
    /** Longest job (G3). */
    maxJobRuntimeSeconds: number;
    /** Deny jobs and models without container network isolation (N4). */
    networkIsolation: boolean;
    /** Tag keys every SageMaker resource the team creates must carry (G1). */
    mandatoryTagKeys: string[];
    /** Users of the team: `studiouserid` values the human roles accept. */
    users: string[];
    /** Users with role admin: the only ones who may assume the team admin role. */
    adminUsers: string[];
    /** Budget name (the admin may read it). */
    budgetName: string;
    /** Principals exempt from the network rule on the buckets (the deployer: it manages bucket settings from outside the VPC). */
    bucketAdminArns: string[];
    /**
     * Service-linked roles of data-inspection services that read the team's objects to classify
     * them (Amazon Macie, when governance turns it on). Empty otherwise. Their own, AWS-managed
     * policies grant reads only; here they are admitted past the team and network rules and may
     * decrypt through S3.
     */
    dataInspectorArns: string[];
    /** The team's access point on the shared data lake, when the team has one. */
    dataLake?: TeamDataLakeScope;
}

/** The execution roles: assumed by SageMaker, never by people. */
const EXECUTION_ROLE_KINDS = ["studio", "space", "training", "processing", "hosting"] as const satisfies readonly TeamRoleKind[];

/** Roles whose sessions create SageMaker resources on the team's behalf (they pass the job roles). */
export const CREATOR_ROLE_KINDS = ["studio", "space", "admin"] as const satisfies readonly TeamRoleKind[];

export const sagemakerArn = (s: TeamDocumentScope, resource: string) => `arn:${s.partition}:sagemaker:${s.region}:${s.accountId}:${resource}`;

/** Pattern of the roles the team admin creates. */
export const delegatedRoleArnPattern = (s: Pick<TeamDocumentScope, "partition" | "accountId" | "delegatedRolePath">) =>
    `arn:${s.partition}:iam::${s.accountId}:role${s.delegatedRolePath}*`;

/** Roles that SageMaker runs as: passed to jobs, models and Studio (never the human roles). */
export function executionRoleArns(s: Pick<TeamDocumentScope, "roleArns" | "userRoleArns">): string[] {
    return [...EXECUTION_ROLE_KINDS.map((k) => s.roleArns[k]), ...Object.values(s.userRoleArns)];
}

/** The SSM parameters of the team: the path itself (GetParametersByPath) and everything under it. */
export function parameterArns(s: TeamDocumentScope): string[] {
    const base = `arn:${s.partition}:ssm:${s.region}:${s.accountId}:parameter${s.parameterPath}`;
    return [base, `${base}/*`];
}
