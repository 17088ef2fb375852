/**
 * Every policy of the secure-ds pack. Rules live in one folder per AWS service (plus the
 * cross-service folders data-protection/, resource-policies/ and tagging/), one rule per file
 * named after its policy: policies/<service>/<policy-name>.ts; each folder's index lists its
 * rules. This array is what policy-pack/index.ts hands to `new PolicyPack` and what the offline
 * plan evaluates. Policy names are unique (tests/policies/pack.test.ts) and match their files
 * (tests/policies/layout.test.ts).
 */
import { SecureDsPolicy } from "./common";
import { rules as apigateway } from "./apigateway";
import { rules as backup } from "./backup";
import { rules as cloudtrail } from "./cloudtrail";
import { rules as codeartifact } from "./codeartifact";
import { rules as codebuild } from "./codebuild";
import { rules as codepipeline } from "./codepipeline";
import { rules as config } from "./config";
import { rules as dataProtection } from "./data-protection";
import { rules as dynamodb } from "./dynamodb";
import { rules as ec2 } from "./ec2";
import { rules as ecr } from "./ecr";
import { rules as efs } from "./efs";
import { rules as iam } from "./iam";
import { rules as kms } from "./kms";
import { rules as lambda } from "./lambda";
import { rules as logs } from "./logs";
import { rules as resourcePolicies } from "./resource-policies";
import { rules as s3 } from "./s3";
import { rules as sagemaker } from "./sagemaker";
import { rules as secretsmanager } from "./secretsmanager";
import { rules as securityServices } from "./security-services";
import { rules as sns } from "./sns";
import { rules as sqs } from "./sqs";
import { rules as tagging } from "./tagging";

/** The rules of each folder, keyed by folder name. */
export const policiesByService: Readonly<Record<string, readonly SecureDsPolicy[]>> = {
    apigateway,
    backup,
    cloudtrail,
    codeartifact,
    codebuild,
    codepipeline,
    config,
    "data-protection": dataProtection,
    dynamodb,
    ec2,
    ecr,
    efs,
    iam,
    kms,
    lambda,
    logs,
    "resource-policies": resourcePolicies,
    s3,
    sagemaker,
    secretsmanager,
    "security-services": securityServices,
    sns,
    sqs,
    tagging,
};

/**
 * The order policies are evaluated in, and so the order of a plan's findings (plan/evaluate.ts)
 * and of the policies listed per control in docs/controls.md. It is the order the pack had
 * before its rules were sorted into service folders, kept so that plans and the controls document
 * made before and after compare equal. A policy missing from the list runs after the listed ones,
 * in folder order; a listed name that is no policy fails when the pack loads.
 */
const EVALUATION_ORDER: readonly string[] = [
    "sagemaker-domain-vpc-only",
    "sagemaker-domain-kms-key",
    "studio-domain-home-retention",
    "studio-domain-user-identity",
    "studio-domain-security-groups",
    "studio-domain-idle-shutdown",
    "studio-sharing-encrypted",
    "studio-domain-docker-disabled",
    "studio-user-profile-studiouserid",
    "studio-user-profile-own-security-group",
    "isolated-vpc-no-internet-path",
    "security-group-no-public-ingress",
    "vpc-endpoint-private-dns",
    "isolated-vpc-endpoint-policy",
    "vpc-flow-logs",
    "log-group-encrypted-retention",
    "s3-bucket-sse-kms",
    "kms-key-rotation",
    "mandatory-tags",
    "s3-public-access-block-all",
    "s3-bucket-policy-denies-insecure-transport",
    "s3-bucket-has-pab-sse-policy",
    "codeartifact-domain-kms",
    "codeartifact-approved-no-upstream",
    "ecr-repository-kms",
    "ecr-immutable-tags",
    "ecr-scan-on-push",
    "codebuild-not-privileged",
    "codebuild-kms-encrypted",
    "codepipeline-artifact-store-kms",
    "sns-topic-kms",
    "cloudtrail-multi-region",
    "cloudtrail-log-validation",
    "cloudtrail-kms",
    "lambda-no-public-function-url",
    "lambda-dead-letter-queue",
    "sqs-queue-kms",
    "config-recorder-present",
    "iam-no-wildcard-action-on-all-resources",
    "iam-trust-no-open-principal",
    "iam-pass-role-scoped",
    "s3-access-point-restricted",
    "backup-vault-kms",
    "s3-bucket-access-logging",
    "s3-bucket-acls-disabled",
    "s3-bucket-lifecycle-configured",
    "s3-bucket-policy-requires-kms-uploads",
    "s3-bucket-versioning-enabled",
    "codebuild-inline-buildspec",
    "codebuild-logging-enabled",
    "codebuild-no-plaintext-credentials",
    "s3-data-bucket-network-restricted",
    "data-keys-rotate",
    "data-resources-protected",
    "vpc-default-security-group-closed",
    "ecr-lifecycle-policy",
    "efs-encrypted-customer-key",
    "iam-no-decrypt-on-all-keys",
    "iam-no-service-wildcard-actions",
    "isolated-vpc-required-endpoints",
    "kms-key-enabled-with-policy",
    "lambda-environment-no-secrets",
    "lambda-supported-runtime",
    "log-group-retention-minimum",
    "no-default-vpc",
    "sagemaker-notebook-kms",
    "sagemaker-notebook-no-direct-internet",
    "resource-policy-not-public",
    "sagemaker-root-access-disabled",
    "secretsmanager-secret-kms",
    "security-group-descriptions",
    "studio-home-backed-up",
    "subnet-no-public-ip",
    "team-network-isolation-guardrail",
    "cloudtrail-cloudwatch-logs",
    "sagemaker-workload-network-isolation",
    "audit-archive-object-lock",
    "config-recorder-service-linked-role",
    "lambda-active-tracing",
    "lambda-reserved-concurrency",
    "resource-policy-platform-accounts-only",
    "cloudtrail-s3-data-events",
];

function inEvaluationOrder(all: SecureDsPolicy[]): SecureDsPolicy[] {
    const byName = new Map(all.map((p) => [p.name, p]));
    const listed = EVALUATION_ORDER.map((name) => {
        const p = byName.get(name);
        if (!p) throw new Error(`policies/index.ts: EVALUATION_ORDER names ${name}, which is not a policy of the pack`);
        return p;
    });
    return [...listed, ...all.filter((p) => !EVALUATION_ORDER.includes(p.name))];
}

export const policies: SecureDsPolicy[] = inEvaluationOrder(Object.values(policiesByService).flat());
