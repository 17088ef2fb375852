import {
    Deferrals,
    IamStatement,
    NOT_KNOWN,
    SecureDsStackPolicy,
    TYPES,
    dependenciesOf,
    ofType,
    propsOf,
    record,
    statementCovers,
    statementsOf,
    strings,
} from "../common";
import { BUCKET_TYPES, logTargetBuckets } from "./common";

/** Deny PutObject when the request names an algorithm other than SSE-KMS. */
function deniesOtherAlgorithms(s: IamStatement): boolean {
    if (s.Effect !== "Deny" || !statementCovers(s, "s3:PutObject")) return false;
    return Object.entries(record(s.Condition)).some(
        ([op, block]) =>
            /^StringNotEquals(IfExists)?$/.test(op) &&
            Object.entries(record(block)).some(
                ([k, v]) => k.toLowerCase() === "s3:x-amz-server-side-encryption" && strings(v).every((x) => x.startsWith("aws:kms")),
            ),
    );
}

/**
 * E7: bucket policies deny uploads that ask for another encryption than SSE-KMS, so a client
 * cannot store objects under SSE-S3 or SSE-C next to the KMS default. Access-log target buckets
 * are exempt: S3 server access logging delivers only to SSE-S3 buckets.
 */
export const s3BucketPolicyRequiresKmsUploads: SecureDsStackPolicy = {
    name: "s3-bucket-policy-requires-kms-uploads",
    description:
        "Bucket policies (except those of access-log targets) must deny s3:PutObject when s3:x-amz-server-side-encryption names another algorithm than aws:kms (E7). When a document is unknown in a preview (it embeds a new ARN), the known ones are judged and the rest is left to the stack analysis of `pulumi up`.",
    controls: ["E7"],
    remediation: "Keep the DenyNonKmsEncryptionHeader statement of bucketPolicyStatements() (components/guardrails/s3.ts); SecureBucket adds it.",
    enforcementLevel: "mandatory",
    previewDeferral: "A bucket policy names the bucket's ARN, which is unknown in a preview while the bucket is being created.",
    validateStack: (args, reportViolation) => {
        const buckets = ofType(args.resources, ...BUCKET_TYPES);
        const targets = logTargetBuckets(args.resources, buckets);
        const deferrals = new Deferrals();
        for (const policy of ofType(args.resources, TYPES.s3BucketPolicy)) {
            const own = dependenciesOf(policy, "bucket", BUCKET_TYPES);
            if (own.length > 0 && own.every((b) => targets.has(b.urn))) continue;
            const doc = deferrals.read(() => propsOf(policy, TYPES.s3BucketPolicy)?.policy, `${policy.name}.policy`);
            if (doc === NOT_KNOWN) continue;
            const statements = statementsOf(doc);
            if (!statements?.some(deniesOtherAlgorithms)) {
                reportViolation(`Bucket policy ${policy.name} does not deny uploads with a non-KMS s3:x-amz-server-side-encryption header (E7).`, policy.urn);
            }
        }
        deferrals.settle();
    },
};
