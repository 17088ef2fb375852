/**
 * The presigned-URL perimeter of the human data-scientist role (I1, N8, I6, I7, G2), after the
 * whitepaper's "common guardrails" (docs/sources.md) with its typos and gaps fixed:
 * - I1: a user opens only the profile tagged with their own `studiouserid`. The user-profile
 *   resource type supports `sagemaker:ResourceTag/${TagKey}`; CreatePresignedDomainUrl itself has
 *   no action-level keys, so the tag test is the only way to bind caller and profile.
 * - N8: an explicit Deny unless the request comes from a configured corporate range OR through
 *   one of the platform's SageMaker endpoints. Conditions in one statement are ANDed, so "deny
 *   unless A or B" is one statement with both negated tests; through a VPC endpoint
 *   `aws:SourceIp` is absent, and a negated operator on an absent key matches, so the endpoint
 *   test alone decides there.
 * - I6/I7/G2: users cannot touch image configs, cannot start apps on unapproved images and
 *   cannot start apps on instance types off the allow-list.
 */
import { PolicyDocument, Statement, policyDocument } from "./document";
import { instanceTypeGuardrails } from "./sagemaker";

export interface PresignedUrlPerimeterArgs {
    partition: string;
    region: string;
    accountId: string;
    /** Id of the team's Studio domain (d-...): presigned URLs are scoped to its profiles. */
    domainId: string;
    /** Corporate egress CIDRs allowed to request presigned URLs. May be empty. */
    sourceIps: string[];
    /**
     * VPC endpoint ids through which requests are allowed: the Studio endpoint
     * (`aws.sagemaker.<region>.studio`, where the URL is redeemed) and the SageMaker API endpoint
     * (where it is created). At least one unless sourceIps is set.
     */
    vpcEndpointIds: string[];
    /** ARNs (or ARN patterns) of the images users may start apps on (I7). */
    approvedImageArns: string[];
    /** Instance types users may start apps on (G2); "system" is always added. */
    allowedInstanceTypes: string[];
}

/** Tag key that binds a Studio user profile to the person who may open it (I1, I2). */
export const STUDIO_USER_TAG = "studiouserid";

/** Actions that open a Studio session for a user profile. */
const PRESIGNED_URL_ACTIONS = ["sagemaker:CreatePresignedDomainUrl", "sagemaker:DescribeUserProfile"];

/** I6: image configs decide UID/GID and entrypoints of every app; only the platform changes them. */
const APP_IMAGE_CONFIG_ACTIONS = ["sagemaker:CreateAppImageConfig", "sagemaker:UpdateAppImageConfig", "sagemaker:DeleteAppImageConfig"];

/** Actions whose requests carry `sagemaker:ImageArns` for Studio apps and spaces (I7). */
const STUDIO_IMAGE_ACTIONS = ["sagemaker:CreateApp", "sagemaker:CreateSpace", "sagemaker:UpdateSpace"];

/**
 * SageMaker Distribution images (the Studio default), owned by an AWS account that differs per
 * region, hence the account wildcard. Images of other accounts cannot back a Studio app.
 */
export function sageMakerDistributionImageArns(partition: string, region: string): string[] {
    return [`arn:${partition}:sagemaker:${region}:*:image/sagemaker-distribution-*`];
}

/**
 * I7: denied when any requested image matches no approved pattern (ForAnyValue:StringNotLike). A
 * request that names no image uses the domain default and is not affected. On the human role (the
 * perimeter) and on the execution roles: Studio calls CreateApp with the execution role.
 */
export function unapprovedImageGuardrail(approvedImageArns: string[]): Statement {
    if (approvedImageArns.length === 0) throw new Error("unapprovedImageGuardrail: no approved image; every app launch would be denied.");
    return {
        Sid: "DenyUnapprovedImages",
        Effect: "Deny",
        Action: STUDIO_IMAGE_ACTIONS,
        Resource: "*",
        Condition: { "ForAnyValue:StringNotLike": { "sagemaker:ImageArns": approvedImageArns } },
    };
}

