/**
 * Every policy of the secure-ds pack. One rule per file; this array is what
 * policy-pack/index.ts hands to `new PolicyPack` and what the offline plan evaluates.
 */
import { kmsKeyRotation } from "./kms/keyRotation";
import { s3BucketSseKms } from "./s3/bucketSseKms";
import { sagemakerDomainKmsKey } from "./sagemaker/domainKmsKey";
import { sagemakerDomainVpcOnly } from "./sagemaker/domainVpcOnly";
import { mandatoryTags } from "./tagging/mandatoryTags";
import { SecureDsPolicy } from "./types";

export const policies: SecureDsPolicy[] = [
    sagemakerDomainVpcOnly,
    sagemakerDomainKmsKey,
    s3BucketSseKms,
    kmsKeyRotation,
    mandatoryTags,
];
