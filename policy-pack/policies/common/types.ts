/**
 * The type tokens of every resource the secure-ds policies inspect: the one place a token is
 * spelt. Resources are matched by token (a string) so that loading the pack never loads
 * `@pulumi/aws` (bench/policyPack.ts measures the start-up), and tests/policies/layout.test.ts
 * fails when a policy file spells a token itself.
 */
export const TYPES = {
    // SageMaker
    sagemakerDomain: "aws:sagemaker/domain:Domain",
    sagemakerUserProfile: "aws:sagemaker/userProfile:UserProfile",
    sagemakerNotebookInstance: "aws:sagemaker/notebookInstance:NotebookInstance",
    sagemakerModel: "aws:sagemaker/model:Model",
    sagemakerTrainingJob: "aws:sagemaker/trainingJob:TrainingJob",
    // S3 (the V2 resources are deprecated in aws v7 but still exist, so they are checked too)
    s3Bucket: "aws:s3/bucket:Bucket",
    s3BucketV2: "aws:s3/bucketV2:BucketV2",
    s3BucketPolicy: "aws:s3/bucketPolicy:BucketPolicy",
    s3PublicAccessBlock: "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
    s3Sse: "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
    s3SseV2: "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2",
    s3Versioning: "aws:s3/bucketVersioning:BucketVersioning",
    s3VersioningV2: "aws:s3/bucketVersioningV2:BucketVersioningV2",
    s3OwnershipControls: "aws:s3/bucketOwnershipControls:BucketOwnershipControls",
    s3Lifecycle: "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration",
    s3LifecycleV2: "aws:s3/bucketLifecycleConfigurationV2:BucketLifecycleConfigurationV2",
    s3Logging: "aws:s3/bucketLogging:BucketLogging",
    s3LoggingV2: "aws:s3/bucketLoggingV2:BucketLoggingV2",
    s3ObjectLockConfiguration: "aws:s3/bucketObjectLockConfiguration:BucketObjectLockConfiguration",
    s3AccessPoint: "aws:s3/accessPoint:AccessPoint",
    // EC2 and VPC
    ec2Vpc: "aws:ec2/vpc:Vpc",
    ec2DefaultVpc: "aws:ec2/defaultVpc:DefaultVpc",
    awsxVpc: "awsx:ec2:Vpc",
    ec2Subnet: "aws:ec2/subnet:Subnet",
    ec2DefaultSubnet: "aws:ec2/defaultSubnet:DefaultSubnet",
    ec2RouteTable: "aws:ec2/routeTable:RouteTable",
    ec2RouteTableAssociation: "aws:ec2/routeTableAssociation:RouteTableAssociation",
    ec2DefaultRouteTable: "aws:ec2/defaultRouteTable:DefaultRouteTable",
    ec2Route: "aws:ec2/route:Route",
    ec2InternetGateway: "aws:ec2/internetGateway:InternetGateway",
    ec2InternetGatewayAttachment: "aws:ec2/internetGatewayAttachment:InternetGatewayAttachment",
    ec2EgressOnlyInternetGateway: "aws:ec2/egressOnlyInternetGateway:EgressOnlyInternetGateway",
    ec2NatGateway: "aws:ec2/natGateway:NatGateway",
    ec2VpcPeeringConnection: "aws:ec2/vpcPeeringConnection:VpcPeeringConnection",
    ec2VpcEndpoint: "aws:ec2/vpcEndpoint:VpcEndpoint",
    ec2TransitGatewayVpcAttachment: "aws:ec2transitgateway/vpcAttachment:VpcAttachment",
    ec2TransitGateway: "aws:ec2transitgateway/transitGateway:TransitGateway",
    ec2FlowLog: "aws:ec2/flowLog:FlowLog",
    ec2SecurityGroup: "aws:ec2/securityGroup:SecurityGroup",
    ec2DefaultSecurityGroup: "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup",
    ec2SecurityGroupRule: "aws:ec2/securityGroupRule:SecurityGroupRule",
    vpcSecurityGroupIngressRule: "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
    vpcSecurityGroupEgressRule: "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule",
    // Route 53 Resolver DNS Firewall and query logging
    route53FirewallDomainList: "aws:route53/resolverFirewallDomainList:ResolverFirewallDomainList",
    route53FirewallRule: "aws:route53/resolverFirewallRule:ResolverFirewallRule",
    route53FirewallRuleGroup: "aws:route53/resolverFirewallRuleGroup:ResolverFirewallRuleGroup",
    route53FirewallRuleGroupAssociation: "aws:route53/resolverFirewallRuleGroupAssociation:ResolverFirewallRuleGroupAssociation",
    route53FirewallConfig: "aws:route53/resolverFirewallConfig:ResolverFirewallConfig",
    route53QueryLogConfigAssociation: "aws:route53/resolverQueryLogConfigAssociation:ResolverQueryLogConfigAssociation",
    // IAM and IAM Identity Center
    iamRole: "aws:iam/role:Role",
    iamPolicy: "aws:iam/policy:Policy",
    iamRolePolicy: "aws:iam/rolePolicy:RolePolicy",
    iamUserPolicy: "aws:iam/userPolicy:UserPolicy",
    iamGroupPolicy: "aws:iam/groupPolicy:GroupPolicy",
    iamServiceLinkedRole: "aws:iam/serviceLinkedRole:ServiceLinkedRole",
    ssoPermissionSetInlinePolicy: "aws:ssoadmin/permissionSetInlinePolicy:PermissionSetInlinePolicy",
    organizationsPolicy: "aws:organizations/policy:Policy",
    // KMS
    kmsKey: "aws:kms/key:Key",
    // Lambda
    lambdaFunction: "aws:lambda/function:Function",
    lambdaFunctionUrl: "aws:lambda/functionUrl:FunctionUrl",
    lambdaPermission: "aws:lambda/permission:Permission",
    // Package mirror and scan pipeline
    codeartifactDomain: "aws:codeartifact/domain:Domain",
    codeartifactRepository: "aws:codeartifact/repository:Repository",
    codeartifactDomainPermissions: "aws:codeartifact/domainPermissions:DomainPermissions",
    codeartifactRepositoryPermissionsPolicy: "aws:codeartifact/repositoryPermissionsPolicy:RepositoryPermissionsPolicy",
    ecrRepository: "aws:ecr/repository:Repository",
    ecrRepositoryPolicy: "aws:ecr/repositoryPolicy:RepositoryPolicy",
    ecrLifecyclePolicy: "aws:ecr/lifecyclePolicy:LifecyclePolicy",
    codebuildProject: "aws:codebuild/project:Project",
    codepipelinePipeline: "aws:codepipeline/pipeline:Pipeline",
    // Audit, logging and detection
    cloudtrailTrail: "aws:cloudtrail/trail:Trail",
    cloudwatchLogGroup: "aws:cloudwatch/logGroup:LogGroup",
    cloudwatchEventRule: "aws:cloudwatch/eventRule:EventRule",
    configRecorder: "aws:cfg/recorder:Recorder",
    configAggregator: "aws:cfg/configurationAggregator:ConfigurationAggregator",
    // Organisation-wide security services (the delegated administrator's settings, G11)
    guarddutyDetector: "aws:guardduty/detector:Detector",
    guarddutyOrganizationConfiguration: "aws:guardduty/organizationConfiguration:OrganizationConfiguration",
    securityhubAccount: "aws:securityhub/account:Account",
    securityhubOrganizationConfiguration: "aws:securityhub/organizationConfiguration:OrganizationConfiguration",
    macie2Account: "aws:macie2/account:Account",
    macie2OrganizationConfiguration: "aws:macie2/organizationConfiguration:OrganizationConfiguration",
    // Other data stores and messaging
    efsFileSystem: "aws:efs/fileSystem:FileSystem",
    efsFileSystemPolicy: "aws:efs/fileSystemPolicy:FileSystemPolicy",
    backupVault: "aws:backup/vault:Vault",
    backupVaultPolicy: "aws:backup/vaultPolicy:VaultPolicy",
    backupPlan: "aws:backup/plan:Plan",
    backupSelection: "aws:backup/selection:Selection",
    snsTopic: "aws:sns/topic:Topic",
    snsTopicPolicy: "aws:sns/topicPolicy:TopicPolicy",
    sqsQueue: "aws:sqs/queue:Queue",
    sqsQueuePolicy: "aws:sqs/queuePolicy:QueuePolicy",
    secretsmanagerSecret: "aws:secretsmanager/secret:Secret",
    secretsmanagerSecretPolicy: "aws:secretsmanager/secretPolicy:SecretPolicy",
    // The AWS provider, whose props carry allowedAccountIds and defaultTags
    awsProvider: "pulumi:providers:aws",
} as const;

/** A type token of the map. */
export type TypeToken = (typeof TYPES)[keyof typeof TYPES];
