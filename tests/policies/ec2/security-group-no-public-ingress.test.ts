import { expect, it } from "vitest";
import { securityGroupNoPublicIngress } from "../../../policy-pack/policies/ec2/security-group-no-public-ingress";
import { ResourceCase, UNKNOWN, runResourcePolicy } from "../../harness/policyArgs";
import { describeRule, expectCompliant, expectViolations } from "../../harness/ruleTests";
import { EC2 } from "./fixtures";

const SECURITY_GROUP_RULE = "aws:ec2/securityGroupRule:SecurityGroupRule";
const rule = (props: Record<string, unknown>): ResourceCase => ({ type: EC2.ingressRule, props: { ipProtocol: "tcp", fromPort: 443, toPort: 443, ...props } });

describeRule(securityGroupNoPublicIngress, () => {
    it("passes referenced groups and private CIDRs, and ignores egress", async () => {
        await expectCompliant(securityGroupNoPublicIngress, rule({ referencedSecurityGroupId: "sg-1" }));
        await expectCompliant(securityGroupNoPublicIngress, rule({ cidrIpv4: "10.20.0.0/16" }));
        await expectCompliant(securityGroupNoPublicIngress, {
            type: "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule",
            props: { cidrIpv4: "0.0.0.0/0" },
        });
        await expectCompliant(securityGroupNoPublicIngress, { type: EC2.securityGroup, props: { egress: [{ cidrBlocks: ["0.0.0.0/0"] }] } });
    });
    it("reports v7 ingress rules from anywhere (IPv4 and IPv6)", async () => {
        expect(await expectViolations(securityGroupNoPublicIngress, rule({ cidrIpv4: "0.0.0.0/0" }))).toHaveLength(1);
        expect(await expectViolations(securityGroupNoPublicIngress, rule({ cidrIpv6: "::/0" }))).toHaveLength(1);
    });
    it("reports inline ingress on security groups and the default security group", async () => {
        const v = await expectViolations(securityGroupNoPublicIngress, {
            type: EC2.securityGroup,
            name: "sg",
            props: { ingress: [{ cidrBlocks: ["10.0.0.0/8"] }, { cidrBlocks: ["0.0.0.0/0"], ipv6CidrBlocks: ["::/0"] }] },
        });
        expect(v).toEqual([
            "aws:ec2/securityGroup:SecurityGroup sg admits ingress from 0.0.0.0/0, ::/0 in ingress[1]; admit the platform's security groups instead (N6, N9).",
        ]);
        expect(
            await expectViolations(securityGroupNoPublicIngress, { type: EC2.defaultSecurityGroup, props: { ingress: [{ cidrBlocks: ["0.0.0.0/0"] }] } }),
        ).toHaveLength(1);
    });
    it("reports classic ingress SecurityGroupRules but not egress ones", async () => {
        expect(
            await expectViolations(securityGroupNoPublicIngress, { type: SECURITY_GROUP_RULE, props: { type: "ingress", cidrBlocks: ["0.0.0.0/0"] } }),
        ).toHaveLength(1);
        await expectCompliant(securityGroupNoPublicIngress, { type: SECURITY_GROUP_RULE, props: { type: "egress", cidrBlocks: ["0.0.0.0/0"] } });
    });
    it("skips unknown values as a preview would", async () => {
        expect(await runResourcePolicy(securityGroupNoPublicIngress, rule({ cidrIpv4: UNKNOWN }))).toEqual([]);
    });
});
