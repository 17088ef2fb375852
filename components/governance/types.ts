import * as pulumi from "@pulumi/pulumi";
import { AccountContext } from "../guardrails/arns";
import { NamingContext } from "../naming";

/** What every governance component needs to know about the account it deploys into. */
export interface GovernanceAccountArgs {
    /** Organization and environment: prefix of the component's names. Required. */
    naming: NamingContext;
    /** Partition, region and id of the account the component deploys into. Required. */
    account: AccountContext;
    /** Administrators of the component's customer keys. Required. */
    keyAdministrators: string[];
    /** The layer's CloudWatch Logs key (E8), for the component's log groups. Required. */
    logsKeyArn: pulumi.Input<string>;
}
