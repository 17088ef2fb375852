import { expect, it } from "vitest";
import { lambdaNoPublicFunctionUrl } from "../../../policy-pack/policies/lambda/lambda-no-public-function-url";
import { runResourcePolicy } from "../../harness/policyArgs";
import { describeRule, expectCompliant, expectViolations } from "../../harness/ruleTests";

const URL = "aws:lambda/functionUrl:FunctionUrl";

describeRule(lambdaNoPublicFunctionUrl, () => {
    it("passes AWS_IAM", async () => {
        await expectCompliant(lambdaNoPublicFunctionUrl, { type: URL, props: { functionName: "f", authorizationType: "AWS_IAM" } });
    });
    it("reports NONE and a missing authorization type", async () => {
        expect((await expectViolations(lambdaNoPublicFunctionUrl, { type: URL, props: { functionName: "f", authorizationType: "NONE" } }))[0]).toContain(
            "authorizationType NONE",
        );
        expect(await expectViolations(lambdaNoPublicFunctionUrl, { type: URL, props: { functionName: "f" } })).toHaveLength(1);
    });
    it("ignores functions themselves", async () => {
        expect(await runResourcePolicy(lambdaNoPublicFunctionUrl, { type: "aws:lambda/function:Function", props: {} })).toEqual([]);
    });
});
