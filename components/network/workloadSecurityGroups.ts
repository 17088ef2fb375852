/**
 * The security groups the isolated network adds for the resources built on it: one per user
 * profile (N9) and one per team's jobs (N3, E4). Kept apart from IsolatedNetwork so a team stack
 * (stacks/referencedNetwork.ts) adds exactly the same groups to the VPC of its workload base
 * stack, which it knows only by id.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";

/** Ports Studio apps of one user use between themselves (Jupyter server ↔ kernel gateways). */
const APP_PORTS = { from: 8192, to: 65535 };
export const HTTPS = 443;
export const NFS = 2049;

/** SageMaker user profile names: what userSecurityGroup accepts. */
const USER_PROFILE_NAME = /^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}$/;

/** What the groups reference of the network they are added to. */
export interface SecurityGroupNetwork {
    vpcId: pulumi.Input<string>;
    /** The VPC's CIDR block: the EFS mount targets' range (NFS). */
    vpcCidr: pulumi.Input<string>;
    /** The interface endpoints' group (443 from the VPC range). */
    endpointSecurityGroupId: pulumi.Input<string>;
    /** The S3 gateway endpoint's prefix list. */
    s3PrefixListId: pulumi.Input<string>;
}

/**
 * HTTPS from `securityGroupId` to the interface endpoints (whose group admits the VPC range)
 * and to S3 through the gateway endpoint's prefix list.
 */
export function allowHttpsToEndpoints(
    prefix: string,
    securityGroupId: pulumi.Input<string>,
    target: Pick<SecurityGroupNetwork, "endpointSecurityGroupId" | "s3PrefixListId">,
    opts: pulumi.CustomResourceOptions,
): void {
    new aws.vpc.SecurityGroupEgressRule(
        `${prefix}-endpoints-out`,
        {
            securityGroupId,
            ipProtocol: "tcp",
            fromPort: HTTPS,
            toPort: HTTPS,
            referencedSecurityGroupId: target.endpointSecurityGroupId,
            description: "HTTPS to the interface VPC endpoints",
        },
        opts,
    );
    new aws.vpc.SecurityGroupEgressRule(
        `${prefix}-s3-out`,
        {
            securityGroupId,
            ipProtocol: "tcp",
            fromPort: HTTPS,
            toPort: HTTPS,
            prefixListId: target.s3PrefixListId,
            description: "HTTPS to S3 through the gateway endpoint",
        },
        opts,
    );
}

/** The per-user and per-team groups of one network; each user and each team gets exactly one. */
export class WorkloadSecurityGroups {
    private readonly userGroups = new Map<string, pulumi.Output<string>>();
    private readonly jobGroups = new Map<string, pulumi.Output<string>>();

    /**
     * `owner`: who is asked for the groups, for error messages; `prefix`: the network's component
     * name, which starts every group's resource name (the same in a base and its team stacks).
     */
    constructor(
        private readonly owner: string,
        private readonly prefix: string,
        private readonly network: SecurityGroupNetwork,
    ) {}

    /**
     * The security group of one user profile (N9: one shared self-referencing group would let users reach each other's apps): the user's apps reach each other on
     * 8192-65535 (self-referencing), EFS on 2049, the endpoints and S3 on 443, and nothing else; no
     * other user's group is admitted. The endpoints' group admits the VPC range on 443 (Studio's apps call every endpoint on 443), so
     * adding a user never touches a shared group. Everything
     * a profile needs is in its own group, so it works even where only this group is attached
     * (without it lifecycle scripts hang on their first AWS call). Call once per user profile; the rules are children of `parent`.
     */
    user(userName: string, parent: pulumi.Resource): pulumi.Output<string> {
        if (!USER_PROFILE_NAME.test(userName)) {
            throw new Error(
                `${this.owner}: userSecurityGroup("${userName}") is not a SageMaker user profile name (letters, digits and hyphens, up to 63 characters).`,
            );
        }
        if (this.userGroups.has(userName)) {
            throw new Error(`${this.owner}: userSecurityGroup("${userName}") was already called; each user profile gets exactly one security group.`);
        }
        const name = `${this.prefix}-user-${userName}`;
        const opts = { parent };
        const group = new aws.ec2.SecurityGroup(
            `${name}-sg`,
            {
                vpcId: this.network.vpcId,
                description: `Studio apps of user profile ${userName}: reachable only from apps of the same user (N9)`,
                revokeRulesOnDelete: true,
                tags: { Name: `${name}`, "secure-ds:user-profile": userName },
            },
            opts,
        );
        selfRules(name, group.id, { ipProtocol: "tcp", fromPort: APP_PORTS.from, toPort: APP_PORTS.to, description: "Between the apps of this user" }, opts);
        new aws.vpc.SecurityGroupEgressRule(
            `${name}-nfs-out`,
            {
                securityGroupId: group.id,
                ipProtocol: "tcp",
                fromPort: NFS,
                toPort: NFS,
                cidrIpv4: this.network.vpcCidr,
                description: "NFS to the EFS mount targets of the domain",
            },
            opts,
        );
        allowHttpsToEndpoints(name, group.id, this.network, opts);
        this.userGroups.set(userName, group.id);
        return group.id;
    }

    /**
     * The security group of one team's jobs. SageMaker's distributed training needs every port
     * between the instances of a job, and inter-container traffic encryption adds IPsec (UDP 500 and
     * ESP), so the group admits all traffic from itself, and from nothing else. Call once per team;
     * the rules are children of `parent`.
     */
    jobs(teamName: string, parent: pulumi.Resource): pulumi.Output<string> {
        if (!USER_PROFILE_NAME.test(teamName)) {
            throw new Error(`${this.owner}: jobSecurityGroup("${teamName}") is not a valid team name (letters, digits and hyphens).`);
        }
        if (this.jobGroups.has(teamName)) {
            throw new Error(`${this.owner}: jobSecurityGroup("${teamName}") was already called; each team gets exactly one job security group.`);
        }
        const name = `${this.prefix}-jobs-${teamName}`;
        const opts = { parent };
        const group = new aws.ec2.SecurityGroup(
            `${name}-sg`,
            {
                vpcId: this.network.vpcId,
                description: `SageMaker jobs of team ${teamName}: instances of the jobs of the team reach each other only (N3, E4)`,
                revokeRulesOnDelete: true,
                tags: { Name: name, "secure-ds:jobs-of-team": teamName },
            },
            opts,
        );
        selfRules(name, group.id, { ipProtocol: "-1", description: "Between the instances of the jobs of this team (distributed training, IPsec)" }, opts);
        allowHttpsToEndpoints(name, group.id, this.network, opts);
        this.jobGroups.set(teamName, group.id);
        return group.id;
    }
}

/** The same traffic admitted into and out of a group from itself only (`<name>-self-in`, `<name>-self-out`). */
function selfRules(
    name: string,
    groupId: pulumi.Output<string>,
    rule: { ipProtocol: string; fromPort?: number; toPort?: number; description: string },
    opts: pulumi.CustomResourceOptions,
): void {
    const args = { ...rule, securityGroupId: groupId, referencedSecurityGroupId: groupId };
    new aws.vpc.SecurityGroupIngressRule(`${name}-self-in`, args, opts);
    new aws.vpc.SecurityGroupEgressRule(`${name}-self-out`, args, opts);
}
