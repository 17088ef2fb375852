import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { AccountContext } from "../guardrails/arns";
import { PolicyDocument, toPolicyJson } from "../guardrails/document";
import { EndpointPrincipalScope, codeArtifactEndpointPolicy, platformPrincipalsEndpointPolicy, s3GatewayEndpointPolicy } from "../guardrails/endpoints";
import { NamingContext, iamRoleName, namePrefix } from "../naming";
import { NETWORK_ISOLATION_TAG } from "../tags";
import { CapacityPlan, MIN_SUBNET_PREFIX, SubnetLayout, layoutSubnets } from "./capacityPlanner";
import {
    CODEARTIFACT_ASSETS_BUCKETS,
    DEFAULT_INTERFACE_ENDPOINTS,
    InterfaceEndpointSpec,
    SERVICE_KEY_PATTERN,
    ecrLayerBucket,
    endpointResourceSuffix,
    endpointServiceName,
    requiredEndpointKeys,
} from "./endpointCatalog";
import { ISOLATED_NETWORK_DEFAULTS } from "./defaults";
import { NetworkContext } from "./types";
import { VpcFlowLogs } from "./VpcFlowLogs";

/** Ports Studio apps of one user use between themselves (Jupyter server ↔ kernel gateways). */
const APP_PORTS = { from: 8192, to: 65535 };
const HTTPS = 443;
const NFS = 2049;

/** SageMaker user profile names: what userSecurityGroup accepts. */
const USER_PROFILE_NAME = /^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}$/;

export interface IsolatedNetworkArgs {
    /** IPv4 block of the VPC, e.g. 10.20.0.0/16. Required. */
    cidr: string;
    /** Availability zone names (from config): one isolated subnet each, at least 2. Required. */
    availabilityZones: string[];
    /** Partition, region and account of the VPC. Required. */
    account: AccountContext;
    /** Organisation and environment: names, and the platform bucket prefix of the S3 endpoint policy. Required. */
    naming: NamingContext;
    /** Subnet prefix length. Default: the largest equal split of `cidr` into one subnet per AZ. */
    subnetPrefixLength?: number;
    /**
     * Interface endpoints by short name (endpointCatalog.ts). Default: every default endpoint.
     * Required ones (sts, logs, sagemaker.api, ssm, codeartifact.*) cannot be left out.
     */
    interfaceEndpoints?: string[];
    /** Whose principals may use the endpoints: the platform's accounts or its organisation. Required. */
    principalScope: EndpointPrincipalScope;
    /** More buckets readable through the S3 gateway endpoint. Default none. */
    s3ExtraReadBuckets?: string[];
    /** CodeArtifact's asset bucket of the region. Default: the documented bucket of `account.region`. */
    codeArtifactAssetsBucket?: string;
    /** Customer KMS key of the flow-log group (E8). Required: flow logs are always on (G5). */
    flowLogsKmsKeyArn: pulumi.Input<string>;
    /** Days flow logs are kept. Default 365. */
    flowLogRetentionDays?: number;
    /** When given, the subnets must hold `capacity.ipsPerSubnet` or the component refuses to build. Default: none. */
    capacity?: CapacityPlan;
}

/**
 * The data-science VPC: no internet gateway, egress-only gateway, NAT or peering, no default
 * route; AWS services only through VPC endpoints with scoped policies (N6, N7); one security group
 * per user profile (N9); flow logs of all traffic (G5). Built from aws.ec2 resources because
 * awsx.ec2.Vpc always creates an internet gateway.
 */
export class IsolatedNetwork extends pulumi.ComponentResource implements NetworkContext {
    readonly vpc: aws.ec2.Vpc;
    readonly vpcId: pulumi.Output<string>;
    readonly vpcCidr: string;
    readonly layout: SubnetLayout;
    readonly subnets: aws.ec2.Subnet[];
    readonly subnetIds: pulumi.Output<string>[];
    readonly routeTables: aws.ec2.RouteTable[];
    readonly routeTableIds: pulumi.Output<string>[];
    readonly s3Endpoint: aws.ec2.VpcEndpoint;
    readonly s3EndpointId: pulumi.Output<string>;
    /** Prefix list of the S3 gateway endpoint: egress to S3 is allowed to it, never to 0.0.0.0/0. */
    readonly s3PrefixListId: pulumi.Output<string>;
    readonly interfaceEndpoints: Record<string, aws.ec2.VpcEndpoint>;
    readonly interfaceEndpointIds: Record<string, pulumi.Output<string>>;
    readonly endpointSecurityGroup: aws.ec2.SecurityGroup;
    readonly endpointSecurityGroupId: pulumi.Output<string>;
    readonly domainSecurityGroup: aws.ec2.SecurityGroup;
    readonly domainSecurityGroupId: pulumi.Output<string>;
    readonly flowLogs: VpcFlowLogs;
    /** The endpoint policies as typed documents, by endpoint key ("s3" for the gateway), for tests and IAM proofs. */
    readonly endpointPolicies: Record<string, PolicyDocument>;

