import { SecureDsPolicy } from "../types";
import { s3BucketHasPabSsePolicy } from "./bucketCompleteness";
import { s3BucketPolicyDeniesInsecureTransport } from "./bucketPolicyDeniesInsecureTransport";
import { s3PublicAccessBlockAll } from "./bucketPublicAccessBlock";

export const teamPolicies: SecureDsPolicy[] = [s3PublicAccessBlockAll, s3BucketPolicyDeniesInsecureTransport, s3BucketHasPabSsePolicy];
