import { expect, it } from "vitest";
import { resourcePolicyPlatformAccountsOnly } from "../../../policy-pack/policies/resource-policies/resource-policy-platform-accounts-only";
import { StackCaseResource, UNKNOWN, judgeStackPolicy } from "../../harness/policyArgs";
import { describeRule, expectCompliant, expectViolations } from "../../harness/ruleTests";
import { doc, r } from "../fixtures";

const PROVIDER = "pulumi:providers:aws";
const BUCKET_POLICY = "aws:s3/bucketPolicy:BucketPolicy";

/** Two layer providers (accounts 333333333333 and 444444444444) and a resource policy with one statement. */
const accountsStack = (statement: Record<string, unknown>, type = BUCKET_POLICY, property = "policy"): StackCaseResource[] => [
    r(PROVIDER, "shared", { allowedAccountIds: JSON.stringify(["333333333333"]) }),
    r(PROVIDER, "workload", { allowedAccountIds: JSON.stringify(["444444444444"]) }),
    r(type, "grant", { [property]: doc(statement) }),
];
const GRANT = {
    Sid: "Grant",
    Effect: "Allow",
    Principal: { AWS: ["arn:aws:iam::444444444444:role/reader", "333333333333"] },
    Action: "s3:GetObject",
    Resource: "arn:aws:s3:::b/*",
    Condition: { StringEquals: { "aws:PrincipalAccount": ["444444444444"] } },
};

describeRule(resourcePolicyPlatformAccountsOnly, () => {
    it("passes grants to the providers' accounts, service principals, public grants (another rule's) and Denies", async () => {
        await expectCompliant(resourcePolicyPlatformAccountsOnly, [
            ...accountsStack(GRANT),
            r("aws:kms/key:Key", "key", {
                policy: doc({
                    Sid: "Svc",
                    Effect: "Allow",
                    Principal: { Service: "config.amazonaws.com" },
                    Action: "kms:Decrypt",
                    Resource: "*",
                    Condition: { StringEquals: { "aws:SourceAccount": "333333333333" } },
                }),
            }),
            r("aws:sns/topicPolicy:TopicPolicy", "open-is-another-rule", { policy: doc({ Effect: "Allow", Principal: "*", Action: "sns:Publish" }) }),
            r("aws:sqs/queuePolicy:QueuePolicy", "deny", {
                policy: doc({ Effect: "Deny", Principal: { AWS: "arn:aws:iam::999999999999:root" }, Action: "sqs:*" }),
            }),
        ]);
    });
    it("defers a document unknown in a preview to `pulumi up`, after reporting the known ones", async () => {
        const judged = await judgeStackPolicy(resourcePolicyPlatformAccountsOnly, [
            ...accountsStack({ ...GRANT, Principal: { AWS: "arn:aws:iam::999999999999:role/x" } }),
            r(BUCKET_POLICY, "unknown-policy", { policy: UNKNOWN }),
        ]);
        expect(judged.violations).toHaveLength(1);
        expect(judged.undecided).toEqual([expect.stringMatching(/^deferred to `pulumi up`: unknown-policy\.policy unknown in a preview/)]);
    });
    it("passes a configured trusted account", async () => {
        await expectCompliant(resourcePolicyPlatformAccountsOnly, accountsStack({ ...GRANT, Principal: { AWS: "arn:aws:iam::999999999999:root" } }), {
            trustedAccountIds: ["999999999999"],
        });
    });
    it.each<[string, StackCaseResource[], Record<string, unknown>?]>([
        ["bucket policy grants a foreign role", accountsStack({ ...GRANT, Principal: { AWS: "arn:aws:iam::999999999999:role/x" } })],
        ["KMS key grants a foreign account id", accountsStack({ ...GRANT, Principal: { AWS: "999999999999" } }, "aws:kms/key:Key")],
        [
            "SNS topic policy with a foreign aws:SourceAccount",
            accountsStack(
                { ...GRANT, Principal: { Service: "events.amazonaws.com" }, Condition: { StringEquals: { "aws:SourceAccount": "999999999999" } } },
                "aws:sns/topicPolicy:TopicPolicy",
            ),
        ],
        [
            "SQS queue policy with a foreign aws:PrincipalAccount",
            accountsStack(
                { ...GRANT, Principal: "*", Condition: { StringEquals: { "aws:PrincipalAccount": ["444444444444", "999999999999"] } } },
                "aws:sqs/queuePolicy:QueuePolicy",
            ),
        ],
        [
            "ECR policy with kms:CallerAccount StringNotEquals",
            accountsStack(
                { ...GRANT, Principal: "*", Condition: { StringNotEquals: { "kms:CallerAccount": "444444444444" } } },
                "aws:ecr/repositoryPolicy:RepositoryPolicy",
            ),
        ],
        [
            "CodeArtifact repository with a wildcard aws:ResourceAccount",
            accountsStack(
                { ...GRANT, Condition: { StringLike: { "aws:ResourceAccount": "*" } } },
                "aws:codeartifact/repositoryPermissionsPolicy:RepositoryPermissionsPolicy",
                "policyDocument",
            ),
        ],
        [
            "CodeArtifact domain grants an unparsable principal",
            accountsStack({ ...GRANT, Principal: { AWS: "AROAEXAMPLEID" } }, "aws:codeartifact/domainPermissions:DomainPermissions", "policyDocument"),
        ],
        ["no provider declares its accounts", accountsStack(GRANT).filter((x) => x.type !== PROVIDER)],
        [
            "trusted account list does not cover the grant",
            accountsStack({ ...GRANT, Principal: { AWS: "arn:aws:iam::888888888888:root" } }),
            { trustedAccountIds: ["999999999999"] },
        ],
    ])("reports %s", async (_label, resources, config) => {
        await expectViolations(resourcePolicyPlatformAccountsOnly, resources, config);
    });
});
