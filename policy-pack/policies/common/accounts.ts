/**
 * The accounts a stack deploys into, as its AWS providers say (`allowedAccountIds`, which every
 * layer provider sets from the stack config: stacks/context.ts). Stack policies that apply to one
 * account of an organisation (the delegated administrator, the member accounts) compare these
 * with account ids of their pack config: the pack itself never reads the stack config.
 */
import type { PolicyResource } from "@pulumi/policy";
import { NOT_KNOWN, known } from "./preview";
import { decoded, strings } from "./values";
import { TYPES } from "./types";

export function stackAccounts(resources: PolicyResource[]): Set<string> {
    const providers = [
        ...resources.filter((r) => r.type === TYPES.awsProvider).map((r) => r.props),
        ...resources.map((r) => r.provider?.props).filter((p): p is Record<string, unknown> => p !== undefined),
    ];
    const accounts = new Set<string>();
    for (const props of providers) {
        const ids = known(() => strings(decoded(props.allowedAccountIds)));
        if (ids !== NOT_KNOWN) ids.forEach((a) => accounts.add(a));
    }
    return accounts;
}

/** The configured accounts this stack deploys into (none: the rule does not apply to this stack). */
export function stackAccountsAmong(resources: PolicyResource[], configured: readonly string[]): string[] {
    const mine = stackAccounts(resources);
    return configured.filter((a) => mine.has(a));
}
