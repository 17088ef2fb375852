/** S3 bucket and access point names. */
import { forbidden, length, pattern } from "./rule";
import { ContractRule } from "./types";

const BUCKET_NAMING = "https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html";
const ACCESS_POINT_NAMING = "https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-points-restrictions-limitations-naming-rules.html";

const BUCKET = "aws:s3/bucket:Bucket";
const ACCESS_POINT = "aws:s3/accessPoint:AccessPoint";
const where = { type: BUCKET, path: "bucket", field: "bucket name", source: BUCKET_NAMING };
const ap = { type: ACCESS_POINT, path: "name", field: "access point name", source: ACCESS_POINT_NAMING };

export const S3_RULES: readonly ContractRule[] = [
    length(where, 63, 3),
    pattern(where, /^[a-z0-9][a-z0-9.-]*[a-z0-9]$/, "lower-case letters, digits, dots and hyphens, starting and ending with a letter or digit"),
    forbidden(where, /\.\./, "no two adjacent dots"),
    forbidden(where, /^\d+\.\d+\.\d+\.\d+$/, "a name that is not an IP address"),
    forbidden(where, /^(xn--|sthree-|amzn-s3-demo-)/, 'a name that does not start with "xn--", "sthree-" or "amzn-s3-demo-"'),
    forbidden(where, /(-s3alias|--ol-s3|\.mrap|--x-s3|--table-s3)$/, 'a name that does not end with "-s3alias", "--ol-s3", ".mrap", "--x-s3" or "--table-s3"'),
    length(ap, 50, 3),
    pattern(ap, /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/, "lower-case letters, digits and hyphens, starting and ending with a letter or digit"),
    forbidden(ap, /-s3alias$/, 'a name that does not end with "-s3alias"'),
];
