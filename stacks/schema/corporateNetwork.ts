/**
 * The optional corporate-network sections of `network` (N13, N14): a Transit Gateway attachment of
 * the data VPC (hub and spoke) and a Route 53 Resolver inbound endpoint for corporate DNS. Absent,
 * the data VPC has no path but its VPC endpoints, exactly as before.
 */
import { z } from "zod";
import { ipv4Cidr } from "./common";

/**
 * Transit gateway ids: `tgw-` and 8 or 17 hex digits, the EC2 resource-id format (EC2 API
 * reference, "Resource IDs": 8 characters before 2018, 17 after); route table ids `tgw-rtb-`.
 */
const transitGatewayId = z.string().regex(/^tgw-([0-9a-f]{8}|[0-9a-f]{17})$/, { message: "is not a transit gateway id (tgw- and 8 or 17 hex digits)" });
const transitGatewayRouteTableId = z
    .string()
    .regex(/^tgw-rtb-([0-9a-f]{8}|[0-9a-f]{17})$/, { message: "is not a transit gateway route table id (tgw-rtb- and 8 or 17 hex digits)" });

/** The hub: a transit gateway of the network account, shared with this account through AWS RAM. See docs/configuration.md#corporate-access. */
export const transitGatewaySchema = z.strictObject({
    /**
     * Id of the shared transit gateway (tgw-...), when it is shared by hand. Exactly one of this and
     * `stack.upstream.networkHub` (the network stack, whose contract transitGatewayHub carries the id).
     */
    id: transitGatewayId.optional(),
    /**
     * The hub's route table the network account associates the attachment with (only with `id`:
     * the network stack's contract carries its own). Informational in
     * this stack: a RAM-shared gateway's association and propagation are set by its owner (provider
     * docs of aws.ec2transitgateway.VpcAttachment), so the plan prints it as the owner's step.
     */
    routeTableId: transitGatewayRouteTableId.optional(),
    /**
     * Corporate IPv4 ranges the data VPC's route tables send to the attachment (N13). Required, at
     * least one; never 0.0.0.0/0. The policy pack's `isolated-vpc-transit-routes` list must hold them too.
     */
    corporateCidrs: z.array(ipv4Cidr).min(1, { message: "is empty; list the corporate ranges Studio users come from" }),
    /**
     * Appliance mode keeps both directions of a flow on one AZ's attachment: needed only where the
     * VPC holds a stateful appliance (an inspection VPC). Default false: the data VPC holds none.
     */
    applianceMode: z.boolean().default(false),
});

/** Corporate DNS resolution of the Studio endpoints: see docs/operations.md#corporate-access. */
export const resolverInboundSchema = z.strictObject({
    /** Ranges of the corporate DNS resolvers that forward to the inbound endpoint: the only sources its security group admits (TCP and UDP 53). Required. */
    corporateResolverCidrs: z.array(ipv4Cidr).min(1, { message: "is empty; list the corporate DNS resolvers' ranges" }),
});

export type TransitGatewayConfig = z.infer<typeof transitGatewaySchema>;
export type ResolverInboundConfig = z.infer<typeof resolverInboundSchema>;
