import * as pulumi from "@pulumi/pulumi";
import { UserConfig } from "../../stacks/schema/teams";

/** What a team gives the Studio domain for its user profiles and shared space. */
export interface TeamStudioBinding {
    teamName: string;
    /** The team's users from config. */
    users: UserConfig[];
    /** Execution role of the team's Studio apps (user profiles). */
    studioExecutionRoleArn: pulumi.Output<string>;
    /** Per-user execution roles when the team asks for them (user name → role ARN). */
    userExecutionRoleArns: Record<string, pulumi.Output<string>>;
    /** Execution role of the team's shared space. */
    spaceExecutionRoleArn: pulumi.Output<string>;
    /** Name of the team's human data-scientist role (federated; carries `studiouserid` session tags). */
    dataScientistRoleName: pulumi.Output<string>;
    /** Name of the team admin role. */
    teamAdminRoleName: pulumi.Output<string>;
    /** The team's customer key (volumes, outputs, buckets). */
    kmsKeyArn: pulumi.Output<string>;
    /** The team's bucket names by purpose: data, models, outputs. */
    bucketNames: Record<string, pulumi.Output<string>>;
    /** SSM Parameter Store path of the team's parameters, read by the Studio lifecycle script. */
    parameterPath: string;
}
