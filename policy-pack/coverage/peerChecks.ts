/**
 * Peer checks (AWS Security Hub CSPM, checkov, Prowler) for the resource types the platform
 * deploys, each mapped to the secure-ds policies that cover it, or to the reason it does not apply
 * to this program, or marked as an open gap. tools/controlsDoc.ts renders docs/controls.md from this
 * list and the live policy array; tests/coverage/controls.test.ts keeps both honest.
 *
 * Sources (IDs and titles were looked up, not guessed):
 * - Security Hub: the AWS Security Hub CSPM user guide (FSBP v1.0.0 control list and the
 *   per-service control pages); `fsbp: false` marks controls of other Security Hub standards
 *   (CIS, NIST 800-53, PCI) or controls since retired from FSBP.
 * - checkov: bridgecrewio/checkov policy index (CKV_AWS_* / CKV2_AWS_* with their names).
 * - Prowler: check IDs of prowler-cloud/prowler (prowler/providers/aws/services/<service>/<check>);
 *   Prowler titles here are short descriptions of the check ID written by us.
 *
 * Data only: no imports from the pack, so the tests can tell a stale policy name from a typo.
 */

export type PeerSource = "securityhub" | "checkov" | "prowler";

/** The service families the platform deploys (API Gateway and DynamoDB: the SAML broker's front door and assertion ledger). */
export type PeerResource =
    | "SageMaker"
    | "S3"
    | "KMS"
    | "EC2/VPC"
    | "CloudTrail"
    | "ECR"
    | "CodeBuild"
    | "CodePipeline"
    | "CodeArtifact"
    | "Lambda"
    | "SNS"
    | "SQS"
    | "CloudWatch Logs"
    | "EFS"
    | "Backup"
    | "Config"
    | "IAM"
    | "API Gateway"
    | "DynamoDB";

interface PeerCheckBase {
    source: PeerSource;
    /** The peer's own identifier: `SageMaker.1`, `CKV_AWS_122`, `sagemaker_training_jobs_vpc_settings_configured`. */
    id: string;
    title: string;
    resource: PeerResource;
    /** Security Hub only: part of the FSBP v1.0.0 standard (false: another standard or retired). */
    fsbp?: boolean;
}

/** Applicable and enforced by these secure-ds policies (names as in policy-pack/policies). */
export interface CoveredCheck extends PeerCheckBase {
    coveredBy: string[];
    /** How the policies cover it when that is narrower or different from the peer's wording. */
    note?: string;
    notApplicable?: never;
    gap?: never;
}

/** Does not apply to what this program deploys; the reason says why and what guards it instead. */
export interface NotApplicableCheck extends PeerCheckBase {
    notApplicable: string;
    coveredBy?: never;
    note?: never;
    gap?: never;
}

/** Applies, but no policy enforces it yet; the reason says what exists today and what is missing. */
export interface GapCheck extends PeerCheckBase {
    gap: string;
    coveredBy?: never;
    note?: never;
    notApplicable?: never;
}

export type PeerCheck = CoveredCheck | NotApplicableCheck | GapCheck;

export type PeerStatus = "covered" | "not-applicable" | "gap";

export function statusOf(check: PeerCheck): PeerStatus {
    if (check.coveredBy !== undefined) return "covered";
    if (check.notApplicable !== undefined) return "not-applicable";
    return "gap";
}

// Reasons shared by several checks. Each names the layer that guards the runtime resource instead.
const NO_NOTEBOOK_INSTANCES =
    "The program deploys no notebook instances (data scientists use Studio). Instances created at runtime fall under N5/I9/E2 in the SCPs and role policies and are flagged by the Config rules sagemaker-notebook-* and the G10 detective Lambda.";
const RUNTIME_SAGEMAKER_JOB =
    "Runtime resource created by data scientists, not by the program: the SCPs and role policies condition the create calls (N3, N4, E2, E3, E4) and the G10 detective Lambda stops and reports non-compliant ones.";
const RUNTIME_SAGEMAKER_HOSTING =
    "The program deploys no models, endpoint configurations or monitoring schedules; data scientists' ones are governed by N3/N4/E2/E6 in the role policies and the G10 detective controls (Config rule sagemaker-endpoint-configuration-kms-key-configured).";
const NO_FEATURE_STORE = "The program creates no SageMaker Feature Store feature groups.";
const NO_INFERENCE_EXPERIMENTS = "The program creates no SageMaker inference experiments.";
const NO_EC2_COMPUTE = "The program creates no EC2 instances, launch templates, Auto Scaling groups or EBS volumes: compute is SageMaker-managed and CodeBuild-managed.";
const NO_NETWORK_EXTRAS = "The program creates no such resource (no VPN, Transit Gateway, Client VPN, network ACL or Elastic IP): the data VPC is isolated and reaches AWS only through VPC endpoints (N6, N7).";
const ACCOUNT_LEVEL =
    "Account-level setting outside the resources a Pulumi preview shows: turned on by the organization baseline and watched by Security Hub itself (SecurityServices subscribes the account to the standard).";
const LAMBDA_OUTSIDE_VPC =
    "The only function, the detective Lambda, holds no data and calls only AWS APIs (SageMaker, SNS, SQS). In the isolated VPC it would need SNS and SQS interface endpoints added to the data network and would gain no protection: its reach is bounded by its role (G10), not by the network.";
const RUNTIME_STATE = "Checks runtime state that no preview can see";
const NO_API_CACHE =
    "The platform's API answers with one user's presigned Studio URL; a cache would serve it to the next caller, so apigateway-no-response-cache forbids stage and method caching on purpose (I1).";
const PRIVATE_API_NO_WAF =
    "The only API is private: apigateway-private-only admits only callers through the isolated VPC's execute-api endpoint, which only the corporate ranges reach (N13), and the handler accepts nothing but a signed, unused SAML assertion. No web ACL is deployed by choice; the managed rule sets target internet traffic this API never receives.";
const NO_V2_APIS = "apigateway-private-only refuses every apigatewayv2 API (HTTP and WebSocket APIs cannot be private), so the program has no V2 stages or routes.";
const SAML_IS_THE_AUTHORIZER =
    "The broker's one method is the SAML assertion consumer: the caller is the user's browser, which carries no AWS credentials or token an authorizer could check. The handler authenticates every request itself (signature against the IdP certificate, issuer, audience, recipient, validity window, one-time use through the ledger), and the API is private (apigateway-private-only).";
const LEDGER_CAPACITY =
    "Availability, not a guardrail: the ledger takes one conditional write per sign-in. Without scaling, a burst would throttle sign-ins (the broker answers 403 and the user retries) but never weaken a control; on-demand capacity (PAY_PER_REQUEST) passes this check.";

