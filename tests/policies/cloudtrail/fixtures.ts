/** A trail as AccountTrail builds it; cases override one property. */
import { ResourceCase } from "../../harness/policyArgs";
import { KEY } from "../fixtures";

export const TRAIL = "aws:cloudtrail/trail:Trail";

export const TRAIL_PROPS = {
    name: "t",
    s3BucketName: "b",
    isMultiRegionTrail: true,
    includeGlobalServiceEvents: true,
    enableLogFileValidation: true,
    kmsKeyId: KEY,
};

export const trail = (props: Record<string, unknown>): ResourceCase => ({ type: TRAIL, props: { ...TRAIL_PROPS, ...props } });
