import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { AccountContext } from "../guardrails/arns";
import { PolicyDocument, toPolicyJson } from "../guardrails/document";
import {
    EndpointPrincipalScope,
    brokerApiEndpointPolicy,
    codeArtifactEndpointPolicy,
    dynamoDbLedgerEndpointPolicy,
    platformPrincipalsEndpointPolicy,
    platformResourcesEndpointPolicy,
    s3GatewayEndpointPolicy,
} from "../guardrails/endpoints";
import { NamingContext, iamRoleName, namePrefix } from "../naming";
import { NETWORK_ISOLATION_TAG } from "../tags";
import { CapacityPlan, SubnetLayout } from "./capacityPlanner";
import { EndpointPolicyKind, ecrLayerBucket, endpointResourceSuffix, endpointServiceName } from "./endpointCatalog";
import { NetworkSettings, networkSettings } from "./networkSettings";
import { NetworkContext } from "./types";
import { VpcFlowLogs } from "./VpcFlowLogs";
import { DnsFirewall } from "./DnsFirewall";
import { isolatedVpcAllowedDomains } from "./dnsAllowList";
import { CORPORATE_CLIENT_ENDPOINTS } from "./corporateAccess";
import { TransitGatewayAttachment } from "./TransitGatewayAttachment";
import { ResolverInboundEndpoint } from "./ResolverInboundEndpoint";
import { BROKER_PATH, BROKER_STAGE } from "../access/defaults";

/** The endpoint policy of each kind of the catalogue. */
const ENDPOINT_POLICY_BUILDERS: Record<EndpointPolicyKind, (scope: EndpointPrincipalScope, account: AccountContext) => PolicyDocument> = {
    platformPrincipals: platformPrincipalsEndpointPolicy,
    platformResources: platformResourcesEndpointPolicy,
    codeArtifactRead: codeArtifactEndpointPolicy,
    samlBrokerApi: (_scope, account) => brokerApiEndpointPolicy(account, BROKER_STAGE, BROKER_PATH),
};

import { HTTPS, NFS, WorkloadSecurityGroups, allowHttpsToEndpoints } from "./workloadSecurityGroups";

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
    /**
     * Where the Resolver query logs of the DNS firewall go (N11): the audit archive bucket's ARN.
     * Required: the DNS firewall is always on.
     */
    dnsQueryLogDestinationArn: pulumi.Input<string>;
    /** Domains the VPC may resolve besides its endpoints' and the platform's (dnsAllowList.ts). Default none. */
    dnsExtraAllowedDomains?: string[];
    /** When given, the subnets must hold `capacity.ipsPerSubnet` or the component refuses to build. Default: none. */
    capacity?: CapacityPlan;
    /**
     * Hub and spoke (N13): attach to the network account's transit gateway and route the corporate
     * ranges to it; the Studio, SageMaker API and execute-api endpoints then admit 443 from those
     * ranges too. Default: no attachment, no route but the local one and S3's.
     */
    transitGateway?: {
        /** The gateway: a configured id, or the network stack's (an Output of its stack reference). */
        id: pulumi.Input<string>;
        corporateCidrs: string[];
        applianceMode?: boolean;
        /** What the attachment waits for, e.g. the stack reference that carries the gateway id. Default none. */
        ready?: pulumi.Resource[];
    };
    /** N14: a Resolver inbound endpoint answering DNS from these corporate resolver ranges only. Default: none. */
    resolverInbound?: { corporateResolverCidrs: string[] };
    /**
     * The SAML broker's ledger tables: a DynamoDB gateway endpoint on every route table, allowing
     * only dynamodb:PutItem on them (endpoints.ts dynamoDbLedgerEndpointPolicy). Default: none, no
     * DynamoDB path at all.
     */
    dynamoDbLedgerTableArns?: string[];
}

