/**
 * Input properties whose change replaces the resource instead of updating it, per resource type
 * of the platform. The AWS provider (a bridge over the Terraform AWS provider) decides replace vs
 * update from the Terraform schema's `ForceNew` flag; the offline plan runs no provider, so the
 * diff reads these entries instead. Each entry names where the schema says so: the resource's
 * file in hashicorp/terraform-provider-aws (`internal/service/...`), the `ForceNew: true` (or, for
 * plugin-framework resources, `RequiresReplace()`) on the attribute.
 *
 * Paths are the Pulumi input names (camelCase) as they appear in a plan's `inputs`; a nested
 * entry (`vpcConfig.subnetIds`) covers the leaf paths below it. A type not listed here has no
 * known force-new property: the diff reports its changes as updates and says so.
 */

export interface ForceNewEntry {
    /** Pulumi input property paths whose change forces replacement. */
    properties: readonly string[];
    /** Where the provider's schema states it. */
    source: string;
}

const TF = "hashicorp/terraform-provider-aws";

export const FORCE_NEW: Readonly<Record<string, ForceNewEntry>> = {
    "aws:iam/role:Role": {
        properties: ["name", "namePrefix", "path"],
        source: `${TF} internal/service/iam/role.go: name, name_prefix, path ForceNew`,
    },
    "aws:iam/policy:Policy": {
        properties: ["name", "namePrefix", "path", "description"],
        source: `${TF} internal/service/iam/policy.go: name, name_prefix, path, description ForceNew`,
    },
    "aws:iam/rolePolicy:RolePolicy": {
        properties: ["name", "namePrefix", "role"],
        source: `${TF} internal/service/iam/role_policy.go: name, name_prefix, role ForceNew`,
    },
    "aws:iam/rolePolicyAttachment:RolePolicyAttachment": {
        properties: ["role", "policyArn"],
        source: `${TF} internal/service/iam/role_policy_attachment.go: role, policy_arn ForceNew`,
    },
    "aws:s3/bucket:Bucket": {
        properties: ["bucket", "bucketPrefix", "objectLockEnabled"],
        source: `${TF} internal/service/s3/bucket.go: bucket, bucket_prefix, object_lock_enabled ForceNew`,
    },
    "aws:s3/bucketPolicy:BucketPolicy": {
        properties: ["bucket"],
        source: `${TF} internal/service/s3/bucket_policy.go: bucket ForceNew`,
    },
    "aws:sagemaker/domain:Domain": {
        properties: ["domainName", "authMode", "vpcId", "subnetIds", "kmsKeyId"],
        source: `${TF} internal/service/sagemaker/domain.go: domain_name, auth_mode, vpc_id, subnet_ids, kms_key_id ForceNew`,
    },
    "aws:sagemaker/userProfile:UserProfile": {
        properties: ["userProfileName", "domainId", "singleSignOnUserIdentifier", "singleSignOnUserValue"],
        source: `${TF} internal/service/sagemaker/user_profile.go: user_profile_name, domain_id, single_sign_on_user_identifier, single_sign_on_user_value ForceNew`,
    },
    "aws:sagemaker/space:Space": {
        properties: ["domainId", "spaceName"],
        source: `${TF} internal/service/sagemaker/space.go: domain_id, space_name ForceNew`,
    },
    "aws:sagemaker/studioLifecycleConfig:StudioLifecycleConfig": {
        properties: ["studioLifecycleConfigName", "studioLifecycleConfigAppType", "studioLifecycleConfigContent"],
        source: `${TF} internal/service/sagemaker/studio_lifecycle_config.go: studio_lifecycle_config_name, _app_type, _content ForceNew`,
    },
    "aws:ec2/securityGroup:SecurityGroup": {
        properties: ["name", "namePrefix", "description", "vpcId"],
        source: `${TF} internal/service/ec2/vpc_security_group.go: name, name_prefix, description, vpc_id ForceNew`,
    },
    "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule": {
        properties: ["securityGroupId"],
        source: `${TF} internal/service/ec2/vpc_security_group_ingress_rule.go: security_group_id RequiresReplace`,
    },
    "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule": {
        properties: ["securityGroupId"],
        source: `${TF} internal/service/ec2/vpc_security_group_egress_rule.go (shares the ingress rule's schema): security_group_id RequiresReplace`,
    },
    "aws:kms/key:Key": {
        properties: ["customerMasterKeySpec", "keyUsage", "customKeyStoreId", "multiRegion"],
        source: `${TF} internal/service/kms/key.go: customer_master_key_spec, key_usage, custom_key_store_id, multi_region ForceNew`,
    },
    "aws:kms/alias:Alias": {
        properties: ["name", "namePrefix"],
        source: `${TF} internal/service/kms/alias.go: name, name_prefix ForceNew`,
    },
    "aws:ssm/parameter:Parameter": {
        properties: ["name"],
        source: `${TF} internal/service/ssm/parameter.go: name ForceNew`,
    },
    "aws:cloudtrail/trail:Trail": {
        properties: ["name"],
        source: `${TF} internal/service/cloudtrail/trail.go: name ForceNew`,
    },
    "aws:budgets/budget:Budget": {
        properties: ["name", "namePrefix", "accountId"],
        source: `${TF} internal/service/budgets/budget.go: name, name_prefix, account_id ForceNew`,
    },
    "aws:backup/selection:Selection": {
        properties: ["name", "planId", "iamRoleArn", "resources", "notResources", "selectionTags", "conditions"],
        source: `${TF} internal/service/backup/selection.go: every argument ForceNew (the API has no update)`,
    },
    "aws:cloudwatch/logGroup:LogGroup": {
        properties: ["name", "namePrefix"],
        source: `${TF} internal/service/logs/group.go: name, name_prefix ForceNew`,
    },
};

/** The force-new entry of a changed path, if any: the path is the property or lies below it. */
export function forcingProperty(type: string, path: string): string | undefined {
    const entry = FORCE_NEW[type];
    if (!entry) return undefined;
    return entry.properties.find((p) => path === p || path.startsWith(`${p}.`) || path.startsWith(`${p}[`));
}
