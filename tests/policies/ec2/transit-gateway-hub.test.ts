import { it } from "vitest";
import { transitGatewayHub } from "../../../policy-pack/policies/ec2/transit-gateway-hub";
import { describeRule, expectCompliant, expectViolations } from "../../harness/ruleTests";

const TGW = "aws:ec2transitgateway/transitGateway:TransitGateway";
const HUB = { defaultRouteTableAssociation: "disable", defaultRouteTablePropagation: "disable", autoAcceptSharedAttachments: "disable", dnsSupport: "enable" };

describeRule(transitGatewayHub, () => {
    it.each([
        ["the hub as TransitGatewayHub builds it", HUB],
        ["automatic acceptance unset (disable by default)", { ...HUB, autoAcceptSharedAttachments: undefined }],
    ])("passes %s", async (_label, props) => {
        await expectCompliant(transitGatewayHub, { type: TGW, props });
    });
    it.each([
        ["the default association on", { ...HUB, defaultRouteTableAssociation: "enable" }],
        ["the default propagation left unset (enable by default)", { ...HUB, defaultRouteTablePropagation: undefined }],
        ["automatic acceptance of shared attachments", { ...HUB, autoAcceptSharedAttachments: "enable" }],
        ["every AWS default", {}],
    ])("reports %s", async (_label, props) => {
        await expectViolations(transitGatewayHub, { type: TGW, props });
    });
});
