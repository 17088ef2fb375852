import { expect, it } from "vitest";
import { apigatewayLambdaProxyOnly } from "../../../policy-pack/policies/apigateway/apigateway-lambda-proxy-only";
import { StackCaseResource } from "../../harness/policyArgs";
import { describeRule, expectCompliant, expectViolations } from "../../harness/ruleTests";
import { edit, previewed, r } from "../fixtures";

const PROVIDER = "pulumi:providers:aws";
const FUNCTION = "aws:lambda/function:Function";
const INTEGRATION = "aws:apigateway/integration:Integration";
const invokeArn = (account: string) =>
    `arn:aws:apigateway:eu-central-1:lambda:path/2015-03-31/functions/arn:aws:lambda:eu-central-1:${account}:function:acme-prod-saml-broker/invocations`;

/** The broker's integration: AWS_PROXY to the stack's function, its uri the function's invokeArn output. */
const brokerStack: StackCaseResource[] = [
    r(PROVIDER, "workload", { allowedAccountIds: JSON.stringify(["444444444444"]) }),
    r(FUNCTION, "saml-broker", { name: "acme-prod-saml-broker" }),
    r(INTEGRATION, "saml-broker-integration", { type: "AWS_PROXY", integrationHttpMethod: "POST", uri: invokeArn("444444444444") }, { uri: ["saml-broker"] }),
];
const literal = (change: (props: Record<string, unknown>) => void) =>
    edit(brokerStack, "saml-broker-integration", (x) => {
        x.propertyDependencies = undefined;
        change(x.props);
    });

describeRule(apigatewayLambdaProxyOnly, () => {
    it("passes AWS_PROXY to the stack's function, in up and in a first preview (related through uri's dependency), and MOCK", async () => {
        await expectCompliant(apigatewayLambdaProxyOnly, brokerStack);
        await expectCompliant(apigatewayLambdaProxyOnly, previewed(brokerStack));
        await expectCompliant(apigatewayLambdaProxyOnly, [...brokerStack, r(INTEGRATION, "health", { type: "MOCK" })]);
        // A known invoke ARN of a function in the stack's account, without the dependency.
        await expectCompliant(
            apigatewayLambdaProxyOnly,
            literal(() => undefined),
        );
    });
    it("refuses HTTP, HTTP_PROXY and AWS integrations: each forwards the request out of the isolated VPC", async () => {
        for (const type of ["HTTP", "HTTP_PROXY", "AWS"]) {
            const out = literal((p) => {
                p.type = type;
                p.uri = type === "AWS" ? "arn:aws:apigateway:eu-central-1:sqs:path/111111111111/drop" : "https://attacker.example/collect";
            });
            expect(await expectViolations(apigatewayLambdaProxyOnly, out)).toEqual([
                `Integration saml-broker-integration is of type ${type}; only AWS_PROXY (a Lambda function of this stack) or MOCK (N6).`,
            ]);
        }
    });
    it("refuses a Lambda of another account, a uri that is no Lambda invocation, a VPC link and a VPC_LINK connection", async () => {
        expect(
            await expectViolations(
                apigatewayLambdaProxyOnly,
                literal((p) => (p.uri = invokeArn("111111111111"))),
            ),
        ).toEqual(["Integration saml-broker-integration invokes a Lambda function of account 111111111111, outside this stack's accounts (N6)."]);
        expect(
            await expectViolations(
                apigatewayLambdaProxyOnly,
                literal((p) => (p.uri = "https://attacker.example/")),
            ),
        ).toEqual(["Integration saml-broker-integration targets https://attacker.example/, which is no Lambda invocation ARN (N6)."]);
        const linked = [
            ...literal((p) => (p.connectionType = "VPC_LINK")),
            r("aws:apigateway/vpcLink:VpcLink", "nlb-link", { targetArn: "arn:aws:elasticloadbalancing:x" }),
        ];
        expect(await expectViolations(apigatewayLambdaProxyOnly, linked)).toEqual([
            "VPC link nlb-link connects API Gateway to a load balancer: a path from the execute-api endpoint to another network (N6).",
            "Integration saml-broker-integration connects through a VPC link (N6).",
        ]);
    });
    it("refuses in a preview a uri that comes from no function of the stack (fails closed on the unknown)", async () => {
        // The uri depends on a parameter, not on a function: unknown in the preview, and nothing relates it to a function.
        const orphan = previewed(
            edit(
                [...brokerStack, r("aws:ssm/parameter:Parameter", "target")],
                "saml-broker-integration",
                (x) => (x.propertyDependencies = { uri: ["target"] }),
            ),
        );
        expect(await expectViolations(apigatewayLambdaProxyOnly, orphan)).toEqual([
            "Integration saml-broker-integration has a uri that comes from no Lambda function of this stack (N6).",
        ]);
    });
});