    private readonly componentName: string;
    private readonly userGroups = new Map<string, pulumi.Output<string>>();
    private readonly jobGroups = new Map<string, pulumi.Output<string>>();

    constructor(name: string, args: IsolatedNetworkArgs, opts?: pulumi.ComponentResourceOptions) {
        super("secure-ds:network:IsolatedNetwork", name, {}, opts);
        const { partition, region } = args.account;
        const endpointKeys = args.interfaceEndpoints ?? ISOLATED_NETWORK_DEFAULTS.interfaceEndpoints;
        const assetsBucket = args.codeArtifactAssetsBucket ?? CODEARTIFACT_ASSETS_BUCKETS[region];
        const retentionDays = args.flowLogRetentionDays ?? ISOLATED_NETWORK_DEFAULTS.flowLogRetentionDays;

        // Validation first: a bad argument registers nothing.
        if (args.availabilityZones.length < 2) {
            throw new Error(
                `IsolatedNetwork ${name}: availabilityZones has ${args.availabilityZones.length} zone(s); SageMaker Studio in VpcOnly mode needs subnets in at least 2. Add a zone.`,
            );
        }
        if (new Set(args.availabilityZones).size !== args.availabilityZones.length) {
            throw new Error(`IsolatedNetwork ${name}: availabilityZones lists a zone twice (${args.availabilityZones.join(", ")}); list each zone once.`);
        }
        let layout: SubnetLayout;
        try {
            layout = layoutSubnets(args.cidr, args.availabilityZones.length, args.subnetPrefixLength);
        } catch (err) {
            throw new Error(
                `IsolatedNetwork ${name}: cidr ${args.cidr} cannot be split into ${args.availabilityZones.length} subnets (${(err as Error).message}). Use a larger cidr or a longer subnetPrefixLength.`,
            );
        }
        if (args.capacity && layout.usableIpsPerSubnet < args.capacity.ipsPerSubnet) {
            throw new Error(
                `IsolatedNetwork ${name}: subnets of /${layout.subnetPrefixLength} hold ${layout.usableIpsPerSubnet} usable IPs, but the capacity plan needs ${args.capacity.ipsPerSubnet} per subnet; use subnets of at least /${args.capacity.recommendedSubnetPrefixLength ?? MIN_SUBNET_PREFIX}.`,
            );
        }
        const missing = requiredEndpointKeys().filter((k) => !endpointKeys.includes(k));
        if (missing.length > 0) {
            const why = missing.map((k) => `${k} (${DEFAULT_INTERFACE_ENDPOINTS.find((e) => e.key === k)?.requiredBecause})`).join("; ");
            throw new Error(`IsolatedNetwork ${name}: interfaceEndpoints leaves out required endpoints: ${why}. Add them back.`);
        }
        const badKeys = endpointKeys.filter((k) => !SERVICE_KEY_PATTERN.test(k) || k === "s3");
        if (badKeys.length > 0 || new Set(endpointKeys).size !== endpointKeys.length) {
            throw new Error(
                `IsolatedNetwork ${name}: interfaceEndpoints must be distinct service short names other than s3 (the gateway serves S3); check ${badKeys.join(", ") || endpointKeys.join(", ")}.`,
            );
        }
        if (!assetsBucket) {
            throw new Error(
                `IsolatedNetwork ${name}: the CodeArtifact asset bucket of ${region} is not known; pass codeArtifactAssetsBucket (CodeArtifact user guide, "Create the Amazon S3 gateway endpoint").`,
            );
        }

        this.componentName = name;
        this.layout = layout;
        this.vpcCidr = args.cidr;
        const prefix = namePrefix(args.naming);
        const child = { parent: this };
        const specs: InterfaceEndpointSpec[] = endpointKeys.map(
            (key) => DEFAULT_INTERFACE_ENDPOINTS.find((e) => e.key === key) ?? { key, purpose: "extra endpoint", policy: "platformPrincipals" },
        );

        this.vpc = new aws.ec2.Vpc(
            `${name}-vpc`,
            {
                cidrBlock: args.cidr,
                // Private DNS of interface endpoints needs both; without them SDKs resolve public endpoints and time out.
                enableDnsSupport: true,
                enableDnsHostnames: true,
                instanceTenancy: "default",
                tags: { Name: `${prefix}-data-science`, [NETWORK_ISOLATION_TAG.key]: NETWORK_ISOLATION_TAG.value },
            },
            child,
        );
        this.vpcId = this.vpc.id;

        // The default security group admits all traffic between its members; nothing should use it,
        // and adopting it with no rules empties it (Security Hub EC2.2).
        new aws.ec2.DefaultSecurityGroup(
            `${name}-default-sg`,
            { vpcId: this.vpc.id, ingress: [], egress: [], tags: { Name: `${prefix}-default-unused` } },
            child,
        );
        // The main route table is used by no subnet; owning it with no routes keeps a route added there by hand from being silently kept.
        new aws.ec2.DefaultRouteTable(
            `${name}-main-rt`,
            { defaultRouteTableId: this.vpc.defaultRouteTableId, routes: [], tags: { Name: `${prefix}-main-unused` } },
            child,
        );

        this.subnets = [];
        this.routeTables = [];
        args.availabilityZones.forEach((az, i) => {
            const subnet = new aws.ec2.Subnet(
                `${name}-subnet-${az}`,
                {
                    vpcId: this.vpc.id,
                    cidrBlock: layout.subnetCidrs[i],
                    availabilityZone: az,
                    mapPublicIpOnLaunch: false,
                    tags: { Name: `${prefix}-isolated-${az}` },
                },
                child,
            );
            // No routes: only the implicit local route and the S3 gateway endpoint's prefix-list route (N6).
            const routeTable = new aws.ec2.RouteTable(`${name}-rt-${az}`, { vpcId: this.vpc.id, tags: { Name: `${prefix}-isolated-${az}` } }, child);
            new aws.ec2.RouteTableAssociation(`${name}-rta-${az}`, { subnetId: subnet.id, routeTableId: routeTable.id }, child);
            this.subnets.push(subnet);
            this.routeTables.push(routeTable);
        });
        this.subnetIds = this.subnets.map((s) => s.id);
        this.routeTableIds = this.routeTables.map((rt) => rt.id);

        // Security groups without inline rules: every rule is its own resource, so rules added for
        // users later never rewrite (and briefly drop) the existing ones. AWS's default allow-all
        // egress rule is removed by the provider on creation.
        this.endpointSecurityGroup = new aws.ec2.SecurityGroup(
            `${name}-endpoints-sg`,
            {
                vpcId: this.vpc.id,
                description: "Interface VPC endpoints: HTTPS from inside the isolated VPC only",
                revokeRulesOnDelete: true,
                tags: { Name: `${prefix}-vpc-endpoints` },
            },
            child,
        );
        this.domainSecurityGroup = new aws.ec2.SecurityGroup(
            `${name}-domain-sg`,
            {
                vpcId: this.vpc.id,
                description: "SageMaker Studio domain: NFS to its EFS, HTTPS to the VPC endpoints; no ingress",
                revokeRulesOnDelete: true,
                tags: { Name: `${prefix}-studio-domain` },
            },
            child,
        );
        this.endpointSecurityGroupId = this.endpointSecurityGroup.id;
        this.domainSecurityGroupId = this.domainSecurityGroup.id;

        const accountScope = args.principalScope;
        const s3Policy = s3GatewayEndpointPolicy({
            ...accountScope,
            partition,
            platformBucketPrefix: prefix,
            codeArtifactAssetsBucket: assetsBucket,
            ecrLayerBucket: ecrLayerBucket(region),
            extraReadBuckets: args.s3ExtraReadBuckets,
        });
        this.endpointPolicies = { s3: s3Policy };
        this.s3Endpoint = new aws.ec2.VpcEndpoint(
            `${name}-vpce-s3`,
            {
                vpcId: this.vpc.id,
                serviceName: endpointServiceName("s3", region, partition),
                vpcEndpointType: "Gateway",
                routeTableIds: this.routeTables.map((rt) => rt.id),
                policy: toPolicyJson(s3Policy),
                tags: { Name: `${prefix}-s3` },
            },
            child,
        );
        this.s3EndpointId = this.s3Endpoint.id;
        this.s3PrefixListId = this.s3Endpoint.prefixListId;

        this.interfaceEndpoints = {};
        this.interfaceEndpointIds = {};
        for (const spec of specs) {
            const policy = spec.policy === "codeArtifactRead" ? codeArtifactEndpointPolicy(accountScope) : platformPrincipalsEndpointPolicy(accountScope);
            this.endpointPolicies[spec.key] = policy;
            const endpoint = new aws.ec2.VpcEndpoint(
                `${name}-vpce-${endpointResourceSuffix(spec.key)}`,
                {
                    vpcId: this.vpc.id,
                    serviceName: endpointServiceName(spec.key, region, partition),
                    vpcEndpointType: "Interface",
                    // Private DNS makes the SDKs' default hostnames resolve to the endpoint (N7, pitfalls 5 and 6).
                    privateDnsEnabled: true,
                    subnetIds: this.subnetIds,
                    securityGroupIds: [this.endpointSecurityGroup.id],
                    policy: toPolicyJson(policy),
                    tags: { Name: `${prefix}-${spec.key}` },
                },
                child,
            );
            this.interfaceEndpoints[spec.key] = endpoint;
            this.interfaceEndpointIds[spec.key] = endpoint.id;
        }

        // One ingress rule from the VPC's own range, not one per client group: a rule per user
        // profile would hit the quota of rules per security group (60 by default, and at most
        // 1000 / groups-per-ENI) at a few dozen users, and every new user would rewrite this shared
        // group. Nothing but the platform has ENIs in this VPC (no internet, no peering), and each
        // client group still opens 443 only towards this group, so the platform's groups remain
        // the only way in.
        new aws.vpc.SecurityGroupIngressRule(
            `${name}-endpoints-https-in`,
            {
                securityGroupId: this.endpointSecurityGroup.id,
                ipProtocol: "tcp",
                fromPort: HTTPS,
                toPort: HTTPS,
                cidrIpv4: args.cidr,
                description: "HTTPS from the isolated VPC",
            },
            child,
        );

        // Domain group: reaches the endpoints, S3 (through the gateway's prefix list) and EFS; accepts nothing.
        this.allowHttpsToEndpoints(`${name}-domain`, this.domainSecurityGroup.id, child);
        new aws.vpc.SecurityGroupEgressRule(
            `${name}-domain-nfs-out`,
            {
                securityGroupId: this.domainSecurityGroup.id,
                ipProtocol: "tcp",
                fromPort: NFS,
                toPort: NFS,
                cidrIpv4: args.cidr,
                description: "NFS to the domain's EFS mount targets",
            },
            child,
        );

        this.flowLogs = new VpcFlowLogs(
            `${name}-flow-logs`,
            {
                vpcId: this.vpc.id,
                account: args.account,
                logGroupName: `/secure-ds/${prefix}/vpc-flow-logs/data-science`,
                roleName: iamRoleName(args.naming, `${name}-flow-logs`),
                kmsKeyArn: args.flowLogsKmsKeyArn,
                retentionInDays: retentionDays,
            },
            child,
        );

        this.registerOutputs({
            vpcId: this.vpcId,
            subnetIds: this.subnetIds,
            s3EndpointId: this.s3EndpointId,
            endpointSecurityGroupId: this.endpointSecurityGroupId,
            domainSecurityGroupId: this.domainSecurityGroupId,
        });
    }

