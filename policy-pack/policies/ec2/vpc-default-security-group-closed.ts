import { SecureDsStackPolicy, TYPES, list, ofType, propsOf, references } from "../common";

/**
 * N6, N9: the default security group of every VPC is adopted and left without rules. AWS creates
 * it allowing all traffic between its members and all egress; anything that forgets to name a
 * security group lands in it.
 */
export const vpcDefaultSecurityGroupClosed: SecureDsStackPolicy = {
    name: "vpc-default-security-group-closed",
    description:
        "Every VPC must adopt its default security group (aws:ec2/defaultSecurityGroup) with no ingress or egress rules, and no rule resource may add any (N6, N9).",
    controls: ["N6", "N9"],
    remediation: "Adopt the default security group with ingress: [] and egress: [] (IsolatedNetwork does) and attach rules only to dedicated security groups.",
    enforcementLevel: "mandatory",
    validateStack: (args, reportViolation) => {
        const defaults = ofType(args.resources, TYPES.ec2DefaultSecurityGroup);
        const rules = ofType(args.resources, TYPES.vpcSecurityGroupIngressRule, TYPES.vpcSecurityGroupEgressRule, TYPES.ec2SecurityGroupRule);
        for (const vpc of ofType(args.resources, TYPES.ec2Vpc)) {
            if (!defaults.some((d) => references(d, "vpcId", vpc))) {
                reportViolation(
                    `VPC ${vpc.name} does not adopt its default security group; AWS leaves it open to its members and to all egress (N6).`,
                    vpc.urn,
                );
            }
        }
        for (const sg of defaults) {
            const p = propsOf(sg, TYPES.ec2DefaultSecurityGroup);
            const inline = [...list(p?.ingress).map(() => "ingress"), ...list(p?.egress).map(() => "egress")];
            if (inline.length > 0) reportViolation(`Default security group ${sg.name} has ${inline.length} rule(s); it must have none (N6).`, sg.urn);
            for (const rule of rules.filter((r) => references(r, "securityGroupId", sg))) {
                reportViolation(`Rule ${rule.name} adds traffic to the default security group ${sg.name}; it must have none (N6).`, rule.urn);
            }
        }
    },
};
