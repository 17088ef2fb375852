/**
 * Trust and permission documents for the Studio side of the platform: what SageMaker execution
 * roles must trust (I5), the role SageMaker uses to pull approved images (I7), the AWS Backup
 * role (G9), and the key and vault policies of the Studio home file system.
 */
import { PolicyDocument, Statement, policyDocument } from "./document";
import { KeyPolicyArgs, keyPolicy } from "./kmsKeyPolicy";
import { servicePrincipal } from "./arns";

/**
 * Whether a trust policy lets SageMaker set the source identity (I5); used by tests and the team
 * checks. With `executionRoleIdentityConfig: USER_PROFILE_NAME` SageMaker sets the user profile
 * name as the source identity when it assumes a Studio execution role, so CloudTrail names the
 * user even when a team shares one role; the assume fails unless the trust allows
 * sts:SetSourceIdentity. The team's roles build their trust with `executionRoleTrustPolicy`
 * (teamTrust.ts).
 */
export function trustAllowsSourceIdentity(doc: PolicyDocument, partition = "aws"): boolean {
    const principal = servicePrincipal("sagemaker", partition);
    return doc.Statement.some((s) => {
        if (s.Effect !== "Allow" || s.Principal === undefined || s.Principal === "*") return false;
        const services = ([] as string[]).concat(s.Principal.Service ?? []);
        const actions = ([] as string[]).concat(s.Action ?? []);
        return services.includes(principal) && (actions.includes("sts:SetSourceIdentity") || actions.includes("sts:*"));
    });
}

/** Trust of a role assumed by one AWS service only. */
export function serviceRoleTrust(service: string, partition: string, sourceAccount?: string): PolicyDocument {
    const statement: Statement = {
        Sid: "ServiceAssumes",
        Effect: "Allow",
        Principal: { Service: servicePrincipal(service, partition) },
        Action: "sts:AssumeRole",
    };
    // aws:SourceAccount stops another account's resources using this role through the service
    // (confused deputy), for services that send it.
    if (sourceAccount !== undefined) statement.Condition = { StringEquals: { "aws:SourceAccount": sourceAccount } };
    return policyDocument([statement]);
}

/** ECR repository ARN of an image URI `<account>.dkr.ecr.<region>.amazonaws.com/<repo>[:tag|@digest]`. */
export function ecrRepositoryArn(imageUri: string, partition: string): string {
    const match = /^(\d{12})\.dkr\.ecr\.([a-z0-9-]+)\.amazonaws\.com(?:\.cn)?\/([^:@]+)/.exec(imageUri);
    if (!match) {
        throw new Error(`ecrRepositoryArn: "${imageUri}" is not an ECR image URI (<account>.dkr.ecr.<region>.amazonaws.com/<repository>:<tag>).`);
    }
    const [, account, region, repository] = match;
    return `arn:${partition}:ecr:${region}:${account}:repository/${repository}`;
}

/**
 * I7, least privilege: SageMaker pulls the approved images with this role and can do nothing
 * else. `ecr:GetAuthorizationToken` has no resource type, so it alone is on "*".
 */
export function imagePullPolicy(imageUris: string[], partition: string): PolicyDocument {
    if (imageUris.length === 0) {
        throw new Error("imagePullPolicy: no image URIs; an image role without images should not exist.");
    }
    const repositories = [...new Set(imageUris.map((uri) => ecrRepositoryArn(uri, partition)))].sort();
    return policyDocument([
        {
            Sid: "PullApprovedImages",
            Effect: "Allow",
            Action: ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer", "ecr:BatchCheckLayerAvailability"],
            Resource: repositories,
        },
        {
            Sid: "RegistryToken",
            Effect: "Allow",
            Action: "ecr:GetAuthorizationToken",
            Resource: "*",
        },
    ]);
}

export interface StudioHomeKeyArgs {
    partition: string;
    region: string;
    /** Key administrators (the layer's admin roles). */
    administrators: string[];
    /**
     * Principals that create the domain or run its apps: the deploying role and the Studio
     * execution roles. They use the key only through EFS, EBS and SageMaker.
     */
    users: string[];
}

/**
 * E1: the key of the Studio home EFS (and of the apps' EBS volumes, which SageMaker encrypts
 * with the domain key too). Users may use it only through the services that store Studio data.
 */
export function studioHomeKeyPolicy(args: StudioHomeKeyArgs): PolicyDocument {
    const via = ["elasticfilesystem", "ec2", "sagemaker"].map(
        (service) => `${service}.${args.region}.amazonaws.com${args.partition === "aws-cn" ? ".cn" : ""}`,
    );
    const policy: KeyPolicyArgs = { administrators: args.administrators, users: args.users, viaServices: via };
    return keyPolicy(policy);
}

export interface BackupVaultKeyArgs {
    partition: string;
    region: string;
    accountId: string;
    administrators: string[];
    /** The AWS Backup service role. */
    backupRoleArn: string;
}

/** The key of the backup vault: AWS Backup uses it for this account's recovery points only. */
export function backupVaultKeyPolicy(args: BackupVaultKeyArgs): PolicyDocument {
    return keyPolicy({
        administrators: args.administrators,
        users: [args.backupRoleArn],
        viaServices: [`backup.${args.region}.amazonaws.com${args.partition === "aws-cn" ? ".cn" : ""}`],
    });
}

/**
 * G9: recovery points of home directories cannot be deleted or have their retention shortened
 * by anyone but the platform administrators; AWS Backup's own lifecycle still expires them.
 */
export function backupVaultAccessPolicy(administrators: string[]): PolicyDocument {
    if (administrators.length === 0) {
        throw new Error("backupVaultAccessPolicy: administrators is empty; name the roles allowed to manage recovery points.");
    }
    return policyDocument([
        {
            Sid: "DenyRecoveryPointDeletionExceptAdministrators",
            Effect: "Deny",
            Principal: "*",
            Action: ["backup:DeleteRecoveryPoint", "backup:UpdateRecoveryPointLifecycle"],
            // A vault access policy applies to the vault's recovery points; "*" means those.
            Resource: "*",
            Condition: { ArnNotLike: { "aws:PrincipalArn": administrators } },
        },
    ]);
}
