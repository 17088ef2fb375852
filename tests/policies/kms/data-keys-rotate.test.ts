import { it } from "vitest";
import { dataKeysRotate } from "../../../policy-pack/policies/kms/data-keys-rotate";
import { StackCaseResource } from "../../harness/policyArgs";
import { describeRule, expectCompliant, expectViolations } from "../../harness/ruleTests";
import { KEY, previewed, r } from "../fixtures";

const LOG_GROUP = "aws:cloudwatch/logGroup:LogGroup";
const FOREIGN_KEY = "arn:aws:kms:eu-west-1:999999999999:key/x";

/** A key of the stack used by a domain, a log group and a bucket's default encryption. */
const keyStack = (rotate: boolean): StackCaseResource[] => [
    r("aws:kms/key:Key", "k", { enableKeyRotation: rotate }),
    r("aws:sagemaker/domain:Domain", "d", { kmsKeyId: KEY }, { kmsKeyId: ["k"] }),
    r(LOG_GROUP, "lg", { kmsKeyId: KEY }, { kmsKeyId: ["k"] }),
    r(
        "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
        "sse",
        { rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: KEY } }] },
        { rules: ["k"] },
    ),
];

describeRule(dataKeysRotate, () => {
    it("passes data holders whose key is a rotating key of the stack", async () => {
        await expectCompliant(dataKeysRotate, keyStack(true));
    });
    it("passes a literal key listed as managed elsewhere", async () => {
        await expectCompliant(dataKeysRotate, [r(LOG_GROUP, "lg", { kmsKeyId: FOREIGN_KEY })], { externalKeyArns: [FOREIGN_KEY] });
    });
    it.each([
        ["key does not rotate", keyStack(false)],
        ["literal foreign key on a log group", [r(LOG_GROUP, "lg", { kmsKeyId: FOREIGN_KEY })]],
    ])("reports %s", async (_label, resources) => {
        await expectViolations(dataKeysRotate, resources);
    });
    it("judges the same stacks in a preview: ids unknown, relations only through propertyDependencies", async () => {
        await expectCompliant(dataKeysRotate, previewed(keyStack(true)));
        await expectViolations(dataKeysRotate, previewed(keyStack(false)));
    });
});
