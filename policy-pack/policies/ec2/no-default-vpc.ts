import { SecureDsResourcePolicy, TYPES } from "../common";

/** N6: the program never plans the account's default VPC (public subnets, an internet gateway). */
export const noDefaultVpc: SecureDsResourcePolicy = {
    name: "no-default-vpc",
    description: "The stack must not manage the default VPC or its default subnets (aws:ec2/defaultVpc, aws:ec2/defaultSubnet) (N6).",
    controls: ["N6"],
    remediation: "Use IsolatedNetwork for workloads; delete default VPCs in the account baseline instead of adopting them.",
    enforcementLevel: "mandatory",
    validateResource: (args, reportViolation) => {
        if (args.type === TYPES.ec2DefaultVpc || args.type === TYPES.ec2DefaultSubnet) {
            reportViolation(`${args.name} adopts the default VPC or a default subnet, which come with an internet gateway and public subnets (N6).`);
        }
    },
};
