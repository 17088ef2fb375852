import { SecureDsResourcePolicy, TYPES, list, record, text } from "../common";
import { anywhereIn, isAnywhere } from "./common";

/**
 * No security group admits traffic from anywhere (0.0.0.0/0 or ::/0), whether the rule is inline
 * (SecurityGroup / DefaultSecurityGroup `ingress`), a classic SecurityGroupRule of type ingress or
 * a v7 SecurityGroupIngressRule. Applies to every VPC: nothing of the platform serves the internet.
 */
export const securityGroupNoPublicIngress: SecureDsResourcePolicy = {
    name: "security-group-no-public-ingress",
    description: "Security group ingress must never come from 0.0.0.0/0 or ::/0 (N6, N9).",
    controls: ["N6", "N9"],
    remediation: "Admit a referenced security group (the platform's groups) or a specific private CIDR instead of 0.0.0.0/0 or ::/0.",
    enforcementLevel: "mandatory",
    validateResource: (args, reportViolation) => {
        const report = (where: string, cidrs: string[]) =>
            reportViolation(
                `${args.type} ${args.name} admits ingress from ${cidrs.join(", ")}${where}; admit the platform's security groups instead (N6, N9).`,
            );
        switch (args.type) {
            case TYPES.ec2SecurityGroup:
            case TYPES.ec2DefaultSecurityGroup: {
                list(args.props.ingress).forEach((rule, i) => {
                    const r = record(rule);
                    const cidrs = [...anywhereIn(r.cidrBlocks), ...anywhereIn(r.ipv6CidrBlocks)];
                    if (cidrs.length > 0) report(` in ingress[${i}]`, cidrs);
                });
                return;
            }
            case TYPES.ec2SecurityGroupRule: {
                if (text(args.props.type) !== "ingress") return;
                const cidrs = [...anywhereIn(args.props.cidrBlocks), ...anywhereIn(args.props.ipv6CidrBlocks)];
                if (cidrs.length > 0) report("", cidrs);
                return;
            }
            case TYPES.vpcSecurityGroupIngressRule: {
                const cidrs = [args.props.cidrIpv4, args.props.cidrIpv6].filter(isAnywhere).map(String);
                if (cidrs.length > 0) report("", cidrs);
                return;
            }
        }
    },
};
