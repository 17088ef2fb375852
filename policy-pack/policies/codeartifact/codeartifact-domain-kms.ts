import { SecureDsResourcePolicy, TYPES, customerKeyProblem, propsOf } from "../common";

/** E10: CodeArtifact domains encrypt package assets with a customer-managed key. */
export const codeartifactDomainKms: SecureDsResourcePolicy = {
    name: "codeartifact-domain-kms",
    description: "CodeArtifact domains must encrypt their assets with a customer-managed KMS key (E10).",
    controls: ["E10", "S1"],
    // Not critical, although a control it cites is: the domain's key (E10); S1's no-internet core is codeartifact-approved-no-upstream.
    severity: "high",
    remediation: "Set encryptionKey on the domain to a customer key ARN (PackageMirror creates one).",
    enforcementLevel: "mandatory",
    validateResource: (args, reportViolation) => {
        const p = propsOf(args, TYPES.codeartifactDomain);
        if (!p) return;
        const problem = customerKeyProblem(() => p.encryptionKey, "encryptionKey");
        if (problem) reportViolation(`CodeArtifact domain ${args.name} ${problem} (E10).`);
    },
};
