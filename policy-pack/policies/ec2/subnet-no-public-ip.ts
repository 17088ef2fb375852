import { SecureDsResourcePolicy, TYPES, propsOf } from "../common";

/** N6: subnets never hand out public IPs, so nothing launched in them is addressable from the internet. */
export const subnetNoPublicIp: SecureDsResourcePolicy = {
    name: "subnet-no-public-ip",
    description: "Subnets must not assign public IPv4 addresses on launch (mapPublicIpOnLaunch) or customer-owned IPs (N6).",
    controls: ["N6"],
    remediation: "Set mapPublicIpOnLaunch: false (IsolatedNetwork does) and leave mapCustomerOwnedIpOnLaunch unset.",
    enforcementLevel: "mandatory",
    validateResource: (args, reportViolation) => {
        const defaultSubnet = propsOf(args, TYPES.ec2DefaultSubnet);
        if (defaultSubnet) {
            // A default subnet maps public IPs unless told otherwise.
            if (defaultSubnet.mapPublicIpOnLaunch !== false)
                reportViolation(`Default subnet ${args.name} assigns public IPs on launch; set mapPublicIpOnLaunch: false (N6).`);
            return;
        }
        const subnet = propsOf(args, TYPES.ec2Subnet);
        if (!subnet) return;
        if (subnet.mapPublicIpOnLaunch === true) reportViolation(`Subnet ${args.name} assigns public IPs on launch; set mapPublicIpOnLaunch: false (N6).`);
        if (subnet.mapCustomerOwnedIpOnLaunch === true) reportViolation(`Subnet ${args.name} assigns customer-owned IPs on launch (N6).`);
    },
};
