import { SecureDsResourcePolicy, TYPES, customerKeyProblem } from "../common";

/** E10: CodeArtifact domains encrypt package assets with a customer-managed key. */
export const codeartifactDomainKms: SecureDsResourcePolicy = {
    name: "codeartifact-domain-kms",
    description: "CodeArtifact domains must encrypt their assets with a customer-managed KMS key (E10).",
    controls: ["E10", "S1"],
    remediation: "Set encryptionKey on the domain to a customer key ARN (PackageMirror creates one).",
    enforcementLevel: "mandatory",
    validateResource: (args, reportViolation) => {
        if (args.type !== TYPES.codeartifactDomain) return;
        const problem = customerKeyProblem(args.props.encryptionKey, "encryptionKey");
        if (problem) reportViolation(`CodeArtifact domain ${args.name} ${problem} (E10).`);
    },
};
