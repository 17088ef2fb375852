/**
 * The interface VPC endpoints of the isolated network: which exist by default, which are
 * required (and what breaks without them), their AWS service names and which endpoint policy
 * each gets. Pure module: the config schema validates against it, IsolatedNetwork builds from it.
 */

/**
 * Which endpoint policy builder (components/guardrails/endpoints.ts) an endpoint gets:
 * `platformResources` binds the resource side too (N12), for the services whose resources hold or
 * unlock data; `platformPrincipals` only the caller.
 */
export type EndpointPolicyKind = "platformPrincipals" | "platformResources" | "codeArtifactRead";

export interface InterfaceEndpointSpec {
    /** Short name, the key in NetworkContext.interfaceEndpointIds (e.g. "sagemaker.api", "studio"). */
    key: string;
    /** Why the platform cannot work without it; absent for optional endpoints. */
    requiredBecause?: string;
    /** What it is for (docs and plan output). */
    purpose: string;
    policy: EndpointPolicyKind;
}

/**
 * The default set. Required ones are those whose absence breaks VpcOnly Studio or the supply chain
 * outright (each says why in `requiredBecause`); the rest are on by default and may be opted out of.
 */
export const DEFAULT_INTERFACE_ENDPOINTS: readonly InterfaceEndpointSpec[] = [
    {
        key: "sagemaker.api",
        purpose: "SageMaker API: apps, spaces, jobs, models",
        requiredBecause: "Studio in VpcOnly mode cannot create apps, spaces or jobs without the SageMaker API",
        policy: "platformPrincipals",
    },
    { key: "sagemaker.runtime", purpose: "invoking SageMaker endpoints from notebooks", policy: "platformPrincipals" },
    { key: "sagemaker.featurestore-runtime", purpose: "Feature Store online reads and writes", policy: "platformPrincipals" },
    { key: "studio", purpose: "Studio UI and presigned URLs through the VPC (N8)", policy: "platformPrincipals" },
    { key: "notebook", purpose: "notebook instance UI through the VPC", policy: "platformPrincipals" },
    {
        key: "sts",
        purpose: "credentials for execution roles and the SDKs",
        requiredBecause: "Studio in VpcOnly mode cannot obtain credentials without it",
        policy: "platformResources",
    },
    {
        key: "logs",
        purpose: "CloudWatch Logs from apps, lifecycle scripts and jobs",
        requiredBecause: "Studio apps and lifecycle scripts cannot write their logs without it, and app start-up fails",
        policy: "platformResources",
    },
    { key: "monitoring", purpose: "CloudWatch metrics", policy: "platformPrincipals" },
    { key: "kms", purpose: "direct use of the platform's customer keys", policy: "platformResources" },
    {
        key: "ssm",
        purpose: "Parameter Store: team parameters read by the Studio lifecycle script",
        requiredBecause: "the Studio lifecycle script reads the team's parameters from Parameter Store and hangs without it",
        policy: "platformResources",
    },
    { key: "secretsmanager", purpose: "secrets used from notebooks (S6)", policy: "platformResources" },
    { key: "servicecatalog", purpose: "SageMaker projects and self-service products", policy: "platformPrincipals" },
    { key: "ecr.api", purpose: "ECR API for approved images (S5)", policy: "platformResources" },
    { key: "ecr.dkr", purpose: "ECR image pulls (S5)", policy: "platformResources" },
    {
        key: "codeartifact.api",
        purpose: "CodeArtifact tokens and repository endpoints (S1)",
        requiredBecause: "packages come only from the private CodeArtifact repository (S1); pip cannot log in without it",
        policy: "codeArtifactRead",
    },
    {
        key: "codeartifact.repositories",
        purpose: "CodeArtifact package downloads (S1)",
        requiredBecause: "packages come only from the private CodeArtifact repository (S1); pip cannot download packages without it",
        policy: "codeArtifactRead",
    },
];

/** Short names that are not interface endpoint services of this network. */
const RESERVED_EXTRA: Record<string, string> = {
    s3: "S3 is already served by the gateway endpoint on every route table",
};

