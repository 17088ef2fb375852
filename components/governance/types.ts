import * as pulumi from "@pulumi/pulumi";
import { NamingContext } from "../naming";

/** What every governance component needs to know about the account it deploys into. */
export interface GovernanceAccountArgs {
    naming: NamingContext;
    partition: string;
    region: string;
    /** The account the component deploys into. */
    accountId: string;
    /** Administrators of the component's customer keys. */
    keyAdministrators: string[];
    /** The layer's CloudWatch Logs key (E8), for the component's log groups. */
    logsKeyArn: pulumi.Input<string>;
}
