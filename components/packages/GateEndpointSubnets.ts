import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { AccountContext } from "../guardrails/arns";
import { toPolicyJson } from "../guardrails/document";
import { EndpointPrincipalScope, platformResourcesEndpointPolicy, s3GatewayEndpointPolicy } from "../guardrails/endpoints";
import { layoutSubnets } from "../network/capacityPlanner";
import { ecrLayerBucket, endpointResourceSuffix, endpointServiceName } from "../network/endpointCatalog";

/**
 * The interface endpoints the gate's no-internet builds need (S7): CodeArtifact API and
 * repositories (publish to `approved`, read back its hashes), CloudWatch Logs (build logs), KMS
 * (verify and sign the decision), STS (CodeArtifact's bearer token), ECR API and Docker (the
 * toolchain image; kept although CodeBuild's guide does not say whether the image pull of a VPC
 * build uses the build's interfaces, so the pull never depends on it). S3 is the gateway endpoint.
 */
export const GATE_ENDPOINT_KEYS = ["codeartifact.api", "codeartifact.repositories", "logs", "kms", "sts", "ecr.api", "ecr.dkr"] as const;

const HTTPS = 443;

export interface GateEndpointSubnetsArgs {
    /** The VPC (the scanning VPC: one VPC, one set of flow logs). Required. */
    vpcId: pulumi.Input<string>;
    /** The block the subnets are cut from: the scanning VPC's spare quarter (ScanEgressNetwork.spareCidr). Required. */
    cidr: string;
    /** Availability zones, one subnet each (1 or 2). Required. */
    availabilityZones: string[];
    /** Partition, region and account of the gate. Required. */
    account: AccountContext;
    /** Whose principals may use the endpoints, and whose resources (N7, N12). Required. */
    principalScope: EndpointPrincipalScope;
    /** `<org>-<env>`: Name tags and the platform bucket prefix of the S3 gateway's policy. Required. */
    namePrefix: string;
    /** CodeArtifact's asset bucket of the region (endpointCatalog.ts CODEARTIFACT_ASSETS_BUCKETS, or config). Required. */
    codeArtifactAssetsBucket: string;
    /** The scanning VPC's block: the endpoints accept HTTPS from all of it (private DNS sends every build there). Required. */
    vpcCidr: string;
    /**
     * Further route tables that get the S3 gateway endpoint: the scanning VPC's NAT side, so the
     * scan loads the ClamAV mirror and writes artifacts through the endpoint and its policy (only
     * the platform's buckets and the AWS package buckets). Default none.
     */
    s3RouteTableIds?: pulumi.Input<string>[];
}

/**
 * Subnets with no route out (S7, N7): their route tables hold no route at all, only the implicit
 * local one and the S3 gateway endpoint's prefix list. Builds placed here (publish, decide) reach
 * AWS only through the endpoints, whose policies admit the platform's principals on the
 * platform's resources. Private DNS is VPC-wide, so the scan builds in the NAT subnets use the
 * same endpoints for these services; the endpoint group therefore accepts the whole VPC block.
 *
 * Cost (interface endpoints are billed per endpoint and zone): 7 endpoints x 2 zones = 14
 * endpoint-hours per hour, about USD 100 a month at the USD 0.01 list price of most regions, plus
 * USD 0.01 per GB processed; the S3 gateway endpoint is free (AWS PrivateLink pricing).
 */
export class GateEndpointSubnets extends pulumi.ComponentResource {
    readonly subnets: aws.ec2.Subnet[];
    readonly subnetIds: pulumi.Output<string>[];
    readonly routeTables: aws.ec2.RouteTable[];
    /** The group of the builds placed here: HTTPS to the endpoints and to S3's prefix list, nothing inbound. */
    readonly buildSecurityGroup: aws.ec2.SecurityGroup;
    readonly endpointSecurityGroup: aws.ec2.SecurityGroup;
    readonly endpoints: Record<(typeof GATE_ENDPOINT_KEYS)[number] | "s3", aws.ec2.VpcEndpoint>;

