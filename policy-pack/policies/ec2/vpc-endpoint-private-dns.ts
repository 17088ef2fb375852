import { SecureDsResourcePolicy, TYPES, text } from "../common";

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
        if (args.type !== TYPES.ec2VpcEndpoint) return;
        // The API's default type is Gateway, which has no DNS of its own.
        if (text(args.props.vpcEndpointType) !== "Interface") return;
        if (args.props.privateDnsEnabled !== true) {
            reportViolation(
                `Interface endpoint ${args.name} (${text(args.props.serviceName) ?? "unknown service"}) has private DNS off; set privateDnsEnabled: true (N7).`,
            );
        }
    },
};
