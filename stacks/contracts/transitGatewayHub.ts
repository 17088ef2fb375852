/**
 * network → workload: the hub the data VPC attaches to (N13). The network account owns the
 * transit gateway and shares it with the spoke accounts through AWS RAM; a spoke reads the
 * gateway id for its attachment and routes, and the owner's route tables for the steps the
 * owner takes on its attachment (associate with `spokeRouteTableId`, propagate into
 * `corporateRouteTableId`).
 */
import { z } from "zod";
import { Contract } from "./contract";
import { accountIdValue } from "./values";

// EC2 resource ids: the prefix and 8 or 17 hex digits (EC2 API reference, "Resource IDs").
const tgwId = (prefix: string, what: string) =>
    z.string().regex(new RegExp(`^${prefix}-([0-9a-f]{8}|[0-9a-f]{17})$`), { message: `is not a ${what} id (${prefix}- and 8 or 17 hex digits)` });

export const transitGatewayHubContract: Contract<TransitGatewayHubContract> = {
    output: "transitGatewayHub",
    producer: "networkHub",
    schema: z.strictObject({
        accountId: accountIdValue,
        transitGatewayId: tgwId("tgw", "transit gateway"),
        /** What the spokes' attachments are associated with: routes towards the corporate side only. */
        spokeRouteTableId: tgwId("tgw-rtb", "transit gateway route table"),
        /** What the corporate attachments are associated with: the spokes propagate their VPC ranges here. */
        corporateRouteTableId: tgwId("tgw-rtb", "transit gateway route table"),
        resourceShareArn: z.string().regex(/^arn:aws[a-z-]*:ram:[a-z0-9-]+:\d{12}:resource-share\/.+$/, { message: "is not a RAM resource share ARN" }),
    }),
};

export interface TransitGatewayHubContract {
    accountId: string;
    transitGatewayId: string;
    spokeRouteTableId: string;
    corporateRouteTableId: string;
    resourceShareArn: string;
}
