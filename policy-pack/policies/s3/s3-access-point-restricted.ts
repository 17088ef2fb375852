import { SecureDsResourcePolicy, TYPES, isSet, propsOf, record } from "../common";

const PAB_FIELDS = ["blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets"];

/**
 * N10: S3 access points keep all four public access block settings (AWS turns them on when the
 * block is omitted, so only an explicit false is a violation) and accept requests only from a VPC.
 */
export const s3AccessPointRestricted: SecureDsResourcePolicy = {
    name: "s3-access-point-restricted",
    description: "S3 access points must keep every public access block setting on and, by default, have a VPC network origin (vpcConfiguration) (N10).",
    controls: ["N10"],
    remediation: "Omit publicAccessBlockConfiguration or set its four fields to true, and set vpcConfiguration.vpcId to the platform VPC.",
    enforcementLevel: "mandatory",
    configSchema: {
        properties: {
            requireVpcOrigin: {
                type: "boolean",
                default: true,
                description: "Require vpcConfiguration (network origin VPC) on every access point. Default: true.",
            },
        },
    },
    validateResource: (args, reportViolation) => {
        const p = propsOf(args, TYPES.s3AccessPoint);
        if (!p) return;
        const { requireVpcOrigin } = args.getConfig<{ requireVpcOrigin: boolean }>();
        const pab = record(p.publicAccessBlockConfiguration);
        const off = PAB_FIELDS.filter((f) => pab[f] === false);
        if (off.length > 0) reportViolation(`Access point ${args.name} turns off ${off.join(", ")} (N10).`);
        if (requireVpcOrigin && !isSet(() => p.vpcConfiguration?.vpcId))
            reportViolation(`Access point ${args.name} has an Internet network origin; set vpcConfiguration.vpcId (N10).`);
    },
};
