import { expect, it } from "vitest";
import { subnetNoPublicIp } from "../../../policy-pack/policies/ec2/subnet-no-public-ip";
import { UNKNOWN, runResourcePolicy } from "../../harness/policyArgs";
import { describeRule, expectCompliant, expectViolations } from "../../harness/ruleTests";
import { EC2 } from "./fixtures";

const DEFAULT_SUBNET = "aws:ec2/defaultSubnet:DefaultSubnet";

describeRule(subnetNoPublicIp, () => {
    it.each([
        ["public IPs off", { type: EC2.subnet, props: { mapPublicIpOnLaunch: false } }],
        ["public IPs unset (off by default)", { type: EC2.subnet, props: {} }],
        ["a default subnet told not to map public IPs", { type: DEFAULT_SUBNET, props: { mapPublicIpOnLaunch: false } }],
    ])("passes %s", async (_label, c) => {
        await expectCompliant(subnetNoPublicIp, c);
    });
    it.each([
        ["public IPs", { type: EC2.subnet, props: { mapPublicIpOnLaunch: true } }],
        ["customer-owned IPs", { type: EC2.subnet, props: { mapCustomerOwnedIpOnLaunch: true } }],
        ["default subnet left public", { type: DEFAULT_SUBNET, props: {} }],
    ])("reports %s", async (_label, c) => {
        await expectViolations(subnetNoPublicIp, c);
    });
    it("holds every subnet to it, the scanning VPC's NAT subnet too: the NAT's address comes from its EIP", async () => {
        const natSubnet = { type: EC2.subnet, props: { mapPublicIpOnLaunch: false, tags: { Name: "acme-dev-package-scanning-public" } } };
        await expectCompliant(subnetNoPublicIp, natSubnet);
        await expectViolations(subnetNoPublicIp, { ...natSubnet, props: { ...natSubnet.props, mapPublicIpOnLaunch: true } });
    });
    it("skips unknown values as a preview does", async () => {
        expect(await runResourcePolicy(subnetNoPublicIp, { type: EC2.subnet, props: { mapPublicIpOnLaunch: UNKNOWN } })).toEqual([]);
    });
});
