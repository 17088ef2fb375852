import { SecureDsStackPolicy, TYPES, ofType, propsOf, references, text } from "../common";
import { isIsolatedVpc } from "./common";

const DEFAULT_SERVICES = ["s3", "sts", "logs", "kms", "sagemaker.api", "sagemaker.runtime", "ecr.api", "ecr.dkr", "ssm"];

/**
 * N7: an isolated VPC has no route to AWS public endpoints, so every service its workloads need
 * must have a VPC endpoint. Without one, calls fail, and the temptation is to open a route out.
 */
export const isolatedVpcRequiredEndpoints: SecureDsStackPolicy = {
    name: "isolated-vpc-required-endpoints",
    description:
        "A VPC tagged secure-ds:network-isolation=isolated must have VPC endpoints for the configured services (by default S3, STS, Logs, KMS, SageMaker API and runtime, ECR API and Docker, SSM) (N7).",
    controls: ["N7"],
    remediation: "Keep the service in the endpoint catalogue (components/network/endpointCatalog.ts) of IsolatedNetwork.",
    enforcementLevel: "mandatory",
    configSchema: {
        properties: {
            requiredServices: {
                type: "array",
                items: { type: "string" },
                default: DEFAULT_SERVICES,
                description:
                    "Service name suffixes (after com.amazonaws.<region>.) each isolated VPC needs. Default: s3, sts, logs, kms, sagemaker.api, sagemaker.runtime, ecr.api, ecr.dkr, ssm.",
            },
        },
    },
    validateStack: (args, reportViolation) => {
        const { requiredServices } = args.getConfig<{ requiredServices: string[] }>();
        const endpoints = ofType(args.resources, TYPES.ec2VpcEndpoint);
        for (const vpc of ofType(args.resources, TYPES.ec2Vpc).filter(isIsolatedVpc)) {
            const services = endpoints.filter((e) => references(e, "vpcId", vpc)).map((e) => text(propsOf(e, TYPES.ec2VpcEndpoint)?.serviceName) ?? "");
            const missing = requiredServices.filter((s) => !services.some((name) => name.endsWith(`.${s}`)));
            if (missing.length > 0) reportViolation(`Isolated VPC ${vpc.name} has no VPC endpoint for ${missing.join(", ")} (N7).`, vpc.urn);
        }
    },
};
