/** Fakes of the network and team contracts, and a runner for Studio components under the mock engine. */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { SecureStudioDomain, SecureStudioDomainArgs, StudioNetwork } from "../../components/studio/SecureStudioDomain";
import { TeamStudioBinding } from "../../components/team/types";
import { UserConfig } from "../../stacks/schema/teams";
import { RunResult, runWithMocks } from "../../plan/engine";
import { PlanResource } from "../../plan/types";

export const ACCOUNT = { partition: "aws", region: "eu-west-1", accountId: "111111111111" };
export const NAMING = { organization: "acme", environment: "dev" };
export const ADMIN = "arn:aws:iam::111111111111:role/secure-ds-deployer";
/** Key administrators as config gives them: the deployer and the break-glass role. */
export const KEY_ADMINS = [ADMIN, "arn:aws:iam::111111111111:role/secure-ds-key-break-glass"];
export const TEAM_KEY = "arn:aws:kms:eu-west-1:111111111111:key/11111111-2222-4333-a444-555555555555";
export const STUDIO_ENDPOINT = "vpce-0studio000000000";
export const API_ENDPOINT = "vpce-0api00000000000";

/** A network whose per-user factory creates one real security group per user, as IsolatedNetwork does. */
/**
 * A network whose per-user factory creates one real security group per user. A class with state,
 * like IsolatedNetwork: calling the factory detached from its object fails, as it does there.
 */
class FakeNetwork {
    vpcId = pulumi.output("vpc-0123456789abcdef0");
    subnetIds = [pulumi.output("subnet-0aaaaaaaaaaaaaaaa"), pulumi.output("subnet-0bbbbbbbbbbbbbbbb")];
    domainSecurityGroupId = pulumi.output("sg-0domain0000000000");
    interfaceEndpointIds: Record<string, pulumi.Output<string>> = { studio: pulumi.output(STUDIO_ENDPOINT), "sagemaker.api": pulumi.output(API_ENDPOINT) };
    private readonly made = new Set<string>();
    userSecurityGroup(userName: string, parent: pulumi.Resource): pulumi.Output<string> {
        if (this.made.has(userName)) throw new Error(`userSecurityGroup(${userName}) called twice`);
        this.made.add(userName);
        return new aws.ec2.SecurityGroup(`user-${userName}`, { vpcId: "vpc-0123456789abcdef0", description: `Studio user ${userName}` }, { parent }).id;
    }
}

export function fakeNetwork(overrides: Partial<StudioNetwork> = {}): StudioNetwork {
    return Object.assign(new FakeNetwork(), overrides);
}

export function fakeTeam(users: UserConfig[], overrides: Partial<TeamStudioBinding> = {}): TeamStudioBinding {
    return {
        teamName: "fraud",
        users,
        studioExecutionRoleArn: pulumi.output("arn:aws:iam::111111111111:role/secure-ds/fraud/acme-dev-fraud-studio"),
        userExecutionRoleArns: {},
        spaceExecutionRoleArn: pulumi.output("arn:aws:iam::111111111111:role/secure-ds/fraud/acme-dev-fraud-space"),
        dataScientistRoleName: pulumi.output("acme-dev-fraud-scientist"),
        teamAdminRoleName: pulumi.output("acme-dev-fraud-admin"),
        kmsKeyArn: pulumi.output(TEAM_KEY),
        bucketNames: {
            data: pulumi.output("acme-dev-fraud-data-111111111111"),
            models: pulumi.output("acme-dev-fraud-models-111111111111"),
            outputs: pulumi.output("acme-dev-fraud-outputs-111111111111"),
        },
        parameterPath: "/secure-ds/fraud/",
        ...overrides,
    };
}

export const USERS: UserConfig[] = [
    { name: "alice", role: "admin", email: "alice@example.com" },
    { name: "bob", role: "scientist" },
];

export function domainArgs(overrides: Partial<SecureStudioDomainArgs> = {}): SecureStudioDomainArgs {
    return {
        naming: NAMING,
        account: ACCOUNT,
        team: fakeTeam(USERS),
        network: fakeNetwork(),
        keyAdministrators: KEY_ADMINS,
        ...overrides,
    };
}

/** Runs a program that builds Studio components; returns the recorded resources. */
export function runStudio(program: () => unknown): Promise<RunResult> {
    return runWithMocks({ stack: "test", config: {}, program });
}

export function runDomain(args: SecureStudioDomainArgs = domainArgs()): Promise<RunResult> {
    return runStudio(() => {
        new SecureStudioDomain("fraud", args);
    });
}

export function ofType(resources: PlanResource[], type: string): PlanResource[] {
    return resources.filter((r) => r.type === type);
}

export function one(resources: PlanResource[], type: string): PlanResource {
    const found = ofType(resources, type);
    if (found.length !== 1) throw new Error(`expected exactly one ${type}, found ${found.length}`);
    return found[0];
}

/** Nested input value by dotted path. */
export function at(value: unknown, path: string): unknown {
    return path.split(".").reduce<unknown>((v, key) => (v !== null && typeof v === "object" ? (v as Record<string, unknown>)[key] : undefined), value);
}
