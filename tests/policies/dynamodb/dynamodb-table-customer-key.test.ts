import { expect, it } from "vitest";
import { dynamodbTableCustomerKey } from "../../../policy-pack/policies/dynamodb/dynamodb-table-customer-key";
import { UNKNOWN, runResourcePolicy } from "../../harness/policyArgs";
import { describeRule, expectCompliant, expectViolations } from "../../harness/ruleTests";
import { KEY } from "../fixtures";

const TABLE = "aws:dynamodb/table:Table";
/** The broker's assertion ledger as H1 builds it. */
const ledger = (props: Record<string, unknown> = {}) => ({
    type: TABLE,
    name: "assertion-ledger",
    props: {
        billingMode: "PAY_PER_REQUEST",
        hashKey: "assertionId",
        serverSideEncryption: { enabled: true, kmsKeyArn: KEY },
        pointInTimeRecovery: { enabled: true },
        deletionProtectionEnabled: true,
        ...props,
    },
});

describeRule(dynamodbTableCustomerKey, () => {
    it("passes the ledger: customer key, point-in-time recovery, deletion protection", async () => {
        await expectCompliant(dynamodbTableCustomerKey, ledger());
    });
    it("passes a key being created with the stack (unknown in a preview)", async () => {
        await expectCompliant(dynamodbTableCustomerKey, ledger({ serverSideEncryption: { enabled: true, kmsKeyArn: UNKNOWN } }));
    });
    it("reports the AWS-owned key, the AWS-managed key and a missing key", async () => {
        expect(await expectViolations(dynamodbTableCustomerKey, ledger({ serverSideEncryption: undefined }))).toEqual([
            "DynamoDB table assertion-ledger has serverSideEncryption off: it would use an AWS-owned key; enable it with a customer key (E10).",
        ]);
        expect(await expectViolations(dynamodbTableCustomerKey, ledger({ serverSideEncryption: { enabled: true } }))).toEqual([
            "DynamoDB table assertion-ledger has no serverSideEncryption.kmsKeyArn; it would use an AWS-managed key (E10).",
        ]);
        const managed = await expectViolations(dynamodbTableCustomerKey, ledger({ serverSideEncryption: { enabled: true, kmsKeyArn: "alias/aws/dynamodb" } }));
        expect(managed[0]).toMatch(/AWS-managed key alias\/aws\/dynamodb/);
    });
    it("reports a table without point-in-time recovery or deletion protection", async () => {
        expect(
            await expectViolations(dynamodbTableCustomerKey, ledger({ pointInTimeRecovery: { enabled: false }, deletionProtectionEnabled: undefined })),
        ).toEqual([
            "DynamoDB table assertion-ledger has point-in-time recovery off; set pointInTimeRecovery { enabled: true } (E10).",
            "DynamoDB table assertion-ledger has deletion protection off; set deletionProtectionEnabled: true (E10).",
        ]);
    });
    it("ignores other resources", async () => {
        expect(await runResourcePolicy(dynamodbTableCustomerKey, { type: "aws:sqs/queue:Queue", props: {} })).toEqual([]);
    });
});
