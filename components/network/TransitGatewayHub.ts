import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { TRANSIT_GATEWAY_HUB_DEFAULTS } from "./defaults";

export interface TransitGatewayHubArgs {
    /** `<organization>-<environment>`, for names and Name tags. Required. */
    namePrefix: string;
    /** The accounts the gateway is shared with through AWS RAM (the spokes). Required, at least one. */
    spokeAccountIds: string[];
    /** Private ASN of the gateway's BGP side. Default 64512 (validated by the config schema: 64512–65534 or 4200000000–4294967294). */
    amazonSideAsn?: number;
    /** ECMP over the corporate side's VPN tunnels. Default true. */
    vpnEcmpSupport?: boolean;
}

/**
 * N13, the owner's side: the network account's transit gateway, shared with the spoke accounts.
 *
 * - No default route table association or propagation: with them every attachment would land in
 *   one table and learn every other attachment's routes, so spokes would reach each other. Each
 *   attachment is placed explicitly instead: a spoke in `spokes` (which holds routes towards the
 *   corporate side only), a corporate attachment in `corporate` (into which the spokes propagate).
 * - No automatic acceptance of shared attachments: a spoke account can create an attachment on a
 *   shared gateway by itself, and the owner accepting each one is what keeps an account that was
 *   given the share by mistake, or a second VPC of a spoke account, off the corporate network.
 * - DNS support on (corporate names resolve across the hub); multicast and security-group
 *   referencing off (nothing here uses them; a referenced group would cross accounts).
 * - RAM: one share, external principals refused (the gateway never leaves the organisation), with
 *   each spoke account as a principal. Accounts rather than the organisation ARN: a sandbox or
 *   any future account of the organisation should not see the corporate hub, and each spoke is a
 *   reviewed config change (networkHub.spokeAccountIds).
 */
export class TransitGatewayHub extends pulumi.ComponentResource {
    readonly transitGateway: aws.ec2transitgateway.TransitGateway;
    readonly spokeRouteTable: aws.ec2transitgateway.RouteTable;
    readonly corporateRouteTable: aws.ec2transitgateway.RouteTable;
    readonly share: aws.ram.ResourceShare;
    readonly shareAssociation: aws.ram.ResourceAssociation;
    readonly principals: aws.ram.PrincipalAssociation[];

    constructor(name: string, args: TransitGatewayHubArgs, opts?: pulumi.ComponentResourceOptions) {
        super("secure-ds:network:TransitGatewayHub", name, {}, opts);
        if (args.spokeAccountIds.length === 0) {
            throw new Error(
                `TransitGatewayHub ${name}: spokeAccountIds is empty; list the workload accounts that attach to the hub (networkHub.spokeAccountIds).`,
            );
        }
        const child = { parent: this };
        // Enum values "enable" / "disable" (EC2 API reference, TransitGatewayRequestOptions).
        const flag = (on: boolean) => (on ? "enable" : "disable");
        this.transitGateway = new aws.ec2transitgateway.TransitGateway(
            `${name}-tgw`,
            {
                // Plain words: no apostrophes or quotes, which EC2 descriptions elsewhere refuse.
                description: `${args.namePrefix} corporate hub for the data science spokes`,
                amazonSideAsn: args.amazonSideAsn ?? TRANSIT_GATEWAY_HUB_DEFAULTS.amazonSideAsn,
                autoAcceptSharedAttachments: "disable",
                defaultRouteTableAssociation: "disable",
                defaultRouteTablePropagation: "disable",
                dnsSupport: "enable",
                vpnEcmpSupport: flag(args.vpnEcmpSupport ?? TRANSIT_GATEWAY_HUB_DEFAULTS.vpnEcmpSupport),
                multicastSupport: "disable",
                securityGroupReferencingSupport: "disable",
                tags: { Name: `${args.namePrefix}-corporate-hub` },
            },
            child,
        );
        const table = (role: "spokes" | "corporate") =>
            new aws.ec2transitgateway.RouteTable(
                `${name}-${role}`,
                { transitGatewayId: this.transitGateway.id, tags: { Name: `${args.namePrefix}-corporate-hub-${role}` } },
                child,
            );
        this.spokeRouteTable = table("spokes");
        this.corporateRouteTable = table("corporate");
        this.share = new aws.ram.ResourceShare(
            `${name}-share`,
            { name: `${args.namePrefix}-corporate-hub`, allowExternalPrincipals: false, tags: { Name: `${args.namePrefix}-corporate-hub` } },
            child,
        );
        this.shareAssociation = new aws.ram.ResourceAssociation(
            `${name}-share-tgw`,
            { resourceArn: this.transitGateway.arn, resourceShareArn: this.share.arn },
            child,
        );
        // Named after the account, so adding a spoke adds one association and replaces none.
        this.principals = args.spokeAccountIds.map(
            (accountId) => new aws.ram.PrincipalAssociation(`${name}-share-${accountId}`, { principal: accountId, resourceShareArn: this.share.arn }, child),
        );
        this.registerOutputs({
            transitGatewayId: this.transitGateway.id,
            spokeRouteTableId: this.spokeRouteTable.id,
            corporateRouteTableId: this.corporateRouteTable.id,
            resourceShareArn: this.share.arn,
        });
    }
}
