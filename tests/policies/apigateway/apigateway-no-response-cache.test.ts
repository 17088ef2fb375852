import { expect, it } from "vitest";
import { apigatewayNoResponseCache } from "../../../policy-pack/policies/apigateway/apigateway-no-response-cache";
import { runResourcePolicy } from "../../harness/policyArgs";
import { describeRule, expectCompliant, expectViolations } from "../../harness/ruleTests";
import { APIGW } from "./fixtures";

describeRule(apigatewayNoResponseCache, () => {
    it("passes a stage and method settings without a cache", async () => {
        await expectCompliant(apigatewayNoResponseCache, { type: APIGW.stage, props: { stageName: "broker", xrayTracingEnabled: true } });
        await expectCompliant(apigatewayNoResponseCache, { type: APIGW.stage, props: { stageName: "broker", cacheClusterEnabled: false } });
        await expectCompliant(apigatewayNoResponseCache, { type: APIGW.methodSettings, props: { methodPath: "*/*", settings: { throttlingRateLimit: 5 } } });
    });
    it("reports a cache cluster and a caching method", async () => {
        expect(
            await expectViolations(apigatewayNoResponseCache, { type: APIGW.stage, name: "s", props: { cacheClusterEnabled: true, cacheClusterSize: "0.5" } }),
        ).toEqual(["Stage s runs a cache cluster (cacheClusterEnabled): cached responses would reach other callers; turn it off (I1)."]);
        // Encrypting the cache does not help: the response is another user's URL.
        const cached = { type: APIGW.methodSettings, name: "m", props: { methodPath: "*/*", settings: { cachingEnabled: true, cacheDataEncrypted: true } } };
        expect(await expectViolations(apigatewayNoResponseCache, cached)).toHaveLength(1);
    });
    it("ignores other resources", async () => {
        expect(await runResourcePolicy(apigatewayNoResponseCache, { type: APIGW.restApi, props: { cacheClusterEnabled: true } })).toEqual([]);
    });
});
