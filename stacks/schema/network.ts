import { z } from "zod";
import { ipv4Cidr, positiveInt } from "./common";

/** The data-science VPC. See docs/configuration.md#network. */
export const networkSchema = z.strictObject({
    /** IPv4 block of the isolated data-science VPC. */
    cidr: ipv4Cidr,
    /** Users the network must hold (sizes subnets with the capacity planner). Default 50. */
    expectedUsers: positiveInt("users").default(50),
});

export type NetworkConfig = z.infer<typeof networkSchema>;
