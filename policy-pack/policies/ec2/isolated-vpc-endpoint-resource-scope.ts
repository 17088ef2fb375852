import { SecureDsStackPolicy, TYPES, list, propsOf, record, statementsOf, strings, text } from "../common";
import { isolatedVpcEndpoints } from "./common";

/**
 * Interface endpoint services whose resources hold or unlock data: through them a platform
 * principal could write into, or use the keys and roles of, another organisation's account.
 */
const RESOURCE_SCOPED_SERVICES = ["sts", "kms", "ssm", "secretsmanager", "logs", "ecr.api", "ecr.dkr"];

const RESOURCE_KEYS = ["aws:resourceorgid", "aws:resourceaccount", "aws:resourceorgpaths"];

/** Whether an Allow statement binds the resource side: a (non-negated) equality on a resource-owner key. */
function bindsResourceOwner(condition: unknown): boolean {
    return Object.entries(record(condition)).some(
        ([operator, block]) => /^String(Equals|Like)$/.test(operator) && Object.keys(record(block)).some((k) => RESOURCE_KEYS.includes(k.toLowerCase())),
    );
}

/** The endpoint's service suffix after `com.amazonaws.<region>.`, or undefined. */
function serviceOf(serviceName: string | undefined): string | undefined {
    const m = /^(?:cn\.)?com\.amazonaws\.[a-z0-9-]+\.(.+)$/.exec(serviceName ?? "");
    return m?.[1];
}

/**
 * N12: the endpoint perimeter has a resource side. In an isolated VPC, every Allow of the STS,
 * KMS, SSM, Secrets Manager, Logs and ECR interface endpoints names the resource owner
 * (`aws:ResourceOrgID` / `aws:ResourceAccount`), and no Allow of the S3 gateway endpoint applies to
 * every bucket (`*` or `arn:<p>:s3:::*`): buckets are named, or the statement names the owner.
 */
export const isolatedVpcEndpointResourceScope: SecureDsStackPolicy = {
    name: "isolated-vpc-endpoint-resource-scope",
    description:
        "In an isolated VPC, Allow statements of the STS, KMS, SSM, Secrets Manager, CloudWatch Logs and ECR endpoints must require aws:ResourceOrgID or aws:ResourceAccount, and the S3 gateway endpoint must not allow every bucket without one (N12).",
    controls: ["N12"],
    remediation:
        "Give the endpoint platformResourcesEndpointPolicy() or s3GatewayEndpointPolicy() (components/guardrails/endpoints.ts); the endpoint catalogue (components/network/endpointCatalog.ts) selects them.",
    enforcementLevel: "mandatory",
    validateStack: (args, reportViolation) => {
        for (const endpoint of isolatedVpcEndpoints(args.resources)) {
            const p = propsOf(endpoint, TYPES.ec2VpcEndpoint);
            const service = serviceOf(text(p?.serviceName));
            const isS3 = service === "s3";
            if (!isS3 && !RESOURCE_SCOPED_SERVICES.includes(service ?? "")) continue;
            // A missing or unparsable policy is isolated-vpc-endpoint-policy's finding.
            const allows = (statementsOf(p?.policy) ?? []).filter((s) => s.Effect === "Allow");
            for (const s of allows) {
                const sid = s.Sid ?? "(no Sid)";
                if (bindsResourceOwner(s.Condition)) continue;
                if (!isS3) {
                    reportViolation(
                        `Endpoint ${endpoint.name} (${service}): statement ${sid} does not require aws:ResourceOrgID or aws:ResourceAccount (N12).`,
                        endpoint.urn,
                    );
                    continue;
                }
                const everyBucket = strings(list(s.Resource)).some((r) => r === "*" || /^arn:[^:]+:s3:::\*(\/.*)?$/.test(r));
                if (everyBucket || s.NotResource !== undefined) {
                    reportViolation(`Endpoint ${endpoint.name} (s3): statement ${sid} applies to every bucket without naming the owner (N12).`, endpoint.urn);
                }
            }
        }
    },
};
