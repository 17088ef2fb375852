/** API Gateway: the SAML broker's private REST API, its stage and method settings. One rule per file, named after its policy. */
import { SecureDsPolicy } from "../common";
import { apigatewayIsolatedVpcEndpoint } from "./apigateway-isolated-vpc-endpoint";
import { apigatewayLambdaProxyOnly } from "./apigateway-lambda-proxy-only";
import { apigatewayNoResponseCache } from "./apigateway-no-response-cache";
import { apigatewayPrivateOnly } from "./apigateway-private-only";
import { apigatewayStageLogging } from "./apigateway-stage-logging";

export const rules: SecureDsPolicy[] = [
    apigatewayIsolatedVpcEndpoint,
    apigatewayLambdaProxyOnly,
    apigatewayNoResponseCache,
    apigatewayPrivateOnly,
    apigatewayStageLogging,
];
