import { SecureDsResourcePolicy, TYPES, known, propsOf, text } from "../common";

/**
 * N13, the hub's side: a transit gateway places every attachment explicitly. With the default
 * route table association and propagation on (the EC2 defaults, TransitGatewayRequestOptions),
 * every attachment joins one table and learns every other attachment's routes, so one spoke
 * reaches another; with automatic acceptance, any account the gateway is shared with joins the
 * corporate network without the owner's review. Both must be off.
 */
export const transitGatewayHub: SecureDsResourcePolicy = {
    name: "transit-gateway-hub",
    description:
        "Transit gateways have defaultRouteTableAssociation and defaultRouteTablePropagation disable (spokes never reach each other) and autoAcceptSharedAttachments disable (the owner accepts each spoke) (N13).",
    controls: ["N13"],
    remediation:
        "Build the hub with TransitGatewayHub (layer networkHub), which disables the default route tables and automatic acceptance and places each attachment in the spokes or corporate route table.",
    enforcementLevel: "mandatory",
    validateResource: (args, reportViolation) => {
        const p = propsOf(args, TYPES.ec2TransitGateway);
        if (!p) return;
        const setting = (read: () => unknown) => {
            const v = known(read);
            return typeof v === "string" ? text(v) : undefined;
        };
        const wrong: string[] = [];
        // Unset means AWS's default: enable for both route-table defaults.
        if (setting(() => p.defaultRouteTableAssociation) !== "disable") wrong.push("defaultRouteTableAssociation must be disable");
        if (setting(() => p.defaultRouteTablePropagation) !== "disable") wrong.push("defaultRouteTablePropagation must be disable");
        // AWS's default is disable; only an explicit enable is refused.
        if (setting(() => p.autoAcceptSharedAttachments) === "enable") wrong.push("autoAcceptSharedAttachments must be disable");
        if (wrong.length > 0) reportViolation(`Transit gateway ${args.name}: ${wrong.join("; ")} (N13).`);
    },
};
