/**
 * Typed views of resource properties. A policy reads the inputs the program gave a resource; their
 * names and nesting are the provider's `…Args` types, so the view is built from those (imported
 * as types only: loading `@pulumi/aws` would make the pack slow to start, bench/policyPack.ts).
 *
 * The view promises names, not values. At policy time a property may be absent, `null`, unknown
 * in a preview (reading it throws, see `known()`), or of another shape than declared: the engine
 * hands a single object where a list is declared, a JSON string where an object is. So every
 * property is optional, every leaf is `unknown` until a check narrows it (`text()`, `typeof`,
 * `=== true`), nested blocks are read with `?.` (which yields undefined on a primitive), and
 * lists only through `list()`. A misspelt or renamed property fails to compile; a malformed value
 * still reads as "not set".
 */
import type * as aws from "@pulumi/aws";
import type { Unwrap } from "@pulumi/pulumi";
import { TYPES } from "./types";

/** A list property as it may arrive: a list, or the single element the engine sent instead. Open it with `list()`. */
export type Many<E> = E | readonly (E | null | undefined)[];

/** Nullish members drop out (every property is optional anyway); a union with a leaf is a leaf. */
type View<T> = T extends null | undefined
    ? never
    : T extends readonly (infer E)[]
      ? Many<View<E>>
      : T extends object
        ? { readonly [K in keyof T]?: View<T[K]> | null }
        : unknown;

/** The defensive view of a provider `…Args` type (see above). */
export type Props<Args> = View<Unwrap<Args>>;

