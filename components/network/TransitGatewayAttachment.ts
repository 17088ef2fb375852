import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { corporateCidrProblems } from "./corporateAccess";

export interface TransitGatewayAttachmentArgs {
    /** The data VPC. Required. */
    vpcId: pulumi.Input<string>;
    /** Its CIDR: corporate ranges must lie outside it. Required. */
    vpcCidr: string;
    /** One subnet per AZ: the attachment puts one ENI in each. Required. */
    subnetIds: pulumi.Input<string>[];
    /** The route tables of those subnets: each gets one route per corporate range. Required. */
    routeTableIds: pulumi.Input<string>[];
    /** The network account's transit gateway, shared through AWS RAM (tgw-...): configured, or read from the network stack. Required. */
    transitGatewayId: pulumi.Input<string>;
    /** Corporate ranges routed to the attachment; never a default route (N13). Required, at least one. */
    corporateCidrs: string[];
    /** Appliance mode, for a VPC holding a stateful appliance. Default false (the data VPC holds none). */
    applianceMode?: boolean;
    /** `<organization>-<environment>`, for Name tags. Required. */
    namePrefix: string;
}

/** A CIDR as a logical-name suffix ("10.0.0.0/8" → "10-0-0-0-8"): the route's name follows its destination, so reordering the list replaces nothing. */
const cidrSuffix = (cidr: string) => cidr.replace(/[./]/g, "-");

/**
 * N13: the data VPC as a spoke of the corporate hub. The attachment spans the VPC's subnets (one
 * ENI each, counted by the capacity planner); each subnet's route table sends only the corporate
 * ranges to the transit gateway, so there is still no default route and no internet path (N6).
 * DNS support is on so corporate names resolve across the gateway; IPv6 and security-group
 * referencing are off (the VPC is IPv4 only, and corporate groups must not be referenced here).
 * The attachment's association and propagation on the hub's route table are the owner's: a
 * RAM-shared gateway does not let the spoke set them (provider docs of
 * aws.ec2transitgateway.VpcAttachment), so neither is set here and the plan prints the step.
 */
export class TransitGatewayAttachment extends pulumi.ComponentResource {
    readonly attachment: aws.ec2transitgateway.VpcAttachment;
    readonly attachmentId: pulumi.Output<string>;
    readonly routes: aws.ec2.Route[];

    constructor(name: string, args: TransitGatewayAttachmentArgs, opts?: pulumi.ComponentResourceOptions) {
        super("secure-ds:network:TransitGatewayAttachment", name, {}, opts);
        if (args.corporateCidrs.length === 0) {
            throw new Error(`TransitGatewayAttachment ${name}: corporateCidrs is empty; list the corporate ranges (network.transitGateway.corporateCidrs).`);
        }
        const problems = corporateCidrProblems(args.vpcCidr, args.corporateCidrs);
        if (problems.length > 0) {
            throw new Error(`TransitGatewayAttachment ${name}: corporateCidrs ${problems.map((p) => p.problem).join("; ")}.`);
        }
        if (args.subnetIds.length !== args.routeTableIds.length) {
            throw new Error(
                `TransitGatewayAttachment ${name}: ${args.subnetIds.length} subnets but ${args.routeTableIds.length} route tables; pass one route table per subnet.`,
            );
        }
        this.attachment = new aws.ec2transitgateway.VpcAttachment(
            `${name}-attachment`,
            {
                vpcId: args.vpcId,
                subnetIds: args.subnetIds,
                transitGatewayId: args.transitGatewayId,
                // Enum values "enable" / "disable" (EC2 API reference, CreateTransitGatewayVpcAttachmentRequestOptions).
                dnsSupport: "enable",
                applianceModeSupport: args.applianceMode ? "enable" : "disable",
                ipv6Support: "disable",
                securityGroupReferencingSupport: "disable",
                tags: { Name: `${args.namePrefix}-data-science-hub` },
            },
            { parent: this },
        );
        this.attachmentId = this.attachment.id;
        this.routes = args.routeTableIds.flatMap((routeTableId, i) =>
            args.corporateCidrs.map(
                (cidr) =>
                    new aws.ec2.Route(
                        `${name}-rt${i}-${cidrSuffix(cidr)}`,
                        { routeTableId, destinationCidrBlock: cidr, transitGatewayId: args.transitGatewayId },
                        // A route to a gateway the VPC is not attached to yet is refused by EC2.
                        { parent: this, dependsOn: [this.attachment] },
                    ),
            ),
        );
        this.registerOutputs({ attachmentId: this.attachmentId });
    }
}