    /**
     * HTTPS from `securityGroupId` to the interface endpoints (whose group admits the VPC range)
     * and to S3 through the gateway endpoint's prefix list.
     */
    private allowHttpsToEndpoints(prefix: string, securityGroupId: pulumi.Input<string>, opts: pulumi.CustomResourceOptions): void {
        new aws.vpc.SecurityGroupEgressRule(
            `${prefix}-endpoints-out`,
            {
                securityGroupId,
                ipProtocol: "tcp",
                fromPort: HTTPS,
                toPort: HTTPS,
                referencedSecurityGroupId: this.endpointSecurityGroup.id,
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
                prefixListId: this.s3PrefixListId,
                description: "HTTPS to S3 through the gateway endpoint",
            },
            opts,
        );
    }

    /**
     * The security group of one user profile (N9: one shared self-referencing group would let users reach each other's apps): the user's apps reach each other on
     * 8192-65535 (self-referencing), EFS on 2049, the endpoints and S3 on 443, and nothing else; no
     * other user's group is admitted. The endpoints' group admits the VPC range on 443 (Studio's apps call every endpoint on 443), so
     * adding a user never touches a shared group. Everything
     * a profile needs is in its own group, so it works even where only this group is attached
     * (without it lifecycle scripts hang on their first AWS call). Call once per user profile; the rules are children of `parent`.
     */
    userSecurityGroup(userName: string, parent: pulumi.Resource): pulumi.Output<string> {
        if (!USER_PROFILE_NAME.test(userName)) {
            throw new Error(
                `IsolatedNetwork ${this.componentName}: userSecurityGroup("${userName}") is not a SageMaker user profile name (letters, digits and hyphens, up to 63 characters).`,
            );
        }
        if (this.userGroups.has(userName)) {
            throw new Error(
                `IsolatedNetwork ${this.componentName}: userSecurityGroup("${userName}") was already called; each user profile gets exactly one security group.`,
            );
        }
        const name = `${this.componentName}-user-${userName}`;
        const opts = { parent };
        const group = new aws.ec2.SecurityGroup(
            `${name}-sg`,
            {
                vpcId: this.vpcId,
                description: `Studio apps of user profile ${userName}: reachable only from the same user's apps (N9)`,
                revokeRulesOnDelete: true,
                tags: { Name: `${name}`, "secure-ds:user-profile": userName },
            },
            opts,
        );
        new aws.vpc.SecurityGroupIngressRule(
            `${name}-self-in`,
            {
                securityGroupId: group.id,
                ipProtocol: "tcp",
                fromPort: APP_PORTS.from,
                toPort: APP_PORTS.to,
                referencedSecurityGroupId: group.id,
                description: "Between this user's own apps",
            },
            opts,
        );
        new aws.vpc.SecurityGroupEgressRule(
            `${name}-self-out`,
            {
                securityGroupId: group.id,
                ipProtocol: "tcp",
                fromPort: APP_PORTS.from,
                toPort: APP_PORTS.to,
                referencedSecurityGroupId: group.id,
                description: "Between this user's own apps",
            },
            opts,
        );
        new aws.vpc.SecurityGroupEgressRule(
            `${name}-nfs-out`,
            {
                securityGroupId: group.id,
                ipProtocol: "tcp",
                fromPort: NFS,
                toPort: NFS,
                cidrIpv4: this.vpcCidr,
                description: "NFS to the domain's EFS mount targets",
            },
            opts,
        );
        this.allowHttpsToEndpoints(name, group.id, opts);
        this.userGroups.set(userName, group.id);
        return group.id;
    }

