/**
 * The network hub's config (layer networkHub, `networkHub:`) and a workload's reference to it:
 * exactly one of network.transitGateway.id and stack.upstream.networkHub, each bad input one
 * line naming the key and the fix.
 */
import { describe, expect, it } from "vitest";
import { parsePlatformConfig } from "../../stacks/config";
import { stackLayers } from "../../stacks/schema/stack";
import { configProblems, rawStackConfig } from "../harness/configCases";

const CORPORATE = ["10.0.0.0/12"];
const P = "secure-ds:platform";

describe("the network stack (layer networkHub)", () => {
    it("Pulumi.network.yaml builds layer networkHub alone, in the network account, shared with the workload account", () => {
        const cfg = parsePlatformConfig(rawStackConfig("network"));
        expect(stackLayers(cfg)).toEqual(["networkHub"]);
        expect(cfg.accounts.network?.accountId).toBe("666666666666");
        expect(cfg.networkHub).toEqual({ amazonSideAsn: 64512, vpnEcmpSupport: true });
    });

    it.each([
        [64511, false],
        [64512, true],
        [65534, true],
        [65535, false],
        [4199999999, false],
        [4200000000, true],
        [4294967294, true],
        [4294967295, false],
    ])("amazonSideAsn %d is %s a private ASN (EC2 API reference ranges)", (asn, ok) => {
        const raw = rawStackConfig("network");
        raw.networkHub = { amazonSideAsn: asn };
        const problems = configProblems(raw);
        if (ok) expect(problems).toEqual([]);
        else
            expect(problems).toEqual([
                `${P}.networkHub.amazonSideAsn: ${asn} is not a private ASN; use 64512-65534 or 4200000000-4294967294 (EC2 API reference, TransitGatewayRequestOptions)`,
            ]);
    });

    it("needs the organisation: without organizationId the share would leave it", () => {
        const raw = rawStackConfig("network");
        delete raw.organizationId;
        expect(configProblems(raw)).toContain(
            `${P}.organizationId: missing; layer networkHub shares the transit gateway inside the organisation only (RAM, no external principals): set organizationId`,
        );
    });

    it("needs the organisation trail: the network account has no trail of its own", () => {
        const raw = rawStackConfig("network");
        delete raw.accounts.logArchive;
        expect(configProblems(raw)).toContain(
            `${P}.accounts: layer networkHub needs the organisation trail (accounts.logArchive and accounts.management with organizationId): the network account builds no trail of its own (G4, G11)`,
        );
    });

    it("refuses the network account itself and duplicates as spokes", () => {
        const raw = rawStackConfig("network");
        raw.networkHub = { spokeAccountIds: ["444444444444", "666666666666", "444444444444"] };
        expect(configProblems(raw)).toEqual([
            `${P}.networkHub.spokeAccountIds[1]: "666666666666" is the network account itself; list the workload accounts that attach to the hub`,
            `${P}.networkHub.spokeAccountIds[2]: "444444444444" is listed twice`,
        ]);
    });
});

describe("a workload's hub: network.transitGateway.id or stack.upstream.networkHub, exactly one", () => {
    const workload = () => {
        const raw = rawStackConfig("prod");
        raw.stack = { ...raw.stack, upstream: { ...raw.stack?.upstream, networkHub: "network" } };
        raw.network.transitGateway = { corporateCidrs: CORPORATE };
        return raw;
    };

    it("the network stack alone is accepted", () => {
        expect(configProblems(workload())).toEqual([]);
    });

    it("both are refused, naming the two keys", () => {
        const raw = workload();
        raw.network.transitGateway = { id: "tgw-0123456789abcdef0", corporateCidrs: CORPORATE };
        expect(configProblems(raw)).toEqual([
            `${P}.network.transitGateway.id: "tgw-0123456789abcdef0" is set and stack.upstream.networkHub names the network stack network; take the hub from one of them: drop network.transitGateway.id to use the network stack's gateway, or drop stack.upstream.networkHub`,
        ]);
    });

    it("neither is refused, naming the two keys", () => {
        const raw = rawStackConfig("prod");
        raw.network.transitGateway = { corporateCidrs: CORPORATE };
        expect(configProblems(raw)).toEqual([
            `${P}.network.transitGateway.id: missing; name the hub: stack.upstream.networkHub (the network stack, contract transitGatewayHub) or network.transitGateway.id (a gateway shared by hand)`,
        ]);
    });

    it("the route table comes from the contract with the network stack", () => {
        const raw = workload();
        raw.network.transitGateway = { routeTableId: "tgw-rtb-0123456789abcdef0", corporateCidrs: CORPORATE };
        expect(configProblems(raw)).toEqual([
            `${P}.network.transitGateway.routeTableId: "tgw-rtb-0123456789abcdef0" is set, but the spoke route table comes from the network stack network (contract transitGatewayHub); drop network.transitGateway.routeTableId`,
        ]);
    });

    it("the reference without a transitGateway section, or without the network account, is refused", () => {
        const raw = workload();
        delete raw.network.transitGateway;
        expect(configProblems(raw)).toEqual([
            `${P}.network.transitGateway: missing; stack.upstream.networkHub names the network stack network, so the data VPC attaches to its hub: add network.transitGateway with corporateCidrs, or drop stack.upstream.networkHub`,
        ]);
        const noAccount = workload();
        delete noAccount.accounts.network;
        expect(configProblems(noAccount)).toEqual([
            `${P}.accounts.network: missing; stack.upstream.networkHub names the network stack network, whose contract is checked against the directory's network account: add accounts.network`,
        ]);
    });

    it("only a workload stack may name the hub", () => {
        const raw = rawStackConfig("shared-services");
        raw.stack = { ...raw.stack, upstream: { ...raw.stack?.upstream, networkHub: "network" } };
        expect(configProblems(raw)).toEqual([
            `${P}.stack.upstream.networkHub: "network" is named but this stack does not build layer workload; only the workload stack attaches its data VPC to the hub: drop the reference`,
        ]);
    });
});
