/**
 * Trust policies of a team's roles (I3, I5, I8): each names exactly who may assume the role.
 *
 * - Human roles (team admin, data scientist) trust the configured federation principal only, and
 *   only with a `studiouserid` session tag naming one of the team's users (admins only, for the
 *   admin role). The tag becomes `aws:PrincipalTag/studiouserid`, which the role policies and the
 *   Studio presigned-URL perimeter (I1) key on.
 * - Execution roles trust the SageMaker service principal only. The Studio roles also allow
 *   `sts:SetSourceIdentity`: with the domain's `executionRoleIdentityConfig: USER_PROFILE_NAME`,
 *   SageMaker sets the profile name as source identity, so CloudTrail names the user (I5).
 */
import { servicePrincipal } from "./arns";
import { PolicyDocument, Statement, policyDocument } from "./document";

/** The audience of an AWS console SAML sign-in. */
export const SAML_SIGNIN_AUDIENCE = "https://signin.aws.amazon.com/saml";

export type HumanTrust = { kind: "saml"; samlProviderArn: string } | { kind: "principals"; principalArns: string[]; requireMfa: boolean };

export interface HumanTrustArgs {
    trust: HumanTrust;
    /** `studiouserid` values allowed to assume the role. At least one. */
    allowedUsers: string[];
    /**
     * The SAML presigned-URL broker's role (components/access/SamlBroker.ts), when it serves the
     * team: it may assume the role too, only as one of `allowedUsers`. Default: none.
     */
    samlBrokerRoleArn?: string;
}

/**
 * Trust of a human role. `StringEquals` on `aws:RequestTag/studiouserid` also requires the tag:
 * a session without it matches no Allow.
 */
export function humanRoleTrustPolicy(args: HumanTrustArgs): PolicyDocument {
    if (args.allowedUsers.length === 0) {
        throw new Error("humanRoleTrustPolicy: allowedUsers is empty; a human role must name the users who may assume it.");
    }
    const tagCondition = { "aws:RequestTag/studiouserid": args.allowedUsers };
    const statements: Statement[] = [];
    if (args.trust.kind === "saml") {
        statements.push({
            Sid: "FederatedSignInWithStudioUserTag",
            Effect: "Allow",
            Principal: { Federated: args.trust.samlProviderArn },
            Action: ["sts:AssumeRoleWithSAML", "sts:TagSession"],
            Condition: { StringEquals: { "saml:aud": SAML_SIGNIN_AUDIENCE, ...tagCondition } },
        });
        statements.push({
            // The IdP may also set the source identity; only to one of the team's user ids (I5).
            Sid: "SourceIdentityIsTheStudioUser",
            Effect: "Allow",
            Principal: { Federated: args.trust.samlProviderArn },
            Action: "sts:SetSourceIdentity",
            Condition: { StringEquals: { "sts:SourceIdentity": args.allowedUsers } },
        });
    } else {
        if (args.trust.principalArns.length === 0) {
            throw new Error("humanRoleTrustPolicy: principalArns is empty; name the principals that may assume the role.");
        }
        statements.push({
            Sid: "BrokerAssumeWithStudioUserTag",
            Effect: "Allow",
            Principal: { AWS: args.trust.principalArns },
            Action: ["sts:AssumeRole", "sts:TagSession"],
            Condition: {
                StringEquals: tagCondition,
                // I8: the admin role needs an MFA-authenticated caller. Bool (not BoolIfExists): a
                // session without the key has no MFA and must not match.
                ...(args.trust.requireMfa ? { Bool: { "aws:MultiFactorAuthPresent": "true" } } : {}),
            },
        });
        statements.push({
            Sid: "SourceIdentityIsTheStudioUser",
            Effect: "Allow",
            Principal: { AWS: args.trust.principalArns },
            Action: "sts:SetSourceIdentity",
            Condition: { StringEquals: { "sts:SourceIdentity": args.allowedUsers } },
        });
    }
    if (args.samlBrokerRoleArn) statements.push(...samlBrokerTrustStatements(args.samlBrokerRoleArn, args.allowedUsers));
    return policyDocument(statements);
}

/**
 * The broker's way in (I1, I5): after a valid assertion it assumes the role tagged with the
 * asserted user and nothing else (`ForAllValues` on `aws:TagKeys`: no second tag rides along), and
 * names that user as source identity, so CloudTrail shows the user, not the broker. A trust that
 * names a role of the same account by ARN is enough on its own (IAM User Guide, "Policy evaluation
 * logic"), so these conditions are what binds the broker; its own policy (samlBroker.ts) says the
 * same from its side.
 */
function samlBrokerTrustStatements(brokerRoleArn: string, users: string[]): Statement[] {
    return [
        {
            Sid: "SamlBrokerAssumeAsStudioUser",
            Effect: "Allow",
            Principal: { AWS: brokerRoleArn },
            Action: ["sts:AssumeRole", "sts:TagSession"],
            Condition: {
                StringEquals: { "aws:RequestTag/studiouserid": users },
                "ForAllValues:StringEquals": { "aws:TagKeys": ["studiouserid"] },
            },
        },
        {
            Sid: "SamlBrokerSourceIdentityIsTheStudioUser",
            Effect: "Allow",
            Principal: { AWS: brokerRoleArn },
            Action: "sts:SetSourceIdentity",
            Condition: { StringEquals: { "sts:SourceIdentity": users } },
        },
    ];
}

export interface ExecutionTrustArgs {
    partition: string;
    /** Allow `sts:SetSourceIdentity` (Studio user profiles and spaces, I5). */
    sourceIdentity: boolean;
}

/**
 * Trust of an execution role: SageMaker only. No aws:SourceAccount condition: SageMaker assumes a
 * role only after a principal of this account passed it (iam:PassRole, limited to the team's
 * roles and to SageMaker by every team policy), and Studio does not send the key for every
 * assumption, so the condition would break app start-up without adding protection.
 */
export function executionRoleTrustPolicy(args: ExecutionTrustArgs): PolicyDocument {
    return policyDocument([
        {
            Sid: "SageMakerAssumesRole",
            Effect: "Allow",
            Principal: { Service: servicePrincipal("sagemaker", args.partition) },
            Action: args.sourceIdentity ? ["sts:AssumeRole", "sts:SetSourceIdentity"] : "sts:AssumeRole",
        },
    ]);
}
