import { SecureDsResourcePolicy, TYPES, list, propsOf, text } from "../common";

/** N9: every security group and rule says what it is for, so a review can tell a needed path from a leftover. */
export const securityGroupDescriptions: SecureDsResourcePolicy = {
    name: "security-group-descriptions",
    description: "Security groups, their inline rules and standalone security group rules must have a description (N9).",
    controls: ["N9"],
    remediation: "Give the security group and each rule a description naming the traffic it admits and why.",
    enforcementLevel: "mandatory",
    validateResource: (args, reportViolation) => {
        const group = propsOf(args, TYPES.ec2SecurityGroup);
        if (group) {
            const d = text(group.description);
            // Pulumi fills in "Managed by Pulumi" when the description is omitted.
            if (!d || d === "Managed by Pulumi") reportViolation(`Security group ${args.name} has no description (N9).`);
            const inline = (dir: string, rules: readonly ({ readonly description?: unknown } | null | undefined)[]) =>
                rules.forEach((rule, i) => {
                    if (!text(rule?.description)) reportViolation(`Security group ${args.name} ${dir}[${i}] has no description (N9).`);
                });
            inline("ingress", list(group.ingress));
            inline("egress", list(group.egress));
            return;
        }
        const rule = propsOf(args, TYPES.vpcSecurityGroupIngressRule, TYPES.vpcSecurityGroupEgressRule, TYPES.ec2SecurityGroupRule);
        if (rule && !text(rule.description)) reportViolation(`Security group rule ${args.name} has no description (N9).`);
    },
};
