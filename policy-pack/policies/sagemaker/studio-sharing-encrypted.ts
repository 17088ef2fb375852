import { NOT_KNOWN, SecureDsResourcePolicy, TYPES, isAwsManagedKeyRef, isSet, keyRef, propsOf, text } from "../common";

/**
 * E5: shared notebooks land in S3 encrypted with a customer key. The key is required even with
 * sharing disabled: the organisation SCP denies CreateDomain without
 * sagemaker:DomainSharingOutputKmsKeyArn, and a later switch to "Allowed" keeps the key.
 * Applies to domains (defaultUserSettings) and to user profiles that override the settings.
 */
export const studioSharingEncrypted: SecureDsResourcePolicy = {
    name: "studio-sharing-encrypted",
    description: "Studio notebook sharing must be disabled or go to an S3 path encrypted with a customer KMS key (sharingSettings.s3KmsKeyId) (E5).",
    controls: ["E5"],
    remediation:
        'Set sharingSettings { notebookOutputOption: "Disabled", s3KmsKeyId: <team key> } or { "Allowed", s3OutputPath, s3KmsKeyId } (SecureStudioDomain does).',
    enforcementLevel: "mandatory",
    validateResource: (args, reportViolation) => {
        const domain = propsOf(args, TYPES.sagemakerDomain);
        const profile = propsOf(args, TYPES.sagemakerUserProfile);
        if (!domain && !profile) return;
        const s = domain ? domain.defaultUserSettings?.sharingSettings : profile?.userSettings?.sharingSettings;
        if (s === undefined || s === null) {
            // A profile without its own sharing settings inherits the domain's, checked there.
            if (domain)
                reportViolation(
                    `Domain ${args.name} has no defaultUserSettings.sharingSettings; set s3KmsKeyId (and disable sharing or name an output path) (E5).`,
                );
            return;
        }
        const key = keyRef(() => s.s3KmsKeyId);
        const option = text(s.notebookOutputOption) ?? "Disabled";
        if (key === undefined) {
            reportViolation(`${args.name} has sharingSettings without s3KmsKeyId; shared notebooks would use S3's default key (E5).`);
        } else if (key !== NOT_KNOWN && isAwsManagedKeyRef(key)) {
            reportViolation(`${args.name} encrypts shared notebooks with the AWS-managed key ${key}; use a customer key (E5).`);
        }
        if (option === "Allowed" && !isSet(() => s.s3OutputPath)) {
            reportViolation(`${args.name} allows notebook sharing without s3OutputPath; name the team's outputs bucket (E5).`);
        }
    },
};
