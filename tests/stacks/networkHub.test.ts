/**
 * The network stack (Pulumi.network.yaml, layer networkHub): the transit gateway hub, its two
 * route tables and its RAM share, planned through buildPlan with 0 mandatory findings; its
 * contract transitGatewayHub; and a prod-derived workload that reads the hub through
 * stack.upstream.networkHub (the network plan's outputs as the stack reference) planning with 0
 * mandatory findings, attached to the contract's gateway, while a contract from another account
 * is refused.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { buildPlan } from "../../plan/buildPlan";
import { ProgramFailedError } from "../../plan/engine";
import { packConfigPath, readPackConfig } from "../../plan/evaluate";
import { readStackConfigFile, stackConfigPath } from "../../plan/stackConfig";
import { Plan, PlanResource } from "../../plan/types";
import { transitGatewayHubContract } from "../../stacks/contracts/transitGatewayHub";
import { loadStackPlan } from "../harness/stackPlans";

const T = {
    tgw: "aws:ec2transitgateway/transitGateway:TransitGateway",
    routeTable: "aws:ec2transitgateway/routeTable:RouteTable",
    share: "aws:ram/resourceShare:ResourceShare",
    shareResource: "aws:ram/resourceAssociation:ResourceAssociation",
    sharePrincipal: "aws:ram/principalAssociation:PrincipalAssociation",
    attachment: "aws:ec2transitgateway/vpcAttachment:VpcAttachment",
    route: "aws:ec2/route:Route",
    reference: "pulumi:pulumi:StackReference",
};
const CORPORATE = ["10.0.0.0/12", "172.16.0.0/12"];
const ofType = (plan: Plan, type: string): PlanResource[] => plan.resources.filter((r) => r.type === type);
const mandatory = (plan: Plan) => plan.findings.filter((f) => f.level === "mandatory");

/** Prod's stack config attached to the network stack's hub (Pulumi.prod.yaml itself is not changed). */
function prodOnTheHub(): Record<string, unknown> {
    const config = readStackConfigFile(stackConfigPath("prod"));
    const platform = config["secure-ds:platform"] as { network: Record<string, unknown>; stack: { upstream: Record<string, string> } };
    platform.stack.upstream.networkHub = "network";
    platform.network.transitGateway = { corporateCidrs: CORPORATE };
    return config;
}

/** The mandatory pack config with the corporate ranges listed (the security team's side). */
function hubPackConfig(): string {
    const packConfig = readPackConfig(packConfigPath("mandatory")) as Record<string, unknown>;
    const file = path.join(fs.mkdtempSync(path.join(process.env.TMPDIR ?? "/tmp", "network-hub-pack-")), "pack.json");
    fs.writeFileSync(file, JSON.stringify({ ...packConfig, "transit-gateway-routes": { enforcementLevel: "mandatory", corporateCidrs: CORPORATE } }));
    return file;
}

let network: Plan;
beforeAll(async () => {
    network = await buildPlan({ stack: "network", config: readStackConfigFile(stackConfigPath("network")) });
}, 600_000);

