import { SecureDsResourcePolicy, TYPES, known, propsOf } from "../common";
import { hasSecurityGroups } from "./common";

/**
 * N2: the domain names its security groups in domainSettings and in the default
 * user settings. With groups only in domainSettings, apps start without them and lifecycle
 * scripts hang on their first AWS call
 * (https://github.com/aws-samples/sagemaker-domain-vpconly-canvas-with-terraform/issues/1).
 */
export const studioDomainSecurityGroups: SecureDsResourcePolicy = {
    name: "studio-domain-security-groups",
    description: "SageMaker Studio domains must set security groups in domainSettings.securityGroupIds and in defaultUserSettings.securityGroups (N2).",
    controls: ["N2"],
    remediation: "Set the domain security group in domainSettings.securityGroupIds and defaultUserSettings.securityGroups (SecureStudioDomain sets both).",
    enforcementLevel: "mandatory",
    validateResource: (args, reportViolation) => {
        const p = propsOf(args, TYPES.sagemakerDomain);
        if (!p) return;
        if (!hasSecurityGroups(p.defaultUserSettings)) {
            reportViolation(
                `Domain ${args.name} has no defaultUserSettings.securityGroups; apps would start without the domain's group and lifecycle scripts hang (N2).`,
            );
        }
        if (!hasSecurityGroups({ securityGroups: known(() => p.domainSettings?.securityGroupIds) })) {
            reportViolation(`Domain ${args.name} has no domainSettings.securityGroupIds; name the domain security group (N2).`);
        }
    },
};