/**
 * I1: the profile opened must carry the caller's own studiouserid. Shared by the perimeter and the
 * Identity Center permission sets.
 */
export function profileBindingDenies(): Statement[] {
    return [
        {
            // A Deny, not only a narrower Allow: another policy on the role (a managed policy
            // added later) must not widen who may open a profile.
            Sid: "DenyOtherUsersProfiles",
            Effect: "Deny",
            Action: PRESIGNED_URL_ACTIONS,
            Resource: "*",
            Condition: { StringNotEquals: { [`sagemaker:ResourceTag/${STUDIO_USER_TAG}`]: `\${aws:PrincipalTag/${STUDIO_USER_TAG}}` } },
        },
        {
            // The Deny above cannot catch a session without the tag: a policy variable whose key
            // is absent makes its condition false, so another Allow on the role (a managed policy
            // added later) would open every profile to an untagged session.
            Sid: "DenySessionsWithoutStudioUserId",
            Effect: "Deny",
            Action: PRESIGNED_URL_ACTIONS,
            Resource: "*",
            Condition: { Null: { [`aws:PrincipalTag/${STUDIO_USER_TAG}`]: "true" } },
        },
    ];
}

/** N8: presigned URLs only from the corporate ranges or through the given endpoints (at least one of the two). */
export function presignedUrlNetworkDeny(sourceIps: string[], vpcEndpointIds: string[]): Statement {
    if (sourceIps.length === 0 && vpcEndpointIds.length === 0) throw new Error("presignedUrlNetworkDeny: no source range and no endpoint.");
    const networkTests: Record<string, Record<string, string[]>> = {};
    if (sourceIps.length > 0) networkTests.NotIpAddress = { "aws:SourceIp": sourceIps };
    if (vpcEndpointIds.length > 0) networkTests.StringNotEquals = { "aws:SourceVpce": vpcEndpointIds };
    return { Sid: "DenyPresignedUrlOutsideCorporateNetworkOrVpce", Effect: "Deny", Action: PRESIGNED_URL_ACTIONS, Resource: "*", Condition: networkTests };
}

function userProfileArnPattern(args: Pick<PresignedUrlPerimeterArgs, "partition" | "region" | "accountId" | "domainId">): string {
    return `arn:${args.partition}:sagemaker:${args.region}:${args.accountId}:user-profile/${args.domainId}/*`;
}

export function presignedUrlPerimeter(args: PresignedUrlPerimeterArgs): PolicyDocument {
    if (args.sourceIps.length === 0 && args.vpcEndpointIds.length === 0) {
        throw new Error(
            "presignedUrlPerimeter: neither sourceIps nor vpcEndpointIds is set, so no request could ever open Studio; configure studio.presignedUrlSourceIps or give the Studio VPC endpoint id.",
        );
    }
    if (args.approvedImageArns.length === 0) {
        throw new Error(
            "presignedUrlPerimeter: approvedImageArns is empty; every app launch would be denied. Include at least the SageMaker Distribution images.",
        );
    }
    const profiles = userProfileArnPattern(args);
    const allowedTypes = args.allowedInstanceTypes.includes("system") ? args.allowedInstanceTypes : [...args.allowedInstanceTypes, "system"];

    const statements: Statement[] = [
        {
            Sid: "OpenOwnStudioProfile",
            Effect: "Allow",
            Action: PRESIGNED_URL_ACTIONS,
            Resource: profiles,
            Condition: { StringEquals: { [`sagemaker:ResourceTag/${STUDIO_USER_TAG}`]: `\${aws:PrincipalTag/${STUDIO_USER_TAG}}` } },
        },
        ...profileBindingDenies(),
        presignedUrlNetworkDeny(args.sourceIps, args.vpcEndpointIds),
        {
            Sid: "DenyAppImageConfigChanges",
            Effect: "Deny",
            Action: APP_IMAGE_CONFIG_ACTIONS,
            Resource: "*",
        },
        unapprovedImageGuardrail(args.approvedImageArns),
        ...instanceTypeGuardrails(allowedTypes),
    ];
    return policyDocument(statements);
}
