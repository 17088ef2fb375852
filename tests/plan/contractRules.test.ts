/**
 * The contract checker (plan/contracts/check.ts) on hand-made resources, and the rule data's
 * own shape: every rule names a resource type, a path and the page that states it.
 */
import { describe, expect, it } from "vitest";
import { CONTRACT_RULES, checkContracts, checkPlanContracts } from "../../plan/contracts";
import { length, oneOf, range } from "../../plan/contracts/rule";
import { PLAN_UNKNOWN, PlanResource } from "../../plan/types";
import { planResource } from "../harness/planResource";

const resource = (type: string, inputs: Record<string, unknown>, name = "r"): PlanResource => planResource("test", type, name, inputs);

const SG = "aws:ec2/securityGroup:SecurityGroup";

describe("contract rules: the data", () => {
    it("every rule names a resource type token, a path, an API field and an AWS or provider source", () => {
        expect(CONTRACT_RULES.length).toBeGreaterThan(100);
        for (const rule of CONTRACT_RULES) {
            expect(rule.type, rule.path).toMatch(/^(\*|aws:[a-z0-9]+\/[a-zA-Z0-9]+:[A-Za-z0-9]+|pulumi:providers:aws)$/);
            expect(rule.path).toMatch(/^[a-zA-Z]+(\.([a-zA-Z]+|\[\]|\{key\}|\{value\}|\(json\)))*$/);
            expect(rule.field.length).toBeGreaterThan(0);
            expect(rule.source).toMatch(/^https:\/\/(docs\.aws\.amazon\.com\/|github\.com\/hashicorp\/terraform-provider-aws\/)/);
        }
    });

    it("free-text fields come first: security-group, IAM, KMS, Lambda, CodeBuild, SNS/SQS and tag rules are all present", () => {
        const covered = (type: string, path: string) => CONTRACT_RULES.some((r) => r.type === type && r.path === path);
        expect(covered(SG, "description")).toBe(true);
        expect(covered(SG, "ingress.[].description")).toBe(true);
        expect(covered("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", "description")).toBe(true);
        expect(covered("aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule", "description")).toBe(true);
        expect(covered("aws:iam/role:Role", "name")).toBe(true);
        expect(covered("aws:iam/role:Role", "path")).toBe(true);
        expect(covered("aws:iam/policy:Policy", "name")).toBe(true);
        expect(covered("aws:s3/bucket:Bucket", "bucket")).toBe(true);
        expect(covered("aws:sagemaker/domain:Domain", "domainName")).toBe(true);
        expect(covered("aws:sagemaker/userProfile:UserProfile", "userProfileName")).toBe(true);
        expect(covered("aws:sagemaker/space:Space", "spaceName")).toBe(true);
        expect(covered("aws:cloudwatch/logGroup:LogGroup", "name")).toBe(true);
        expect(covered("aws:kms/alias:Alias", "name")).toBe(true);
        expect(covered("aws:lambda/function:Function", "name")).toBe(true);
        expect(covered("aws:codebuild/project:Project", "name")).toBe(true);
        expect(covered("aws:sns/topic:Topic", "name")).toBe(true);
        expect(covered("aws:sqs/queue:Queue", "name")).toBe(true);
        expect(covered("*", "tags.{key}")).toBe(true);
        expect(covered("pulumi:providers:aws", "defaultTags.(json).tags.{value}")).toBe(true);
    });
});

describe("contract checker", () => {
    it("catches an apostrophe in a security-group description and names the field, the rule and its source", () => {
        const v = checkPlanContracts([resource(SG, { description: "NFS to the domain's EFS mount targets" })]);
        expect(v).toHaveLength(1);
        expect(v[0]).toMatchObject({
            path: "description",
            field: "CreateSecurityGroup GroupDescription",
            value: "NFS to the domain's EFS mount targets",
            source: "https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateSecurityGroup.html",
        });
        expect(v[0].expected).toMatch(/no apostrophes/);
    });

    it("accepts every character EC2 lists for descriptions", () => {
        expect(checkPlanContracts([resource(SG, { description: "aZ09 ._-:/()#,@[]+=&;{}!$*" })])).toEqual([]);
    });

    it("reaches list elements and reports the concrete index", () => {
        const v = checkPlanContracts([
            resource(SG, {
                description: "ok",
                egress: [
                    { description: "fine", fromPort: 443, toPort: 443 },
                    { description: "users' apps", fromPort: 0, toPort: 70000 },
                ],
            }),
        ]);
        expect(v.map((x) => x.path)).toEqual(["egress[1].description", "egress[1].toPort"]);
    });

    it("checks tag keys and values of every AWS resource, and the provider's default tags inside their JSON", () => {
        const v = checkPlanContracts([
            resource("aws:s3/bucket:Bucket", { bucket: "acme-dev-data", tags: { "aws:owner": "x", team: "fraud's", ok: "a@b.c" } }),
            resource("pulumi:providers:aws", { defaultTags: JSON.stringify({ tags: { owner: "data platform <dp>" } }) }),
        ]);
        expect(v.map((x) => `${x.path} ${x.field}`)).toEqual(["tags{aws:owner} Tag Key", "tags.team Tag Value", "defaultTags.tags.owner Tag Value"]);
    });

    it("skips values unknown in a preview, secrets and unset properties instead of flagging them", () => {
        const secret = { "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", value: "x'y" };
        expect(
            checkPlanContracts([
                resource(SG, { description: PLAN_UNKNOWN }),
                resource(SG, { description: secret }),
                resource(SG, {}),
                resource("aws:ssm/parameter:Parameter", { name: "/secure-ds/acme-dev/fraud/x", type: "String", description: `prefix ${PLAN_UNKNOWN}` }),
                resource("aws:s3/bucket:Bucket", { bucket: "acme-dev-data", tags: { [PLAN_UNKNOWN]: "v" } }),
            ]),
        ).toEqual([]);
    });

    it("applies length, range and enum constraints with messages that say what AWS accepts", () => {
        const where = { type: "aws:test/thing:Thing", field: "F", source: "https://docs.aws.amazon.com/x.html" };
        const rules = [length({ ...where, path: "name" }, 5, 2), range({ ...where, path: "n" }, 1, 9), oneOf({ ...where, path: "kind" }, ["A", "B"])];
        const v = checkContracts([resource("aws:test/thing:Thing", { name: "abcdef", n: 10, kind: "C" })], rules);
        expect(v.map((x) => x.expected)).toEqual(["2 to 5 characters (it has 6)", "a whole number from 1 to 9", "one of A, B"]);
        expect(checkContracts([resource("aws:test/thing:Thing", { name: "abc", n: 9, kind: "B" })], rules)).toEqual([]);
    });

    it("knows the AWS rules beyond descriptions: S3 bucket names, KMS aliases, Studio names, IAM names", () => {
        const v = checkPlanContracts([
            resource("aws:s3/bucket:Bucket", { bucket: "Acme_Data" }),
            resource("aws:kms/alias:Alias", { name: "alias/aws/mine" }),
            resource("aws:sagemaker/userProfile:UserProfile", { userProfileName: "alice.smith" }),
            resource("aws:iam/role:Role", { name: "team fraud" }),
        ]);
        expect(v.map((x) => x.field)).toEqual(["bucket name", "CreateAlias AliasName", "CreateUserProfile UserProfileName", "CreateRole RoleName"]);
    });
});
