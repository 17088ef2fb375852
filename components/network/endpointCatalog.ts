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
export type EndpointPolicyKind = "platformPrincipals" | "platformResources" | "codeArtifactRead" | "samlBrokerApi";

export interface InterfaceEndpointSpec {
    /** Short name, the key in NetworkContext.interfaceEndpointIds (e.g. "sagemaker.api", "studio"). */
    key: string;
    /** Why the platform cannot work without it; absent for optional endpoints. */
    requiredBecause?: string;
    /** What it is for (docs and plan output). */
    purpose: string;
    policy: EndpointPolicyKind;
    /**
     * The AWS page that documents a custom (non-full-access) endpoint policy for this service. A
     * service whose page says nothing may reject the policy at CreateVpcEndpoint, or accept it
     * without enforcing it: such an endpoint is never a default, and the plan lists the check an
     * operator runs before enabling it (plan/manualSteps.ts, "endpoint-policy-support").
     */
    policyDocumentedAt?: string;
}

const SAGEMAKER_ENDPOINTS = "https://docs.aws.amazon.com/sagemaker/latest/dg/interface-vpc-endpoint.html";
const CODEARTIFACT_ENDPOINTS = "https://docs.aws.amazon.com/codeartifact/latest/ug/create-vpc-endpoint-policy.html";
const ECR_ENDPOINTS = "https://docs.aws.amazon.com/AmazonECR/latest/userguide/vpc-endpoints.html";

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
        policyDocumentedAt: SAGEMAKER_ENDPOINTS,
    },
    { key: "sagemaker.runtime", purpose: "invoking SageMaker endpoints from notebooks", policy: "platformPrincipals", policyDocumentedAt: SAGEMAKER_ENDPOINTS },
    {
        key: "studio",
        purpose: "Studio UI and presigned URLs through the VPC (N8)",
        policy: "platformPrincipals",
        policyDocumentedAt: "https://docs.aws.amazon.com/sagemaker/latest/dg/studio-interface-endpoint.html",
    },
    {
        key: "notebook",
        purpose: "notebook instance UI through the VPC",
        policy: "platformPrincipals",
        policyDocumentedAt: "https://docs.aws.amazon.com/sagemaker/latest/dg/notebook-interface-endpoint.html",
    },
    {
        key: "sts",
        purpose: "credentials for execution roles and the SDKs",
        requiredBecause: "Studio in VpcOnly mode cannot obtain credentials without it",
        policy: "platformResources",
        policyDocumentedAt: "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_sts_vpce.html",
    },
    {
        key: "logs",
        purpose: "CloudWatch Logs from apps, lifecycle scripts and jobs",
        requiredBecause: "Studio apps and lifecycle scripts cannot write their logs without it, and app start-up fails",
        policy: "platformResources",
        policyDocumentedAt: "https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/cloudwatch-logs-and-interface-VPC.html",
    },
    {
        key: "monitoring",
        purpose: "CloudWatch metrics",
        policy: "platformPrincipals",
        policyDocumentedAt: "https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/cloudwatch-and-interface-VPC.html",
    },
    {
        key: "kms",
        purpose: "direct use of the platform's customer keys",
        policy: "platformResources",
        policyDocumentedAt: "https://docs.aws.amazon.com/kms/latest/developerguide/kms-vpc-endpoint.html",
    },
    {
        key: "ssm",
        purpose: "Parameter Store: team parameters read by the Studio lifecycle script",
        requiredBecause: "the Studio lifecycle script reads the team's parameters from Parameter Store and hangs without it",
        policy: "platformResources",
        policyDocumentedAt: "https://docs.aws.amazon.com/systems-manager/latest/userguide/setup-create-vpc.html",
    },
    {
        key: "secretsmanager",
        purpose: "secrets used from notebooks (S6)",
        policy: "platformResources",
        policyDocumentedAt: "https://docs.aws.amazon.com/secretsmanager/latest/userguide/vpc-endpoint-overview.html",
    },
    { key: "ecr.api", purpose: "ECR API for approved images (S5)", policy: "platformResources", policyDocumentedAt: ECR_ENDPOINTS },
    { key: "ecr.dkr", purpose: "ECR image pulls (S5)", policy: "platformResources", policyDocumentedAt: ECR_ENDPOINTS },
    {
        key: "codeartifact.api",
        purpose: "CodeArtifact tokens and repository endpoints (S1)",
        requiredBecause: "packages come only from the private CodeArtifact repository (S1); pip cannot log in without it",
        policy: "codeArtifactRead",
        policyDocumentedAt: CODEARTIFACT_ENDPOINTS,
    },
    {
        key: "codeartifact.repositories",
        purpose: "CodeArtifact package downloads (S1)",
        requiredBecause: "packages come only from the private CodeArtifact repository (S1); pip cannot download packages without it",
        policy: "codeArtifactRead",
        policyDocumentedAt: CODEARTIFACT_ENDPOINTS,
    },
];

