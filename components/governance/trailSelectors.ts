/**
 * The advanced event selectors of the platform's trails (G4): management events, and S3
 * object-level events of the buckets whose name starts with a prefix, minus named buckets. A
 * prefix instead of a list of buckets keeps the selector's size independent of the number of
 * teams (CloudTrail allows 500 values over all of a trail's advanced event selectors, User Guide
 * "Quotas in AWS CloudTrail"; one value per team bucket ran out at about 165 teams) and lets a team
 * stack add buckets without the trail knowing them.
 */
import type * as aws from "@pulumi/aws";

type Selector = aws.types.input.cloudtrail.TrailAdvancedEventSelector;

/** Which buckets' object-level (data) events a trail logs. */
export interface S3DataEvents {
    /** Bucket-name prefixes whose objects are logged (StartsWith on resources.ARN). Empty: every bucket. */
    bucketNamePrefixes: string[];
    /**
     * Buckets never logged (NotStartsWith on resources.ARN): the trail's own archive and the
     * access-log buckets, whose logging would log the log deliveries without end.
     */
    exceptBucketNames: string[];
}

/**
 * S3 bucket names: 3 to 63 characters of lower-case letters, digits, dots and hyphens, beginning
 * with a letter or digit (Amazon S3 User Guide, "General purpose bucket naming rules"). A prefix
 * is a beginning of such a name; an excepted name is a whole one.
 */
const BUCKET_PREFIX = /^[a-z0-9][a-z0-9.-]{0,62}$/;
const BUCKET_NAME = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

const objectArn = (partition: string, bucketPrefix: string) => `arn:${partition}:s3:::${bucketPrefix}`;

/** The management-events selector every trail of the platform carries. */
export const MANAGEMENT_EVENTS: Selector = { name: "Management events", fieldSelectors: [{ field: "eventCategory", equals: ["Management"] }] };

/**
 * The S3 data-event selector. resources.ARN takes any operator, several of them in one field
 * selector, and a StartsWith value of an S3 object ARN is `arn:<partition>:s3:::<bucket prefix>`
 * (CloudTrail API Reference, AdvancedFieldSelector: "resources.ARN - You can use any operator with
 * resources.ARN"; each value at most 2,048 characters). resources.type and eventCategory take
 * Equals only (same page).
 */
export function s3DataEventSelector(partition: string, events: S3DataEvents, where: string): Selector {
    for (const p of events.bucketNamePrefixes) {
        if (!BUCKET_PREFIX.test(p)) {
            throw new Error(
                `${where}: S3 data-event bucket-name prefix "${p}" cannot begin a bucket name (lower-case letters, digits, dots, hyphens; at most 63).`,
            );
        }
    }
    for (const b of events.exceptBucketNames) {
        if (!BUCKET_NAME.test(b)) throw new Error(`${where}: excepted bucket "${b}" is not a valid S3 bucket name.`);
    }
    // The trailing slash makes an excepted name match that bucket only, not every name it begins.
    const except = [...new Set(events.exceptBucketNames)].map((b) => objectArn(partition, `${b}/`));
    const prefixes = [...new Set(events.bucketNamePrefixes)].map((p) => objectArn(partition, p));
    const arn = {
        field: "resources.ARN",
        ...(prefixes.length > 0 ? { startsWiths: prefixes } : {}),
        ...(except.length > 0 ? { notStartsWiths: except } : {}),
    };
    return {
        name: prefixes.length > 0 ? "S3 data events of the platform's buckets" : "S3 data events of the account's buckets",
        fieldSelectors: [
            { field: "eventCategory", equals: ["Data"] },
            { field: "resources.type", equals: ["AWS::S3::Object"] },
            ...(prefixes.length > 0 || except.length > 0 ? [arn] : []),
        ],
    };
}
