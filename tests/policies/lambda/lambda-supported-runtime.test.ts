import { it } from "vitest";
import { lambdaSupportedRuntime } from "../../../policy-pack/policies/lambda/lambda-supported-runtime";
import { describeRule, expectCompliant, expectViolations } from "../../harness/ruleTests";

const FUNCTION = "aws:lambda/function:Function";

describeRule(lambdaSupportedRuntime, () => {
    it.each([
        ["a supported runtime", { type: FUNCTION, props: { runtime: "nodejs22.x" } }],
        ["a container image (no runtime)", { type: FUNCTION, props: { packageType: "Image" } }],
    ])("passes %s", async (_label, c) => {
        await expectCompliant(lambdaSupportedRuntime, c);
    });
    it.each([
        ["deprecated runtime", { type: FUNCTION, props: { runtime: "nodejs16.x" } }],
        ["no runtime", { type: FUNCTION, props: {} }],
        ["runtime outside a configured list", { type: FUNCTION, props: { runtime: "nodejs22.x" }, config: { allowedRuntimes: ["python3.12"] } }],
    ])("reports %s", async (_label, c) => {
        await expectViolations(lambdaSupportedRuntime, c);
    });
});
