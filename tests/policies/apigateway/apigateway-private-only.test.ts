import { expect, it } from "vitest";
import { apigatewayPrivateOnly } from "../../../policy-pack/policies/apigateway/apigateway-private-only";
import { UNKNOWN, judgeResourcePolicy, runResourcePolicy } from "../../harness/policyArgs";
import { describeRule, expectCompliant, expectViolations } from "../../harness/ruleTests";
import { DEFERRED_DOCUMENT, doc } from "../fixtures";
import { APIGW, VPCE, brokerApi, brokerPolicy } from "./fixtures";

describeRule(apigatewayPrivateOnly, () => {
    it("passes the broker's private API: PRIVATE, its endpoint named, the Deny outside it covering the Allow", async () => {
        await expectCompliant(apigatewayPrivateOnly, brokerApi());
        // CloudFormation's list form, and a Deny on exactly the Allow's resource with IfExists.
        const policy = doc(
            { Effect: "Allow", Principal: "*", Action: "execute-api:Invoke", Resource: "execute-api:/broker/POST/saml/*" },
            {
                Effect: "Deny",
                Principal: { AWS: "*" },
                Action: "execute-api:*",
                Resource: "execute-api:/broker/POST/saml/*",
                Condition: { StringNotEqualsIfExists: { "aws:sourceVpce": [VPCE] } },
            },
        );
        await expectCompliant(apigatewayPrivateOnly, brokerApi({ endpointConfiguration: { types: ["PRIVATE"], vpcEndpointIds: [VPCE] }, policy }));
    });

    it("refuses EDGE (the default) and REGIONAL APIs", async () => {
        const edge = await expectViolations(apigatewayPrivateOnly, brokerApi({ endpointConfiguration: undefined }));
        expect(edge).toContain(
            "REST API broker-api has endpoint type EDGE (the default): it would be reachable from the internet; set endpointConfiguration.types to PRIVATE (N8).",
        );
        const regional = await expectViolations(apigatewayPrivateOnly, brokerApi({ endpointConfiguration: { types: "REGIONAL", vpcEndpointIds: [VPCE] } }));
        expect(regional[0]).toMatch(/endpoint type REGIONAL/);
    });

    it("refuses an API that names no endpoint or has no policy", async () => {
        expect(await expectViolations(apigatewayPrivateOnly, brokerApi({ endpointConfiguration: { types: "PRIVATE" } }))).toEqual([
            "REST API broker-api names no VPC endpoint (endpointConfiguration.vpcEndpointIds); name the isolated VPC's execute-api endpoint (N7).",
            expect.stringMatching(/lets aws:SourceVpce vpce-0123456789abcdef0 through, which is not among its vpcEndpointIds \(none\)/),
        ]);
        expect(await expectViolations(apigatewayPrivateOnly, brokerApi({ policy: undefined }))).toEqual([
            "REST API broker-api has no resource policy: set its policy to deny callers outside the platform's execute-api endpoint (N8).",
        ]);
        expect(await expectViolations(apigatewayPrivateOnly, brokerApi({ policy: "{not json" }))).toHaveLength(1);
    });

    it("refuses a policy without the fencing Deny, or whose Deny is narrowed", async () => {
        const allowOnly = doc({ Effect: "Allow", Principal: "*", Action: "execute-api:Invoke", Resource: "execute-api:/*" });
        const narrowed = doc(
            { Effect: "Allow", Principal: "*", Action: "execute-api:Invoke", Resource: "execute-api:/*" },
            {
                Effect: "Deny",
                Principal: "*",
                Action: "execute-api:Invoke",
                Resource: "execute-api:/*",
                // ANDed: callers from another endpoint are refused only when they come from this range.
                Condition: { StringNotEquals: { "aws:SourceVpce": VPCE }, IpAddress: { "aws:SourceIp": "10.0.0.0/8" } },
            },
        );
        const allowOnEquals = doc(
            { Effect: "Allow", Principal: "*", Action: "execute-api:Invoke", Resource: "execute-api:/*" },
            {
                Effect: "Deny",
                Principal: "*",
                Action: "execute-api:Invoke",
                Resource: "execute-api:/*",
                Condition: { StringEquals: { "aws:SourceVpce": VPCE } },
            },
        );
        for (const policy of [allowOnly, narrowed, allowOnEquals]) {
            const v = await expectViolations(apigatewayPrivateOnly, brokerApi({ policy }));
            expect(v).toHaveLength(1);
            expect(v[0]).toMatch(/has no Deny of execute-api:Invoke to "\*" with StringNotEquals aws:SourceVpce/);
        }
    });

    it("refuses an Allow wider than the Deny, and a Deny that lets another endpoint through", async () => {
        const wide = doc(
            { Sid: "Everything", Effect: "Allow", Principal: "*", Action: "execute-api:Invoke", Resource: "execute-api:/*" },
            {
                Effect: "Deny",
                Principal: "*",
                Action: "execute-api:Invoke",
                Resource: "execute-api:/broker/POST/saml/*",
                Condition: { StringNotEquals: { "aws:SourceVpce": VPCE } },
            },
        );
        expect(await expectViolations(apigatewayPrivateOnly, brokerApi({ policy: wide }))).toEqual([
            "REST API broker-api: Allow Everything grants resources no aws:SourceVpce Deny covers; give the Deny the same or a wider Resource (N8).",
        ]);
        expect(await expectViolations(apigatewayPrivateOnly, brokerApi({ policy: brokerPolicy("vpce-0ffffffffffffffff") }))).toEqual([
            `REST API broker-api: its resource policy lets aws:SourceVpce vpce-0ffffffffffffffff through, which is not among its vpcEndpointIds (${VPCE}) (N8).`,
        ]);
    });

    it.each([
        [APIGW.v2Api, { protocolType: "HTTP" }, /cannot be private/],
        [APIGW.domainName, { domainName: "broker.example.com" }, /custom domain name/],
        [APIGW.v2DomainName, { domainName: "broker.example.com" }, /regional and public/],
        [APIGW.restApiPolicy, { restApiId: "abc", policy: brokerPolicy() }, /own policy input/],
    ])("refuses %s", async (type, props, message) => {
        const v = await expectViolations(apigatewayPrivateOnly, { type, name: "front", props });
        expect(v).toHaveLength(1);
        expect(v[0]).toMatch(message);
    });

    it("defers the policy and endpoint ids of a preview to `pulumi up`, after judging the endpoint type", async () => {
        const preview = await judgeResourcePolicy(
            apigatewayPrivateOnly,
            brokerApi({ endpointConfiguration: { types: "PRIVATE", vpcEndpointIds: UNKNOWN }, policy: UNKNOWN }),
        );
        expect(preview.violations).toEqual([]);
        expect(preview.undecided).toEqual([DEFERRED_DOCUMENT]);
        const regional = await judgeResourcePolicy(
            apigatewayPrivateOnly,
            brokerApi({ endpointConfiguration: { types: "REGIONAL", vpcEndpointIds: UNKNOWN }, policy: UNKNOWN }),
        );
        expect(regional.violations).toEqual([expect.stringMatching(/endpoint type REGIONAL/)]);
        expect(regional.undecided).toHaveLength(1);
        // The policy is known (it names the endpoint by a literal id) but the ids are not.
        const ids = await judgeResourcePolicy(apigatewayPrivateOnly, brokerApi({ endpointConfiguration: { types: "PRIVATE", vpcEndpointIds: UNKNOWN } }));
        expect(ids.undecided).toEqual([expect.stringMatching(/^deferred to `pulumi up`: endpointConfiguration.vpcEndpointIds unknown/)]);
    });

    it("ignores other resources", async () => {
        expect(await runResourcePolicy(apigatewayPrivateOnly, { type: APIGW.stage, props: {} })).toEqual([]);
    });
});
