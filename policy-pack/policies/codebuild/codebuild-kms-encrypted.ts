import { SecureDsResourcePolicy, TYPES, customerKeyProblem, propsOf } from "../common";

/** E10: build artifacts (scanned packages, reports) are encrypted with a customer key. */
export const codebuildKmsEncrypted: SecureDsResourcePolicy = {
    name: "codebuild-kms-encrypted",
    description: "CodeBuild projects must encrypt their artifacts with a customer-managed KMS key (E10).",
    controls: ["E10"],
    remediation: "Set encryptionKey on the project to a customer key ARN (ScanPipeline uses its pipeline key).",
    enforcementLevel: "mandatory",
    validateResource: (args, reportViolation) => {
        const p = propsOf(args, TYPES.codebuildProject);
        if (!p) return;
        const problem = customerKeyProblem(() => p.encryptionKey, "encryptionKey");
        if (problem) reportViolation(`CodeBuild project ${args.name} ${problem} (E10).`);
    },
};
