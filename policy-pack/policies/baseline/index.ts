/**
 * Baseline rules: cross-cutting invariants and service hardening, beyond what the
 * area rules cover. One rule per file; names are unique across the pack.
 */
import { s3AccessPointRestricted } from "./accessPointRestricted";
import { backupVaultKms } from "./backupVaultKms";
import { s3BucketAccessLogging } from "./bucketAccessLogging";
import { s3BucketAclsDisabled } from "./bucketAclsDisabled";
import { s3BucketLifecycleConfigured } from "./bucketLifecycle";
import { s3BucketPolicyRequiresKmsUploads } from "./bucketPolicyRequiresKmsUploads";
import { s3BucketVersioningEnabled } from "./bucketVersioning";
import { codebuildInlineBuildspec } from "./codebuildInlineBuildspec";
import { codebuildLoggingEnabled } from "./codebuildLogging";
import { codebuildNoPlaintextCredentials } from "./codebuildNoPlaintextCredentials";
import { s3DataBucketNetworkRestricted } from "./dataBucketNetworkRestricted";
import { dataKeysRotate } from "./dataKeysRotate";
import { dataResourcesProtected } from "./dataResourcesProtected";
import { vpcDefaultSecurityGroupClosed } from "./defaultSecurityGroupClosed";
import { ecrLifecyclePolicy } from "./ecrLifecyclePolicy";
import { efsEncryptedCustomerKey } from "./efsEncrypted";
import { iamNoDecryptOnAllKeys } from "./iamNoDecryptOnAllKeys";
import { iamNoServiceWildcardActions } from "./iamNoServiceWildcardActions";
import { isolatedVpcRequiredEndpoints } from "./isolatedVpcRequiredEndpoints";
import { kmsKeyEnabledWithPolicy } from "./kmsKeyEnabledWithPolicy";
import { lambdaEnvironmentNoSecrets } from "./lambdaEnvironmentNoSecrets";
import { lambdaSupportedRuntime } from "./lambdaSupportedRuntime";
import { logGroupRetentionMinimum } from "./logGroupRetention";
import { noDefaultVpc } from "./noDefaultVpc";
import { sagemakerNotebookKms } from "./notebookKms";
import { sagemakerNotebookNoDirectInternet } from "./notebookNoDirectInternet";
import { resourcePolicyNotPublic } from "./resourcePolicyNotPublic";
import { sagemakerRootAccessDisabled } from "./rootAccessDisabled";
import { secretsManagerSecretKms } from "./secretKms";
import { securityGroupDescriptions } from "./securityGroupDescriptions";
import { studioHomeBackedUp } from "./studioHomeBackedUp";
import { subnetNoPublicIp } from "./subnetNoPublicIp";
import { teamNetworkIsolationGuardrail } from "./teamNetworkIsolationGuardrail";
import { cloudtrailCloudWatchLogs } from "./trailCloudWatchLogs";
import { sagemakerWorkloadNetworkIsolation } from "./workloadNetworkIsolation";
import { auditArchiveObjectLock } from "./auditArchiveObjectLock";
import { configRecorderServiceLinkedRole } from "./configRecorderServiceLinkedRole";
import { lambdaActiveTracing } from "./lambdaActiveTracing";
import { lambdaReservedConcurrency } from "./lambdaReservedConcurrency";
import { resourcePolicyPlatformAccountsOnly } from "./resourcePolicyPlatformAccountsOnly";
import { cloudtrailS3DataEvents } from "./trailS3DataEvents";
import { SecureDsPolicy } from "../types";

export const baselinePolicies: SecureDsPolicy[] = [
    s3AccessPointRestricted,
    backupVaultKms,
    s3BucketAccessLogging,
    s3BucketAclsDisabled,
    s3BucketLifecycleConfigured,
    s3BucketPolicyRequiresKmsUploads,
    s3BucketVersioningEnabled,
    codebuildInlineBuildspec,
    codebuildLoggingEnabled,
    codebuildNoPlaintextCredentials,
    s3DataBucketNetworkRestricted,
    dataKeysRotate,
    dataResourcesProtected,
    vpcDefaultSecurityGroupClosed,
    ecrLifecyclePolicy,
    efsEncryptedCustomerKey,
    iamNoDecryptOnAllKeys,
    iamNoServiceWildcardActions,
    isolatedVpcRequiredEndpoints,
    kmsKeyEnabledWithPolicy,
    lambdaEnvironmentNoSecrets,
    lambdaSupportedRuntime,
    logGroupRetentionMinimum,
    noDefaultVpc,
    sagemakerNotebookKms,
    sagemakerNotebookNoDirectInternet,
    resourcePolicyNotPublic,
    sagemakerRootAccessDisabled,
    secretsManagerSecretKms,
    securityGroupDescriptions,
    studioHomeBackedUp,
    subnetNoPublicIp,
    teamNetworkIsolationGuardrail,
    cloudtrailCloudWatchLogs,
    sagemakerWorkloadNetworkIsolation,
    auditArchiveObjectLock,
    configRecorderServiceLinkedRole,
    lambdaActiveTracing,
    lambdaReservedConcurrency,
    resourcePolicyPlatformAccountsOnly,
    cloudtrailS3DataEvents,
];
