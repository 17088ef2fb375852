/**
 * The network account's hub (layer networkHub, `networkHub:` in the stack file), and the rules
 * that tie a workload's corporate access to it: the workload names its hub either by a gateway
 * id (`network.transitGateway.id`, shared by hand) or by the network stack
 * (`stack.upstream.networkHub`, contract transitGatewayHub), exactly one of the two.
 */
import { z } from "zod";
import { TRANSIT_GATEWAY_HUB_DEFAULTS } from "../../components/network/defaults";
import { accountId } from "./common";
import { AccountsConfig } from "./accounts";

/**
 * A private ASN for the Amazon side of the gateway's BGP sessions: 64512–65534 (16-bit) or
 * 4200000000–4294967294 (32-bit) (EC2 API reference, TransitGatewayRequestOptions AmazonSideAsn).
 */
const amazonSideAsn = z
    .number()
    .int({ message: "is not a whole number" })
    .refine((asn) => (asn >= 64512 && asn <= 65534) || (asn >= 4200000000 && asn <= 4294967294), {
        message: "is not a private ASN; use 64512-65534 or 4200000000-4294967294 (EC2 API reference, TransitGatewayRequestOptions)",
    });

/** The hub's settings. See docs/configuration.md, "Network hub". */
export const networkHubSchema = z.strictObject({
    /** ASN of the gateway's side of the corporate BGP sessions (VPN, Direct Connect). Default 64512, AWS's default. */
    amazonSideAsn: amazonSideAsn.default(TRANSIT_GATEWAY_HUB_DEFAULTS.amazonSideAsn),
    /**
     * Equal-cost multipath over the corporate side's VPN tunnels. Default true (AWS's default):
     * it only spreads corporate traffic over several tunnels and opens no path.
     */
    vpnEcmpSupport: z.boolean().default(TRANSIT_GATEWAY_HUB_DEFAULTS.vpnEcmpSupport),
    /**
     * The accounts the gateway is shared with (RAM principals): the spokes. Default: the
     * directory's workload account. Never the whole organisation: an account not listed cannot
     * even request an attachment.
     */
    spokeAccountIds: z.array(accountId).min(1, { message: "is empty; list the workload accounts that attach to the hub" }).optional(),
});

export type NetworkHubConfig = z.infer<typeof networkHubSchema>;

type Issue = (path: (string | number)[], message: string) => void;

interface HubInputs {
    accounts: AccountsConfig;
    organizationId?: string;
    networkHub: NetworkHubConfig;
    stack: { upstream: { networkHub?: string } };
    network?: { transitGateway?: { id?: string; routeTableId?: string } };
}

/** The spokes the hub is shared with: `networkHub.spokeAccountIds`, else the workload account. */
export function hubSpokeAccountIds(cfg: Pick<HubInputs, "accounts" | "networkHub">): string[] {
    return cfg.networkHub.spokeAccountIds ?? [cfg.accounts.workload.accountId];
}

/**
 * The layer networkHub needs the organisation: RAM refuses a share without external principals
 * to accounts outside it (RAM user guide, "Errors when trying to share with accounts outside of
 * my organization"), and the network account keeps no trail of its own (the organisation trail
 * logs it, G11). `organizationTrail`: whether the config has the organisation trail.
 */
export function refineNetworkHubLayer(cfg: HubInputs, organizationTrail: boolean, issue: Issue): void {
    if (!cfg.organizationId) {
        issue(
            ["organizationId"],
            "missing; layer networkHub shares the transit gateway inside the organisation only (RAM, no external principals): set organizationId",
        );
    } else if (!organizationTrail) {
        issue(
            ["accounts"],
            "layer networkHub needs the organisation trail (accounts.logArchive and accounts.management with organizationId): the network account builds no trail of its own (G4, G11)",
        );
    }
    const spokes = hubSpokeAccountIds(cfg);
    const network = cfg.accounts.network?.accountId;
    spokes.forEach((id, i) => {
        const path = cfg.networkHub.spokeAccountIds ? ["networkHub", "spokeAccountIds", i] : ["networkHub", "spokeAccountIds"];
        if (id === network) issue(path, `"${id}" is the network account itself; list the workload accounts that attach to the hub`);
        if (spokes.indexOf(id) !== i) issue(path, `"${id}" is listed twice`);
    });
}

/**
 * The workload's hub comes from exactly one of `network.transitGateway.id` and
 * `stack.upstream.networkHub`; with the network stack, its route table comes from the contract
 * too, and the directory must name the network account (the contract's account is checked).
 */
export function refineHubReference(cfg: HubInputs, issue: Issue): void {
    const hubStack = cfg.stack.upstream.networkHub;
    const tgw = cfg.network?.transitGateway;
    if (hubStack !== undefined && !tgw) {
        issue(
            ["network", "transitGateway"],
            `missing; stack.upstream.networkHub names the network stack ${hubStack}, so the data VPC attaches to its hub: add network.transitGateway with corporateCidrs, or drop stack.upstream.networkHub`,
        );
        return;
    }
    if (!tgw) return;
    if (hubStack !== undefined && tgw.id !== undefined) {
        issue(
            ["network", "transitGateway", "id"],
            `"${tgw.id}" is set and stack.upstream.networkHub names the network stack ${hubStack}; take the hub from one of them: drop network.transitGateway.id to use the network stack's gateway, or drop stack.upstream.networkHub`,
        );
    }
    if (hubStack === undefined && tgw.id === undefined) {
        issue(
            ["network", "transitGateway", "id"],
            "missing; name the hub: stack.upstream.networkHub (the network stack, contract transitGatewayHub) or network.transitGateway.id (a gateway shared by hand)",
        );
    }
    if (hubStack !== undefined && tgw.routeTableId !== undefined) {
        issue(
            ["network", "transitGateway", "routeTableId"],
            `"${tgw.routeTableId}" is set, but the spoke route table comes from the network stack ${hubStack} (contract transitGatewayHub); drop network.transitGateway.routeTableId`,
        );
    }
    if (hubStack !== undefined && !cfg.accounts.network) {
        issue(
            ["accounts", "network"],
            `missing; stack.upstream.networkHub names the network stack ${hubStack}, whose contract is checked against the directory's network account: add accounts.network`,
        );
    }
}
