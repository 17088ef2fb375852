import { SecureDsResourcePolicy, TYPES, propsOf } from "../common";

const SETTINGS = ["blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets"] as const;

/** N10, E7: a bucket's public access block turns on all four settings; any one off reopens a path. */
export const s3PublicAccessBlockAll: SecureDsResourcePolicy = {
    name: "s3-public-access-block-all",
    description: "S3 public access blocks must set blockPublicAcls, blockPublicPolicy, ignorePublicAcls and restrictPublicBuckets (N10, E7).",
    controls: ["N10", "E7"],
    remediation: "Set all four settings of the BucketPublicAccessBlock to true (SecureBucket does).",
    enforcementLevel: "mandatory",
    validateResource: (args, reportViolation) => {
        const p = propsOf(args, TYPES.s3PublicAccessBlock);
        if (!p) return;
        const off = SETTINGS.filter((s) => p[s] !== true);
        if (off.length > 0) {
            reportViolation(`${args.name} does not set ${off.join(", ")}; all four public access settings must be true (N10).`);
        }
    },
};
