import { SecureDsResourcePolicy, TYPES, customerKeyProblem, list, propsOf, text } from "../common";

/** E10, S5: ECR repositories encrypt images with a customer-managed key. */
export const ecrRepositoryKms: SecureDsResourcePolicy = {
    name: "ecr-repository-kms",
    description: "ECR repositories must encrypt images with KMS and a customer-managed key (E10, S5).",
    controls: ["E10", "S5"],
    remediation: 'Set encryptionConfigurations: [{ encryptionType: "KMS", kmsKey: <customer key ARN> }] (PackageMirror does).',
    enforcementLevel: "mandatory",
    validateResource: (args, reportViolation) => {
        const p = propsOf(args, TYPES.ecrRepository);
        if (!p) return;
        const config = list(p.encryptionConfigurations)[0];
        const type = text(config?.encryptionType) ?? "AES256";
        if (type !== "KMS" && type !== "KMS_DSSE") {
            reportViolation(`ECR repository ${args.name} is encrypted with ${type}; use KMS with a customer key (E10, S5).`);
            return;
        }
        const problem = customerKeyProblem(() => config?.kmsKey, "kmsKey");
        if (problem) reportViolation(`ECR repository ${args.name} ${problem} (E10, S5).`);
    },
};
