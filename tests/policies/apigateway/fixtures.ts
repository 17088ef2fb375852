/** The SAML broker's API Gateway shapes, as the rule tests of tests/policies/apigateway use them. */
import { doc } from "../fixtures";

/** Type tokens the cases use, spelt out (see tests/policies/fixtures.ts). */
export const APIGW = {
    restApi: "aws:apigateway/restApi:RestApi",
    restApiPolicy: "aws:apigateway/restApiPolicy:RestApiPolicy",
    stage: "aws:apigateway/stage:Stage",
    methodSettings: "aws:apigateway/methodSettings:MethodSettings",
    domainName: "aws:apigateway/domainName:DomainName",
    v2Api: "aws:apigatewayv2/api:Api",
    v2DomainName: "aws:apigatewayv2/domainName:DomainName",
} as const;

/** The isolated VPC's execute-api endpoint, by id. */
export const VPCE = "vpce-0123456789abcdef0";

/** The broker's resource policy: invoke only the SAML route, only through `vpce`; deny everyone else. */
export const brokerPolicy = (vpce: string = VPCE, denyResource: string = "execute-api:/*") =>
    doc(
        {
            Sid: "InvokeThroughPlatformEndpoint",
            Effect: "Allow",
            Principal: "*",
            Action: "execute-api:Invoke",
            Resource: "execute-api:/broker/POST/saml/*",
            Condition: { StringEquals: { "aws:SourceVpce": vpce } },
        },
        {
            Sid: "DenyOutsidePlatformEndpoint",
            Effect: "Deny",
            Principal: "*",
            Action: "execute-api:Invoke",
            Resource: denyResource,
            Condition: { StringNotEquals: { "aws:SourceVpce": vpce } },
        },
    );

/** The broker's REST API as H1 builds it (types as the provider takes it: one string). */
export const brokerApi = (props: Record<string, unknown> = {}) => ({
    type: APIGW.restApi,
    name: "broker-api",
    props: { name: "saml-broker", endpointConfiguration: { types: "PRIVATE", vpcEndpointIds: [VPCE] }, policy: brokerPolicy(), ...props },
});
