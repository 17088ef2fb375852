import * as pulumi from "@pulumi/pulumi";
import { DelegatedAdministrators } from "../components/governance/DelegatedAdministrators";
import { OrganizationGuardrails, OrganizationPlan } from "../components/governance/OrganizationGuardrails";
import { CustomerKey } from "../components/kms/CustomerKey";
import { ENVIRONMENTS } from "./config";
import { LayerContext } from "./context";
import { createLogsKey } from "./layerKeys";
import { organizationTrailOf, platformInstanceTypes } from "./governanceLayer";

/**
 * Management account: OUs, SCP guardrails and tag policy. Optional: a customer without an
 * Organizations management account omits `accounts.management` and this layer is skipped.
 */
export class OrganizationLayer extends pulumi.ComponentResource {
    readonly logsKey: CustomerKey;
    readonly guardrails: OrganizationGuardrails;
    /** GuardDuty, Security Hub, Macie, AWS Config and CloudTrail (the organisation trail) administered by the log-archive account (G11), when the organisation has one. */
    readonly delegatedAdministrators?: DelegatedAdministrators;
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
                allowedInstanceTypes: gov.instanceTypeCeiling ?? platformInstanceTypes(cfg),
                breakGlassRoleArnPatterns: [
                    gov.breakGlassRoleArnPattern ??
                        `arn:${cfg.partition}:iam::${(cfg.accounts.logArchive ?? cfg.accounts.sharedServices).accountId}:role/secure-ds-break-glass`,
                ],
                deployRoleArns: Object.values(cfg.accounts).flatMap((a) => (a?.assumeRoleArn ? [a.assumeRoleArn] : [])),
                appInstanceTypes: cfg.studio.instanceTypes,
                organizationId: cfg.organizationId,
                studioSourceIps: cfg.studio.presignedUrlSourceIps,
                // Team names differ between stacks; only the environment values are organisation-wide.
                tagValues: { environment: [...ENVIRONMENTS] },
                accountPlacement: gov.accountPlacement,
                identityCenterInstanceArn: gov.identityCenterInstanceArn,
                scpsAlreadyAttached: gov.scpsAlreadyAttached,
                // The organisation trail is the log-archive account's to change (G11).
                organizationTrailAdministratorAccountId: organizationTrailOf(cfg) ? cfg.accounts.logArchive?.accountId : undefined,
            },
            { parent: this },
        );
        this.plan = this.guardrails.plan;
        const securityAccount = cfg.accounts.logArchive;
        if (cfg.organizationId && securityAccount && securityAccount.accountId !== ctx.aws.accountId) {
            this.delegatedAdministrators = new DelegatedAdministrators(
                "delegated-admins",
                {
                    partition: cfg.partition,
                    managementAccountId: ctx.aws.accountId,
                    adminAccountId: securityAccount.accountId,
                    guardDuty: gov.securityServices.guardDuty,
                    securityHub: gov.securityServices.securityHub,
                    macie: gov.securityServices.macie,
                    config: gov.awsConfig.enabled,
                },
                { parent: this },
            );
        }
        this.registerOutputs({ logsKeyArn: this.logsKey.arn });
    }
}
