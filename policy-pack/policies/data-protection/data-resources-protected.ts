import { SecureDsResourcePolicy, TYPES } from "../common";

const DEFAULT_TYPES = [
    TYPES.kmsKey,
    TYPES.s3Bucket,
    TYPES.s3BucketV2,
    TYPES.efsFileSystem,
    TYPES.ecrRepository,
    TYPES.codeartifactDomain,
    TYPES.codeartifactRepository,
    TYPES.sagemakerDomain,
    TYPES.backupVault,
];

/**
 * Data-bearing resources are protected from deletion: a `pulumi destroy` or a replacement must
 * not delete keys (E9), the log archive and team buckets (G4, E7), the Studio home EFS (G9) or
 * the package repositories (S5). CrossGuard sees `protect`, not `retainOnDelete`, so `protect`
 * is what the rule checks; the components set both.
 */
export const dataResourcesProtected: SecureDsResourcePolicy = {
    name: "data-resources-protected",
    description:
        "Data-bearing resources (KMS keys, S3 buckets, EFS, ECR and CodeArtifact repositories and domains, SageMaker domains, backup vaults) must have the protect resource option (E9, G4, G9, S5).",
    controls: ["E9", "G4", "G9", "S5"],
    remediation:
        "Create the resource with { protect: true, retainOnDelete: true } (CustomerKey, SecureBucket, SecureStudioDomain and PackageMirror do); unprotect deliberately in a reviewed change before deleting.",
    enforcementLevel: "mandatory",
    configSchema: {
        properties: {
            protectedTypes: {
                type: "array",
                items: { type: "string" },
                default: DEFAULT_TYPES,
                description: `Type tokens that must be protected. Default: ${DEFAULT_TYPES.join(", ")}.`,
            },
        },
    },
    validateResource: (args, reportViolation) => {
        const { protectedTypes } = args.getConfig<{ protectedTypes: string[] }>();
        if (!protectedTypes.includes(args.type)) return;
        if (args.opts?.protect !== true) {
            reportViolation(`${args.type} ${args.name} holds data but is not protected from deletion; set protect: true (and retainOnDelete: true).`);
        }
    },
};
