import { expect, it } from "vitest";
import { resourcePolicyNotPublic } from "../../../policy-pack/policies/resource-policies/resource-policy-not-public";
import { UNKNOWN, judgeResourcePolicy, runResourcePolicy } from "../../harness/policyArgs";
import { describeRule, expectCompliant, expectViolations } from "../../harness/ruleTests";
import { doc } from "../fixtures";

const ECR_POLICY = "aws:ecr/repositoryPolicy:RepositoryPolicy";
const KMS_KEY = "aws:kms/key:Key";
const PERMISSION = "aws:lambda/permission:Permission";
const QUEUE = "aws:sqs/queue:Queue";
const OPEN = doc({ Effect: "Allow", Principal: "*", Action: "sqs:SendMessage", Resource: "*" });

describeRule(resourcePolicyNotPublic, () => {
    it.each([
        [
            "* narrowed to the organization",
            {
                type: ECR_POLICY,
                props: {
                    policy: doc({ Effect: "Allow", Principal: "*", Action: "ecr:BatchGetImage", Condition: { StringEquals: { "aws:PrincipalOrgID": "o-1" } } }),
                },
            },
        ],
        [
            "an account principal",
            {
                type: KMS_KEY,
                props: { policy: doc({ Effect: "Allow", Principal: { AWS: "arn:aws:iam::111111111111:root" }, Action: "kms:*", Resource: "*" }) },
            },
        ],
        [
            "a Deny to *",
            {
                type: "aws:s3/bucketPolicy:BucketPolicy",
                props: { policy: doc({ Effect: "Deny", Principal: "*", Action: "s3:*", Condition: { Bool: { "aws:SecureTransport": "false" } } }) },
            },
        ],
        ["a Lambda permission naming its source", { type: PERMISSION, props: { principal: "events.amazonaws.com", sourceArn: "arn:rule" } }],
        [
            "an inline queue policy narrowed by aws:SourceAccount",
            {
                type: QUEUE,
                props: {
                    policy: doc({
                        Effect: "Allow",
                        Principal: "*",
                        Action: "sqs:SendMessage",
                        Resource: "*",
                        Condition: { StringEquals: { "aws:SourceAccount": "111111111111" } },
                    }),
                },
            },
        ],
    ])("passes %s", async (_label, c) => {
        await expectCompliant(resourcePolicyNotPublic, c);
    });
    it.each([
        ["ECR open to *", { type: ECR_POLICY, props: { policy: doc({ Effect: "Allow", Principal: "*", Action: "ecr:BatchGetImage" }) } }],
        [
            "key policy AWS:* with an unrelated condition",
            {
                type: KMS_KEY,
                props: {
                    policy: doc({ Effect: "Allow", Principal: { AWS: "*" }, Action: "kms:Decrypt", Condition: { Bool: { "aws:SecureTransport": "true" } } }),
                },
            },
        ],
        [
            "SNS topic policy open",
            { type: "aws:sns/topicPolicy:TopicPolicy", props: { policy: doc({ Effect: "Allow", Principal: { AWS: ["*"] }, Action: "sns:Publish" }) } },
        ],
        ["Lambda permission for *", { type: PERMISSION, props: { principal: "*" } }],
        ["Lambda permission for a service without source", { type: PERMISSION, props: { principal: "s3.amazonaws.com" } }],
        ["an open inline queue policy", { type: QUEUE, props: { policy: OPEN } }],
        ["an open inline topic policy", { type: "aws:sns/topic:Topic", props: { policy: OPEN } }],
        ["an open secret policy", { type: "aws:secretsmanager/secretPolicy:SecretPolicy", props: { policy: OPEN } }],
        ["an open file system policy", { type: "aws:efs/fileSystemPolicy:FileSystemPolicy", props: { policy: OPEN } }],
    ])("reports %s", async (_label, c) => {
        await expectViolations(resourcePolicyNotPublic, c);
    });
    it("reports * narrowed only by a negated or IfExists test", async () => {
        for (const Condition of [
            { StringNotEquals: { "aws:PrincipalAccount": "222222222222" } },
            { StringEqualsIfExists: { "aws:SourceAccount": "111111111111" } },
        ]) {
            const policy = doc({ Effect: "Allow", Principal: { AWS: "*" }, Action: "sqs:SendMessage", Resource: "*", Condition });
            expect(await expectViolations(resourcePolicyNotPublic, { type: "aws:sqs/queuePolicy:QueuePolicy", props: { queueUrl: "q", policy } })).toHaveLength(
                1,
            );
        }
    });
    it("skips unknown values as a preview does", async () => {
        expect(await runResourcePolicy(resourcePolicyNotPublic, { type: ECR_POLICY, props: { policy: UNKNOWN } })).toEqual([]);
    });
    it("defers a document unknown in a preview to `pulumi up`, after judging the known ones", async () => {
        const judged = await judgeResourcePolicy(resourcePolicyNotPublic, { type: "aws:s3/bucketPolicy:BucketPolicy", props: { policy: UNKNOWN } });
        expect(judged.violations).toHaveLength(0);
        expect(judged.undecided).toEqual([expect.stringMatching(/^deferred to `pulumi up`: document .+ unknown in a preview/)]);
    });
});
