import type { PolicyResource } from "@pulumi/policy";
import { NOT_KNOWN, SecureDsStackPolicy, TYPES, dependenciesOf, known, ofType, propsOf, text } from "../common";
import { stackAccounts } from "../common/accounts";

/**
 * Integration types that send a request nowhere but a Lambda function (AWS_PROXY: "the Lambda
 * function-invoking action", API Gateway developer guide, "Choose an API Gateway API integration
 * type") or answer it themselves (MOCK). HTTP and HTTP_PROXY forward the body to a URL, AWS calls any
 * AWS service action with the integration's credentials: each would carry data from the isolated
 * VPC, through its execute-api endpoint, to the internet or another account.
 */
const ALLOWED_TYPES = new Set(["AWS_PROXY", "MOCK"]);

/** `arn:aws:apigateway:<region>:lambda:path/2015-03-31/functions/<function ARN>/invocations`: the function's account. */
const LAMBDA_INVOCATION =
    /^arn:aws[a-z-]*:apigateway:[a-z0-9-]+:lambda:path\/[^/]+\/functions\/arn:aws[a-z-]*:lambda:[a-z0-9-]+:(\d{12}):function:[^/]+\/invocations$/;

/** Why an integration's target is not a Lambda function of this stack, or undefined. */
function targetProblem(integration: PolicyResource, functions: PolicyResource[], accounts: ReadonlySet<string>): string | undefined {
    // Related through the uri's dependency on a function of the stack: known in a first preview too.
    if (dependenciesOf(integration, "uri", [TYPES.lambdaFunction]).some((f) => functions.includes(f))) return undefined;
    const uri = known(() => text(propsOf(integration, TYPES.apigatewayIntegration)?.uri));
    if (uri === NOT_KNOWN) return "has a uri that comes from no Lambda function of this stack";
    const account = LAMBDA_INVOCATION.exec(uri ?? "")?.[1];
    if (!account) return `targets ${uri ?? "no uri"}, which is no Lambda invocation ARN`;
    if (!accounts.has(account)) return `invokes a Lambda function of account ${account}, outside this stack's accounts`;
    return undefined;
}

/**
 * N6: a REST API of the platform is reached from the isolated VPC (its execute-api endpoint), so
 * what the API forwards to is a path out of that VPC. Every integration must be AWS_PROXY to a
 * Lambda function of this stack (or MOCK); HTTP, HTTP_PROXY and AWS integrations, VPC_LINK
 * connections and VPC links are refused. Stack policy: the function is related through the
 * integration's propertyDependencies on `uri` (its invoke ARN is unknown in a first preview).
 */
export const apigatewayLambdaProxyOnly: SecureDsStackPolicy = {
    name: "apigateway-lambda-proxy-only",
    description:
        "API Gateway integrations must be AWS_PROXY to a Lambda function of this stack (or MOCK): HTTP, HTTP_PROXY and AWS integrations, VPC_LINK connections and VPC links would forward requests from the isolated VPC's execute-api endpoint to the internet or another account (N6).",
    controls: ["N6"],
    remediation:
        "Use type AWS_PROXY with uri = the stack's aws.lambda.Function invokeArn (its output, not a literal), connectionType unset (INTERNET is the Lambda default); remove aws.apigateway.VpcLink and aws.apigatewayv2.VpcLink resources.",
    enforcementLevel: "mandatory",
    validateStack: (args, reportViolation) => {
        for (const link of ofType(args.resources, TYPES.apigatewayVpcLink, TYPES.apigatewayv2VpcLink)) {
            reportViolation(
                `VPC link ${link.name} connects API Gateway to a load balancer: a path from the execute-api endpoint to another network (N6).`,
                link.urn,
            );
        }
        const integrations = ofType(args.resources, TYPES.apigatewayIntegration);
        if (integrations.length === 0) return;
        const functions = ofType(args.resources, TYPES.lambdaFunction);
        const accounts = stackAccounts(args.resources);
        for (const integration of integrations) {
            const p = propsOf(integration, TYPES.apigatewayIntegration);
            const type = known(() => text(p?.type));
            if (type === NOT_KNOWN || !ALLOWED_TYPES.has(type ?? "")) {
                reportViolation(
                    `Integration ${integration.name} is of type ${type === NOT_KNOWN ? "unknown" : (type ?? "none")}; only AWS_PROXY (a Lambda function of this stack) or MOCK (N6).`,
                    integration.urn,
                );
                continue;
            }
            const connection = known(() => text(p?.connectionType));
            if (connection === NOT_KNOWN || connection === "VPC_LINK") {
                reportViolation(
                    `Integration ${integration.name} connects through ${connection === NOT_KNOWN ? "an unknown connection type" : "a VPC link"} (N6).`,
                    integration.urn,
                );
                continue;
            }
            if (type === "AWS_PROXY") {
                const problem = targetProblem(integration, functions, accounts);
                if (problem) reportViolation(`Integration ${integration.name} ${problem} (N6).`, integration.urn);
            }
        }
    },
};
