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
    // Every resource carries its provider's props; most share a handful of providers (the same
    // object in-process, equal JSON over the protocol). Each props object and each JSON string is
    // read once: the result is a union, so repeats add nothing.
    const providers = new Set<Record<string, unknown>>();
    for (const r of resources) if (r.type === TYPES.awsProvider) providers.add(r.props);
    for (const r of resources) if (r.provider?.props !== undefined) providers.add(r.provider.props);
    const accounts = new Set<string>();
    const decodedStrings = new Set<string>();
    for (const props of providers) {
        const raw = known(() => props.allowedAccountIds);
        if (raw === NOT_KNOWN) continue;
        if (typeof raw === "string") {
            if (decodedStrings.has(raw)) continue;
            decodedStrings.add(raw);
        }
        const ids = known(() => strings(decoded(raw)));
        if (ids !== NOT_KNOWN) ids.forEach((a) => accounts.add(a));
    }
    return accounts;
}

/** The configured accounts this stack deploys into (none: the rule does not apply to this stack). */
export function stackAccountsAmong(resources: PolicyResource[], configured: readonly string[]): string[] {
    const mine = stackAccounts(resources);
    return configured.filter((a) => mine.has(a));
}
