import { SecureDsResourcePolicy, TYPES, customerKeyProblem, known, propsOf } from "../common";

/**
 * E10: tables the program declares (the SAML broker's assertion ledger) are encrypted with a
 * customer key, recoverable to a point in time, and cannot be deleted by one call. Without
 * `serverSideEncryption.enabled` DynamoDB uses an AWS-owned key, and with it but without
 * `kmsKeyArn` the AWS-managed aws/dynamodb key (the provider's TableServerSideEncryption
 * docs), neither of which the key policy of the platform governs. Losing the ledger would let a
 * used assertion be replayed until its NotOnOrAfter.
 */
export const dynamodbTableCustomerKey: SecureDsResourcePolicy = {
    name: "dynamodb-table-customer-key",
    description:
        "DynamoDB tables must be encrypted with a customer-managed KMS key (serverSideEncryption.enabled with kmsKeyArn), have point-in-time recovery on and deletion protection on (E10).",
    controls: ["E10"],
    remediation:
        "Set serverSideEncryption { enabled: true, kmsKeyArn: a CustomerKey ARN }, pointInTimeRecovery { enabled: true } and deletionProtectionEnabled: true on the table.",
    enforcementLevel: "mandatory",
    validateResource: (args, reportViolation) => {
        const p = propsOf(args, TYPES.dynamodbTable);
        if (!p) return;
        if (known(() => p.serverSideEncryption?.enabled) !== true) {
            reportViolation(`DynamoDB table ${args.name} has serverSideEncryption off: it would use an AWS-owned key; enable it with a customer key (E10).`);
        } else {
            const problem = customerKeyProblem(() => p.serverSideEncryption?.kmsKeyArn, "serverSideEncryption.kmsKeyArn");
            if (problem) reportViolation(`DynamoDB table ${args.name} ${problem} (E10).`);
        }
        if (known(() => p.pointInTimeRecovery?.enabled) !== true) {
            reportViolation(`DynamoDB table ${args.name} has point-in-time recovery off; set pointInTimeRecovery { enabled: true } (E10).`);
        }
        if (known(() => p.deletionProtectionEnabled) !== true) {
            reportViolation(`DynamoDB table ${args.name} has deletion protection off; set deletionProtectionEnabled: true (E10).`);
        }
    },
};
