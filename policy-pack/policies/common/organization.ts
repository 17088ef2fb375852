/**
 * The pack config of the organisation rules (G11): which accounts are the delegated administrator
 * of the security services and the organisation trail, and which are member accounts under it.
 * A stack is recognised by the accounts its providers deploy into (accounts.ts). Empty lists
 * (the default) make the rules not apply: a stack outside an organisation keeps its own trail.
 */
import type { PolicyConfigSchema } from "@pulumi/policy";

/** The configSchema property naming the delegated administrator accounts. */
export const DELEGATED_ADMINISTRATOR_ACCOUNTS: PolicyConfigSchema["properties"][string] = {
    type: "array",
    items: { type: "string", pattern: "^\\d{12}$" },
    default: [],
    description:
        "Accounts that are the organisation's delegated administrator (the log-archive account): a stack deploying into one must carry the organisation-wide settings. Default none (the rule does not apply).",
};

/** The configSchema property naming the member accounts the organisation trail logs. */
export const ORGANIZATION_MEMBER_ACCOUNTS: PolicyConfigSchema["properties"][string] = {
    type: "array",
    items: { type: "string", pattern: "^\\d{12}$" },
    default: [],
    description:
        "Member accounts the organisation trail logs (shared services, workload): a stack deploying into one needs no trail of its own. Default none (the rule does not apply).",
};