/** The provider Args type of each resource type a rule reads by name. */
interface ArgsByType {
    [TYPES.sagemakerDomain]: aws.sagemaker.DomainArgs;
    [TYPES.sagemakerUserProfile]: aws.sagemaker.UserProfileArgs;
    [TYPES.sagemakerNotebookInstance]: aws.sagemaker.NotebookInstanceArgs;
    [TYPES.sagemakerModel]: aws.sagemaker.ModelArgs;
    [TYPES.sagemakerTrainingJob]: aws.sagemaker.TrainingJobArgs;
    [TYPES.s3Bucket]: aws.s3.BucketArgs;
    [TYPES.s3BucketV2]: aws.s3.BucketV2Args;
    [TYPES.s3BucketPolicy]: aws.s3.BucketPolicyArgs;
    [TYPES.s3PublicAccessBlock]: aws.s3.BucketPublicAccessBlockArgs;
    [TYPES.s3Sse]: aws.s3.BucketServerSideEncryptionConfigurationArgs;
    [TYPES.s3SseV2]: aws.s3.BucketServerSideEncryptionConfigurationV2Args;
    [TYPES.s3Versioning]: aws.s3.BucketVersioningArgs;
    [TYPES.s3VersioningV2]: aws.s3.BucketVersioningV2Args;
    [TYPES.s3OwnershipControls]: aws.s3.BucketOwnershipControlsArgs;
    [TYPES.s3Lifecycle]: aws.s3.BucketLifecycleConfigurationArgs;
    [TYPES.s3LifecycleV2]: aws.s3.BucketLifecycleConfigurationV2Args;
    [TYPES.s3Logging]: aws.s3.BucketLoggingArgs;
    [TYPES.s3LoggingV2]: aws.s3.BucketLoggingV2Args;
    [TYPES.s3ObjectLockConfiguration]: aws.s3.BucketObjectLockConfigurationArgs;
    [TYPES.s3AccessPoint]: aws.s3.AccessPointArgs;
    [TYPES.ec2Vpc]: aws.ec2.VpcArgs;
    [TYPES.ec2Subnet]: aws.ec2.SubnetArgs;
    [TYPES.ec2DefaultSubnet]: aws.ec2.DefaultSubnetArgs;
    [TYPES.ec2RouteTable]: aws.ec2.RouteTableArgs;
    [TYPES.ec2RouteTableAssociation]: aws.ec2.RouteTableAssociationArgs;
    [TYPES.ec2DefaultRouteTable]: aws.ec2.DefaultRouteTableArgs;
    [TYPES.ec2Route]: aws.ec2.RouteArgs;
    [TYPES.ec2VpcEndpoint]: aws.ec2.VpcEndpointArgs;
    [TYPES.ec2TransitGatewayVpcAttachment]: aws.ec2transitgateway.VpcAttachmentArgs;
    [TYPES.ec2TransitGateway]: aws.ec2transitgateway.TransitGatewayArgs;
    [TYPES.ec2FlowLog]: aws.ec2.FlowLogArgs;
    [TYPES.ec2SecurityGroup]: aws.ec2.SecurityGroupArgs;
    [TYPES.ec2DefaultSecurityGroup]: aws.ec2.DefaultSecurityGroupArgs;
    [TYPES.ec2SecurityGroupRule]: aws.ec2.SecurityGroupRuleArgs;
    [TYPES.vpcSecurityGroupIngressRule]: aws.vpc.SecurityGroupIngressRuleArgs;
    [TYPES.vpcSecurityGroupEgressRule]: aws.vpc.SecurityGroupEgressRuleArgs;
    [TYPES.route53FirewallDomainList]: aws.route53.ResolverFirewallDomainListArgs;
    [TYPES.route53FirewallRule]: aws.route53.ResolverFirewallRuleArgs;
    [TYPES.route53FirewallRuleGroupAssociation]: aws.route53.ResolverFirewallRuleGroupAssociationArgs;
    [TYPES.route53FirewallConfig]: aws.route53.ResolverFirewallConfigArgs;
    [TYPES.route53QueryLogConfigAssociation]: aws.route53.ResolverQueryLogConfigAssociationArgs;
    [TYPES.iamRole]: aws.iam.RoleArgs;
    [TYPES.iamPolicy]: aws.iam.PolicyArgs;
    [TYPES.organizationsPolicy]: aws.organizations.PolicyArgs;
    [TYPES.iamRolePolicy]: aws.iam.RolePolicyArgs;
    [TYPES.iamUserPolicy]: aws.iam.UserPolicyArgs;
    [TYPES.iamGroupPolicy]: aws.iam.GroupPolicyArgs;
    [TYPES.iamServiceLinkedRole]: aws.iam.ServiceLinkedRoleArgs;
    [TYPES.ssoPermissionSetInlinePolicy]: aws.ssoadmin.PermissionSetInlinePolicyArgs;
    [TYPES.kmsKey]: aws.kms.KeyArgs;
    [TYPES.lambdaFunction]: aws.lambda.FunctionArgs;
    [TYPES.lambdaFunctionUrl]: aws.lambda.FunctionUrlArgs;
    [TYPES.lambdaPermission]: aws.lambda.PermissionArgs;
    [TYPES.codeartifactDomain]: aws.codeartifact.DomainArgs;
    [TYPES.codeartifactRepository]: aws.codeartifact.RepositoryArgs;
    [TYPES.ecrRepository]: aws.ecr.RepositoryArgs;
    [TYPES.ecrLifecyclePolicy]: aws.ecr.LifecyclePolicyArgs;
    [TYPES.codebuildProject]: aws.codebuild.ProjectArgs;
    [TYPES.codepipelinePipeline]: aws.codepipeline.PipelineArgs;
    [TYPES.cloudtrailTrail]: aws.cloudtrail.TrailArgs;
    [TYPES.cloudwatchLogGroup]: aws.cloudwatch.LogGroupArgs;
    [TYPES.cloudwatchEventRule]: aws.cloudwatch.EventRuleArgs;
    [TYPES.configRecorder]: aws.cfg.RecorderArgs;
    [TYPES.configAggregator]: aws.cfg.ConfigurationAggregatorArgs;
    [TYPES.guarddutyOrganizationConfiguration]: aws.guardduty.OrganizationConfigurationArgs;
    [TYPES.securityhubOrganizationConfiguration]: aws.securityhub.OrganizationConfigurationArgs;
    [TYPES.macie2OrganizationConfiguration]: aws.macie2.OrganizationConfigurationArgs;
    [TYPES.apigatewayRestApi]: aws.apigateway.RestApiArgs;
    [TYPES.apigatewayStage]: aws.apigateway.StageArgs;
    [TYPES.apigatewayMethodSettings]: aws.apigateway.MethodSettingsArgs;
    [TYPES.apigatewayIntegration]: aws.apigateway.IntegrationArgs;
    [TYPES.dynamodbTable]: aws.dynamodb.TableArgs;
    [TYPES.efsFileSystem]: aws.efs.FileSystemArgs;
    [TYPES.backupVault]: aws.backup.VaultArgs;
    [TYPES.backupPlan]: aws.backup.PlanArgs;
    [TYPES.backupSelection]: aws.backup.SelectionArgs;
    [TYPES.snsTopic]: aws.sns.TopicArgs;
    [TYPES.sqsQueue]: aws.sqs.QueueArgs;
    [TYPES.secretsmanagerSecret]: aws.secretsmanager.SecretArgs;
}

/** A resource type whose Args the view knows. */
export type TypedToken = keyof ArgsByType;

/** The view of the props of a resource of type `K`. */
export type PropsOf<K extends TypedToken> = Props<ArgsByType[K]>;

/**
 * The typed view of a resource's props when it is of one of `types` (a resource policy's args or
 * a stack policy's PolicyResource), else undefined. Reads nothing: an unknown value in a preview
 * still throws only where a rule reads it.
 */
export function propsOf<K extends TypedToken>(resource: { type: string; props: Record<string, unknown> }, ...types: K[]): PropsOf<K> | undefined {
    return (types as string[]).includes(resource.type) ? (resource.props as PropsOf<K>) : undefined;
}