    /**
     * The security group of one team's jobs. SageMaker's distributed training needs every port
     * between the instances of a job, and inter-container traffic encryption adds IPsec (UDP 500 and
     * ESP), so the group admits all traffic from itself, and from nothing else. Call once per team;
     * the rules are children of `parent`.
     */
    jobSecurityGroup(teamName: string, parent: pulumi.Resource): pulumi.Output<string> {
        if (!USER_PROFILE_NAME.test(teamName)) {
            throw new Error(`IsolatedNetwork ${this.componentName}: jobSecurityGroup("${teamName}") is not a valid team name (letters, digits and hyphens).`);
        }
        if (this.jobGroups.has(teamName)) {
            throw new Error(
                `IsolatedNetwork ${this.componentName}: jobSecurityGroup("${teamName}") was already called; each team gets exactly one job security group.`,
            );
        }
        const name = `${this.componentName}-jobs-${teamName}`;
        const opts = { parent };
        const group = new aws.ec2.SecurityGroup(
            `${name}-sg`,
            {
                vpcId: this.vpcId,
                description: `SageMaker jobs of team ${teamName}: instances of the team's jobs reach each other only (N3, E4)`,
                revokeRulesOnDelete: true,
                tags: { Name: name, "secure-ds:jobs-of-team": teamName },
            },
            opts,
        );
        new aws.vpc.SecurityGroupIngressRule(
            `${name}-self-in`,
            {
                securityGroupId: group.id,
                ipProtocol: "-1",
                referencedSecurityGroupId: group.id,
                description: "Between the instances of this team's jobs (distributed training, IPsec)",
            },
            opts,
        );
        new aws.vpc.SecurityGroupEgressRule(
            `${name}-self-out`,
            {
                securityGroupId: group.id,
                ipProtocol: "-1",
                referencedSecurityGroupId: group.id,
                description: "Between the instances of this team's jobs (distributed training, IPsec)",
            },
            opts,
        );
        this.allowHttpsToEndpoints(name, group.id, opts);
        this.jobGroups.set(teamName, group.id);
        return group.id;
    }
}
