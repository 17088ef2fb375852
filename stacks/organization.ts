import * as pulumi from "@pulumi/pulumi";
import { OrganizationGuardrails, OrganizationPlan } from "../components/governance/OrganizationGuardrails";
import { CustomerKey } from "../components/kms/CustomerKey";
import { ENVIRONMENTS } from "./config";
import { LayerContext } from "./context";
import { createLogsKey } from "./layerKeys";
import { platformInstanceTypes } from "./governanceLayer";

/**
 * Management account: OUs, SCP guardrails and tag policy. Optional: a customer without an
 * Organizations management account omits `accounts.management` and this layer is skipped.
 */
export class OrganizationLayer extends pulumi.ComponentResource {
    readonly logsKey: CustomerKey;
    readonly guardrails: OrganizationGuardrails;
    /** Summary for the offline plan (stack output `organizationPlan`). */
    readonly plan: OrganizationPlan;

    constructor(ctx: LayerContext, opts?: pulumi.ComponentResourceOptions) {
        super("secure-ds:stacks:OrganizationLayer", "management", {}, { ...opts, providers: { aws: ctx.provider } });
        const { cfg } = ctx;
        const gov = cfg.governance;
        if (!gov.organizationRootId) {
            // The schema refuses this combination; kept for callers that bypass it.
            throw new Error("OrganizationLayer: governance.organizationRootId is required with accounts.management.");
        }
        this.logsKey = createLogsKey(ctx, this);
        this.guardrails = new OrganizationGuardrails(
            "org",
            {
                rootId: gov.organizationRootId,
                naming: ctx.naming,
                account: ctx.aws,
                allowedInstanceTypes: platformInstanceTypes(cfg),
                appInstanceTypes: cfg.studio.instanceTypes,
                organizationId: cfg.organizationId,
                studioSourceIps: cfg.studio.presignedUrlSourceIps,
                breakGlassRoleArnPatterns: [gov.breakGlassRoleArnPattern],
                // Team names differ between stacks; only the environment values are organisation-wide.
                tagValues: { environment: [...ENVIRONMENTS] },
                accountPlacement: gov.accountPlacement,
                identityCenterInstanceArn: gov.identityCenterInstanceArn,
                scpsAlreadyAttached: gov.scpsAlreadyAttached,
            },
            { parent: this },
        );
        this.plan = this.guardrails.plan;
        this.registerOutputs({ logsKeyArn: this.logsKey.arn });
    }
}