/** A short service name as used in endpoint service names (`athena`, `glue`, `sagemaker.metrics`). */
export const SERVICE_KEY_PATTERN = /^[a-z0-9]+([.-][a-z0-9]+)*$/;

/** Why `extra` may not name `key`, or undefined when it may. */
export function extraEndpointProblem(key: string): string | undefined {
    if (!SERVICE_KEY_PATTERN.test(key)) return "is not a service short name such as athena or sagemaker.metrics";
    if (DEFAULT_INTERFACE_ENDPOINTS.some((e) => e.key === key)) return "is already one of the default endpoints";
    const reserved = RESERVED_EXTRA[key];
    return reserved ? `cannot be added: ${reserved}` : undefined;
}

/** Why `disabled` may not name `key`, or undefined when it may. */
export function disabledEndpointProblem(key: string): string | undefined {
    const spec = DEFAULT_INTERFACE_ENDPOINTS.find((e) => e.key === key);
    if (!spec) return `is not a default endpoint; the optional ones are ${optionalEndpointKeys().join(", ")}`;
    if (spec.requiredBecause) return `is required: ${spec.requiredBecause}; remove it from network.endpoints.disabled`;
    return undefined;
}

function optionalEndpointKeys(): string[] {
    return DEFAULT_INTERFACE_ENDPOINTS.filter((e) => !e.requiredBecause).map((e) => e.key);
}

export function requiredEndpointKeys(): string[] {
    return DEFAULT_INTERFACE_ENDPOINTS.filter((e) => e.requiredBecause).map((e) => e.key);
}

/** The effective interface endpoints: defaults minus `disabled`, plus `extra` (which get the principal policy). */
export function resolveInterfaceEndpoints(selection: { extra?: readonly string[]; disabled?: readonly string[] } = {}): InterfaceEndpointSpec[] {
    const disabled = new Set(selection.disabled ?? []);
    const defaults = DEFAULT_INTERFACE_ENDPOINTS.filter((e) => !disabled.has(e.key) || e.requiredBecause !== undefined);
    const extra = [...new Set(selection.extra ?? [])].map<InterfaceEndpointSpec>((key) => ({
        key,
        purpose: "added in network.endpoints.extra",
        policy: "platformPrincipals",
    }));
    return [...defaults, ...extra];
}

/**
 * The AWS service name of an endpoint. Studio and notebook endpoints are `aws.sagemaker.<region>.*`;
 * everything else is `com.amazonaws.<region>.<service>`, which China regions prefix with `cn.`.
 */
export function endpointServiceName(key: string, region: string, partition: string): string {
    if (key === "studio" || key === "notebook") return `aws.sagemaker.${region}.${key}`;
    const prefix = partition === "aws-cn" ? "cn.com.amazonaws" : "com.amazonaws";
    return `${prefix}.${region}.${key}`;
}

/** Logical-name-safe form of a key ("sagemaker.api" → "sagemaker-api"). */
export function endpointResourceSuffix(key: string): string {
    return key.replace(/\./g, "-");
}

/**
 * CodeArtifact's regional package-asset buckets (CodeArtifact user guide, "Create the Amazon S3
 * gateway endpoint"). Other regions must name the bucket in `network.codeArtifactAssetsBucket`.
 */
export const CODEARTIFACT_ASSETS_BUCKETS: Readonly<Record<string, string>> = {
    "us-east-1": "assets-193858265520-us-east-1",
    "us-east-2": "assets-250872398865-us-east-2",
    "us-west-2": "assets-787052242323-us-west-2",
    "eu-west-1": "assets-438097961670-eu-west-1",
    "eu-west-2": "assets-247805302724-eu-west-2",
    "eu-west-3": "assets-762466490029-eu-west-3",
    "eu-north-1": "assets-611884512288-eu-north-1",
    "eu-south-1": "assets-484130244270-eu-south-1",
    "eu-central-1": "assets-769407342218-eu-central-1",
    "ap-northeast-1": "assets-660291247815-ap-northeast-1",
};

/** ECR stores image layers in this AWS-owned bucket; pulls through the S3 gateway need it. */
export function ecrLayerBucket(region: string): string {
    return `prod-${region}-starport-layer-bucket`;
}
