import { SecureDsResourcePolicy, TYPES, list, record, text } from "../common";

/** N9: every security group and rule says what it is for, so a review can tell a needed path from a leftover. */
export const securityGroupDescriptions: SecureDsResourcePolicy = {
    name: "security-group-descriptions",
    description: "Security groups, their inline rules and standalone security group rules must have a description (N9).",
    controls: ["N9"],
    remediation: "Give the security group and each rule a description naming the traffic it admits and why.",
    enforcementLevel: "mandatory",
    validateResource: (args, reportViolation) => {
        if (args.type === TYPES.ec2SecurityGroup) {
            const d = text(args.props.description);
            // Pulumi fills in "Managed by Pulumi" when the description is omitted.
            if (!d || d === "Managed by Pulumi") reportViolation(`Security group ${args.name} has no description (N9).`);
            for (const dir of ["ingress", "egress"]) {
                list(args.props[dir]).forEach((rule, i) => {
                    if (!text(record(rule).description)) reportViolation(`Security group ${args.name} ${dir}[${i}] has no description (N9).`);
                });
            }
            return;
        }
        if (args.type === TYPES.vpcSecurityGroupIngressRule || args.type === TYPES.vpcSecurityGroupEgressRule || args.type === TYPES.ec2SecurityGroupRule) {
            if (!text(args.props.description)) reportViolation(`Security group rule ${args.name} has no description (N9).`);
        }
    },
};
