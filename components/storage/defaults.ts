/** Defaults of SecureBucket, in a module without Pulumi imports. */
import type { SecureBucketArgs } from "./SecureBucket";

export const SECURE_BUCKET_DEFAULTS = {
    accessLogDestination: false,
    noncurrentVersionDays: 90,
    protect: true,
} satisfies Partial<SecureBucketArgs>;
