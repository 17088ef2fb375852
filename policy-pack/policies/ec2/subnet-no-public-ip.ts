import { SecureDsResourcePolicy, TYPES } from "../common";

/** N6: subnets never hand out public IPs, so nothing launched in them is addressable from the internet. */
export const subnetNoPublicIp: SecureDsResourcePolicy = {
    name: "subnet-no-public-ip",
    description: "Subnets must not assign public IPv4 addresses on launch (mapPublicIpOnLaunch) or customer-owned IPs (N6).",
    controls: ["N6"],
    remediation: "Set mapPublicIpOnLaunch: false (IsolatedNetwork does) and leave mapCustomerOwnedIpOnLaunch unset.",
    enforcementLevel: "mandatory",
    validateResource: (args, reportViolation) => {
        if (args.type !== TYPES.ec2Subnet && args.type !== TYPES.ec2DefaultSubnet) return;
        if (args.type === TYPES.ec2DefaultSubnet) {
            // A default subnet maps public IPs unless told otherwise.
            if (args.props.mapPublicIpOnLaunch !== false)
                reportViolation(`Default subnet ${args.name} assigns public IPs on launch; set mapPublicIpOnLaunch: false (N6).`);
            return;
        }
        if (args.props.mapPublicIpOnLaunch === true) reportViolation(`Subnet ${args.name} assigns public IPs on launch; set mapPublicIpOnLaunch: false (N6).`);
        if (args.props.mapCustomerOwnedIpOnLaunch === true) reportViolation(`Subnet ${args.name} assigns customer-owned IPs on launch (N6).`);
    },
};
