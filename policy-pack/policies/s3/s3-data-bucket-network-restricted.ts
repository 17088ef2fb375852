import {
    Deferrals,
    IamStatement,
    NOT_KNOWN,
    SecureDsStackPolicy,
    TYPES,
    isWildcardPrincipal,
    known,
    ofType,
    propsOf,
    record,
    referencing,
    statementCovers,
    statementsOf,
    tagOf,
} from "../common";
import { BUCKET_TYPES } from "./common";

const NETWORK_KEYS = ["aws:sourcevpce", "aws:sourcevpc"];

/** Deny * to everyone unless the request comes through the platform's endpoint / VPC. */
function deniesOutsideNetwork(s: IamStatement): boolean {
    if (s.Effect !== "Deny" || !isWildcardPrincipal(s.Principal)) return false;
    if (!statementCovers(s, "s3:GetObject") || !statementCovers(s, "s3:PutObject")) return false;
    return Object.entries(record(s.Condition)).some(
        ([op, block]) => /^StringNotEquals(IfExists)?$/.test(op) && Object.keys(record(block)).some((k) => NETWORK_KEYS.includes(k.toLowerCase())),
    );
}

/**
 * N10 at the pack: the policy of every data bucket (a bucket carrying the team tag: team buckets
 * and the shared data lake) denies access that does not come through the platform's S3 endpoint
 * or VPC. The resource layer builds the statement (components/guardrails/s3.ts); this rule stops
 * a change that drops it.
 */
export const s3DataBucketNetworkRestricted: SecureDsStackPolicy = {
    name: "s3-data-bucket-network-restricted",
    description:
        "Bucket policies of data buckets (buckets tagged with the data tag, `team` by default) must deny object access unless aws:SourceVpce / aws:SourceVpc is the platform's (N10). When a document is unknown in a preview (it embeds a new ARN), the known ones are judged and the rest is left to the stack analysis of `pulumi up`.",
    controls: ["N10"],
    remediation: "Keep the DenyAccessOutsidePlatformNetwork statement (components/guardrails/s3.ts) in the team bucket and data-lake policies.",
    enforcementLevel: "mandatory",
    previewDeferral: "A bucket policy names the bucket's ARN, which is unknown in a preview while the bucket is being created.",
    configSchema: {
        properties: {
            dataBucketTag: {
                type: "string",
                default: "team",
                description: "Tag key (set on the bucket itself) that marks a data bucket. Default: team (TeamEnvironment and SharedDataLake set it).",
            },
        },
    },
    validateStack: (args, reportViolation) => {
        const { dataBucketTag } = args.getConfig<{ dataBucketTag: string }>();
        const policies = ofType(args.resources, TYPES.s3BucketPolicy);
        const deferrals = new Deferrals();
        for (const bucket of ofType(args.resources, ...BUCKET_TYPES).filter((b) => tagOf(b, dataBucketTag) !== undefined)) {
            const mine = referencing(policies, "bucket", bucket);
            if (mine.length === 0) {
                reportViolation(`Data bucket ${bucket.name} has no bucket policy restricting it to the platform network (N10).`, bucket.urn);
                continue;
            }
            const docs = mine.map((p) => known(() => propsOf(p, TYPES.s3BucketPolicy)?.policy));
            if (docs.some((d) => d !== NOT_KNOWN && statementsOf(d)?.some(deniesOutsideNetwork))) continue;
            const unknown = mine.filter((_, i) => docs[i] === NOT_KNOWN);
            // The Deny may be in a policy unknown in this preview: left to `pulumi up` (settle below).
            for (const p of unknown) deferrals.read(() => propsOf(p, TYPES.s3BucketPolicy)?.policy, `${p.name}.policy`);
            if (unknown.length === 0) {
                reportViolation(
                    `The policy of data bucket ${bucket.name} does not deny access from outside the platform's S3 endpoint / VPC (N10).`,
                    mine[0].urn,
                );
            }
        }
        deferrals.settle();
    },
};