/**
 * Endpoints the platform knows but does not create by default: AWS documents no custom endpoint
 * policy for them (checked against the services' PrivateLink pages; the PrivateLink guide's
 * service list has no policy column), so an endpoint policy there may be rejected or not
 * enforced. `network.endpoints.extra` adds them with the principal policy, and the plan lists the
 * `VpcEndpointPolicySupported` check to run first.
 */
export const UNVERIFIED_POLICY_ENDPOINTS: readonly InterfaceEndpointSpec[] = [
    { key: "sagemaker.featurestore-runtime", purpose: "Feature Store online reads and writes", policy: "platformPrincipals" },
    { key: "servicecatalog", purpose: "SageMaker projects and self-service products", policy: "platformPrincipals" },
];

/**
 * The SAML broker's private API (access.samlBroker): created only when the broker is configured,
 * never a default and never through network.endpoints.extra, with the policy that admits only the
 * broker's POST (endpoints.ts brokerApiEndpointPolicy).
 */
export const SAML_BROKER_API_ENDPOINT: InterfaceEndpointSpec = {
    key: "execute-api",
    purpose: "the SAML broker's private API (access.samlBroker)",
    policy: "samlBrokerApi",
    policyDocumentedAt: "https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-vpc-endpoint-policies.html",
};

/** The catalogue entry of a key (default, broker or known opt-in), or the spec an unknown extra endpoint gets. */
export function interfaceEndpointSpec(key: string): InterfaceEndpointSpec {
    if (key === SAML_BROKER_API_ENDPOINT.key) return SAML_BROKER_API_ENDPOINT;
    return (
        DEFAULT_INTERFACE_ENDPOINTS.find((e) => e.key === key) ??
        UNVERIFIED_POLICY_ENDPOINTS.find((e) => e.key === key) ?? { key, purpose: "added in network.endpoints.extra", policy: "platformPrincipals" }
    );
}

/** Short names that are not interface endpoint services of this network. */
const RESERVED_EXTRA: Record<string, string> = {
    s3: "S3 is already served by the gateway endpoint on every route table",
    "execute-api": "it is created with access.samlBroker, with a policy that admits only the broker's API",
    dynamodb: "the DynamoDB gateway endpoint is created with access.samlBroker, for its ledger table only",
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
    if (!spec) {
        const optIn = UNVERIFIED_POLICY_ENDPOINTS.some((e) => e.key === key) ? ", and it is not created unless network.endpoints.extra names it" : "";
        return `is not a default endpoint${optIn}; the optional ones are ${optionalEndpointKeys().join(", ")}`;
    }
    if (spec.requiredBecause) return `is required: ${spec.requiredBecause}; remove it from network.endpoints.disabled`;
    return undefined;
}

function optionalEndpointKeys(): string[] {
    return DEFAULT_INTERFACE_ENDPOINTS.filter((e) => !e.requiredBecause).map((e) => e.key);
}

export function requiredEndpointKeys(): string[] {
    return DEFAULT_INTERFACE_ENDPOINTS.filter((e) => e.requiredBecause).map((e) => e.key);
}

/**
 * The effective interface endpoints: defaults minus `disabled`, plus `extra` (which get the
 * principal policy), plus the broker's execute-api endpoint when `samlBroker` is on.
 */
export function resolveInterfaceEndpoints(
    selection: { extra?: readonly string[]; disabled?: readonly string[] } = {},
    options: { samlBroker?: boolean } = {},
): InterfaceEndpointSpec[] {
    const disabled = new Set(selection.disabled ?? []);
    const defaults = DEFAULT_INTERFACE_ENDPOINTS.filter((e) => !disabled.has(e.key) || e.requiredBecause !== undefined);
    const extra = [...new Set(selection.extra ?? [])].map(interfaceEndpointSpec);
    return [...defaults, ...extra, ...(options.samlBroker ? [SAML_BROKER_API_ENDPOINT] : [])];
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

/** The catalogue key of an interface endpoint's AWS service name (the inverse of endpointServiceName). */
export function endpointKeyOfServiceName(serviceName: string): string | undefined {
    return /^(?:aws\.sagemaker\.[a-z0-9-]+\.(studio|notebook)|(?:cn\.)?com\.amazonaws\.[a-z0-9-]+\.(.+))$/
        .exec(serviceName)
        ?.slice(1)
        .find((k) => k !== undefined);
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
