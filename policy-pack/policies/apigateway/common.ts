/**
 * Reading a private REST API's resource policy: the statement that fences it to the platform's
 * `execute-api` endpoints. A PRIVATE API is reachable from any VPC endpoint for execute-api in
 * any account, subject to its resource policy ("Private APIs… can be invoked only from VPC
 * endpoints… access is controlled by resource policies":
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-private-apis.html), so
 * the policy, not the endpoint type, decides who calls it. Its recommended form denies every
 * caller whose `aws:SourceVpce` is not one of the API's endpoints (the "Deny … StringNotEquals
 * aws:SourceVpce" example of
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-resource-policies-examples.html).
 */
import { IamStatement, isWildcardPrincipal, list, record, resourceMatches, statementCovers, strings } from "../common";

/** The action every API Gateway invocation is authorised as. */
export const INVOKE = "execute-api:Invoke";

/** A Deny that refuses execute-api:Invoke to every caller not coming through one of `endpoints`. */
export interface EndpointFence {
    statement: IamStatement;
    /** The aws:SourceVpce values the Deny exempts: the endpoints that may call. */
    endpoints: string[];
    /** The Deny's Resource patterns. */
    resources: string[];
}

/**
 * The statement as a fence, or undefined. Only the plain form counts, so that nothing narrows the
 * Deny: Effect Deny to a `*` principal (no NotPrincipal, no NotResource) covering
 * execute-api:Invoke, with exactly one condition, StringNotEquals or StringNotEqualsIfExists on
 * aws:SourceVpce (IfExists also denies a request that carries no endpoint). A second condition
 * key would AND with the first and exempt more callers.
 */
export function endpointFence(s: IamStatement): EndpointFence | undefined {
    if (s.Effect !== "Deny" || !isWildcardPrincipal(s.Principal) || s.NotPrincipal !== undefined || s.NotResource !== undefined) return undefined;
    if (!statementCovers(s, INVOKE)) return undefined;
    const blocks = Object.entries(record(s.Condition));
    if (blocks.length !== 1) return undefined;
    const [operator, block] = blocks[0] as [string, unknown];
    if (!/^StringNotEquals(IfExists)?$/.test(operator)) return undefined;
    const keys = Object.entries(record(block));
    if (keys.length !== 1) return undefined;
    const [key, value] = keys[0] as [string, unknown];
    if (key.toLowerCase() !== "aws:sourcevpce") return undefined;
    const endpoints = strings(value);
    if (endpoints.length === 0) return undefined;
    return { statement: s, endpoints, resources: strings(s.Resource) };
}

/**
 * Whether the fence's Resource covers every resource the Allow grants. Patterns are compared as
 * written (`execute-api:/*` covers `execute-api:/broker/POST/saml/*`); an Allow without Resource,
 * or with NotResource, is covered only by a Deny on `*`.
 */
export function fenceCovers(fence: EndpointFence, allow: IamStatement): boolean {
    const granted = allow.NotResource !== undefined || allow.Resource === undefined ? ["*"] : strings(allow.Resource);
    if (granted.length === 0 && list(allow.Resource).length > 0) return false;
    return granted.every((r) => fence.resources.some((p) => p === "*" || (!p.includes("?") && resourceMatches(p, r))));
}