/**
 * The data-science VPC: no internet gateway, egress-only gateway, NAT or peering, no default
 * route; AWS services only through VPC endpoints with scoped policies (N6, N7); one security group
 * per user profile (N9); flow logs of all traffic (G5); a fail-closed DNS firewall that resolves
 * only the platform's domains and logs every query (N11). Built from aws.ec2 resources, as every VPC
 * of the platform is, so the plan and the policy pack see each gateway, route and subnet.
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
    /** The DNS firewall: only the platform's domains resolve, fail closed, queries logged (N11). */
    readonly dnsFirewall: DnsFirewall;
    /** The endpoint policies as typed documents, by endpoint key ("s3" for the gateway), for tests and IAM proofs. */
    readonly endpointPolicies: Record<string, PolicyDocument>;
    /** The hub attachment and its corporate routes (N13), when `transitGateway` is given. */
    readonly transitGateway?: TransitGatewayAttachment;
    /** Security group admitting 443 from the corporate ranges to the corporate-facing endpoints, when `transitGateway` is given. */
    readonly corporateClientsSecurityGroup?: aws.ec2.SecurityGroup;
    /** The Resolver inbound endpoint (N14), when `resolverInbound` is given. */
    readonly resolverInbound?: ResolverInboundEndpoint;
    /** The DynamoDB gateway endpoint, when `dynamoDbLedgerTableArns` is given. */
    readonly dynamoDbEndpoint?: aws.ec2.VpcEndpoint;
    /** Its prefix list: the broker's group sends 443 to it, never to 0.0.0.0/0. */
    readonly dynamoDbPrefixListId?: pulumi.Output<string>;

    private readonly groups: WorkloadSecurityGroups;

    constructor(name: string, args: IsolatedNetworkArgs, opts?: pulumi.ComponentResourceOptions) {
        super("secure-ds:network:IsolatedNetwork", name, {}, opts);
        const c: Step = { name, args, settings: networkSettings(name, args), prefix: namePrefix(args.naming), child: { parent: this } };
        this.layout = c.settings.layout;
        this.vpcCidr = args.cidr;

        this.vpc = this.createVpc(c);
        this.vpcId = this.vpc.id;
        ({ subnets: this.subnets, routeTables: this.routeTables } = this.createSubnets(c));
        this.subnetIds = this.subnets.map((s) => s.id);
        this.routeTableIds = this.routeTables.map((rt) => rt.id);
        this.endpointSecurityGroup = this.createSecurityGroup(
            c,
            "endpoints-sg",
            "Interface VPC endpoints: HTTPS from inside the isolated VPC only",
            "vpc-endpoints",
        );
        this.domainSecurityGroup = this.createSecurityGroup(
            c,
            "domain-sg",
            "SageMaker Studio domain: NFS to its EFS, HTTPS to the VPC endpoints; no ingress",
            "studio-domain",
        );
        this.endpointSecurityGroupId = this.endpointSecurityGroup.id;
        this.domainSecurityGroupId = this.domainSecurityGroup.id;
        this.endpointPolicies = {};
        this.corporateClientsSecurityGroup = args.transitGateway ? this.createCorporateClientsGroup(c, args.transitGateway.corporateCidrs) : undefined;
        this.s3Endpoint = this.createS3Endpoint(c);
        this.s3EndpointId = this.s3Endpoint.id;
        this.s3PrefixListId = this.s3Endpoint.prefixListId;
        this.dynamoDbEndpoint = args.dynamoDbLedgerTableArns ? this.createDynamoDbEndpoint(c, args.dynamoDbLedgerTableArns) : undefined;
        this.dynamoDbPrefixListId = this.dynamoDbEndpoint?.prefixListId;
        this.groups = new WorkloadSecurityGroups(`IsolatedNetwork ${name}`, name, {
            vpcId: this.vpcId,
            vpcCidr: this.vpcCidr,
            endpointSecurityGroupId: this.endpointSecurityGroupId,
            s3PrefixListId: this.s3PrefixListId,
        });
        this.interfaceEndpoints = this.createInterfaceEndpoints(c);
        this.interfaceEndpointIds = Object.fromEntries(Object.entries(this.interfaceEndpoints).map(([key, endpoint]) => [key, endpoint.id]));
        this.admitVpcToEndpoints(c);
        this.openDomainGroup(c);
        this.flowLogs = this.createFlowLogs(c);
        this.dnsFirewall = this.createDnsFirewall(c);
        this.transitGateway = args.transitGateway ? this.attachToHub(c, args.transitGateway) : undefined;
        this.resolverInbound = args.resolverInbound
            ? new ResolverInboundEndpoint(
                  `${name}-resolver-inbound`,
                  {
                      vpcId: this.vpc.id,
                      subnets: this.subnets.map((s, i) => ({ id: s.id, cidr: c.settings.layout.subnetCidrs[i] })),
                      corporateResolverCidrs: args.resolverInbound.corporateResolverCidrs,
                      namePrefix: `${c.prefix}-${name}`,
                  },
                  c.child,
              )
            : undefined;

        this.registerOutputs({
            vpcId: this.vpcId,
            subnetIds: this.subnetIds,
            s3EndpointId: this.s3EndpointId,
            endpointSecurityGroupId: this.endpointSecurityGroupId,
            domainSecurityGroupId: this.domainSecurityGroupId,
        });
    }

    /** The VPC, tagged isolated (N6), and its default security group and main route table adopted empty. */
    private createVpc(c: Step): aws.ec2.Vpc {
        const vpc = new aws.ec2.Vpc(
            `${c.name}-vpc`,
            {
                cidrBlock: c.args.cidr,
                // Private DNS of interface endpoints needs both; without them SDKs resolve public endpoints and time out.
                enableDnsSupport: true,
                enableDnsHostnames: true,
                instanceTenancy: "default",
                tags: { Name: `${c.prefix}-data-science`, [NETWORK_ISOLATION_TAG.key]: NETWORK_ISOLATION_TAG.value },
            },
            c.child,
        );
        // The default security group admits all traffic between its members; nothing should use it,
        // and adopting it with no rules empties it (Security Hub EC2.2).
        new aws.ec2.DefaultSecurityGroup(
            `${c.name}-default-sg`,
            { vpcId: vpc.id, ingress: [], egress: [], tags: { Name: `${c.prefix}-default-unused` } },
            c.child,
        );
        // The main route table is used by no subnet; owning it with no routes keeps a route added there by hand from being silently kept.
        new aws.ec2.DefaultRouteTable(
            `${c.name}-main-rt`,
            { defaultRouteTableId: vpc.defaultRouteTableId, routes: [], tags: { Name: `${c.prefix}-main-unused` } },
            c.child,
        );
        return vpc;
    }

    /** One isolated subnet per zone, each with its own route table without routes. */
    private createSubnets(c: Step): { subnets: aws.ec2.Subnet[]; routeTables: aws.ec2.RouteTable[] } {
        const subnets: aws.ec2.Subnet[] = [];
        const routeTables: aws.ec2.RouteTable[] = [];
        c.args.availabilityZones.forEach((az, i) => {
            const subnet = new aws.ec2.Subnet(
                `${c.name}-subnet-${az}`,
                {
                    vpcId: this.vpc.id,
                    cidrBlock: c.settings.layout.subnetCidrs[i],
                    availabilityZone: az,
                    mapPublicIpOnLaunch: false,
                    tags: { Name: `${c.prefix}-isolated-${az}` },
                },
                c.child,
            );
            // No routes: only the implicit local route, the S3 gateway endpoint's prefix-list route (N6) and, with a hub, the corporate ranges (N13).
            const routeTable = new aws.ec2.RouteTable(`${c.name}-rt-${az}`, { vpcId: this.vpc.id, tags: { Name: `${c.prefix}-isolated-${az}` } }, c.child);
            new aws.ec2.RouteTableAssociation(`${c.name}-rta-${az}`, { subnetId: subnet.id, routeTableId: routeTable.id }, c.child);
            subnets.push(subnet);
            routeTables.push(routeTable);
        });
        return { subnets, routeTables };
    }

    /**
     * A security group without inline rules: every rule is its own resource, so rules added for
     * users later never rewrite (and briefly drop) the existing ones. AWS's default allow-all
     * egress rule is removed by the provider on creation.
     */
    private createSecurityGroup(c: Step, role: string, description: string, nameSuffix: string): aws.ec2.SecurityGroup {
        return new aws.ec2.SecurityGroup(
            `${c.name}-${role}`,
            { vpcId: this.vpc.id, description, revokeRulesOnDelete: true, tags: { Name: `${c.prefix}-${nameSuffix}` } },
            c.child,
        );
    }

    /** The S3 gateway endpoint on every route table: the platform's buckets, and read-only the AWS ones it needs. */
    private createS3Endpoint(c: Step): aws.ec2.VpcEndpoint {
        const { partition, region } = c.args.account;
        const s3Policy = s3GatewayEndpointPolicy({
            ...c.args.principalScope,
            partition,
            platformBucketPrefix: c.prefix,
            codeArtifactAssetsBucket: c.settings.codeArtifactAssetsBucket,
            ecrLayerBucket: ecrLayerBucket(region),
            extraReadBuckets: c.args.s3ExtraReadBuckets,
        });
        return this.createGatewayEndpoint(c, "s3", s3Policy);
    }

    /** The broker's ledger through a DynamoDB gateway endpoint on every route table: PutItem on the ledger only. */
    private createDynamoDbEndpoint(c: Step, tableArns: string[]): aws.ec2.VpcEndpoint {
        return this.createGatewayEndpoint(c, "dynamodb", dynamoDbLedgerEndpointPolicy(c.args.principalScope, tableArns));
    }

    /** A gateway endpoint of `service` on every route table, with its scoped policy (recorded in endpointPolicies). */
    private createGatewayEndpoint(c: Step, service: "s3" | "dynamodb", policy: PolicyDocument): aws.ec2.VpcEndpoint {
        const { partition, region } = c.args.account;
        this.endpointPolicies[service] = policy;
        return new aws.ec2.VpcEndpoint(
            `${c.name}-vpce-${service}`,
            {
                vpcId: this.vpc.id,
                serviceName: endpointServiceName(service, region, partition),
                vpcEndpointType: "Gateway",
                routeTableIds: this.routeTables.map((rt) => rt.id),
                policy: toPolicyJson(policy),
                tags: { Name: `${c.prefix}-${service}` },
            },
            c.child,
        );
    }

    /** The interface endpoints (N7), in every subnet behind the endpoint group, each with its scoped policy. */
    private createInterfaceEndpoints(c: Step): Record<string, aws.ec2.VpcEndpoint> {
        const { partition, region } = c.args.account;
        const scope = c.args.principalScope;
        const endpoints: Record<string, aws.ec2.VpcEndpoint> = {};
        for (const spec of c.settings.endpoints) {
            const policy = ENDPOINT_POLICY_BUILDERS[spec.policy](scope, c.args.account);
            this.endpointPolicies[spec.key] = policy;
            endpoints[spec.key] = new aws.ec2.VpcEndpoint(
                `${c.name}-vpce-${endpointResourceSuffix(spec.key)}`,
                {
                    vpcId: this.vpc.id,
                    serviceName: endpointServiceName(spec.key, region, partition),
                    vpcEndpointType: "Interface",
                    // Private DNS makes the SDKs' default hostnames resolve to the endpoint (N7).
                    privateDnsEnabled: true,
                    subnetIds: this.subnetIds,
                    securityGroupIds: [
                        this.endpointSecurityGroup.id,
                        ...(this.corporateClientsSecurityGroup && CORPORATE_CLIENT_ENDPOINTS.includes(spec.key) ? [this.corporateClientsSecurityGroup.id] : []),
                    ],
                    policy: toPolicyJson(policy),
                    tags: { Name: `${c.prefix}-${spec.key}` },
                },
                c.child,
            );
        }
        return endpoints;
    }

    /**
     * N13: browsers and CLIs of the corporate network reach Studio, the SageMaker API (presigned
     * URLs) and the broker's API over the transit gateway: 443 from the corporate ranges, on those
     * endpoints only (the other endpoints keep admitting the VPC alone).
     */
    private createCorporateClientsGroup(c: Step, corporateCidrs: string[]): aws.ec2.SecurityGroup {
        const group = this.createSecurityGroup(
            c,
            "corporate-clients-sg",
            "Studio, SageMaker API and execute-api endpoints: HTTPS from the corporate ranges (N13)",
            "corporate-clients",
        );
        corporateCidrs.forEach(
            (cidr, i) =>
                new aws.vpc.SecurityGroupIngressRule(
                    `${c.name}-corporate-https-in-${i}`,
                    {
                        securityGroupId: group.id,
                        ipProtocol: "tcp",
                        fromPort: HTTPS,
                        toPort: HTTPS,
                        cidrIpv4: cidr,
                        description: `HTTPS from corporate range ${cidr}`,
                    },
                    c.child,
                ),
        );
        return group;
    }

    /** N13: the spoke attachment on every subnet, corporate ranges routed to it from every route table. */
    private attachToHub(c: Step, hub: NonNullable<IsolatedNetworkArgs["transitGateway"]>): TransitGatewayAttachment {
        return new TransitGatewayAttachment(
            `${c.name}-hub`,
            {
                vpcId: this.vpc.id,
                vpcCidr: c.args.cidr,
                subnetIds: this.subnetIds,
                routeTableIds: this.routeTableIds,
                transitGatewayId: hub.id,
                corporateCidrs: hub.corporateCidrs,
                applianceMode: hub.applianceMode,
                namePrefix: c.prefix,
            },
            hub.ready ? { ...c.child, dependsOn: hub.ready } : c.child,
        );
    }

    /**
     * One ingress rule from the VPC's own range, not one per client group: a rule per user
     * profile would hit the quota of rules per security group (60 by default, and at most
     * 1000 / groups-per-ENI) at a few dozen users, and every new user would rewrite this shared
     * group. Nothing but the platform has ENIs in this VPC (no internet, no peering), and each
     * client group still opens 443 only towards this group, so the platform's groups remain
     * the only way in.
     */
    private admitVpcToEndpoints(c: Step): void {
        new aws.vpc.SecurityGroupIngressRule(
            `${c.name}-endpoints-https-in`,
            {
                securityGroupId: this.endpointSecurityGroup.id,
                ipProtocol: "tcp",
                fromPort: HTTPS,
                toPort: HTTPS,
                cidrIpv4: c.args.cidr,
                description: "HTTPS from the isolated VPC",
            },
            c.child,
        );
    }

    /** Domain group: reaches the endpoints, S3 (through the gateway's prefix list) and EFS; accepts nothing. */
    private openDomainGroup(c: Step): void {
        allowHttpsToEndpoints(
            `${c.name}-domain`,
            this.domainSecurityGroup.id,
            { endpointSecurityGroupId: this.endpointSecurityGroupId, s3PrefixListId: this.s3PrefixListId },
            c.child,
        );
        new aws.vpc.SecurityGroupEgressRule(
            `${c.name}-domain-nfs-out`,
            {
                securityGroupId: this.domainSecurityGroup.id,
                ipProtocol: "tcp",
                fromPort: NFS,
                toPort: NFS,
                cidrIpv4: c.args.cidr,
                description: "NFS to the EFS mount targets of the domain",
            },
            c.child,
        );
    }

    /** Flow logs of all traffic (G5) to the KMS-encrypted group (E8). */
    private createFlowLogs(c: Step): VpcFlowLogs {
        return new VpcFlowLogs(
            `${c.name}-flow-logs`,
            {
                vpcId: this.vpc.id,
                account: c.args.account,
                logGroupName: `/secure-ds/${c.prefix}/vpc-flow-logs/data-science`,
                roleName: iamRoleName(c.args.naming, `${c.name}-flow-logs`),
                kmsKeyArn: c.args.flowLogsKmsKeyArn,
                retentionInDays: c.settings.flowLogRetentionDays,
            },
            c.child,
        );
    }

    /** N11: DNS is no channel out; the allow-list follows the endpoints this network has. */
    private createDnsFirewall(c: Step): DnsFirewall {
        const { partition, region } = c.args.account;
        return new DnsFirewall(
            `${c.name}-dns-firewall`,
            {
                vpcId: this.vpc.id,
                namePrefix: `${c.prefix}-${c.name}`,
                allowedDomains: isolatedVpcAllowedDomains({
                    endpointKeys: c.settings.endpoints.map((e) => e.key),
                    region,
                    partition,
                    extra: c.args.dnsExtraAllowedDomains,
                    dynamoDbGateway: c.args.dynamoDbLedgerTableArns !== undefined,
                }),
                queryLogDestinationArn: c.args.dnsQueryLogDestinationArn,
            },
            c.child,
        );
    }

    /** One security group per user profile (N9); see WorkloadSecurityGroups.user. */
    userSecurityGroup(userName: string, parent: pulumi.Resource): pulumi.Output<string> {
        return this.groups.user(userName, parent);
    }

    /** One security group per team's jobs (N3, E4); see WorkloadSecurityGroups.jobs. */
    jobSecurityGroup(teamName: string, parent: pulumi.Resource): pulumi.Output<string> {
        return this.groups.jobs(teamName, parent);
    }
}

/** What every step of the constructor reads. */
interface Step {
    name: string;
    args: IsolatedNetworkArgs;
    settings: NetworkSettings;
    /** `<organization>-<environment>`. */
    prefix: string;
    child: pulumi.CustomResourceOptions;
}
