import { expect, it } from "vitest";
import { transitGatewayAttachment } from "../../../policy-pack/policies/ec2/transit-gateway-attachment";
import { StackCaseResource } from "../../harness/policyArgs";
import { describeRule, expectCompliant, expectViolations } from "../../harness/ruleTests";
import { edit, previewed, r } from "../fixtures";
import { egressVpc, isolatedVpc } from "./fixtures";

const ATTACHMENT = "aws:ec2transitgateway/vpcAttachment:VpcAttachment";
const SETTINGS = {
    transitGatewayId: "tgw-0123456789abcdef0",
    dnsSupport: "enable",
    applianceModeSupport: "disable",
    ipv6Support: "disable",
    securityGroupReferencingSupport: "disable",
};
const ATTACHED: StackCaseResource[] = isolatedVpc([r(ATTACHMENT, "hub", { ...SETTINGS }, { vpcId: ["vpc"], subnetIds: ["subnet"] })]);

describeRule(transitGatewayAttachment, () => {
    it("passes the data VPC's attachment as TransitGatewayAttachment sets it, also in a preview", async () => {
        await expectCompliant(transitGatewayAttachment, ATTACHED);
        await expectCompliant(transitGatewayAttachment, previewed(ATTACHED));
    });
    it("passes appliance mode when the pack config allows it", async () => {
        await expectCompliant(
            transitGatewayAttachment,
            edit(ATTACHED, "hub", (x) => (x.props.applianceModeSupport = "enable")),
            { allowApplianceMode: true },
        );
    });
    it("reports an attachment of the scanning (egress) VPC", async () => {
        const found = await expectViolations(transitGatewayAttachment, [...egressVpc, r(ATTACHMENT, "scan-hub", { ...SETTINGS }, { vpcId: ["scan-vpc"] })]);
        expect(found.join("\n")).toContain("egress VPC scan-vpc");
    });
    it("reports an attachment of a VPC outside the stack", async () => {
        const found = await expectViolations(transitGatewayAttachment, [r(ATTACHMENT, "hub", { ...SETTINGS, vpcId: "vpc-0123456789abcdef0" })]);
        expect(found.join("\n")).toContain("not a VPC of this stack");
    });
    it.each<[string, Record<string, unknown>, string]>([
        ["DNS support off", { dnsSupport: "disable" }, "dnsSupport must be enable"],
        ["DNS support left to the default", { dnsSupport: undefined }, "dnsSupport must be enable"],
        ["appliance mode on", { applianceModeSupport: "enable" }, "applianceModeSupport must be disable"],
        ["IPv6 on", { ipv6Support: "enable" }, "ipv6Support must be disable"],
        ["security-group referencing on", { securityGroupReferencingSupport: "enable" }, "securityGroupReferencingSupport must be disable"],
    ])("reports %s on the isolated VPC", async (_label, change, message) => {
        const found = await expectViolations(
            transitGatewayAttachment,
            edit(ATTACHED, "hub", (x) => Object.assign(x.props, change)),
        );
        expect(found.join("\n")).toContain(message);
    });
});
