import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { STUDIO_USER_TAG } from "../guardrails/studioAccess";

/** Creates the security group of one user profile (NetworkContext.userSecurityGroup). */
export type UserSecurityGroupFactory = (userName: string, parent: pulumi.Resource) => pulumi.Output<string>;

export interface StudioUserProfileArgs {
    /** The Studio domain the profile belongs to. Required. */
    domainId: pulumi.Input<string>;
    /** The user's name: the profile name and the `studiouserid` tag value (I1, I2). Required. */
    userName: string;
    /** Team of the user: the `team` tag (G1, cost attribution). Required. */
    teamName: string;
    /** Creates the user's own security group (N9). Required. */
    securityGroup: UserSecurityGroupFactory;
    /**
     * Execution role of the user's apps. UserSettings cannot omit it, so it is always set: the
     * team role (the domain default) or the user's own role.
     * Required.
     */
    executionRoleArn: pulumi.Input<string>;
    /** IAM Identity Center user name, for SSO domains. Default: none (IAM domains). */
    ssoUserName?: string;
    /** Extra tags. Default: none. */
    tags?: Record<string, string>;
}

/** SageMaker's user profile name rule. */
const PROFILE_NAME = /^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}$/;

/**
 * One Studio user: a profile tagged with its owner's `studiouserid` and running in its own
 * security group, so one user's apps cannot reach another's (N9). Its userSettings hold only
 * what differs from the domain defaults (security group, and the role, which the API requires).
 * Everything here is named after the user, so adding a user adds only this component.
 */
export class StudioUserProfile extends pulumi.ComponentResource {
    readonly profile: aws.sagemaker.UserProfile;
    readonly arn: pulumi.Output<string>;
    readonly securityGroupId: pulumi.Output<string>;
    readonly homeEfsFileSystemUid: pulumi.Output<string>;

    constructor(name: string, args: StudioUserProfileArgs, opts?: pulumi.ComponentResourceOptions) {
        super("secure-ds:studio:StudioUserProfile", name, {}, opts);
        if (!PROFILE_NAME.test(args.userName)) {
            throw new Error(
                `StudioUserProfile ${name}: user name "${args.userName}" is not a valid Studio profile name; use letters, digits and hyphens, at most 63 characters.`,
            );
        }
        this.securityGroupId = args.securityGroup(args.userName, this);
        this.profile = new aws.sagemaker.UserProfile(
            `${name}`,
            {
                domainId: args.domainId,
                userProfileName: args.userName,
                ...(args.ssoUserName !== undefined ? { singleSignOnUserIdentifier: "UserName", singleSignOnUserValue: args.ssoUserName } : {}),
                userSettings: {
                    executionRole: args.executionRoleArn,
                    securityGroups: [this.securityGroupId],
                },
                tags: { ...(args.tags ?? {}), team: args.teamName, [STUDIO_USER_TAG]: args.userName },
            },
            { parent: this },
        );
        this.arn = this.profile.arn;
        this.homeEfsFileSystemUid = this.profile.homeEfsFileSystemUid;
        this.registerOutputs({ arn: this.arn, securityGroupId: this.securityGroupId });
    }
}
