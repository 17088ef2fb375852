import { SecureDsStackPolicy, TYPES, known, ofType, propsOf, text } from "../common";
import { isEgressVpc, isIsolatedVpc, vpcsOf } from "./common";

/**
 * N13: where a transit gateway attachment may be, and how it is set. The package scanning (egress)
 * VPC is never attached: it reaches the internet, and an attachment would join the corporate
 * network to it. An attachment must name a VPC of the stack (else it cannot be judged). On an
 * isolated VPC: DNS support on (corporate names resolve across the hub), IPv6 and security-group
 * referencing off (the VPC is IPv4 only; hub groups must not be referenced), and appliance mode
 * off unless the pack config allows it (the data VPC holds no stateful appliance; appliance mode
 * pins flows to one AZ's attachment, VPC Transit Gateways guide "Appliance in a shared services VPC").
 */
export const transitGatewayAttachment: SecureDsStackPolicy = {
    name: "transit-gateway-attachment",
    description:
        "No transit gateway attachment on an egress (package scanning) VPC or on a VPC outside the stack; on an isolated VPC dnsSupport enable, ipv6Support and securityGroupReferencingSupport disable, applianceModeSupport disable unless allowed (N13).",
    controls: ["N13"],
    remediation:
        "Attach only the data-science VPC, through IsolatedNetwork's transitGateway argument (network.transitGateway), which sets the required options; never attach the scanning VPC.",
    enforcementLevel: "mandatory",
    configSchema: {
        properties: {
            allowApplianceMode: {
                type: "boolean",
                default: false,
                description: "Allow applianceModeSupport enable on isolated VPCs. Default false.",
            },
        },
    },
    validateStack: (args, reportViolation) => {
        const { allowApplianceMode } = args.getConfig<{ allowApplianceMode: boolean }>();
        const vpcs = ofType(args.resources, TYPES.ec2Vpc);
        for (const a of ofType(args.resources, TYPES.ec2TransitGatewayVpcAttachment)) {
            const attached = vpcsOf(a, args.resources, vpcs);
            const egress = attached.filter(isEgressVpc);
            if (egress.length > 0) {
                reportViolation(
                    `Transit gateway attachment ${a.name} is on the egress VPC ${egress.map((v) => v.name).join(", ")}: the scanning network reaches the internet and must never join the corporate network (N13).`,
                    a.urn,
                );
                continue;
            }
            if (attached.length === 0) {
                reportViolation(
                    `Transit gateway attachment ${a.name} names a VPC that is not a VPC of this stack; attach the isolated network's vpc.id so the pack can judge it (N13).`,
                    a.urn,
                );
                continue;
            }
            if (!attached.some(isIsolatedVpc)) continue;
            const p = propsOf(a, TYPES.ec2TransitGatewayVpcAttachment);
            const setting = (read: () => unknown) => {
                const v = known(read);
                return typeof v === "string" ? text(v) : undefined;
            };
            const wrong: string[] = [];
            if (setting(() => p?.dnsSupport) !== "enable") wrong.push("dnsSupport must be enable");
            if (setting(() => p?.ipv6Support) !== "disable") wrong.push("ipv6Support must be disable");
            if (setting(() => p?.securityGroupReferencingSupport) !== "disable") wrong.push("securityGroupReferencingSupport must be disable");
            const appliance = setting(() => p?.applianceModeSupport);
            if (!(appliance === "disable" || (allowApplianceMode && appliance === "enable"))) {
                wrong.push(allowApplianceMode ? "applianceModeSupport must be set (enable or disable)" : "applianceModeSupport must be disable");
            }
            if (wrong.length > 0) reportViolation(`Transit gateway attachment ${a.name} of the isolated VPC: ${wrong.join("; ")} (N13).`, a.urn);
        }
    },
};