    constructor(name: string, args: GateEndpointSubnetsArgs, opts?: pulumi.ComponentResourceOptions) {
        super("secure-ds:packages:GateEndpointSubnets", name, {}, opts);
        const zones = args.availabilityZones;
        if (zones.length < 1 || zones.length > 2) {
            throw new Error(
                `GateEndpointSubnets ${name}: ${zones.length} availability zone(s); use 1 or 2 (the subnets share one quarter of the scanning VPC).`,
            );
        }
        const { partition, region } = args.account;
        const child = { parent: this };
        const tag = (role: string) => ({ Name: `${args.namePrefix}-package-gate-${role}` });
        const cidrs = layoutSubnets(args.cidr, zones.length).subnetCidrs;

        this.subnets = [];
        this.routeTables = [];
        zones.forEach((az, i) => {
            const subnet = new aws.ec2.Subnet(
                `${name}-${az}`,
                { vpcId: args.vpcId, cidrBlock: cidrs[i], availabilityZone: az, mapPublicIpOnLaunch: false, tags: tag(`no-internet-${az}`) },
                child,
            );
            // No route resources and no inline routes: nothing but the local route and the S3 prefix list (S7).
            const routeTable = new aws.ec2.RouteTable(`${name}-rt-${az}`, { vpcId: args.vpcId, tags: tag(`no-internet-${az}`) }, child);
            new aws.ec2.RouteTableAssociation(`${name}-rta-${az}`, { subnetId: subnet.id, routeTableId: routeTable.id }, child);
            this.subnets.push(subnet);
            this.routeTables.push(routeTable);
        });
        this.subnetIds = this.subnets.map((s) => s.id);

        this.endpointSecurityGroup = new aws.ec2.SecurityGroup(
            `${name}-endpoints-sg`,
            {
                vpcId: args.vpcId,
                description: "Package gate VPC endpoints: HTTPS from the scanning VPC only",
                ingress: [{ description: "HTTPS from the scanning VPC", protocol: "tcp", fromPort: HTTPS, toPort: HTTPS, cidrBlocks: [args.vpcCidr] }],
                egress: [],
                tags: tag("endpoints"),
            },
            child,
        );
        const s3 = new aws.ec2.VpcEndpoint(
            `${name}-endpoint-s3`,
            {
                vpcId: args.vpcId,
                serviceName: endpointServiceName("s3", region, partition),
                vpcEndpointType: "Gateway",
                routeTableIds: [...this.routeTables.map((rt) => rt.id), ...(args.s3RouteTableIds ?? [])],
                policy: toPolicyJson(
                    s3GatewayEndpointPolicy({
                        ...args.principalScope,
                        partition,
                        platformBucketPrefix: args.namePrefix,
                        codeArtifactAssetsBucket: args.codeArtifactAssetsBucket,
                        ecrLayerBucket: ecrLayerBucket(region),
                    }),
                ),
                tags: tag("s3"),
            },
            child,
        );
        const endpointPolicy = toPolicyJson(platformResourcesEndpointPolicy(args.principalScope));
        const interfaces = Object.fromEntries(
            GATE_ENDPOINT_KEYS.map((key) => [
                key,
                new aws.ec2.VpcEndpoint(
                    `${name}-endpoint-${endpointResourceSuffix(key)}`,
                    {
                        vpcId: args.vpcId,
                        serviceName: endpointServiceName(key, region, partition),
                        vpcEndpointType: "Interface",
                        // Private DNS: the CLI's default hostnames resolve to the endpoint (N7).
                        privateDnsEnabled: true,
                        subnetIds: this.subnetIds,
                        securityGroupIds: [this.endpointSecurityGroup.id],
                        // Publishing needs CodeArtifact's write actions: the platform-resources policy, not the data VPC's read-only one.
                        policy: endpointPolicy,
                        tags: tag(key),
                    },
                    child,
                ),
            ]),
        ) as Record<(typeof GATE_ENDPOINT_KEYS)[number], aws.ec2.VpcEndpoint>;
        this.endpoints = { ...interfaces, s3 };

        this.buildSecurityGroup = new aws.ec2.SecurityGroup(
            `${name}-builds-sg`,
            {
                vpcId: args.vpcId,
                description: "Package gate builds without internet: HTTPS to the endpoints and S3 only, nothing inbound",
                egress: [
                    {
                        description: "HTTPS to the gate interface endpoints",
                        protocol: "tcp",
                        fromPort: HTTPS,
                        toPort: HTTPS,
                        securityGroups: [this.endpointSecurityGroup.id],
                    },
                    {
                        description: "HTTPS to S3 through the gateway endpoint",
                        protocol: "tcp",
                        fromPort: HTTPS,
                        toPort: HTTPS,
                        prefixListIds: [s3.prefixListId],
                    },
                ],
                tags: tag("builds"),
            },
            child,
        );
        this.registerOutputs({ subnetIds: this.subnetIds, buildSecurityGroupId: this.buildSecurityGroup.id });
    }
}