export const peerChecks: PeerCheck[] = [
    // ---------------------------------------------------------------- SageMaker
    { source: "securityhub", id: "SageMaker.1", title: "Amazon SageMaker notebook instances should not have direct internet access", resource: "SageMaker", fsbp: true, coveredBy: ["sagemaker-notebook-no-direct-internet"] },
    { source: "securityhub", id: "SageMaker.2", title: "SageMaker notebook instances should be launched in a custom VPC", resource: "SageMaker", fsbp: true, coveredBy: ["sagemaker-notebook-no-direct-internet"] },
    { source: "securityhub", id: "SageMaker.3", title: "Users should not have root access to SageMaker notebook instances", resource: "SageMaker", fsbp: true, coveredBy: ["sagemaker-root-access-disabled"] },
    { source: "securityhub", id: "SageMaker.4", title: "SageMaker endpoint production variants should have an initial instance count greater than 1", resource: "SageMaker", fsbp: true, notApplicable: RUNTIME_SAGEMAKER_HOSTING },
    { source: "securityhub", id: "SageMaker.5", title: "SageMaker models should have network isolation enabled", resource: "SageMaker", fsbp: true, coveredBy: ["sagemaker-workload-network-isolation"] },
    { source: "securityhub", id: "SageMaker.6", title: "SageMaker app image configurations should be tagged", resource: "SageMaker", fsbp: false, coveredBy: ["mandatory-tags"] },
    { source: "securityhub", id: "SageMaker.7", title: "SageMaker images should be tagged", resource: "SageMaker", fsbp: false, coveredBy: ["mandatory-tags"] },
    { source: "securityhub", id: "SageMaker.8", title: "SageMaker notebook instances should run on supported platforms", resource: "SageMaker", fsbp: true, notApplicable: NO_NOTEBOOK_INSTANCES },
    { source: "securityhub", id: "SageMaker.9", title: "SageMaker data quality job definitions should have inter-container traffic encryption enabled", resource: "SageMaker", fsbp: false, notApplicable: RUNTIME_SAGEMAKER_HOSTING },
    { source: "securityhub", id: "SageMaker.10", title: "SageMaker model explainability job definitions should have inter-container traffic encryption enabled", resource: "SageMaker", fsbp: false, notApplicable: RUNTIME_SAGEMAKER_HOSTING },
    { source: "securityhub", id: "SageMaker.11", title: "SageMaker data quality job definitions should have network isolation enabled", resource: "SageMaker", fsbp: false, notApplicable: RUNTIME_SAGEMAKER_HOSTING },
    { source: "securityhub", id: "SageMaker.12", title: "SageMaker model bias job definitions should have network isolation enabled", resource: "SageMaker", fsbp: false, notApplicable: RUNTIME_SAGEMAKER_HOSTING },
    { source: "securityhub", id: "SageMaker.13", title: "SageMaker model quality job definitions should have inter-container traffic encryption enabled", resource: "SageMaker", fsbp: false, notApplicable: RUNTIME_SAGEMAKER_HOSTING },
    { source: "securityhub", id: "SageMaker.14", title: "SageMaker monitoring schedules should have network isolation enabled", resource: "SageMaker", fsbp: false, notApplicable: RUNTIME_SAGEMAKER_HOSTING },
    { source: "securityhub", id: "SageMaker.15", title: "SageMaker model bias job definitions should have inter-container traffic encryption enabled", resource: "SageMaker", fsbp: false, notApplicable: RUNTIME_SAGEMAKER_HOSTING },
    { source: "securityhub", id: "SageMaker.16", title: "SageMaker models should use private registry in VPC for primary containers", resource: "SageMaker", fsbp: false, notApplicable: RUNTIME_SAGEMAKER_HOSTING },
    { source: "securityhub", id: "SageMaker.17", title: "SageMaker feature group offline stores should be encrypted with AWS KMS keys", resource: "SageMaker", fsbp: false, notApplicable: NO_FEATURE_STORE },
    { source: "securityhub", id: "SageMaker.18", title: "SageMaker feature group online stores with standard storage should be encrypted with AWS KMS keys", resource: "SageMaker", fsbp: false, notApplicable: NO_FEATURE_STORE },
    { source: "securityhub", id: "SageMaker.19", title: "SageMaker models should use private registry in VPC for multi-container inference pipelines", resource: "SageMaker", fsbp: false, notApplicable: RUNTIME_SAGEMAKER_HOSTING },
    { source: "securityhub", id: "SageMaker.20", title: "SageMaker model explainability job definitions should have network isolation enabled", resource: "SageMaker", fsbp: false, notApplicable: RUNTIME_SAGEMAKER_HOSTING },
    { source: "securityhub", id: "SageMaker.21", title: "SageMaker notebook instances should be encrypted with customer managed AWS KMS keys", resource: "SageMaker", fsbp: false, coveredBy: ["sagemaker-notebook-kms"] },
    { source: "securityhub", id: "SageMaker.22", title: "SageMaker monitoring schedules should have inter-container traffic encryption enabled", resource: "SageMaker", fsbp: false, notApplicable: RUNTIME_SAGEMAKER_HOSTING },
    { source: "securityhub", id: "SageMaker.23", title: "SageMaker inference experiments should have instance storage volume encrypted with customer managed AWS KMS keys", resource: "SageMaker", fsbp: false, notApplicable: NO_INFERENCE_EXPERIMENTS },
    { source: "securityhub", id: "SageMaker.24", title: "SageMaker inference experiments should have data storage encrypted with customer managed AWS KMS keys", resource: "SageMaker", fsbp: false, notApplicable: NO_INFERENCE_EXPERIMENTS },
    { source: "securityhub", id: "SageMaker.25", title: "SageMaker model quality job definitions should have network isolation enabled", resource: "SageMaker", fsbp: false, notApplicable: RUNTIME_SAGEMAKER_HOSTING },
    { source: "checkov", id: "CKV_AWS_187", title: "Ensure Sagemaker domain and notebook instance are encrypted by KMS using a customer managed Key (CMK)", resource: "SageMaker", coveredBy: ["sagemaker-domain-kms-key"] },
    { source: "checkov", id: "CKV_AWS_122", title: "Ensure that direct internet access is disabled for an Amazon SageMaker Notebook Instance", resource: "SageMaker", coveredBy: ["sagemaker-notebook-no-direct-internet"] },
    { source: "checkov", id: "CKV_AWS_22", title: "Ensure SageMaker Notebook is encrypted at rest using KMS CMK", resource: "SageMaker", coveredBy: ["sagemaker-notebook-kms"] },
    { source: "checkov", id: "CKV_AWS_306", title: "Ensure SageMaker notebook instances should be launched into a custom VPC", resource: "SageMaker", coveredBy: ["sagemaker-notebook-no-direct-internet"] },
    { source: "checkov", id: "CKV_AWS_307", title: "Ensure SageMaker Users should not have root access to SageMaker notebook instances", resource: "SageMaker", coveredBy: ["sagemaker-root-access-disabled"] },
    { source: "checkov", id: "CKV_AWS_98", title: "Ensure all data stored in the Sagemaker Endpoint is securely encrypted at rest", resource: "SageMaker", notApplicable: RUNTIME_SAGEMAKER_HOSTING },
    { source: "checkov", id: "CKV2_AWS_68", title: "Ensure SageMaker notebook instance IAM policy is not overly permissive", resource: "SageMaker", notApplicable: NO_NOTEBOOK_INSTANCES },
    { source: "prowler", id: "sagemaker_domain_vpc_only_enabled", title: "SageMaker domain uses VpcOnly network access", resource: "SageMaker", coveredBy: ["sagemaker-domain-vpc-only", "isolated-vpc-no-internet-path"] },
    { source: "prowler", id: "sagemaker_domain_encrypted_with_cmk", title: "SageMaker domain storage is encrypted with a customer managed key", resource: "SageMaker", coveredBy: ["sagemaker-domain-kms-key"] },
    { source: "prowler", id: "sagemaker_notebook_instance_without_direct_internet_access_configured", title: "Notebook instance has direct internet access disabled", resource: "SageMaker", coveredBy: ["sagemaker-notebook-no-direct-internet"] },
    { source: "prowler", id: "sagemaker_notebook_instance_vpc_settings_configured", title: "Notebook instance runs in a VPC", resource: "SageMaker", coveredBy: ["sagemaker-notebook-no-direct-internet"] },
    { source: "prowler", id: "sagemaker_notebook_instance_root_access_disabled", title: "Notebook instance has root access disabled", resource: "SageMaker", coveredBy: ["sagemaker-root-access-disabled"] },
    { source: "prowler", id: "sagemaker_notebook_instance_encryption_enabled", title: "Notebook instance volume is encrypted with KMS", resource: "SageMaker", coveredBy: ["sagemaker-notebook-kms"] },
    { source: "prowler", id: "sagemaker_training_jobs_vpc_settings_configured", title: "Training jobs run in a VPC", resource: "SageMaker", notApplicable: RUNTIME_SAGEMAKER_JOB },
    { source: "prowler", id: "sagemaker_training_jobs_network_isolation_enabled", title: "Training jobs run with network isolation", resource: "SageMaker", notApplicable: RUNTIME_SAGEMAKER_JOB },
    { source: "prowler", id: "sagemaker_training_jobs_intercontainer_encryption_enabled", title: "Training jobs encrypt inter-container traffic", resource: "SageMaker", notApplicable: RUNTIME_SAGEMAKER_JOB },
    { source: "prowler", id: "sagemaker_training_jobs_volume_and_output_encryption_enabled", title: "Training jobs encrypt volumes and output with KMS", resource: "SageMaker", notApplicable: RUNTIME_SAGEMAKER_JOB },
    { source: "prowler", id: "sagemaker_models_network_isolation_enabled", title: "Models run with network isolation", resource: "SageMaker", coveredBy: ["sagemaker-workload-network-isolation"] },
    { source: "prowler", id: "sagemaker_models_vpc_settings_configured", title: "Models run in a VPC", resource: "SageMaker", coveredBy: ["sagemaker-workload-network-isolation"] },
    { source: "prowler", id: "sagemaker_endpoint_config_prod_variant_instances", title: "Endpoint production variants have more than one instance", resource: "SageMaker", notApplicable: RUNTIME_SAGEMAKER_HOSTING },

    // ---------------------------------------------------------------- S3
    { source: "securityhub", id: "S3.1", title: "S3 general purpose buckets should have block public access settings enabled", resource: "S3", fsbp: true, notApplicable: ACCOUNT_LEVEL },
    { source: "securityhub", id: "S3.2", title: "S3 general purpose buckets should block public read access", resource: "S3", fsbp: true, coveredBy: ["s3-public-access-block-all", "s3-bucket-has-pab-sse-policy"] },
    { source: "securityhub", id: "S3.3", title: "S3 general purpose buckets should block public write access", resource: "S3", fsbp: true, coveredBy: ["s3-public-access-block-all", "s3-bucket-has-pab-sse-policy"] },
    { source: "securityhub", id: "S3.5", title: "S3 general purpose buckets should require requests to use SSL", resource: "S3", fsbp: true, coveredBy: ["s3-bucket-policy-denies-insecure-transport", "s3-bucket-has-pab-sse-policy"] },
    { source: "securityhub", id: "S3.6", title: "S3 general purpose bucket policies should restrict access to other AWS accounts", resource: "S3", fsbp: true, coveredBy: ["resource-policy-platform-accounts-only"] },
    { source: "securityhub", id: "S3.8", title: "S3 general purpose buckets should block public access", resource: "S3", fsbp: true, coveredBy: ["s3-public-access-block-all", "s3-bucket-has-pab-sse-policy"] },
    { source: "securityhub", id: "S3.9", title: "S3 general purpose buckets should have server access logging enabled", resource: "S3", fsbp: true, coveredBy: ["s3-bucket-access-logging"] },
    { source: "securityhub", id: "S3.12", title: "ACLs should not be used to manage user access to S3 general purpose buckets", resource: "S3", fsbp: true, coveredBy: ["s3-bucket-acls-disabled"] },
    { source: "securityhub", id: "S3.13", title: "S3 general purpose buckets should have Lifecycle configurations", resource: "S3", fsbp: true, coveredBy: ["s3-bucket-lifecycle-configured"] },
    { source: "securityhub", id: "S3.14", title: "S3 general purpose buckets should have versioning enabled", resource: "S3", fsbp: false, coveredBy: ["s3-bucket-versioning-enabled"] },
    { source: "securityhub", id: "S3.15", title: "S3 general purpose buckets should have Object Lock enabled", resource: "S3", fsbp: false, coveredBy: ["audit-archive-object-lock"], note: "Applies to the audit archive only, which must have Object Lock in the configured environments (prod by default). Team data buckets are exempt on purpose: erasure requests and lifecycle expiry must be able to delete their objects, which Object Lock forbids." },
    { source: "securityhub", id: "S3.17", title: "S3 general purpose buckets should be encrypted at rest with AWS KMS keys", resource: "S3", fsbp: false, coveredBy: ["s3-bucket-sse-kms"] },
    { source: "securityhub", id: "S3.19", title: "S3 access points should have block public access settings enabled", resource: "S3", fsbp: true, coveredBy: ["s3-access-point-restricted"] },
    { source: "checkov", id: "CKV_AWS_145", title: "Ensure that S3 buckets are encrypted with KMS by default", resource: "S3", coveredBy: ["s3-bucket-sse-kms"] },
    { source: "checkov", id: "CKV_AWS_19", title: "Ensure all data stored in the S3 bucket is securely encrypted at rest", resource: "S3", coveredBy: ["s3-bucket-sse-kms"] },
    { source: "checkov", id: "CKV_AWS_18", title: "Ensure the S3 bucket has access logging enabled", resource: "S3", coveredBy: ["s3-bucket-access-logging"] },
    { source: "checkov", id: "CKV_AWS_21", title: "Ensure all data stored in the S3 bucket have versioning enabled", resource: "S3", coveredBy: ["s3-bucket-versioning-enabled"] },
    { source: "checkov", id: "CKV_AWS_53", title: "Ensure S3 bucket has block public ACLs enabled", resource: "S3", coveredBy: ["s3-public-access-block-all", "s3-bucket-has-pab-sse-policy"] },
    { source: "checkov", id: "CKV_AWS_54", title: "Ensure S3 bucket has block public policy enabled", resource: "S3", coveredBy: ["s3-public-access-block-all", "s3-bucket-has-pab-sse-policy"] },
    { source: "checkov", id: "CKV_AWS_55", title: "Ensure S3 bucket has ignore public ACLs enabled", resource: "S3", coveredBy: ["s3-public-access-block-all", "s3-bucket-has-pab-sse-policy"] },
    { source: "checkov", id: "CKV_AWS_56", title: "Ensure S3 bucket has 'restrict_public_buckets' enabled", resource: "S3", coveredBy: ["s3-public-access-block-all", "s3-bucket-has-pab-sse-policy"] },
    { source: "checkov", id: "CKV_AWS_144", title: "Ensure that S3 bucket has cross-region replication enabled", resource: "S3", notApplicable: "Data residency: team data must stay in the platform's region, so the platform does not replicate buckets across regions; durability comes from versioning and, for the audit archive, Object Lock." },
    { source: "checkov", id: "CKV2_AWS_61", title: "Ensure that an S3 bucket has a lifecycle configuration", resource: "S3", coveredBy: ["s3-bucket-lifecycle-configured"] },
    { source: "prowler", id: "s3_bucket_default_encryption", title: "Bucket has default encryption", resource: "S3", coveredBy: ["s3-bucket-sse-kms"] },
    { source: "prowler", id: "s3_bucket_kms_encryption", title: "Bucket default encryption uses KMS", resource: "S3", coveredBy: ["s3-bucket-sse-kms"] },
    { source: "prowler", id: "s3_bucket_secure_transport_policy", title: "Bucket policy denies requests without TLS", resource: "S3", coveredBy: ["s3-bucket-policy-denies-insecure-transport", "s3-bucket-has-pab-sse-policy"] },
    { source: "prowler", id: "s3_bucket_level_public_access_block", title: "Bucket has a public access block", resource: "S3", coveredBy: ["s3-public-access-block-all", "s3-bucket-has-pab-sse-policy"] },
    { source: "prowler", id: "s3_bucket_object_versioning", title: "Bucket has versioning enabled", resource: "S3", coveredBy: ["s3-bucket-versioning-enabled"] },
    { source: "prowler", id: "s3_bucket_server_access_logging_enabled", title: "Bucket has server access logging", resource: "S3", coveredBy: ["s3-bucket-access-logging"] },
    { source: "prowler", id: "s3_bucket_acl_prohibited", title: "Bucket ACLs are disabled", resource: "S3", coveredBy: ["s3-bucket-acls-disabled"] },

    // ---------------------------------------------------------------- KMS
    { source: "securityhub", id: "KMS.1", title: "IAM customer managed policies should not allow decryption actions on all KMS keys", resource: "KMS", fsbp: true, coveredBy: ["iam-no-decrypt-on-all-keys"] },
    { source: "securityhub", id: "KMS.2", title: "IAM principals should not have IAM inline policies that allow decryption actions on all KMS keys", resource: "KMS", fsbp: true, coveredBy: ["iam-no-decrypt-on-all-keys"] },
    { source: "securityhub", id: "KMS.3", title: "AWS KMS keys should not be deleted unintentionally", resource: "KMS", fsbp: true, notApplicable: `${RUNTIME_STATE} (a key pending deletion). At preview, kms-key-rotation requires a deletion window of at least 30 days and CustomerKey sets protect and retainOnDelete, so Pulumi never schedules the deletion.` },
    { source: "securityhub", id: "KMS.4", title: "AWS KMS key rotation should be enabled", resource: "KMS", fsbp: false, coveredBy: ["kms-key-rotation"] },
    { source: "securityhub", id: "KMS.5", title: "KMS keys should not be publicly accessible", resource: "KMS", fsbp: true, coveredBy: ["resource-policy-not-public"] },
    { source: "checkov", id: "CKV_AWS_7", title: "Ensure rotation for customer created CMKs is enabled", resource: "KMS", coveredBy: ["kms-key-rotation"] },
    { source: "checkov", id: "CKV_AWS_33", title: "Ensure KMS key policy does not contain wildcard (*) principal", resource: "KMS", coveredBy: ["resource-policy-not-public"] },
    { source: "checkov", id: "CKV_AWS_227", title: "Ensure KMS key is enabled", resource: "KMS", coveredBy: ["kms-key-enabled-with-policy"] },
    { source: "checkov", id: "CKV2_AWS_64", title: "Ensure KMS key Policy is defined", resource: "KMS", coveredBy: ["kms-key-enabled-with-policy"] },
    { source: "prowler", id: "kms_cmk_rotation_enabled", title: "Customer managed key rotates", resource: "KMS", coveredBy: ["kms-key-rotation"] },
    { source: "prowler", id: "kms_cmk_not_deleted_unintentionally", title: "Customer managed key is not pending deletion", resource: "KMS", notApplicable: `${RUNTIME_STATE}; see KMS.3.` },
    { source: "prowler", id: "kms_key_not_publicly_accessible", title: "Key policy does not allow public access", resource: "KMS", coveredBy: ["resource-policy-not-public"] },

    // ---------------------------------------------------------------- EC2 / VPC
    { source: "securityhub", id: "EC2.2", title: "VPC default security groups should not allow inbound or outbound traffic", resource: "EC2/VPC", fsbp: true, coveredBy: ["vpc-default-security-group-closed"] },
    { source: "securityhub", id: "EC2.6", title: "VPC flow logging should be enabled in all VPCs", resource: "EC2/VPC", fsbp: true, coveredBy: ["vpc-flow-logs"] },
    { source: "securityhub", id: "EC2.10", title: "Amazon EC2 should be configured to use VPC endpoints that are created for the Amazon EC2 service", resource: "EC2/VPC", fsbp: true, notApplicable: "Nothing in the data VPC calls the EC2 API (SageMaker manages its own ENIs); the endpoint catalogue adds only the endpoints Studio, jobs and packages need, and isolated-vpc-endpoint-policy scopes each one." },
    { source: "securityhub", id: "EC2.13", title: "Security groups should not allow ingress from 0.0.0.0/0 or ::/0 to port 22", resource: "EC2/VPC", fsbp: false, coveredBy: ["security-group-no-public-ingress"] },
    { source: "securityhub", id: "EC2.14", title: "Security groups should not allow ingress from 0.0.0.0/0 or ::/0 to port 3389", resource: "EC2/VPC", fsbp: false, coveredBy: ["security-group-no-public-ingress"] },
    { source: "securityhub", id: "EC2.15", title: "Amazon EC2 subnets should not automatically assign public IP addresses", resource: "EC2/VPC", fsbp: true, coveredBy: ["subnet-no-public-ip"] },
    { source: "securityhub", id: "EC2.18", title: "Security groups should only allow unrestricted incoming traffic for authorized ports", resource: "EC2/VPC", fsbp: true, coveredBy: ["security-group-no-public-ingress"] },
    { source: "securityhub", id: "EC2.19", title: "Security groups should not allow unrestricted access to ports with high risk", resource: "EC2/VPC", fsbp: true, coveredBy: ["security-group-no-public-ingress"] },
    { source: "securityhub", id: "EC2.55", title: "VPCs should be configured with an interface endpoint for ECR API", resource: "EC2/VPC", fsbp: true, coveredBy: ["isolated-vpc-required-endpoints"] },
    { source: "securityhub", id: "EC2.56", title: "VPCs should be configured with an interface endpoint for Docker Registry", resource: "EC2/VPC", fsbp: true, coveredBy: ["isolated-vpc-required-endpoints"] },
    { source: "securityhub", id: "EC2.57", title: "VPCs should be configured with an interface endpoint for Systems Manager", resource: "EC2/VPC", fsbp: true, coveredBy: ["isolated-vpc-required-endpoints"] },
    { source: "securityhub", id: "EC2.58", title: "VPCs should be configured with an interface endpoint for Systems Manager Incident Manager Contacts", resource: "EC2/VPC", fsbp: true, notApplicable: "The platform does not use Systems Manager Incident Manager; an unused endpoint would only add a path out of the isolated VPC." },
    { source: "securityhub", id: "EC2.60", title: "VPCs should be configured with an interface endpoint for Systems Manager Incident Manager", resource: "EC2/VPC", fsbp: true, notApplicable: "As EC2.58: Incident Manager is not used." },
    { source: "securityhub", id: "EC2.8", title: "EC2 instances should use Instance Metadata Service Version 2 (IMDSv2)", resource: "EC2/VPC", fsbp: true, notApplicable: NO_EC2_COMPUTE },
    { source: "securityhub", id: "EC2.9", title: "Amazon EC2 instances should not have a public IPv4 address", resource: "EC2/VPC", fsbp: true, notApplicable: NO_EC2_COMPUTE },
    { source: "securityhub", id: "EC2.3", title: "Attached Amazon EBS volumes should be encrypted at-rest", resource: "EC2/VPC", fsbp: true, notApplicable: NO_EC2_COMPUTE },
    { source: "securityhub", id: "EC2.7", title: "EBS default encryption should be enabled", resource: "EC2/VPC", fsbp: true, notApplicable: ACCOUNT_LEVEL },
    { source: "securityhub", id: "EC2.21", title: "Network ACLs should not allow ingress from 0.0.0.0/0 to port 22 or port 3389", resource: "EC2/VPC", fsbp: true, notApplicable: NO_NETWORK_EXTRAS },
    { source: "securityhub", id: "EC2.23", title: "Amazon EC2 Transit Gateways should not automatically accept VPC attachment requests", resource: "EC2/VPC", fsbp: true, notApplicable: NO_NETWORK_EXTRAS },
    { source: "checkov", id: "CKV2_AWS_11", title: "Ensure VPC flow logging is enabled in all VPCs", resource: "EC2/VPC", coveredBy: ["vpc-flow-logs"] },
    { source: "checkov", id: "CKV2_AWS_12", title: "Ensure the default security group of every VPC restricts all traffic", resource: "EC2/VPC", coveredBy: ["vpc-default-security-group-closed"] },
    { source: "checkov", id: "CKV_AWS_24", title: "Ensure no security groups allow ingress from 0.0.0.0:0 to port 22", resource: "EC2/VPC", coveredBy: ["security-group-no-public-ingress"] },
    { source: "checkov", id: "CKV_AWS_25", title: "Ensure no security groups allow ingress from 0.0.0.0:0 to port 3389", resource: "EC2/VPC", coveredBy: ["security-group-no-public-ingress"] },
    { source: "checkov", id: "CKV_AWS_260", title: "Ensure no security groups allow ingress from 0.0.0.0:0 to port 80", resource: "EC2/VPC", coveredBy: ["security-group-no-public-ingress"] },
    { source: "checkov", id: "CKV_AWS_277", title: "Ensure no security groups allow ingress from 0.0.0.0:0 to port -1", resource: "EC2/VPC", coveredBy: ["security-group-no-public-ingress"] },
    { source: "checkov", id: "CKV_AWS_23", title: "Ensure every security group and rule has a description", resource: "EC2/VPC", coveredBy: ["security-group-descriptions"] },
    { source: "checkov", id: "CKV_AWS_130", title: "Ensure VPC subnets do not assign public IP by default", resource: "EC2/VPC", coveredBy: ["subnet-no-public-ip"] },
    { source: "checkov", id: "CKV_AWS_148", title: "Ensure no default VPC is planned to be provisioned", resource: "EC2/VPC", coveredBy: ["no-default-vpc"] },
    { source: "prowler", id: "vpc_flow_logs_enabled", title: "VPC has flow logs", resource: "EC2/VPC", coveredBy: ["vpc-flow-logs"] },
    { source: "prowler", id: "ec2_securitygroup_default_restrict_traffic", title: "Default security group allows no traffic", resource: "EC2/VPC", coveredBy: ["vpc-default-security-group-closed"] },
    { source: "prowler", id: "ec2_securitygroup_allow_ingress_from_internet_to_tcp_port_22", title: "No security group admits SSH from the internet", resource: "EC2/VPC", coveredBy: ["security-group-no-public-ingress"] },
    { source: "prowler", id: "ec2_securitygroup_allow_ingress_from_internet_to_tcp_port_3389", title: "No security group admits RDP from the internet", resource: "EC2/VPC", coveredBy: ["security-group-no-public-ingress"] },
    { source: "prowler", id: "ec2_securitygroup_allow_ingress_from_internet_to_high_risk_tcp_ports", title: "No security group admits high-risk ports from the internet", resource: "EC2/VPC", coveredBy: ["security-group-no-public-ingress"] },
    { source: "prowler", id: "vpc_subnet_no_public_ip_by_default", title: "Subnets do not assign public IPs by default", resource: "EC2/VPC", coveredBy: ["subnet-no-public-ip"] },
    { source: "prowler", id: "vpc_endpoint_connections_trust_boundaries", title: "VPC endpoint policies admit only trusted principals", resource: "EC2/VPC", coveredBy: ["isolated-vpc-endpoint-policy"] },
    { source: "prowler", id: "vpc_endpoint_for_ec2_enabled", title: "VPC has an endpoint for EC2", resource: "EC2/VPC", notApplicable: "As EC2.10: nothing in the data VPC calls the EC2 API." },

    // ---------------------------------------------------------------- CloudTrail
    { source: "securityhub", id: "CloudTrail.1", title: "CloudTrail should be enabled and configured with at least one multi-Region trail that includes read and write management events", resource: "CloudTrail", fsbp: true, coveredBy: ["cloudtrail-multi-region"] },
    { source: "securityhub", id: "CloudTrail.2", title: "CloudTrail should have encryption at-rest enabled", resource: "CloudTrail", fsbp: true, coveredBy: ["cloudtrail-kms"] },
    { source: "securityhub", id: "CloudTrail.4", title: "CloudTrail log file validation should be enabled", resource: "CloudTrail", fsbp: true, coveredBy: ["cloudtrail-log-validation"] },
    { source: "securityhub", id: "CloudTrail.5", title: "CloudTrail trails should be integrated with Amazon CloudWatch Logs", resource: "CloudTrail", fsbp: true, coveredBy: ["cloudtrail-cloudwatch-logs"] },
    { source: "securityhub", id: "CloudTrail.6", title: "Ensure the S3 bucket used to store CloudTrail logs is not publicly accessible", resource: "CloudTrail", fsbp: false, coveredBy: ["s3-public-access-block-all", "s3-bucket-has-pab-sse-policy"] },
    { source: "securityhub", id: "CloudTrail.7", title: "Ensure S3 bucket access logging is enabled on the CloudTrail S3 bucket", resource: "CloudTrail", fsbp: false, coveredBy: ["s3-bucket-access-logging"] },
    { source: "checkov", id: "CKV_AWS_35", title: "Ensure CloudTrail logs are encrypted at rest using KMS CMKs", resource: "CloudTrail", coveredBy: ["cloudtrail-kms"] },
    { source: "checkov", id: "CKV_AWS_36", title: "Ensure CloudTrail log file validation is enabled", resource: "CloudTrail", coveredBy: ["cloudtrail-log-validation"] },
    { source: "checkov", id: "CKV_AWS_67", title: "Ensure CloudTrail is enabled in all Regions", resource: "CloudTrail", coveredBy: ["cloudtrail-multi-region"] },
    { source: "checkov", id: "CKV2_AWS_10", title: "Ensure CloudTrail trails are integrated with CloudWatch Logs", resource: "CloudTrail", coveredBy: ["cloudtrail-cloudwatch-logs"] },
    { source: "checkov", id: "CKV_AWS_252", title: "Ensure CloudTrail defines an SNS Topic", resource: "CloudTrail", notApplicable: "Alerting comes from the detective controls (EventBridge → Lambda → SNS) and the trail's CloudWatch Logs delivery; an SNS notification per delivered log file adds noise without control value." },
    { source: "prowler", id: "cloudtrail_multi_region_enabled", title: "A multi-region trail is enabled", resource: "CloudTrail", coveredBy: ["cloudtrail-multi-region"] },
    { source: "prowler", id: "cloudtrail_kms_encryption_enabled", title: "Trail is encrypted with KMS", resource: "CloudTrail", coveredBy: ["cloudtrail-kms"] },
    { source: "prowler", id: "cloudtrail_log_file_validation_enabled", title: "Trail log file validation is enabled", resource: "CloudTrail", coveredBy: ["cloudtrail-log-validation"] },
    { source: "prowler", id: "cloudtrail_cloudwatch_logging_enabled", title: "Trail delivers to CloudWatch Logs", resource: "CloudTrail", coveredBy: ["cloudtrail-cloudwatch-logs"] },
    { source: "prowler", id: "cloudtrail_s3_dataevents_read_enabled", title: "Trail records S3 read data events", resource: "CloudTrail", coveredBy: ["cloudtrail-s3-data-events"] },
    { source: "prowler", id: "cloudtrail_s3_dataevents_write_enabled", title: "Trail records S3 write data events", resource: "CloudTrail", coveredBy: ["cloudtrail-s3-data-events"] },

    // ---------------------------------------------------------------- ECR
    { source: "securityhub", id: "ECR.1", title: "ECR private repositories should have image scanning configured", resource: "ECR", fsbp: true, coveredBy: ["ecr-scan-on-push"] },
    { source: "securityhub", id: "ECR.2", title: "ECR private repositories should have tag immutability configured", resource: "ECR", fsbp: true, coveredBy: ["ecr-immutable-tags"] },
    { source: "securityhub", id: "ECR.3", title: "ECR repositories should have at least one lifecycle policy configured", resource: "ECR", fsbp: true, coveredBy: ["ecr-lifecycle-policy"] },
    { source: "checkov", id: "CKV_AWS_136", title: "Ensure that ECR repositories are encrypted using KMS", resource: "ECR", coveredBy: ["ecr-repository-kms"] },
    { source: "checkov", id: "CKV_AWS_51", title: "Ensure ECR Image Tags are immutable", resource: "ECR", coveredBy: ["ecr-immutable-tags"] },
    { source: "checkov", id: "CKV_AWS_163", title: "Ensure ECR image scanning on push is enabled", resource: "ECR", coveredBy: ["ecr-scan-on-push"] },
    { source: "checkov", id: "CKV_AWS_32", title: "Ensure ECR policy is not set to public", resource: "ECR", coveredBy: ["resource-policy-not-public"] },
    { source: "prowler", id: "ecr_repositories_scan_images_on_push_enabled", title: "Repository scans images on push", resource: "ECR", coveredBy: ["ecr-scan-on-push"] },
    { source: "prowler", id: "ecr_repositories_tag_immutability", title: "Repository tags are immutable", resource: "ECR", coveredBy: ["ecr-immutable-tags"] },
    { source: "prowler", id: "ecr_repository_encrypted_with_cmk", title: "Repository is encrypted with a customer managed key", resource: "ECR", coveredBy: ["ecr-repository-kms"] },
    { source: "prowler", id: "ecr_repositories_lifecycle_policy_enabled", title: "Repository has a lifecycle policy", resource: "ECR", coveredBy: ["ecr-lifecycle-policy"] },
    { source: "prowler", id: "ecr_repositories_not_publicly_accessible", title: "Repository policy is not public", resource: "ECR", coveredBy: ["resource-policy-not-public"] },

    // ---------------------------------------------------------------- CodeBuild, CodePipeline, CodeArtifact
    { source: "securityhub", id: "CodeBuild.1", title: "CodeBuild Bitbucket source repository URLs should not contain sensitive credentials", resource: "CodeBuild", fsbp: true, notApplicable: "The scan projects take their source from CodePipeline (CODEPIPELINE source type), never from a Bitbucket URL; the pipeline reaches the repository through a CodeStar connection, not credentials in a URL (S6)." },
    { source: "securityhub", id: "CodeBuild.2", title: "CodeBuild project environment variables should not contain clear text credentials", resource: "CodeBuild", fsbp: true, coveredBy: ["codebuild-no-plaintext-credentials"] },
    { source: "securityhub", id: "CodeBuild.3", title: "CodeBuild S3 logs should be encrypted", resource: "CodeBuild", fsbp: true, notApplicable: "The projects send logs only to KMS-encrypted CloudWatch log groups (S3 logs DISABLED), which log-group-encrypted-retention checks." },
    { source: "securityhub", id: "CodeBuild.4", title: "CodeBuild project environments should have a logging AWS Configuration", resource: "CodeBuild", fsbp: true, coveredBy: ["codebuild-logging-enabled"] },
    { source: "securityhub", id: "CodeBuild.5", title: "CodeBuild project environments should not have privileged mode enabled", resource: "CodeBuild", fsbp: false, coveredBy: ["codebuild-not-privileged"] },
    { source: "securityhub", id: "CodeBuild.7", title: "CodeBuild report group exports should be encrypted at rest", resource: "CodeBuild", fsbp: true, notApplicable: "The program creates no CodeBuild report groups; scan reports go to an encrypted SecureBucket." },
    { source: "checkov", id: "CKV_AWS_147", title: "Ensure that CodeBuild projects are encrypted using CMK", resource: "CodeBuild", coveredBy: ["codebuild-kms-encrypted"] },
    { source: "checkov", id: "CKV_AWS_78", title: "Ensure that CodeBuild Project encryption is not disabled", resource: "CodeBuild", coveredBy: ["codebuild-kms-encrypted"] },
    { source: "checkov", id: "CKV_AWS_316", title: "Ensure CodeBuild project environments do not have privileged mode enabled", resource: "CodeBuild", coveredBy: ["codebuild-not-privileged"] },
    { source: "checkov", id: "CKV_AWS_314", title: "Ensure CodeBuild project environments have a logging configuration", resource: "CodeBuild", coveredBy: ["codebuild-logging-enabled"] },
    { source: "checkov", id: "CKV_AWS_311", title: "Ensure that CodeBuild S3 logs are encrypted", resource: "CodeBuild", notApplicable: "As CodeBuild.3: S3 logs are disabled." },
    { source: "checkov", id: "CKV_AWS_219", title: "Ensure CodePipeline Artifact store is using a KMS CMK", resource: "CodePipeline", coveredBy: ["codepipeline-artifact-store-kms"] },
    { source: "checkov", id: "CKV_AWS_221", title: "Ensure CodeArtifact Domain is encrypted by KMS using a customer managed Key (CMK)", resource: "CodeArtifact", coveredBy: ["codeartifact-domain-kms"] },
    { source: "prowler", id: "codebuild_project_no_secrets_in_variables", title: "Project environment variables hold no secrets", resource: "CodeBuild", coveredBy: ["codebuild-no-plaintext-credentials"] },
    { source: "prowler", id: "codebuild_project_logging_enabled", title: "Project has logging enabled", resource: "CodeBuild", coveredBy: ["codebuild-logging-enabled"] },
    { source: "prowler", id: "codebuild_project_s3_logs_encrypted", title: "Project S3 logs are encrypted", resource: "CodeBuild", notApplicable: "As CodeBuild.3: S3 logs are disabled." },
    { source: "prowler", id: "codebuild_project_source_repo_url_no_sensitive_credentials", title: "Project source URL holds no credentials", resource: "CodeBuild", notApplicable: "As CodeBuild.1: source comes from CodePipeline." },
    { source: "prowler", id: "codebuild_project_user_controlled_buildspec", title: "Project buildspec is not taken from the source repository", resource: "CodeBuild", coveredBy: ["codebuild-inline-buildspec"] },

    // ---------------------------------------------------------------- Lambda
    { source: "securityhub", id: "Lambda.1", title: "Lambda function policies should prohibit public access", resource: "Lambda", fsbp: true, coveredBy: ["resource-policy-not-public"] },
    { source: "securityhub", id: "Lambda.2", title: "Lambda functions should use supported runtimes", resource: "Lambda", fsbp: true, coveredBy: ["lambda-supported-runtime"] },
    { source: "securityhub", id: "Lambda.3", title: "Lambda functions should be in a VPC", resource: "Lambda", fsbp: false, notApplicable: LAMBDA_OUTSIDE_VPC },
    { source: "securityhub", id: "Lambda.5", title: "VPC Lambda functions should operate in multiple Availability Zones", resource: "Lambda", fsbp: true, notApplicable: "Applies to VPC-attached functions only; the platform's Lambda is not VPC-attached (see Lambda.3)." },
    { source: "checkov", id: "CKV_AWS_117", title: "Ensure that AWS Lambda function is configured inside a VPC", resource: "Lambda", notApplicable: LAMBDA_OUTSIDE_VPC },
    { source: "checkov", id: "CKV_AWS_116", title: "Ensure that AWS Lambda function is configured for a Dead Letter Queue(DLQ)", resource: "Lambda", coveredBy: ["lambda-dead-letter-queue"] },
    { source: "checkov", id: "CKV_AWS_115", title: "Ensure that AWS Lambda function is configured for function-level concurrent execution limit", resource: "Lambda", coveredBy: ["lambda-reserved-concurrency"] },
    { source: "checkov", id: "CKV_AWS_173", title: "Check encryption settings for Lambda environmental variable", resource: "Lambda", notApplicable: "The function's environment holds no secrets, only ARNs and settings (lambda-environment-no-secrets enforces that), encrypted at rest with the AWS managed key. A customer key for it would require the deployer to hold encrypt rights on a key it only administers (E9/E10 key policies keep administration and use apart)." },
    { source: "checkov", id: "CKV_AWS_50", title: "X-Ray tracing is enabled for Lambda", resource: "Lambda", coveredBy: ["lambda-active-tracing"] },
    { source: "checkov", id: "CKV_AWS_272", title: "Ensure AWS Lambda function is configured to validate code-signing", resource: "Lambda", notApplicable: "The function code is bundled from this repository at deploy time by the deployer itself. Lambda code signing protects against artifacts uploaded by a third party and needs an AWS Signer job on an S3 object; this deployment has no separate uploader whose artifacts could be swapped." },
    { source: "checkov", id: "CKV_AWS_258", title: "Ensure that Lambda function URLs AuthType is not None", resource: "Lambda", coveredBy: ["lambda-no-public-function-url"] },
    { source: "checkov", id: "CKV_AWS_301", title: "Ensure that AWS Lambda function is not publicly accessible", resource: "Lambda", coveredBy: ["resource-policy-not-public"] },
    { source: "checkov", id: "CKV_AWS_45", title: "Ensure no hard-coded secrets exist in Lambda environment", resource: "Lambda", coveredBy: ["lambda-environment-no-secrets"] },
    { source: "prowler", id: "awslambda_function_not_publicly_accessible", title: "Function policy is not public", resource: "Lambda", coveredBy: ["resource-policy-not-public"] },
    { source: "prowler", id: "awslambda_function_url_public", title: "Function URL is not public", resource: "Lambda", coveredBy: ["lambda-no-public-function-url"] },
    { source: "prowler", id: "awslambda_function_using_supported_runtimes", title: "Function uses a supported runtime", resource: "Lambda", coveredBy: ["lambda-supported-runtime"] },
    { source: "prowler", id: "awslambda_function_inside_vpc", title: "Function runs in a VPC", resource: "Lambda", notApplicable: LAMBDA_OUTSIDE_VPC },
    { source: "prowler", id: "awslambda_function_no_secrets_in_variables", title: "Function environment holds no secrets", resource: "Lambda", coveredBy: ["lambda-environment-no-secrets"] },

    // ---------------------------------------------------------------- SNS, SQS
    { source: "securityhub", id: "SNS.1", title: "SNS topics should be encrypted at rest using AWS KMS", resource: "SNS", fsbp: false, coveredBy: ["sns-topic-kms"] },
    { source: "securityhub", id: "SNS.4", title: "SNS topic access policies should not allow public access", resource: "SNS", fsbp: true, coveredBy: ["resource-policy-not-public"] },
    { source: "checkov", id: "CKV_AWS_26", title: "Ensure all data stored in the SNS topic is encrypted", resource: "SNS", coveredBy: ["sns-topic-kms"] },
    { source: "checkov", id: "CKV_AWS_169", title: "Ensure SNS topic policy is not public by only allowing specific services or principals to access it", resource: "SNS", coveredBy: ["resource-policy-not-public"] },
    { source: "prowler", id: "sns_topics_kms_encryption_at_rest_enabled", title: "Topic is encrypted with KMS", resource: "SNS", coveredBy: ["sns-topic-kms"] },
    { source: "prowler", id: "sns_topics_not_publicly_accessible", title: "Topic policy is not public", resource: "SNS", coveredBy: ["resource-policy-not-public"] },
    { source: "securityhub", id: "SQS.1", title: "Amazon SQS queues should be encrypted at rest", resource: "SQS", fsbp: true, coveredBy: ["sqs-queue-kms"] },
    { source: "securityhub", id: "SQS.3", title: "SQS queue access policies should not allow public access", resource: "SQS", fsbp: true, coveredBy: ["resource-policy-not-public"] },
    { source: "checkov", id: "CKV_AWS_27", title: "Ensure all data stored in the SQS queue is encrypted", resource: "SQS", coveredBy: ["sqs-queue-kms"] },
    { source: "checkov", id: "CKV2_AWS_73", title: "Ensure AWS SQS uses CMK not AWS default keys for encryption", resource: "SQS", coveredBy: ["sqs-queue-kms"] },
    { source: "prowler", id: "sqs_queues_server_side_encryption_enabled", title: "Queue has server-side encryption", resource: "SQS", coveredBy: ["sqs-queue-kms"] },

    // ---------------------------------------------------------------- CloudWatch Logs
    { source: "securityhub", id: "CloudWatch.16", title: "CloudWatch log groups should be retained for a specified time period", resource: "CloudWatch Logs", fsbp: false, coveredBy: ["log-group-retention-minimum"] },
    { source: "checkov", id: "CKV_AWS_158", title: "Ensure that CloudWatch Log Group is encrypted by KMS", resource: "CloudWatch Logs", coveredBy: ["log-group-encrypted-retention"] },
    { source: "checkov", id: "CKV_AWS_66", title: "Ensure that CloudWatch Log Group specifies retention days", resource: "CloudWatch Logs", coveredBy: ["log-group-encrypted-retention"] },
    { source: "checkov", id: "CKV_AWS_338", title: "Ensure CloudWatch log groups retains logs for at least 1 year", resource: "CloudWatch Logs", coveredBy: ["log-group-retention-minimum"] },
    { source: "prowler", id: "cloudwatch_log_group_kms_encryption_enabled", title: "Log group is encrypted with KMS", resource: "CloudWatch Logs", coveredBy: ["log-group-encrypted-retention"] },
    { source: "prowler", id: "cloudwatch_log_group_retention_policy_specific_days_enabled", title: "Log group retention is at least the configured days", resource: "CloudWatch Logs", coveredBy: ["log-group-retention-minimum"] },

    // ---------------------------------------------------------------- EFS (the Studio home file system, created by SageMaker)
    { source: "securityhub", id: "EFS.1", title: "Elastic File System should be configured to encrypt file data at-rest using AWS KMS", resource: "EFS", fsbp: true, coveredBy: ["sagemaker-domain-kms-key"] },
    { source: "securityhub", id: "EFS.2", title: "Amazon EFS volumes should be in backup plans", resource: "EFS", fsbp: true, coveredBy: ["studio-home-backed-up"] },
    { source: "securityhub", id: "EFS.3", title: "EFS access points should enforce a root directory", resource: "EFS", fsbp: true, notApplicable: "The program creates no EFS access points; SageMaker manages per-user directories on the home EFS." },
    { source: "securityhub", id: "EFS.4", title: "EFS access points should enforce a user identity", resource: "EFS", fsbp: true, notApplicable: "As EFS.3: no access points." },
    { source: "securityhub", id: "EFS.6", title: "EFS mount targets should not be associated with subnets that assign public IP addresses on launch", resource: "EFS", fsbp: true, coveredBy: ["subnet-no-public-ip", "isolated-vpc-no-internet-path"] },
    { source: "securityhub", id: "EFS.7", title: "EFS file systems should have automatic backups enabled", resource: "EFS", fsbp: true, coveredBy: ["studio-home-backed-up"], note: "SageMaker creates and owns the domain's home EFS, so its automatic-backup setting is not the program's to set; studio-home-backed-up requires an AWS Backup plan selection of it, the equivalent control." },
    { source: "securityhub", id: "EFS.8", title: "EFS file systems should be encrypted at rest", resource: "EFS", fsbp: true, coveredBy: ["sagemaker-domain-kms-key"] },
    { source: "checkov", id: "CKV_AWS_42", title: "Ensure EFS is securely encrypted", resource: "EFS", coveredBy: ["sagemaker-domain-kms-key"] },
    { source: "checkov", id: "CKV2_AWS_18", title: "Ensure that Elastic File System (Amazon EFS) file systems are added in the backup plans of AWS Backup", resource: "EFS", coveredBy: ["studio-home-backed-up"] },
    { source: "prowler", id: "efs_encryption_at_rest_enabled", title: "File system is encrypted at rest", resource: "EFS", coveredBy: ["sagemaker-domain-kms-key"] },
    { source: "prowler", id: "efs_have_backup_enabled", title: "File system has backups", resource: "EFS", coveredBy: ["studio-home-backed-up"] },

    // ---------------------------------------------------------------- Backup
    { source: "securityhub", id: "Backup.1", title: "AWS Backup recovery points should be encrypted at rest", resource: "Backup", fsbp: true, coveredBy: ["backup-vault-kms"] },
    { source: "checkov", id: "CKV_AWS_166", title: "Ensure Backup Vault is encrypted at rest using KMS CMK", resource: "Backup", coveredBy: ["backup-vault-kms"] },
    { source: "prowler", id: "backup_vaults_encrypted", title: "Backup vault is encrypted", resource: "Backup", coveredBy: ["backup-vault-kms"] },
    { source: "prowler", id: "backup_plans_exist", title: "At least one backup plan exists", resource: "Backup", coveredBy: ["studio-home-backed-up"] },

    // ---------------------------------------------------------------- AWS Config (the detective layer the platform deploys)
    { source: "securityhub", id: "Config.1", title: "AWS Config should be enabled and use the service-linked role for resource recording", resource: "Config", fsbp: true, coveredBy: ["config-recorder-present", "config-recorder-service-linked-role"] },

    // ---------------------------------------------------------------- IAM documents the program writes
    { source: "securityhub", id: "IAM.1", title: "IAM policies should not allow full \"*\" administrative privileges", resource: "IAM", fsbp: true, coveredBy: ["iam-no-wildcard-action-on-all-resources"] },
    { source: "securityhub", id: "IAM.21", title: "IAM customer managed policies that you create should not allow wildcard actions for services", resource: "IAM", fsbp: true, coveredBy: ["iam-no-service-wildcard-actions"] },
    { source: "checkov", id: "CKV_AWS_62", title: "Ensure no IAM policies that allow full \"*-*\" administrative privileges are not created", resource: "IAM", coveredBy: ["iam-no-wildcard-action-on-all-resources"] },
    { source: "checkov", id: "CKV_AWS_63", title: "Ensure no IAM policies documents allow \"*\" as a statement's actions", resource: "IAM", coveredBy: ["iam-no-service-wildcard-actions"] },
    { source: "checkov", id: "CKV_AWS_60", title: "Ensure IAM role allows only specific services or principals to assume it", resource: "IAM", coveredBy: ["iam-trust-no-open-principal"] },

    // ---------------------------------------------------------------- API Gateway (the SAML broker's private REST API)
    { source: "securityhub", id: "APIGateway.1", title: "API Gateway REST and WebSocket API execution logging should be enabled", resource: "API Gateway", fsbp: true, coveredBy: ["apigateway-stage-logging", "apigateway-private-only"], note: "Every aws.apigateway.MethodSettings must log ERROR or INFO; a stage without any method settings is not caught by the pack (the broker's stage has one). WebSocket APIs are refused by apigateway-private-only." },
    { source: "securityhub", id: "APIGateway.2", title: "API Gateway REST API stages should be configured to use SSL certificates for backend authentication", resource: "API Gateway", fsbp: true, notApplicable: "Client certificates authenticate API Gateway to an HTTP backend; the broker's integration is a Lambda proxy integration, invoked through the Lambda API with API Gateway's own credentials." },
    { source: "securityhub", id: "APIGateway.3", title: "API Gateway REST API stages should have AWS X-Ray tracing enabled", resource: "API Gateway", fsbp: true, coveredBy: ["apigateway-stage-logging"] },
    { source: "securityhub", id: "APIGateway.4", title: "API Gateway should be associated with a WAF Web ACL", resource: "API Gateway", fsbp: true, notApplicable: PRIVATE_API_NO_WAF },
    { source: "securityhub", id: "APIGateway.5", title: "API Gateway REST API cache data should be encrypted at rest", resource: "API Gateway", fsbp: true, coveredBy: ["apigateway-no-response-cache"], note: "Stronger than the check: no stage or method may cache at all, so there is no cache data to encrypt." },
    { source: "securityhub", id: "APIGateway.8", title: "API Gateway routes should specify an authorization type", resource: "API Gateway", fsbp: true, notApplicable: NO_V2_APIS },
    { source: "securityhub", id: "APIGateway.9", title: "Access logging should be configured for API Gateway V2 Stages", resource: "API Gateway", fsbp: true, notApplicable: NO_V2_APIS },
    { source: "checkov", id: "CKV_AWS_76", title: "Ensure API Gateway has Access Logging enabled", resource: "API Gateway", coveredBy: ["apigateway-stage-logging"] },
    { source: "checkov", id: "CKV_AWS_73", title: "Ensure API Gateway has X-Ray Tracing enabled", resource: "API Gateway", coveredBy: ["apigateway-stage-logging"] },
    { source: "checkov", id: "CKV2_AWS_4", title: "Ensure API Gateway stage have logging level defined as appropriate", resource: "API Gateway", coveredBy: ["apigateway-stage-logging"] },
    { source: "checkov", id: "CKV_AWS_120", title: "Ensure API Gateway caching is enabled", resource: "API Gateway", notApplicable: NO_API_CACHE },
    { source: "checkov", id: "CKV_AWS_225", title: "Ensure API Gateway method setting caching is enabled", resource: "API Gateway", notApplicable: NO_API_CACHE },
    { source: "checkov", id: "CKV_AWS_308", title: "Ensure API Gateway method setting caching is set to encrypted", resource: "API Gateway", coveredBy: ["apigateway-no-response-cache"], note: "No method may cache, so nothing cached is left unencrypted." },
    { source: "checkov", id: "CKV_AWS_59", title: "Ensure there is no open access to back-end resources through API", resource: "API Gateway", notApplicable: SAML_IS_THE_AUTHORIZER },
    { source: "checkov", id: "CKV2_AWS_29", title: "Ensure public API gateway are protected by WAF", resource: "API Gateway", notApplicable: `Applies to public APIs, which apigateway-private-only refuses. ${PRIVATE_API_NO_WAF}` },
    { source: "prowler", id: "apigateway_restapi_public", title: "REST API endpoint is not public", resource: "API Gateway", coveredBy: ["apigateway-private-only", "apigateway-isolated-vpc-endpoint"] },
    { source: "prowler", id: "apigateway_restapi_logging_enabled", title: "REST API stages log executions", resource: "API Gateway", coveredBy: ["apigateway-stage-logging"] },
    { source: "prowler", id: "apigateway_restapi_tracing_enabled", title: "REST API stages have X-Ray tracing", resource: "API Gateway", coveredBy: ["apigateway-stage-logging"] },
    { source: "prowler", id: "apigateway_restapi_cache_encrypted", title: "REST API stage cache is encrypted", resource: "API Gateway", coveredBy: ["apigateway-no-response-cache"], note: "No stage or method may cache at all." },
    { source: "prowler", id: "apigateway_restapi_waf_acl_attached", title: "REST API stages have a WAF web ACL", resource: "API Gateway", notApplicable: PRIVATE_API_NO_WAF },
    { source: "prowler", id: "apigateway_restapi_authorizers_enabled", title: "REST API has an authorizer", resource: "API Gateway", notApplicable: SAML_IS_THE_AUTHORIZER },

    // ---------------------------------------------------------------- DynamoDB (the SAML broker's assertion ledger)
    { source: "securityhub", id: "DynamoDB.1", title: "DynamoDB tables should automatically scale capacity with demand", resource: "DynamoDB", fsbp: true, notApplicable: LEDGER_CAPACITY },
    { source: "securityhub", id: "DynamoDB.2", title: "DynamoDB tables should have point-in-time recovery enabled", resource: "DynamoDB", fsbp: true, coveredBy: ["dynamodb-table-customer-key"] },
    { source: "securityhub", id: "DynamoDB.6", title: "DynamoDB tables should have deletion protection enabled", resource: "DynamoDB", fsbp: true, coveredBy: ["dynamodb-table-customer-key"] },
    { source: "checkov", id: "CKV_AWS_119", title: "Ensure DynamoDB Tables are encrypted using a KMS Customer Managed CMK", resource: "DynamoDB", coveredBy: ["dynamodb-table-customer-key"] },
    { source: "checkov", id: "CKV_AWS_28", title: "Ensure Dynamodb point in time recovery (backup) is enabled", resource: "DynamoDB", coveredBy: ["dynamodb-table-customer-key"] },
    { source: "checkov", id: "CKV2_AWS_16", title: "Ensure that Auto Scaling is enabled on your DynamoDB tables", resource: "DynamoDB", notApplicable: LEDGER_CAPACITY },
    { source: "prowler", id: "dynamodb_tables_kms_cmk_encryption_enabled", title: "Table is encrypted with a customer managed key", resource: "DynamoDB", coveredBy: ["dynamodb-table-customer-key"] },
    { source: "prowler", id: "dynamodb_tables_pitr_enabled", title: "Table has point-in-time recovery", resource: "DynamoDB", coveredBy: ["dynamodb-table-customer-key"] },
    { source: "prowler", id: "dynamodb_table_deletion_protection_enabled", title: "Table has deletion protection", resource: "DynamoDB", coveredBy: ["dynamodb-table-customer-key"] },
];

/** A peer check a finding cites: the source and the peer's own ID. */
export interface PeerCheckRef {
    source: PeerSource;
    id: string;
}

/**
 * The peer checks a policy covers, from the `coveredBy` lists above (the one place the mapping
 * is written): docs/controls.md lists them per policy, and every finding of the policy carries them.
 */
export function peerChecksOf(policy: string, checks: readonly PeerCheck[] = peerChecks): PeerCheckRef[] {
    return checks.filter((c) => (c.coveredBy ?? []).includes(policy)).map((c) => ({ source: c.source, id: c.id }));
}
