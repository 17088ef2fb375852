import { it } from "vitest";
import { configRecorderServiceLinkedRole } from "../../../policy-pack/policies/config/config-recorder-service-linked-role";
import { StackCaseResource, UNKNOWN } from "../../harness/policyArgs";
import { describeRule, expectCompliant, expectViolations } from "../../harness/ruleTests";
import { r } from "../fixtures";

const SLR_ARN = "arn:aws:iam::444444444444:role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig";

/** Config's service-linked role, a customer role, and a recorder recording with `roleArn`. */
const recorderStack = (roleArn: unknown, deps?: Record<string, string[]>): StackCaseResource[] => [
    r("aws:iam/serviceLinkedRole:ServiceLinkedRole", "slr", { awsServiceName: "config.amazonaws.com" }),
    r("aws:iam/role:Role", "custom", { name: "config-recorder" }),
    r("aws:cfg/recorder:Recorder", "recorder", { name: "acme", roleArn }, deps),
];

describeRule(configRecorderServiceLinkedRole, () => {
    it("passes the service-linked role, by ARN or by reference to a ServiceLinkedRole", async () => {
        await expectCompliant(configRecorderServiceLinkedRole, recorderStack(SLR_ARN));
        await expectCompliant(configRecorderServiceLinkedRole, recorderStack(UNKNOWN, { roleArn: ["slr"] }));
    });
    it.each([
        ["custom role by ARN", recorderStack("arn:aws:iam::444444444444:role/config-recorder")],
        ["custom role by reference (unknown ARN)", recorderStack(UNKNOWN, { roleArn: ["custom"] })],
        ["another service's linked role", recorderStack("arn:aws:iam::444444444444:role/aws-service-role/macie.amazonaws.com/AWSServiceRoleForAmazonMacie")],
        ["no role", recorderStack(undefined)],
    ])("reports %s", async (_label, resources) => {
        await expectViolations(configRecorderServiceLinkedRole, resources);
    });
});
