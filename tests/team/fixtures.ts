/** Hand-built team scopes and a fake network for the team tests. */
import * as pulumi from "@pulumi/pulumi";
import { TeamDocumentScope } from "../../components/guardrails/teamScope";
import { NetworkContext } from "../../components/network/types";
import { TEAM_BUCKET_PURPOSES, TEAM_ROLE_KINDS, teamNames } from "../../components/team/names";
import { TeamConfig } from "../../stacks/schema/teams";

export const ACCOUNT = "111111111111";
export const SHARED = "222222222222";
export const REGION = "eu-west-1";
export const NAMING = { organization: "acme", environment: "dev" };
export const DEPLOYER = `arn:aws:iam::${ACCOUNT}:role/secure-ds-deployer`;
export const BREAK_GLASS = `arn:aws:iam::${ACCOUNT}:role/secure-ds-key-break-glass`;
/** Key administrators as config gives them: the deployer and the break-glass role. */
export const KEY_ADMINS = [DEPLOYER, BREAK_GLASS];
export const SUBNETS = ["subnet-aaaaaaaaaaaaaaaaa", "subnet-bbbbbbbbbbbbbbbbb"];
export const SG = "sg-ddddddddddddddddd";
export const VPC = "vpc-0123456789abcdef0";
export const S3_ENDPOINT = "vpce-0s3s3s3s3s3s3s3s3";
export const KMS_ENDPOINT = "vpce-0kmskmskmskmskms1";

export function keyArnOf(team: string): string {
    return `arn:aws:kms:${REGION}:${ACCOUNT}:key/${team.padEnd(8, "0").slice(0, 8)}-1111-4111-a111-111111111111`;
}

/** The document scope of a team as TeamEnvironment builds it, with plain strings. */
export function scopeFor(team: string, options: Partial<TeamDocumentScope> = {}): TeamDocumentScope {
    const names = teamNames(NAMING, team, ACCOUNT);
    return {
        partition: "aws",
        region: REGION,
        accountId: ACCOUNT,
        sharedServicesAccountId: SHARED,
        team,
        roleArns: Object.fromEntries(
            TEAM_ROLE_KINDS.map((k) => [k, `arn:aws:iam::${ACCOUNT}:role${names.rolePath}${names.roles[k]}`]),
        ) as TeamDocumentScope["roleArns"],
        userRoleArns: {},
        userRoleArnPattern: `arn:aws:iam::${ACCOUNT}:role${names.rolePath}${names.userRolePrefix}*`,
        rolePath: names.rolePath,
        delegatedRolePath: names.delegatedRolePath,
        policyPath: names.policyPath,
        parameterPath: names.parameterPath,
        boundaryPolicyArn: `arn:aws:iam::${ACCOUNT}:policy${names.policyPath}${names.boundaryPolicy}`,
        bucketArns: Object.fromEntries(TEAM_BUCKET_PURPOSES.map((p) => [p, `arn:aws:s3:::${names.buckets[p]}`])) as TeamDocumentScope["bucketArns"],
        kmsKeyArn: keyArnOf(team),
        vpcId: VPC,
        subnetIds: SUBNETS,
        securityGroupIds: [SG],
        s3EndpointId: S3_ENDPOINT,
        jobInstanceTypes: ["ml.m5.xlarge", "ml.g5.xlarge"],
        appInstanceTypes: ["ml.t3.medium", "ml.m5.large"],
        maxJobRuntimeSeconds: 86400,
        networkIsolation: false,
        mandatoryTagKeys: ["team", "environment", "owner", "cost-center"],
        users: ["alice", "bob"],
        adminUsers: ["alice"],
        budgetName: names.budget,
        bucketAdminArns: [DEPLOYER],
        dataInspectorArns: [],
        ...options,
    };
}

export function teamConfig(name: string, overrides: Partial<TeamConfig> = {}): TeamConfig {
    return {
        name,
        monthlyBudgetUsd: 1000,
        budgetAlertEmails: [`${name}-leads@example.com`],
        budgetAlerts: [
            { percent: 80, type: "ACTUAL" },
            { percent: 100, type: "FORECASTED" },
        ],
        federation: { samlProviderArn: `arn:aws:iam::${ACCOUNT}:saml-provider/corp-idp`, requireMfaForAdmin: true },
        perUserExecutionRoles: false,
        networkIsolation: false,
        maxJobRuntimeHours: 24,
        dataLake: false,
        users: [
            { name: `${name}-alice`, role: "admin" },
            { name: `${name}-bob`, role: "scientist" },
        ],
        ...overrides,
    };
}

/** A NetworkContext from plain values; `userSecurityGroup` only returns an id. */
export function fakeNetwork(): NetworkContext {
    return {
        vpcId: pulumi.output(VPC),
        vpcCidr: "10.20.0.0/16",
        subnetIds: SUBNETS.map((s) => pulumi.output(s)),
        s3EndpointId: pulumi.output(S3_ENDPOINT),
        interfaceEndpointIds: { kms: pulumi.output(KMS_ENDPOINT), "sagemaker.api": pulumi.output("vpce-0sagemakerapi00001") },
        endpointSecurityGroupId: pulumi.output("sg-eeeeeeeeeeeeeeeee"),
        domainSecurityGroupId: pulumi.output(SG),
        userSecurityGroup: (userName: string) => pulumi.output(`sg-user-${userName}`),
    };
}
