import type * as pulumi from "@pulumi/pulumi";

/** What a team user is: the team's administrator or a data scientist. */
export const TEAM_USER_ROLES = ["admin", "scientist"] as const;
export type TeamUserRole = (typeof TEAM_USER_ROLES)[number];

/** One Studio user of a team. */
export interface TeamUser {
    /** User id, lower-case: the Studio user profile name and the `studiouserid` tag value (I1, I2). Required. */
    name: string;
    /** admin: may assume the team admin role; scientist: a data scientist. Required. */
    role: TeamUserRole;
    /** E-mail address; required only when Identity Center user names are e-mail addresses. Default: none. */
    email?: string;
}

/**
 * Who may assume the team's human roles. Exactly one of `samlProviderArn` and `principalArns`;
 * either way the caller passes the session tag `studiouserid` naming one of the team's users (I1).
 */
export interface TeamFederation {
    /** The corporate IdP's SAML provider (AssumeRoleWithSAML). Default: none. */
    samlProviderArn?: string;
    /** IAM principals that call AssumeRole with the `studiouserid` session tag. Default: none. */
    principalArns?: string[];
    /** With `principalArns`: the team admin role requires MFA on the caller's session (I8). Default true. */
    requireMfaForAdmin?: boolean;
}

/** One budget alert: a percentage of the monthly amount, on actual or forecasted spend. */
export interface BudgetAlert {
    /** Percentage of the monthly budget that triggers the alert. Required. */
    percent: number;
    /** ACTUAL (spent) or FORECASTED (AWS forecast for the month). Required. */
    type: "ACTUAL" | "FORECASTED";
}

/** One data-science team as TeamEnvironment builds it (the config's `teams[]` entry maps onto it). */
export interface TeamSpec {
    /** Team name, lower-case: part of every physical name of the team. Required. */
    name: string;
    /** Monthly budget in USD for the team's AWS Budget (G6). Required. */
    monthlyBudgetUsd: number;
    /** Addresses alerted when the budget crosses a threshold. Default none (the budget has no notifications). */
    budgetAlertEmails?: string[];
    /** When the budget alerts. Default 80% of actual and 100% of forecasted spend. */
    budgetAlerts?: BudgetAlert[];
    /** Who may assume the team's human roles. Required. */
    federation: TeamFederation;
    /** One execution role per user instead of one per team. Default false. */
    perUserExecutionRoles?: boolean;
    /** Deny jobs and models without container network isolation (N4). Default false. */
    networkIsolation?: boolean;
    /** Longest training or processing job, in hours (G3), at most MAX_JOB_RUNTIME_HOURS. Default 24. */
    maxJobRuntimeHours?: number;
    /** Instance types of the team's jobs and endpoints (G2). Default: the app instance types. */
    jobInstanceTypes?: string[];
    /** An access point on the platform's shared data lake. Default false. */
    dataLake?: boolean;
    /** The team's users; at least one admin. Required. */
    users: TeamUser[];
}

/** What a team gives the Studio domain for its user profiles and shared space. */
export interface TeamStudioBinding {
    teamName: string;
    /** The team's users. */
    users: TeamUser[];
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
