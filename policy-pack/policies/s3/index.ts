import { SecureDsPolicy } from "../types";
import { s3BucketSseKms } from "./bucketSseKms";

export const s3Policies: SecureDsPolicy[] = [s3BucketSseKms];