describe("the network stack", () => {
    it("plans with no mandatory finding and no input AWS would reject, every resource in the network account", () => {
        expect(mandatory(network)).toEqual([]);
        expect(network.contractViolations).toEqual([]);
        const accounts = new Set(network.resources.filter((r) => r.custom && r.type !== T.reference && r.type.startsWith("aws:")).map((r) => r.account));
        expect([...accounts]).toEqual(["666666666666"]);
        expect(network.resources.filter((r) => r.type === "pulumi:providers:aws")).toHaveLength(1);
    });

    it("builds a transit gateway that places every attachment explicitly and accepts none by itself", () => {
        const [tgw, ...more] = ofType(network, T.tgw);
        expect(more).toEqual([]);
        expect(tgw.inputs).toMatchObject({
            amazonSideAsn: 64512,
            autoAcceptSharedAttachments: "disable",
            defaultRouteTableAssociation: "disable",
            defaultRouteTablePropagation: "disable",
            dnsSupport: "enable",
            vpnEcmpSupport: "enable",
        });
        expect(String(tgw.inputs.description)).not.toMatch(/['"]/);
        const tables = ofType(network, T.routeTable);
        expect(tables.map((t) => t.name).sort()).toEqual(["corporate-hub-corporate", "corporate-hub-spokes"]);
        for (const t of tables) expect(t.propertyDependencies.transitGatewayId).toEqual([tgw.urn]);
    });

    it("shares the gateway through RAM with the workload account only, never outside the organisation", () => {
        const [share] = ofType(network, T.share);
        expect(share.inputs.allowExternalPrincipals).toBe(false);
        expect(ofType(network, T.shareResource)).toHaveLength(1);
        expect(ofType(network, T.sharePrincipal).map((p) => p.inputs.principal)).toEqual(["444444444444"]);
    });

    it("exports contract transitGatewayHub, valid against its schema, from the network account", () => {
        const hub = transitGatewayHubContract.schema.parse(network.outputs.transitGatewayHub);
        expect(hub.accountId).toBe("666666666666");
        const [tgw] = ofType(network, T.tgw);
        expect(hub.transitGatewayId).toBe(tgw.outputs.id);
        expect(network.outputs.pipelinePlan).toMatchObject({ kind: "network" });
    });
});

describe("a prod-derived workload on the network stack's hub", () => {
    let plan: Plan;
    const references = () => ({
        "log-archive": structuredClone(loadStackPlan("log-archive").outputs),
        "shared-services": structuredClone(loadStackPlan("shared-services").outputs),
        network: structuredClone(network.outputs),
    });
    beforeAll(async () => {
        plan = await buildPlan({ stack: "prod", config: prodOnTheHub(), packConfigFile: hubPackConfig(), stackReferences: references() });
    }, 600_000);

    it("plans with no mandatory finding and no contract violation", () => {
        expect(mandatory(plan)).toEqual([]);
        expect(plan.contractViolations).toEqual([]);
    });

    it("reads the network stack and attaches to its gateway, the corporate routes towards it", () => {
        expect(
            ofType(plan, T.reference)
                .map((r) => r.name)
                .sort(),
        ).toEqual(["log-archive", "network", "shared-services"]);
        const hub = network.outputs.transitGatewayHub as { transitGatewayId: string };
        const [attachment] = ofType(plan, T.attachment);
        expect(attachment.inputs.transitGatewayId).toBe(hub.transitGatewayId);
        const hubRoutes = ofType(plan, T.route).filter((r) => r.inputs.transitGatewayId !== undefined);
        expect(hubRoutes).toHaveLength(3 * CORPORATE.length);
        for (const r of hubRoutes) expect(r.inputs.transitGatewayId).toBe(hub.transitGatewayId);
    });

    it("names the network stack and its route tables in the owner's steps", () => {
        const out = plan.outputs.corporateAccessPlan as { transitGateway: { id: string; networkStack: string; ownerSteps: string[] } };
        expect(out.transitGateway.networkStack).toBe("network");
        expect(out.transitGateway.id).toBe("network: transitGatewayHub.transitGatewayId");
        expect(out.transitGateway.ownerSteps.join("\n")).toMatch(/In the network stack network: associate it with the spokes route table/);
        // In the organisation with RAM sharing enabled, the share needs no accepting.
        expect(out.transitGateway.ownerSteps.join("\n")).not.toMatch(/accept-resource-share-invitation/);
    });

    it("refuses a hub contract from another account than the directory's network account", async () => {
        const refs = references();
        (refs.network.transitGatewayHub as Record<string, unknown>).accountId = "999999999999";
        let message = "(the plan succeeded)";
        try {
            await buildPlan({
                stack: "prod",
                config: prodOnTheHub(),
                packConfigFile: hubPackConfig(),
                stackReferences: refs,
                env: { PULUMI_NODEJS_TRANSPILE_ONLY: "true" },
            });
        } catch (err) {
            if (!(err instanceof ProgramFailedError)) throw err;
            message = err.message;
        }
        expect(message).toContain(
            'stack reference network: output "transitGatewayHub" comes from account 999999999999, but the config\'s networkHub account is 666666666666',
        );
    }, 600_000);
});
