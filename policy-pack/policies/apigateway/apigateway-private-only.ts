import { NOT_KNOWN, SecureDsResourcePolicy, TYPES, known, knownOrDefer, propsOf, statementsOf, strings } from "../common";
import { EndpointFence, endpointFence, fenceCovers } from "./common";

/**
 * Why an API Gateway resource other than a REST API is refused. HTTP and WebSocket APIs
 * (apigatewayv2) have no private endpoint type: they are always on a public name
 * (https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-vs-rest.html, "Endpoint
 * type": private is REST only). A custom domain name publishes an API under a name of its own:
 * EDGE and REGIONAL ones are public, and a PRIVATE one brings a second policy and access
 * associations this rule does not judge; the broker is reached through the execute-api
 * endpoint's private DNS name instead.
 */
const REFUSED: Record<string, string> = {
    [TYPES.apigatewayv2Api]: "is an HTTP or WebSocket API (apigatewayv2), which cannot be private; use a PRIVATE aws.apigateway.RestApi",
    [TYPES.apigatewayDomainName]: "is an API Gateway custom domain name, which publishes the API under a name of its own",
    [TYPES.apigatewayv2DomainName]: "is an apigatewayv2 custom domain name, which is regional and public",
    [TYPES.apigatewayRestApiPolicy]:
        "sets a REST API's resource policy apart from the API; put the policy in the RestApi's own policy input, so that the API is created with it (CreateRestApi takes it) and one place holds it",
};

/**
 * N7, N8: the SAML broker mints presigned Studio URLs, so its API must be reachable only from the
 * corporate network through the platform's execute-api endpoint, never from the internet. Every
 * REST API is PRIVATE, names its VPC endpoints, and carries a resource policy that denies
 * execute-api:Invoke to every caller whose aws:SourceVpce is not one of them; other API Gateway
 * front doors are refused.
 */
export const apigatewayPrivateOnly: SecureDsResourcePolicy = {
    name: "apigateway-private-only",
    description:
        "API Gateway REST APIs must be PRIVATE (never EDGE or REGIONAL), name their execute-api VPC endpoints, and carry a resource policy (the RestApi's policy input) that denies execute-api:Invoke to any aws:SourceVpce other than those endpoints, covering every Allow; HTTP/WebSocket APIs, custom domain names and separate RestApiPolicy resources are refused (N7, N8). Judged during `pulumi up` before the API is created when the policy or the endpoint ids are unknown in a preview.",
    controls: ["N7", "N8"],
    remediation:
        'Set endpointConfiguration { types: "PRIVATE", vpcEndpointIds: [the execute-api endpoint of the isolated VPC] } and policy: an Allow of execute-api:Invoke with aws:SourceVpce = the endpoint plus a Deny of execute-api:Invoke to "*" with StringNotEquals aws:SourceVpce = the endpoint, on the same or a wider Resource (execute-api:/*). Remove apigatewayv2 APIs, custom domain names and RestApiPolicy resources.',
    enforcementLevel: "mandatory",
    previewDeferral: "The policy and vpcEndpointIds of an API name the id of an endpoint created with the stack, unknown in a preview.",
    validateResource: (args, reportViolation) => {
        const refused = REFUSED[args.type];
        if (refused) {
            reportViolation(`${args.name} ${refused} (N8).`);
            return;
        }
        const p = propsOf(args, TYPES.apigatewayRestApi);
        if (!p) return;
        const config = knownOrDefer(() => p.endpointConfiguration, "endpointConfiguration");
        // The provider takes one type (a string); CloudFormation and the API a list of one.
        const types = knownOrDefer(() => strings(config?.types), "endpointConfiguration.types");
        if (types.length !== 1 || types[0] !== "PRIVATE") {
            reportViolation(
                `REST API ${args.name} has endpoint type ${types.join(", ") || "EDGE (the default)"}: it would be reachable from the internet; set endpointConfiguration.types to PRIVATE (N8).`,
            );
        }
        // An unknown list is set: the ids of endpoints created with the stack.
        const endpointIds = known(() => strings(config?.vpcEndpointIds));
        if (endpointIds !== NOT_KNOWN && endpointIds.length === 0) {
            reportViolation(
                `REST API ${args.name} names no VPC endpoint (endpointConfiguration.vpcEndpointIds); name the isolated VPC's execute-api endpoint (N7).`,
            );
        }
        const policy = knownOrDefer(() => p.policy, "document policy");
        if (policy === undefined || policy === null || policy === "") {
            reportViolation(`REST API ${args.name} has no resource policy: set its policy to deny callers outside the platform's execute-api endpoint (N8).`);
            return;
        }
        const statements = statementsOf(policy);
        if (!statements) {
            reportViolation(`REST API ${args.name} has a resource policy that is not a JSON policy document (N8).`);
            return;
        }
        const fences = statements.map((s) => endpointFence(s)).filter((f): f is EndpointFence => f !== undefined);
        if (fences.length === 0) {
            reportViolation(
                `REST API ${args.name}: its resource policy has no Deny of execute-api:Invoke to "*" with StringNotEquals aws:SourceVpce (and no other condition), so calls from other endpoints are not refused (N8).`,
            );
            return;
        }
        for (const allow of statements.filter((s) => s.Effect === "Allow")) {
            if (!fences.some((f) => fenceCovers(f, allow))) {
                reportViolation(
                    `REST API ${args.name}: Allow ${allow.Sid ?? "(no Sid)"} grants resources no aws:SourceVpce Deny covers; give the Deny the same or a wider Resource (N8).`,
                );
            }
        }
        // Which endpoints the Deny lets through is judged against the API's own endpoints.
        const named = knownOrDefer(() => strings(config?.vpcEndpointIds), "endpointConfiguration.vpcEndpointIds");
        const foreign = [...new Set(fences.flatMap((f) => f.endpoints).filter((e) => !named.includes(e)))];
        if (foreign.length > 0) {
            reportViolation(
                `REST API ${args.name}: its resource policy lets aws:SourceVpce ${foreign.join(", ")} through, which ${foreign.length === 1 ? "is" : "are"} not among its vpcEndpointIds (${named.join(", ") || "none"}) (N8).`,
            );
        }
    },
};
