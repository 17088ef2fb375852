/** log-archive → every account that delivers audit logs: where the trail and AWS Config write. */
import { z } from "zod";
import { Contract } from "./contract";
import { accountIdValue, bucketNameValue, kmsKeyArnValue } from "./values";

export const auditArchiveContract: Contract<AuditArchiveContract> = {
    output: "auditArchive",
    producer: "logArchive",
    schema: z.strictObject({
        accountId: accountIdValue,
        bucketName: bucketNameValue,
        /** Absent when no account delivers AWS Config to the archive. */
        configBucketName: bucketNameValue.optional(),
        keyArn: kmsKeyArnValue,
    }),
};

export interface AuditArchiveContract {
    accountId: string;
    bucketName: string;
    configBucketName?: string;
    keyArn: string;
}
