import type { PolicyResource } from "@pulumi/policy";
import { NOT_KNOWN, SecureDsStackPolicy, TYPES, effectiveTags, known, list, ofType, propsOf, record, references, text } from "../common";
import { BUCKET_TYPES } from "./common";

/**
 * A default retention with a mode and a period: objects are locked as they arrive. Takes the rule
 * of a BucketObjectLockConfiguration or of the bucket's inline block (two provider types).
 */
function hasDefaultRetention(rule: unknown): boolean {
    const retention = record(record(rule).defaultRetention);
    return text(retention.mode) !== undefined && (typeof retention.days === "number" || typeof retention.years === "number");
}

/** Object Lock is on for the bucket and it has a default retention (its own resource, or the deprecated inline block). */
function objectLocked(bucket: PolicyResource, configurations: PolicyResource[]): boolean {
    const b = propsOf(bucket, TYPES.s3Bucket, TYPES.s3BucketV2);
    // objectLockConfiguration is the inline block aws v7 deprecates; programs that still set it count.
    const enabled = b?.objectLockEnabled === true || b?.objectLockConfiguration?.objectLockEnabled === "Enabled";
    if (!enabled) return false;
    // Bucket's inline block holds `rule`; BucketV2's holds `rules[].defaultRetentions[]`, which is
    // not read, so a BucketV2's default retention counts only from a BucketObjectLockConfiguration.
    if (hasDefaultRetention(record(b?.objectLockConfiguration).rule)) return true;
    return configurations.some((c) => references(c, "bucket", bucket) && list(propsOf(c, TYPES.s3ObjectLockConfiguration)?.rule).some(hasDefaultRetention));
}

/**
 * G4 (Security Hub S3.15): in the listed environments the audit archive — every bucket a CloudTrail
 * trail of the stack delivers to — has Object Lock with a default retention, so no one, the
 * account's root included, can delete or overwrite audit evidence before it expires. Data buckets
 * are exempt on purpose: erasure requests and lifecycle expiry must be able to delete their objects.
 */
export const auditArchiveObjectLock: SecureDsStackPolicy = {
    name: "audit-archive-object-lock",
    description:
        "In the listed environments (by the bucket's environment tag, provider defaultTags included), every S3 bucket a CloudTrail trail delivers to (s3BucketName) must have Object Lock enabled with a default retention (G4; Security Hub S3.15).",
    controls: ["G4"],
    remediation:
        "Set governance.trail.objectLockDays; AuditTrail then creates the archive with Object Lock in COMPLIANCE mode and that default retention. Object Lock can only be enabled on a new bucket.",
    enforcementLevel: "mandatory",
    configSchema: {
        properties: {
            environments: {
                type: "array",
                items: { type: "string" },
                default: ["prod"],
                description: 'Values of the environment tag whose audit archives must have Object Lock. Default ["prod"].',
            },
        },
    },
    validateStack: (args, reportViolation) => {
        const { environments } = args.getConfig<{ environments: string[] }>();
        const buckets = ofType(args.resources, ...BUCKET_TYPES);
        const configurations = ofType(args.resources, TYPES.s3ObjectLockConfiguration);
        const checked = new Set<string>();
        for (const trail of ofType(args.resources, TYPES.cloudtrailTrail)) {
            for (const bucket of buckets.filter((b) => references(trail, "s3BucketName", b))) {
                if (checked.has(bucket.urn)) continue;
                checked.add(bucket.urn);
                const environment = known(() => text(effectiveTags(bucket.props, bucket.provider?.props).environment));
                if (environment === NOT_KNOWN || environment === undefined || !environments.includes(environment)) continue;
                const locked = known(() => objectLocked(bucket, configurations));
                if (locked === NOT_KNOWN || locked) continue;
                reportViolation(
                    `Bucket ${bucket.name} receives trail ${trail.name}'s audit logs in environment ${environment} without Object Lock and a default retention; set governance.trail.objectLockDays (G4).`,
                    bucket.urn,
                );
            }
        }
    },
};
