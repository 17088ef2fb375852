import { expect, it } from "vitest";
import { configRecorderPresent } from "../../../policy-pack/policies/config/config-recorder-present";
import { StackCaseResource, runStackPolicy } from "../../harness/policyArgs";
import { describeRule, expectCompliant, expectViolations } from "../../harness/ruleTests";

const rule: StackCaseResource = {
    type: "aws:cloudwatch/eventRule:EventRule",
    name: "detective-rule",
    props: { eventPattern: JSON.stringify({ source: ["aws.sagemaker"], "detail-type": ["AWS API Call via CloudTrail"] }) },
};
const recorder: StackCaseResource = { type: "aws:cfg/recorder:Recorder", name: "config-recorder", props: { name: "acme-dev" } };

describeRule(configRecorderPresent, () => {
    it("passes detective controls with a recorder, and a stack without detective controls", async () => {
        await expectCompliant(configRecorderPresent, [rule, recorder]);
        await expectCompliant(configRecorderPresent, [{ ...rule, props: { eventPattern: JSON.stringify({ source: ["aws.s3"] }) } }]);
        await expectCompliant(configRecorderPresent, []);
    });
    it("reports detective controls without a recorder", async () => {
        const v = await expectViolations(configRecorderPresent, [rule]);
        expect(v).toHaveLength(1);
        expect(v[0]).toContain("detective-rule");
    });
    it("accepts a recorder managed elsewhere when configured, and ignores a malformed pattern", async () => {
        await expectCompliant(configRecorderPresent, [rule], { recorderManagedElsewhere: true });
        expect(await runStackPolicy(configRecorderPresent, [{ ...rule, props: { eventPattern: "{not json" } }])).toEqual([]);
    });
});
