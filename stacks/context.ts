import * as aws from "@pulumi/aws";
import { AccountContext } from "../components/guardrails/arns";
import { NamingContext } from "../components/naming";
import { AccountConfig, AccountRole, Layer, PlatformConfig, keyAdministrators, mandatoryTags } from "./config";
import { layerAccountRole, stackLayers } from "./schema/stack";

/** What a layer needs to know about the account it deploys into. */
export interface LayerContext {
    cfg: PlatformConfig;
    layer: Layer;
    /** The role of the layer's account in the organisation (accounts.<role>). */
    accountRole: AccountRole;
    account: AccountConfig;
    /** partition, region and account id: everything an ARN needs, from config. */
    aws: AccountContext;
    naming: NamingContext;
    /** Administrators of the account's customer keys. */
    keyAdmins: string[];
    /** The stack's one provider: every layer of a stack shares it (one account per stack). */
    provider: aws.Provider;
}

/**
 * The stack's one AWS provider, for the one account its layers deploy into (config validation
 * refuses layers of several accounts). `allowedAccountIds` makes it refuse any other account (a
 * mistyped assume-role ARN cannot deploy into the wrong place), and `defaultTags` puts the
 * mandatory tags on every taggable resource (G1). Named after the account's role, so the URN
 * says which account a plan touches.
 */
function createStackProvider(cfg: PlatformConfig, role: AccountRole, account: AccountConfig): aws.Provider {
    return new aws.Provider(role, {
        region: cfg.region,
        allowedAccountIds: [account.accountId],
        assumeRoles: account.assumeRoleArn
            ? [{ roleArn: account.assumeRoleArn, sessionName: `secure-ds-${role}`, sourceIdentity: `secure-ds-${role}` }]
            : undefined,
        defaultTags: { tags: mandatoryTags(cfg) },
    });
}

/** One context per layer the stack builds, in deployment order, all on one provider. */
export function createLayerContexts(cfg: PlatformConfig): Map<Layer, LayerContext> {
    const layers = stackLayers(cfg);
    const first = layers[0];
    if (first === undefined) throw new Error("createLayerContexts: the stack builds no layer");
    // The first layer's account is every layer's account (refineStack); its role names the provider.
    const role = layerAccountRole(cfg.accounts, first);
    const account = cfg.accounts[role];
    if (!account) throw new Error(`createLayerContexts: layer ${first} has no account configured (accounts.${role})`);
    const provider = createStackProvider(cfg, role, account);
    const contexts = new Map<Layer, LayerContext>();
    for (const layer of layers) {
        contexts.set(layer, {
            cfg,
            layer,
            accountRole: layerAccountRole(cfg.accounts, layer),
            account,
            aws: { partition: cfg.partition, region: cfg.region, accountId: account.accountId },
            naming: { organization: cfg.organization, environment: cfg.environment },
            keyAdmins: keyAdministrators(account),
            provider,
        });
    }
    return contexts;
}
