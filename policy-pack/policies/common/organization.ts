/**
 * The organisation rules (G11) apply to the stacks of some accounts of an organisation: the
 * delegated administrator of the security services and the organisation trail (the log-archive
 * account), or the member accounts the organisation trail logs. The pack never reads the stack
 * config, so the accounts come from the pack config, and a stack is recognised by the accounts its
 * providers deploy into (accounts.ts). Empty lists (the default) make a rule not apply: a stack
 * outside an organisation keeps its own trail.
 */
import type { PolicyConfigSchema, ReportViolation, StackValidationArgs } from "@pulumi/policy";
import { stackAccountsAmong } from "./accounts";
import type { SecureDsStackPolicy } from "./policy";

/** The organisation accounts a rule can be scoped to, by the pack-config property naming them. */
const ACCOUNT_SCOPES = {
    delegatedAdministratorAccountIds:
        "Accounts that are the organisation's delegated administrator (the log-archive account): a stack deploying into one must carry the organisation-wide settings. Default none (the rule does not apply).",
    memberAccountIds:
        "Member accounts the organisation trail logs (shared services, workload): a stack deploying into one needs no trail of its own. Default none (the rule does not apply).",
} as const;

export type AccountScope = keyof typeof ACCOUNT_SCOPES;

/**
 * A stack policy that runs only in the stacks of the accounts its pack config lists under `scope`,
 * and gets those accounts (for its messages).
 */
export function accountScopedStackPolicy(
    scope: AccountScope,
    policy: Omit<SecureDsStackPolicy, "validateStack" | "configSchema">,
    check: (args: StackValidationArgs, reportViolation: ReportViolation, accounts: string[]) => void,
): SecureDsStackPolicy {
    const schema: PolicyConfigSchema = {
        properties: { [scope]: { type: "array", items: { type: "string", pattern: "^\\d{12}$" }, default: [], description: ACCOUNT_SCOPES[scope] } },
    };
    return {
        ...policy,
        configSchema: schema,
        validateStack: (args, reportViolation) => {
            const configured = args.getConfig<Record<AccountScope, string[]>>()[scope];
            const accounts = stackAccountsAmong(args.resources, configured);
            if (accounts.length > 0) check(args, reportViolation, accounts);
        },
    };
}
