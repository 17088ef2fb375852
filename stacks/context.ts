import * as aws from "@pulumi/aws";
import { AccountContext } from "../components/guardrails/arns";
import { NamingContext } from "../components/naming";
import { AccountConfig, Layer, PlatformConfig, keyAdministrators, mandatoryTags } from "./config";

/** What a layer needs to know about the account it deploys into. */
export interface LayerContext {
    cfg: PlatformConfig;
    layer: Layer;
    account: AccountConfig;
    /** partition, region and account id: everything an ARN needs, from config. */
    aws: AccountContext;
    naming: NamingContext;
    /** Administrators of the layer's customer keys. */
    keyAdmins: string[];
    provider: aws.Provider;
}

/**
 * One explicit provider per account layer. `allowedAccountIds` makes the provider refuse to
 * touch any other account (a mistyped assume-role ARN cannot deploy into the wrong place), and
 * `defaultTags` puts the mandatory tags on every taggable resource (G1).
 */
export function createLayerContext(cfg: PlatformConfig, layer: Layer): LayerContext {
    const account = cfg.accounts[layer];
    if (!account) {
        throw new Error(`createLayerContext: layer ${layer} has no account configured`);
    }
    const provider = new aws.Provider(`${layer}`, {
        region: cfg.region,
        allowedAccountIds: [account.accountId],
        assumeRoles: account.assumeRoleArn
            ? [{ roleArn: account.assumeRoleArn, sessionName: `secure-ds-${layer}`, sourceIdentity: `secure-ds-${layer}` }]
            : undefined,
        defaultTags: { tags: mandatoryTags(cfg) },
    });
    return {
        cfg,
        layer,
        account,
        aws: { partition: cfg.partition, region: cfg.region, accountId: account.accountId },
        naming: { organization: cfg.organization, environment: cfg.environment },
        keyAdmins: keyAdministrators(account),
        provider,
    };
}
