import { SecureDsResourcePolicy, TYPES, customerKeyProblem, propsOf } from "../common";

/** G4: trail logs are encrypted with a customer key, so reading them needs kms:Decrypt as well as S3 access. */
export const cloudtrailKms: SecureDsResourcePolicy = {
    name: "cloudtrail-kms",
    description: "CloudTrail trails must encrypt log files with a customer-managed KMS key (G4).",
    controls: ["G4"],
    remediation: "Set kmsKeyId on the trail to the audit archive key (AuditTrail creates it).",
    enforcementLevel: "mandatory",
    validateResource: (args, reportViolation) => {
        const p = propsOf(args, TYPES.cloudtrailTrail);
        if (!p) return;
        const problem = customerKeyProblem(() => p.kmsKeyId, "kmsKeyId");
        if (problem) reportViolation(`Trail ${args.name} ${problem}; its logs would be encrypted with SSE-S3 only (G4).`);
    },
};
