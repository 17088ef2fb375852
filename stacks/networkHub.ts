import * as pulumi from "@pulumi/pulumi";
import { TransitGatewayHub } from "../components/network/TransitGatewayHub";
import { namePrefix } from "../components/naming";
import { LayerContext } from "./context";
import { TransitGatewayHubContract } from "./contracts/transitGatewayHub";
import { hubSpokeAccountIds } from "./schema/networkHub";

/**
 * Network account (Infrastructure OU): the corporate hub the workload VPCs attach to (N13). It
 * holds no data and writes no logs, so it has no customer key; the organisation trail logs its
 * API calls (config validation requires it for this layer).
 */
export class NetworkHubLayer extends pulumi.ComponentResource {
    readonly hub: TransitGatewayHub;
    /** The contract transitGatewayHub, as this stack exports it. */
    readonly contract: pulumi.Output<TransitGatewayHubContract>;

    constructor(ctx: LayerContext, opts?: pulumi.ComponentResourceOptions) {
        super("secure-ds:stacks:NetworkHubLayer", "network-hub", {}, { ...opts, providers: { aws: ctx.provider } });
        const { cfg } = ctx;
        this.hub = new TransitGatewayHub(
            "corporate-hub",
            {
                namePrefix: namePrefix(ctx.naming),
                spokeAccountIds: hubSpokeAccountIds(cfg),
                amazonSideAsn: cfg.networkHub.amazonSideAsn,
                vpnEcmpSupport: cfg.networkHub.vpnEcmpSupport,
            },
            { parent: this },
        );
        const accountId = ctx.aws.accountId;
        this.contract = pulumi
            .all([this.hub.transitGateway.id, this.hub.spokeRouteTable.id, this.hub.corporateRouteTable.id, this.hub.share.arn])
            .apply(([transitGatewayId, spokeRouteTableId, corporateRouteTableId, resourceShareArn]) => ({
                accountId,
                transitGatewayId,
                spokeRouteTableId,
                corporateRouteTableId,
                resourceShareArn,
            }));
        this.registerOutputs({ transitGatewayId: this.hub.transitGateway.id });
    }
}

/** The hub as the offline plan prints it (stack output `networkHubPlan`): what the owner decides, from config alone. */
export interface NetworkHubPlanOutput {
    amazonSideAsn: number;
    vpnEcmpSupport: boolean;
    sharedWith: string[];
    /** What the network account does for each spoke that attaches (until the spokes' attachments are code here); RAM sharing with the organisation is a manual step of the plan. */
    ownerSteps: string[];
}

export function networkHubPlan(ctx: LayerContext): NetworkHubPlanOutput {
    const { cfg } = ctx;
    return {
        amazonSideAsn: cfg.networkHub.amazonSideAsn,
        vpnEcmpSupport: cfg.networkHub.vpnEcmpSupport,
        sharedWith: hubSpokeAccountIds(cfg),
        ownerSteps: [
            "For each spoke attachment: accept it (the gateway accepts none automatically), associate it with the spokes route table, propagate it into the corporate route table only.",
            "Associate the corporate attachments (VPN, Direct Connect) with the corporate route table and propagate the corporate ranges into the spokes route table.",
        ],
    };
}
