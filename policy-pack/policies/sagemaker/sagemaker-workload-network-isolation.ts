import { SecureDsResourcePolicy, TYPES, list, propsOf } from "../common";

/**
 * N4 (and N3): SageMaker models and training jobs declared in the program run with network
 * isolation and inside the platform VPC. The program itself declares none today (data scientists
 * create them at runtime, where the team guardrail policies and the detective Lambda apply); this
 * rule keeps any the program adds from bypassing the guardrail.
 */
export const sagemakerWorkloadNetworkIsolation: SecureDsResourcePolicy = {
    name: "sagemaker-workload-network-isolation",
    description:
        "SageMaker models and training jobs declared by the program must enable network isolation and run in a VPC (vpcConfig with subnets and security groups) (N4, N3).",
    controls: ["N4", "N3"],
    remediation: "Set enableNetworkIsolation: true and vpcConfig { subnets, securityGroupIds } with the team's subnets and security groups.",
    enforcementLevel: "mandatory",
    configSchema: {
        properties: {
            requireNetworkIsolation: {
                type: "boolean",
                default: true,
                description: "Require enableNetworkIsolation on every declared model and training job (false: check only the VPC).",
            },
        },
    },
    validateResource: (args, reportViolation) => {
        const p = propsOf(args, TYPES.sagemakerModel) ?? propsOf(args, TYPES.sagemakerTrainingJob);
        if (!p) return;
        const { requireNetworkIsolation } = args.getConfig<{ requireNetworkIsolation: boolean }>();
        const what = args.type === TYPES.sagemakerModel ? "Model" : "Training job";
        if (requireNetworkIsolation && p.enableNetworkIsolation !== true) {
            reportViolation(`${what} ${args.name} does not set enableNetworkIsolation: true (N4).`);
        }
        const vpc = p.vpcConfig;
        if (list(vpc?.subnets).length === 0 || list(vpc?.securityGroupIds).length === 0) {
            reportViolation(`${what} ${args.name} has no vpcConfig with subnets and securityGroupIds; it must run in the platform VPC (N3).`);
        }
    },
};
