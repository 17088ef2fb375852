import { ConditionBlock, PolicyDocument, Statement, policyDocument } from "./document";

/**
 * Actions that manage a key but never use it for cryptography. Spelled out where a wildcard would
 * reach further: `kms:Create*` includes CreateGrant (an administrator could grant itself
 * Decrypt) and `kms:Put*` is only PutKeyPolicy today but takes whatever KMS adds next.
 * RevokeGrant and ListGrants stay: removing a grant and seeing one are administration.
 */
export const KMS_ADMIN_ACTIONS = [
    "kms:CreateAlias",
    "kms:Describe*",
    "kms:Enable*",
    "kms:List*",
    "kms:PutKeyPolicy",
    "kms:Update*",
    "kms:Revoke*",
    "kms:Disable*",
    "kms:Get*",
    "kms:Delete*",
    "kms:TagResource",
    "kms:UntagResource",
    "kms:ScheduleKeyDeletion",
    "kms:CancelKeyDeletion",
    "kms:RotateKeyOnDemand",
];

/** Fewest administrators a key policy names: the deployer and a break-glass role. */
export const MIN_KEY_ADMINISTRATORS = 2;

/** The account of an IAM role or user ARN, or undefined when `arn` is not one. */
function iamPrincipalAccount(arn: string): { partition: string; accountId: string } | undefined {
    const m = /^arn:(aws|aws-cn|aws-us-gov):iam::(\d{12}):(role|user)\/.+$/.exec(arn);
    return m ? { partition: m[1], accountId: m[2] } : undefined;
}

/** Cryptographic operations on a symmetric key: what the VPC-endpoint rule restricts. */
const KMS_CRYPTO_ACTIONS = ["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*"];

/** Use of a key: the cryptographic operations and reading the key's metadata. */
export const KMS_USAGE_ACTIONS = [...KMS_CRYPTO_ACTIONS, "kms:DescribeKey"];

/** Grant actions: AWS services (EBS, EFS, SageMaker) create grants on behalf of key users. */
export const KMS_GRANT_ACTIONS = ["kms:CreateGrant", "kms:ListGrants", "kms:RevokeGrant"];

/** An AWS service principal that uses the key directly (CloudWatch Logs, SNS, CloudTrail, ...). */
export interface KeyServiceUser {
    /** Service principal, e.g. `logs.eu-west-1.amazonaws.com`. */
    principal: string;
    /** Actions granted; defaults to the usage actions. */
    actions?: string[];
    /**
     * Conditions that scope the service to this account's resources (e.g. the logs
     * encryption context). Required: a service principal without a condition could be used
     * by any account's resources (confused deputy).
     */
    conditions: ConditionBlock;
    /** Statement id. */
    sid: string;
}

export interface KeyPolicyArgs {
    /**
     * IAM role (or user) ARNs that administer the key (never use it). At least two distinct
     * ones (MIN_KEY_ADMINISTRATORS): the deployer and the account's break-glass role.
     */
    administrators: string[];
    /** IAM principals that use the key directly (encrypt/decrypt). */
    users?: string[];
    /**
     * Services through which the users may use the key (`kms:ViaService`), e.g.
     * `s3.eu-west-1.amazonaws.com`. When empty, users may use the key directly too.
     */
    viaServices?: string[];
    /**
     * IAM role ARNs (or ARN patterns) that use the key like `users`, matched with
     * `aws:PrincipalArn` under a `*` principal, with `kms:CallerAccount` keeping the statement
     * to this account. For roles that do not exist yet when the key is created (KMS rejects
     * unknown principals; e.g. roles a team admin creates later under a path), and for roles that
     * may be recreated (a principal ARN in a key policy silently turns into a dead unique id when
     * its role is deleted, a condition does not).
     */
    userArnPatterns?: { accountId: string; patterns: string[] };
    /** Service principals that use the key themselves. */
    serviceUsers?: KeyServiceUser[];
    /**
     * For a SIGN_VERIFY key: IAM role ARNs that sign digests with it (kms:Sign, only
     * ECDSA_SHA_256 over a DIGEST) and that verify signatures (kms:Verify, kms:GetPublicKey).
     */
    signing?: { signers: string[]; verifiers: string[] };
    /**
     * When set, cryptographic use is denied unless the request arrives through one of these
     * VPC endpoints or is made by an AWS service on the caller's behalf
     * (`aws:ViaAWSService`), as amazon-sagemaker-secure-mlops does.
     */
    restrictToVpcEndpoints?: string[];
}

/**
 * The administration statement: granted to the administrators' account roots and narrowed to the
 * administrators by `aws:PrincipalArn`. A role ARN as principal turns into a dead unique id when
 * the role is deleted, so a recreated deployer would lose the key; the root principal never goes
 * dead and the condition matches the recreated role by name. The root principal also keeps KMS
 * from rejecting the policy for an administrator that does not exist yet (the break-glass role).
 */
