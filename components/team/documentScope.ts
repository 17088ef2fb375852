/**
 * The team's document scope (guardrails/teamScope.ts): every ARN and setting the team's IAM
 * documents name. The ARNs come from names.ts before anything exists; the network ids and the
 * key ARN once they resolve. Pure.
 */
import { AccountContext, roleArn } from "../guardrails/arns";
import { TeamDocumentScope } from "../guardrails/teamScope";
import { NamingContext } from "../naming";
import { ResolvedTeam } from "./defaults";
import { TEAM_BUCKET_PURPOSES, TEAM_ROLE_KINDS, TeamBucketPurpose, TeamNames, TeamRoleKind, userRoleName } from "./names";

/** ARNs of the team's roles, buckets and data-lake access point, by name. */
export interface TeamArns {
    roleArns: Record<TeamRoleKind, string>;
    /** Per-user execution roles by user name (empty without perUserExecutionRoles). */
    userRoleArns: Record<string, string>;
    bucketArns: Record<TeamBucketPurpose, string>;
    accessPointArn: string;
}

export function teamArns(account: AccountContext, naming: NamingContext, team: ResolvedTeam, names: TeamNames, perUserRoleUsers: string[]): TeamArns {
    const { partition, region, accountId } = account;
    return {
        roleArns: Object.fromEntries(TEAM_ROLE_KINDS.map((k) => [k, roleArn(account, names.roles[k], names.rolePath)])) as Record<TeamRoleKind, string>,
        userRoleArns: Object.fromEntries(perUserRoleUsers.map((u) => [u, roleArn(account, userRoleName(naming, team.name, u), names.rolePath)])),
        bucketArns: Object.fromEntries(TEAM_BUCKET_PURPOSES.map((p) => [p, `arn:${partition}:s3:::${names.buckets[p]}`])) as Record<TeamBucketPurpose, string>,
        accessPointArn: `arn:${partition}:s3:${region}:${accountId}:accesspoint/${names.dataLakeAccessPoint}`,
    };
}

/** The team's settings the documents name, with TeamEnvironment's defaults applied. */
export interface TeamScopeSettings {
    sharedServicesAccountId: string;
    appInstanceTypes: string[];
    mandatoryTagKeys: string[];
    bucketAdministrators: string[];
    dataInspectorArns: string[];
    /** Users who may assume the team admin role. */
    adminUsers: string[];
}

/** What is known only once the network and the team key resolve. */
export interface ResolvedScopeInputs {
    kmsKeyArn: string;
    vpcId: string;
    subnetIds: string[];
    securityGroupIds: string[];
    s3EndpointId: string;
    dataLakeBucketArn?: string;
    dataLakeKeyArn?: string;
}

export function teamDocumentScope(
    account: AccountContext,
    team: ResolvedTeam,
    names: TeamNames,
    arns: TeamArns,
    settings: TeamScopeSettings,
    r: ResolvedScopeInputs,
): TeamDocumentScope {
    const { partition, region, accountId } = account;
    return {
        partition,
        region,
        accountId,
        sharedServicesAccountId: settings.sharedServicesAccountId,
        team: team.name,
        roleArns: arns.roleArns,
        userRoleArns: arns.userRoleArns,
        userRoleArnPattern: `arn:${partition}:iam::${accountId}:role${names.rolePath}${names.userRolePrefix}*`,
        rolePath: names.rolePath,
        delegatedRolePath: names.delegatedRolePath,
        policyPath: names.policyPath,
        parameterPath: names.parameterPath,
        boundaryPolicyArn: `arn:${partition}:iam::${accountId}:policy${names.policyPath}${names.boundaryPolicy}`,
        bucketArns: arns.bucketArns,
        kmsKeyArn: r.kmsKeyArn,
        vpcId: r.vpcId,
        subnetIds: r.subnetIds,
        securityGroupIds: r.securityGroupIds,
        s3EndpointId: r.s3EndpointId,
        jobInstanceTypes: team.jobInstanceTypes ?? settings.appInstanceTypes,
        appInstanceTypes: settings.appInstanceTypes,
        maxJobRuntimeSeconds: Math.round(team.maxJobRuntimeHours * 3600),
        networkIsolation: team.networkIsolation,
        mandatoryTagKeys: settings.mandatoryTagKeys,
        users: team.users.map((u) => u.name),
        adminUsers: settings.adminUsers,
        budgetName: names.budget,
        bucketAdminArns: settings.bucketAdministrators,
        dataInspectorArns: settings.dataInspectorArns,
        ...(team.dataLake && r.dataLakeBucketArn && r.dataLakeKeyArn
            ? { dataLake: { bucketArn: r.dataLakeBucketArn, keyArn: r.dataLakeKeyArn, accessPointArn: arns.accessPointArn, prefix: names.dataLakePrefix } }
            : {}),
    };
}
