import { SecureDsResourcePolicy, TYPES, known, propsOf } from "../common";

/**
 * I1: the platform's APIs answer with per-user secrets (the SAML broker redirects to a presigned
 * Studio URL of the asserted user). An API Gateway cache serves a stored response to the next
 * request with the same cache key (https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-caching.html),
 * which would hand one user's URL to another, so no stage runs a cache cluster and no method
 * caches. Stronger than encrypting the cache (Security Hub APIGateway.5): there is none.
 */
export const apigatewayNoResponseCache: SecureDsResourcePolicy = {
    name: "apigateway-no-response-cache",
    description:
        "API Gateway stages must not run a cache cluster (cacheClusterEnabled) and method settings must not cache responses (settings.cachingEnabled): a cached presigned Studio URL would be served to another caller (I1).",
    controls: ["I1"],
    remediation:
        "Leave cacheClusterEnabled unset (false) on the aws.apigateway.Stage and settings.cachingEnabled unset (false) on aws.apigateway.MethodSettings.",
    enforcementLevel: "mandatory",
    validateResource: (args, reportViolation) => {
        const stage = propsOf(args, TYPES.apigatewayStage);
        if (stage && known(() => stage.cacheClusterEnabled) === true) {
            reportViolation(`Stage ${args.name} runs a cache cluster (cacheClusterEnabled): cached responses would reach other callers; turn it off (I1).`);
        }
        const method = propsOf(args, TYPES.apigatewayMethodSettings);
        if (method && known(() => method.settings?.cachingEnabled) === true) {
            reportViolation(
                `Method settings ${args.name} cache responses (settings.cachingEnabled): one user's presigned URL would be served to another; turn it off (I1).`,
            );
        }
    },
};