function administrationStatement(administrators: string[]): Statement {
    const admins = [...new Set(administrators)];
    if (admins.length < MIN_KEY_ADMINISTRATORS) {
        throw new Error(
            `keyPolicy: ${admins.length} distinct administrator(s); name at least ${MIN_KEY_ADMINISTRATORS} (the deployer and the account's break-glass role), or losing one role loses the key.`,
        );
    }
    const roots = admins.map((arn) => {
        const account = iamPrincipalAccount(arn);
        if (!account) throw new Error(`keyPolicy: administrator ${arn} is not an IAM role or user ARN.`);
        return `arn:${account.partition}:iam::${account.accountId}:root`;
    });
    return {
        Sid: "KeyAdministration",
        Effect: "Allow",
        Principal: { AWS: [...new Set(roots)] },
        Action: KMS_ADMIN_ACTIONS,
        Resource: "*",
        Condition: { ArnEquals: { "aws:PrincipalArn": admins } },
    };
}

/**
 * Builds a key policy with separated duties: administrators manage, users use, services use
 * only under a scoping condition. The account root appears only in the administration statement,
 * under an `aws:PrincipalArn` condition: an unconditioned `root: kms:*` would let any principal
 * the account's IAM admits use the key and every other statement would restrict nothing.
 */
export function keyPolicy(args: KeyPolicyArgs): PolicyDocument {
    const statements: Statement[] = [administrationStatement(args.administrators)];
    const users = args.users ?? [];
    if (users.length > 0) {
        const viaServices = args.viaServices ?? [];
        const viaCondition: ConditionBlock | undefined = viaServices.length > 0 ? { StringEquals: { "kms:ViaService": viaServices } } : undefined;
        statements.push({
            Sid: "KeyUse",
            Effect: "Allow",
            Principal: { AWS: users },
            Action: KMS_USAGE_ACTIONS,
            Resource: "*",
            ...(viaCondition ? { Condition: viaCondition } : {}),
        });
        // Services such as EFS, EBS and SageMaker create grants to use the key for the life of a
        // resource; only grants for AWS resources are allowed, never grants to other principals.
        statements.push({
            Sid: "KeyGrantsForAwsResources",
            Effect: "Allow",
            Principal: { AWS: users },
            Action: KMS_GRANT_ACTIONS,
            Resource: "*",
            Condition: { Bool: { "kms:GrantIsForAWSResource": "true" } },
        });
    }
    if (args.userArnPatterns && args.userArnPatterns.patterns.length > 0) {
        const viaServices = args.viaServices ?? [];
        const byArn = { "aws:PrincipalArn": args.userArnPatterns.patterns };
        statements.push({
            Sid: "KeyUseByRoleArn",
            Effect: "Allow",
            Principal: "*",
            Action: KMS_USAGE_ACTIONS,
            Resource: "*",
            Condition: {
                ArnLike: byArn,
                StringEquals: {
                    "kms:CallerAccount": args.userArnPatterns.accountId,
                    ...(viaServices.length > 0 ? { "kms:ViaService": viaServices } : {}),
                },
            },
        });
        statements.push({
            Sid: "KeyGrantsForAwsResourcesByRoleArn",
            Effect: "Allow",
            Principal: "*",
            Action: KMS_GRANT_ACTIONS,
            Resource: "*",
            Condition: {
                ArnLike: byArn,
                StringEquals: { "kms:CallerAccount": args.userArnPatterns.accountId },
                Bool: { "kms:GrantIsForAWSResource": "true" },
            },
        });
    }
    if (args.signing) {
        const digest = { StringEquals: { "kms:SigningAlgorithm": "ECDSA_SHA_256", "kms:MessageType": "DIGEST" } };
        if (args.signing.signers.length > 0) {
            statements.push({
                Sid: "KeySign",
                Effect: "Allow",
                Principal: { AWS: args.signing.signers },
                Action: ["kms:Sign", "kms:DescribeKey"],
                Resource: "*",
                Condition: digest,
            });
        }
        if (args.signing.verifiers.length > 0) {
            statements.push({
                Sid: "KeyVerify",
                Effect: "Allow",
                Principal: { AWS: args.signing.verifiers },
                Action: ["kms:Verify", "kms:GetPublicKey", "kms:DescribeKey"],
                Resource: "*",
            });
        }
    }
    for (const service of args.serviceUsers ?? []) {
        if (Object.keys(service.conditions).length === 0) {
            throw new Error(
                `keyPolicy: service user ${service.principal} has no condition; scope it to this account (e.g. aws:SourceAccount or an encryption context).`,
            );
        }
        statements.push({
            Sid: service.sid,
            Effect: "Allow",
            Principal: { Service: service.principal },
            Action: service.actions ?? KMS_USAGE_ACTIONS,
            Resource: "*",
            Condition: service.conditions,
        });
    }
    const vpces = args.restrictToVpcEndpoints ?? [];
    if (vpces.length > 0) {
        // Cryptographic operations only: kms:DescribeKey must stay open to the administrators,
        // because the deployer reads the key (DescribeKey) right after creating it and on every
        // refresh, from outside the VPC. Metadata reveals no data.
        statements.push({
            Sid: "DenyUseOutsidePlatformVpcEndpoints",
            Effect: "Deny",
            Principal: "*",
            Action: KMS_CRYPTO_ACTIONS,
            Resource: "*",
            Condition: {
                StringNotEquals: { "aws:SourceVpce": vpces },
                Bool: { "aws:ViaAWSService": "false" },
                BoolIfExists: { "aws:PrincipalIsAWSService": "false" },
            },
        });
    }
    return policyDocument(statements);
}
