import { SecureDsResourcePolicy, TYPES, propsOf, text } from "../common";

/** G9: deleting a domain must keep the home EFS; users' notebooks live nowhere else. */
export const studioDomainHomeRetention: SecureDsResourcePolicy = {
    name: "studio-domain-home-retention",
    description: "SageMaker Studio domains must retain the home EFS when deleted (retentionPolicy.homeEfsFileSystem Retain) (G9).",
    controls: ["G9"],
    remediation: 'Set retentionPolicy: { homeEfsFileSystem: "Retain" } on the domain (SecureStudioDomain does), and back the EFS up (StudioHomeBackup).',
    enforcementLevel: "mandatory",
    validateResource: (args, reportViolation) => {
        const p = propsOf(args, TYPES.sagemakerDomain);
        if (!p) return;
        // Stated explicitly, so neither an API default nor a provider default decides what happens to the homes.
        const retention = text(p.retentionPolicy?.homeEfsFileSystem);
        if (retention === undefined) {
            reportViolation(`Domain ${args.name} does not set retentionPolicy.homeEfsFileSystem; set it to Retain explicitly (G9).`);
        } else if (retention !== "Retain") {
            reportViolation(
                `Domain ${args.name} sets retentionPolicy.homeEfsFileSystem to ${retention}; deleting the domain would delete every home directory. Use Retain (G9).`,
            );
        }
    },
};
