import { SecureDsResourcePolicy, TYPES, list, propsOf, text } from "../common";
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
        const group = propsOf(args, TYPES.ec2SecurityGroup, TYPES.ec2DefaultSecurityGroup);
        if (group) {
            list(group.ingress).forEach((rule, i) => {
                const cidrs = [...anywhereIn(rule?.cidrBlocks), ...anywhereIn(rule?.ipv6CidrBlocks)];
                if (cidrs.length > 0) report(` in ingress[${i}]`, cidrs);
            });
            return;
        }
        const classic = propsOf(args, TYPES.ec2SecurityGroupRule);
        if (classic) {
            if (text(classic.type) !== "ingress") return;
            const cidrs = [...anywhereIn(classic.cidrBlocks), ...anywhereIn(classic.ipv6CidrBlocks)];
            if (cidrs.length > 0) report("", cidrs);
            return;
        }
        const ingress = propsOf(args, TYPES.vpcSecurityGroupIngressRule);
        if (ingress) {
            const cidrs = [ingress.cidrIpv4, ingress.cidrIpv6].filter(isAnywhere).map(String);
            if (cidrs.length > 0) report("", cidrs);
        }
    },
};
