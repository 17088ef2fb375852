import { describe, expect, it } from "vitest";
import { cloudtrailKms } from "../../policy-pack/policies/cloudtrail/cloudtrail-kms";
import { cloudtrailLogValidation } from "../../policy-pack/policies/cloudtrail/cloudtrail-log-validation";
import { cloudtrailMultiRegion } from "../../policy-pack/policies/cloudtrail/cloudtrail-multi-region";
import { TYPES } from "../../policy-pack/policies/common";
import { configRecorderPresent } from "../../policy-pack/policies/config/config-recorder-present";
import { policies } from "../../policy-pack/policies";

import { lambdaDeadLetterQueue } from "../../policy-pack/policies/lambda/lambda-dead-letter-queue";
import { lambdaNoPublicFunctionUrl } from "../../policy-pack/policies/lambda/lambda-no-public-function-url";
import { sqsQueueKms } from "../../policy-pack/policies/sqs/sqs-queue-kms";
import { UNKNOWN, runResourcePolicy, runStackPolicy } from "../harness/policyArgs";

const governancePolicies = policies.filter((p) =>
    [
        "cloudtrail-multi-region",
        "cloudtrail-log-validation",
        "cloudtrail-kms",
        "lambda-no-public-function-url",
        "lambda-dead-letter-queue",
        "sqs-queue-kms",
        "config-recorder-present",
    ].includes(p.name),
);

const KEY = "arn:aws:kms:eu-west-1:111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab";
const trail = { name: "t", s3BucketName: "b", isMultiRegionTrail: true, includeGlobalServiceEvents: true, enableLogFileValidation: true, kmsKeyId: KEY };

describe("the governance rules cite their controls", () => {
    it("every rule names controls and a remediation", () => {
        for (const p of governancePolicies) {
            expect(p.controls.length, p.name).toBeGreaterThan(0);
            expect(p.remediation.length, p.name).toBeGreaterThan(10);
        }
    });
});

describe("cloudtrail-multi-region (G4)", () => {
    it("passes a multi-region trail with global events", async () => {
        expect(await runResourcePolicy(cloudtrailMultiRegion, { type: TYPES.cloudtrailTrail, props: trail })).toEqual([]);
        expect(
            await runResourcePolicy(cloudtrailMultiRegion, { type: TYPES.cloudtrailTrail, props: { ...trail, includeGlobalServiceEvents: undefined } }),
        ).toEqual([]);
    });
    it("reports a single-region trail, a trail without global events, and an absent flag", async () => {
        expect(await runResourcePolicy(cloudtrailMultiRegion, { type: TYPES.cloudtrailTrail, props: { ...trail, isMultiRegionTrail: false } })).toHaveLength(1);
        expect(
            await runResourcePolicy(cloudtrailMultiRegion, { type: TYPES.cloudtrailTrail, props: { ...trail, isMultiRegionTrail: undefined } }),
        ).toHaveLength(1);
        const v = await runResourcePolicy(cloudtrailMultiRegion, { type: TYPES.cloudtrailTrail, props: { ...trail, includeGlobalServiceEvents: false } });
        expect(v[0]).toContain("global service events");
    });
    it("ignores other types and unknown values", async () => {
        expect(await runResourcePolicy(cloudtrailMultiRegion, { type: TYPES.sqsQueue, props: {} })).toEqual([]);
        expect(await runResourcePolicy(cloudtrailMultiRegion, { type: TYPES.cloudtrailTrail, props: { ...trail, isMultiRegionTrail: UNKNOWN } })).toEqual([]);
    });
});

describe("cloudtrail-log-validation (G4)", () => {
    it("passes validation on", async () => {
        expect(await runResourcePolicy(cloudtrailLogValidation, { type: TYPES.cloudtrailTrail, props: trail })).toEqual([]);
    });
    it("reports validation off or absent, and logging off", async () => {
        expect(
            await runResourcePolicy(cloudtrailLogValidation, { type: TYPES.cloudtrailTrail, props: { ...trail, enableLogFileValidation: false } }),
        ).toHaveLength(1);
        expect(
            await runResourcePolicy(cloudtrailLogValidation, { type: TYPES.cloudtrailTrail, props: { ...trail, enableLogFileValidation: undefined } }),
        ).toHaveLength(1);
        expect((await runResourcePolicy(cloudtrailLogValidation, { type: TYPES.cloudtrailTrail, props: { ...trail, enableLogging: false } }))[0]).toContain(
            "logging turned off",
        );
    });
});

describe("cloudtrail-kms (G4)", () => {
    it("passes a customer key", async () => {
        expect(await runResourcePolicy(cloudtrailKms, { type: TYPES.cloudtrailTrail, props: trail })).toEqual([]);
    });
    it("reports no key and an AWS-managed alias", async () => {
        expect(await runResourcePolicy(cloudtrailKms, { type: TYPES.cloudtrailTrail, props: { ...trail, kmsKeyId: undefined } })).toHaveLength(1);
        expect(await runResourcePolicy(cloudtrailKms, { type: TYPES.cloudtrailTrail, props: { ...trail, kmsKeyId: "" } })).toHaveLength(1);
        expect(await runResourcePolicy(cloudtrailKms, { type: TYPES.cloudtrailTrail, props: { ...trail, kmsKeyId: "alias/aws/cloudtrail" } })).toHaveLength(1);
    });
});

