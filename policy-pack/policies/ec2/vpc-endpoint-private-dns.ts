import { SecureDsResourcePolicy, TYPES, propsOf, text } from "../common";

/**
 * N7: an interface endpoint without private DNS is not used by the SDKs, pip or Studio, which
 * resolve the service's public name and, in an isolated VPC, time out
 * (without private DNS the service name resolves to public addresses: https://repost.aws/knowledge-center/vpc-interface-configure-dns).
 */
export const vpcEndpointPrivateDns: SecureDsResourcePolicy = {
    name: "vpc-endpoint-private-dns",
    description: "Interface VPC endpoints must have private DNS enabled so that default service hostnames resolve to them (N7).",
    controls: ["N7"],
    remediation: "Set privateDnsEnabled: true on the interface endpoint (IsolatedNetwork does for every endpoint).",
    enforcementLevel: "mandatory",
    validateResource: (args, reportViolation) => {
        const p = propsOf(args, TYPES.ec2VpcEndpoint);
        if (!p) return;
        // The API's default type is Gateway, which has no DNS of its own.
        if (text(p.vpcEndpointType) !== "Interface") return;
        if (p.privateDnsEnabled !== true) {
            reportViolation(
                `Interface endpoint ${args.name} (${text(p.serviceName) ?? "unknown service"}) has private DNS off; set privateDnsEnabled: true (N7).`,
            );
        }
    },
};
