import { SecureDsResourcePolicy, TYPES, actionMatches, isWildcardPrincipal, knownOrDefer, list, propsOf, record, statementsOf, strings } from "../common";

/**
 * E7: a bucket policy denies every request without TLS: a Deny for all principals, covering every
 * S3 action (s3:* or *) on the bucket and its objects, when aws:SecureTransport is false, and on
 * no other condition.
 */
export const s3BucketPolicyDeniesInsecureTransport: SecureDsResourcePolicy = {
    name: "s3-bucket-policy-denies-insecure-transport",
    description:
        "Bucket policies must deny all S3 actions on the bucket and its objects when aws:SecureTransport is false (E7). Judged during `pulumi up` before the resource is created when the document is unknown in a preview (a preview cannot see a document that embeds a new ARN).",
    controls: ["E7"],
    remediation: "Add the denyInsecureTransport statement (components/guardrails/s3.ts) to the bucket policy; SecureBucket does.",
    enforcementLevel: "mandatory",
    previewDeferral: "A bucket policy names the bucket's ARN, which is unknown in a preview while the bucket is being created.",
    validateResource: (args, reportViolation) => {
        const p = propsOf(args, TYPES.s3BucketPolicy);
        if (!p) return;
        const ok = (statementsOf(knownOrDefer(() => p.policy, "document policy")) ?? []).some((st) => {
            if (st.Effect !== "Deny") return false;
            const everyone = isWildcardPrincipal(st.Principal);
            const allActions = strings(st.Action).some((a) => actionMatches(a, "s3:GetObject") && actionMatches(a, "s3:PutBucketPolicy"));
            const resources = strings(st.Resource);
            const bucketAndObjects = resources.includes("*") || (resources.some((r) => !r.includes("/")) && resources.some((r) => r.endsWith("/*")));
            // Conditions are ANDed: any test besides aws:SecureTransport false narrows the Deny, so
            // some plain-HTTP requests would get through. Keys are case-insensitive; the value may be
            // the string "false" or a JSON boolean.
            const tests = Object.entries(record(st.Condition)).flatMap(([op, block]) =>
                Object.entries(record(block)).map(([key, value]) => ({ op, key, value })),
            );
            const tls =
                tests.length > 0 &&
                tests.every(
                    ({ op, key, value }) =>
                        /^Bool(IfExists)?$/.test(op) &&
                        key.toLowerCase() === "aws:securetransport" &&
                        list(value).length > 0 &&
                        list(value).every((v) => v === false || String(v).toLowerCase() === "false"),
                );
            return everyone && allActions && bucketAndObjects && tls;
        });
        if (!ok) {
            reportViolation(`${args.name} has no statement denying every S3 action on the bucket and its objects when aws:SecureTransport is false (E7).`);
        }
    },
};