describe("lambda-no-public-function-url", () => {
    it("passes AWS_IAM", async () => {
        expect(
            await runResourcePolicy(lambdaNoPublicFunctionUrl, { type: TYPES.lambdaFunctionUrl, props: { functionName: "f", authorizationType: "AWS_IAM" } }),
        ).toEqual([]);
    });
    it("reports NONE and a missing authorization type", async () => {
        const v = await runResourcePolicy(lambdaNoPublicFunctionUrl, {
            type: TYPES.lambdaFunctionUrl,
            props: { functionName: "f", authorizationType: "NONE" },
        });
        expect(v[0]).toContain("authorizationType NONE");
        expect(await runResourcePolicy(lambdaNoPublicFunctionUrl, { type: TYPES.lambdaFunctionUrl, props: { functionName: "f" } })).toHaveLength(1);
    });
    it("ignores functions themselves", async () => {
        expect(await runResourcePolicy(lambdaNoPublicFunctionUrl, { type: TYPES.lambdaFunction, props: {} })).toEqual([]);
    });
});

describe("lambda-dead-letter-queue (G10)", () => {
    it("passes a function with a DLQ", async () => {
        expect(
            await runResourcePolicy(lambdaDeadLetterQueue, {
                type: TYPES.lambdaFunction,
                props: { deadLetterConfig: { targetArn: "arn:aws:sqs:eu-west-1:111111111111:dlq" } },
            }),
        ).toEqual([]);
    });
    it("reports no dead-letter config and an empty target", async () => {
        expect(await runResourcePolicy(lambdaDeadLetterQueue, { type: TYPES.lambdaFunction, props: {} })).toHaveLength(1);
        expect(await runResourcePolicy(lambdaDeadLetterQueue, { type: TYPES.lambdaFunction, props: { deadLetterConfig: { targetArn: "" } } })).toHaveLength(1);
    });
    it("skips an unknown target (computed in a preview)", async () => {
        expect(await runResourcePolicy(lambdaDeadLetterQueue, { type: TYPES.lambdaFunction, props: { deadLetterConfig: { targetArn: UNKNOWN } } })).toEqual([]);
    });
});

describe("sqs-queue-kms (E10)", () => {
    it("passes a customer key", async () => {
        expect(await runResourcePolicy(sqsQueueKms, { type: TYPES.sqsQueue, props: { kmsMasterKeyId: KEY } })).toEqual([]);
    });
    it("reports SSE-SQS only, the aws/sqs key", async () => {
        expect(await runResourcePolicy(sqsQueueKms, { type: TYPES.sqsQueue, props: { sqsManagedSseEnabled: true } })).toHaveLength(1);
        expect(await runResourcePolicy(sqsQueueKms, { type: TYPES.sqsQueue, props: { kmsMasterKeyId: "alias/aws/sqs" } })).toHaveLength(1);
        expect(
            await runResourcePolicy(sqsQueueKms, { type: TYPES.sqsQueue, props: { kmsMasterKeyId: "arn:aws:kms:eu-west-1:111111111111:alias/aws/sqs" } }),
        ).toHaveLength(1);
    });
});

describe("config-recorder-present (G10, stack)", () => {
    const rule = {
        type: TYPES.cloudwatchEventRule,
        name: "detective-rule",
        props: { eventPattern: JSON.stringify({ source: ["aws.sagemaker"], "detail-type": ["AWS API Call via CloudTrail"] }) },
    };
    const recorder = { type: TYPES.configRecorder, name: "config-recorder", props: { name: "acme-dev" } };
    it("passes detective controls with a recorder, and a stack without detective controls", async () => {
        expect(await runStackPolicy(configRecorderPresent, [rule, recorder])).toEqual([]);
        expect(await runStackPolicy(configRecorderPresent, [{ ...rule, props: { eventPattern: JSON.stringify({ source: ["aws.s3"] }) } }])).toEqual([]);
        expect(await runStackPolicy(configRecorderPresent, [])).toEqual([]);
    });
    it("reports detective controls without a recorder", async () => {
        const v = await runStackPolicy(configRecorderPresent, [rule]);
        expect(v).toHaveLength(1);
        expect(v[0]).toContain("detective-rule");
    });
    it("accepts a recorder managed elsewhere when configured, and ignores a malformed pattern", async () => {
        expect(await runStackPolicy(configRecorderPresent, [rule], { recorderManagedElsewhere: true })).toEqual([]);
        expect(await runStackPolicy(configRecorderPresent, [{ ...rule, props: { eventPattern: "{not json" } }])).toEqual([]);
    });
});
