import type { PolicyResource } from "@pulumi/policy";
import { NOT_KNOWN, SecureDsStackPolicy, TYPES, dependenciesOf, known, ofType, propsOf, strings, text } from "../common";
import { isolatedVpcEndpoints } from "../ec2/common";

/** The service name of an execute-api interface endpoint: com.amazonaws.<region>.execute-api. */
const EXECUTE_API = /\.execute-api$/;

/** Why an endpoint a REST API names is not an execute-api interface endpoint of an isolated VPC, or undefined. */
function endpointProblem(endpoint: PolicyResource, isolated: ReadonlySet<PolicyResource>): string | undefined {
    const p = propsOf(endpoint, TYPES.ec2VpcEndpoint);
    const type = known(() => text(p?.vpcEndpointType));
    // The API's default endpoint type is Gateway, which carries no execute-api traffic.
    if (type !== NOT_KNOWN && type !== "Interface") return `is a ${type ?? "Gateway"} endpoint, not an Interface endpoint`;
    const service = known(() => text(p?.serviceName));
    if (service !== NOT_KNOWN && !EXECUTE_API.test(service ?? "")) return `is an endpoint for ${service ?? "no service"}, not for execute-api`;
    if (!isolated.has(endpoint)) return "is not in an isolated VPC of this stack (a VPC tagged secure-ds:network-isolation = isolated)";
    return undefined;
}

/**
 * N7, N8, stack side of apigateway-private-only: the VPC endpoints a REST API names are
 * execute-api interface endpoints of the stack's isolated VPC, the one network the corporate
 * range reaches (N13), never an endpoint of the package scanning VPC, which has a path to the
 * internet, nor an endpoint this stack cannot see. Endpoints are related through the API's
 * propertyDependencies on endpointConfiguration (ids are unknown in a preview) and, when known,
 * through their ids.
 */
export const apigatewayIsolatedVpcEndpoint: SecureDsStackPolicy = {
    name: "apigateway-isolated-vpc-endpoint",
    description:
        "The vpcEndpointIds of every API Gateway REST API must be execute-api Interface endpoints of an isolated VPC of the same stack (related through propertyDependencies, or by id when known): not the scanning VPC's, not an endpoint outside the stack (N7, N8).",
    controls: ["N7", "N8"],
    remediation:
        "Name the isolated VPC's execute-api endpoint (IsolatedNetwork's endpoint for com.amazonaws.<region>.execute-api) in endpointConfiguration.vpcEndpointIds, by its output (endpoint.id), not by a literal id.",
    enforcementLevel: "mandatory",
    validateStack: (args, reportViolation) => {
        const apis = ofType(args.resources, TYPES.apigatewayRestApi);
        if (apis.length === 0) return;
        const endpoints = ofType(args.resources, TYPES.ec2VpcEndpoint);
        const isolated = new Set(isolatedVpcEndpoints(args.resources));
        for (const api of apis) {
            const config = propsOf(api, TYPES.apigatewayRestApi);
            if (known(() => config?.endpointConfiguration) === undefined) continue; // EDGE: apigateway-private-only's finding
            const viaDependency = dependenciesOf(api, "endpointConfiguration", [TYPES.ec2VpcEndpoint]);
            const ids = known(() => strings(config?.endpointConfiguration?.vpcEndpointIds));
            const named = new Set(viaDependency);
            if (ids !== NOT_KNOWN) {
                if (ids.length === 0) continue; // names none: apigateway-private-only's finding
                for (const id of ids) {
                    const match = endpoints.find((e) => known(() => e.props.id) === id);
                    if (match) named.add(match);
                    // An id no endpoint of the stack has: an endpoint this stack cannot judge (or one whose id is still unknown).
                    else if (!viaDependency.some((e) => known(() => e.props.id) === NOT_KNOWN))
                        reportViolation(`REST API ${api.name} names VPC endpoint ${id}, which is no endpoint of this stack (N8).`, api.urn);
                }
            } else if (viaDependency.length === 0) {
                reportViolation(
                    `REST API ${api.name}: its vpcEndpointIds come from no VPC endpoint of this stack, so they cannot be shown to be the isolated VPC's execute-api endpoint (N8).`,
                    api.urn,
                );
            }
            for (const endpoint of named) {
                const problem = endpointProblem(endpoint, isolated);
                if (problem) reportViolation(`REST API ${api.name} names VPC endpoint ${endpoint.name}, which ${problem} (N7).`, api.urn);
            }
        }
    },
};
