import { SecureDsStackPolicy, TYPES, isWildcardPrincipal, list, propsOf, record, text } from "../common";
import { isolatedVpcEndpoints } from "./common";

/** Why a statement opens the endpoint to any account's credentials, or undefined. */
function openStatement(statement: unknown): string | undefined {
    const s = record(statement);
    if (s.Effect !== "Allow" || !isWildcardPrincipal(s.Principal)) return undefined;
    if (s.Condition !== undefined && Object.keys(record(s.Condition)).length > 0) return undefined;
    const resources = list(s.Resource);
    if (resources.includes("*")) return `statement ${text(s.Sid) ?? "(no Sid)"} allows any principal on every resource without a condition`;
    return undefined;
}

/**
 * N7: endpoints of the isolated VPC carry a scoped policy. Without one (or with the default
 * full-access policy) a notebook can use the endpoint with another account's credentials and copy
 * data out through it.
 */
export const isolatedVpcEndpointPolicy: SecureDsStackPolicy = {
    name: "isolated-vpc-endpoint-policy",
    description:
        "VPC endpoints of an isolated VPC must have a policy that limits principals or resources; the default full-access policy is an exfiltration path (N7).",
    controls: ["N7"],
    remediation: "Give the endpoint a policy from components/guardrails/endpoints.ts (platform principals, CodeArtifact read, or the S3 gateway bucket list).",
    enforcementLevel: "mandatory",
    validateStack: (args, reportViolation) => {
        for (const endpoint of isolatedVpcEndpoints(args.resources)) {
            const raw = propsOf(endpoint, TYPES.ec2VpcEndpoint)?.policy;
            if (raw === undefined || raw === null || raw === "") {
                reportViolation(`Endpoint ${endpoint.name} in the isolated VPC has no policy, so it allows any principal full access (N7).`, endpoint.urn);
                continue;
            }
            let doc: unknown;
            try {
                doc = typeof raw === "string" ? JSON.parse(raw) : raw;
            } catch {
                reportViolation(`Endpoint ${endpoint.name} has a policy that is not JSON (N7).`, endpoint.urn);
                continue;
            }
            const problems = list(record(doc).Statement)
                .map(openStatement)
                .filter((p): p is string => p !== undefined);
            if (problems.length > 0) {
                reportViolation(`Endpoint ${endpoint.name} in the isolated VPC: ${problems.join("; ")} (N7).`, endpoint.urn);
            }
        }
    },
};
