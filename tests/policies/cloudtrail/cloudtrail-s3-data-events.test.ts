import { it } from "vitest";
import { cloudtrailS3DataEvents } from "../../../policy-pack/policies/cloudtrail/cloudtrail-s3-data-events";
import { ResourceCase } from "../../harness/policyArgs";
import { describeRule, expectCompliant, expectViolations } from "../../harness/ruleTests";
import { TRAIL } from "./fixtures";

const MGMT_SELECTOR = { name: "Management events", fieldSelectors: [{ field: "eventCategory", equals: ["Management"] }] };
const objects = (readWriteType: string, values = ["arn:aws:s3"]) => ({ readWriteType, dataResources: [{ type: "AWS::S3::Object", values }] });
const advanced = (...fieldSelectors: object[]) => ({ fieldSelectors });
const t = (props: Record<string, unknown>, config?: Record<string, unknown>): ResourceCase => ({ type: TRAIL, props, config });

describeRule(cloudtrailS3DataEvents, () => {
    it.each([
        [
            "an advanced selector on S3 object data events",
            t({
                advancedEventSelectors: [
                    MGMT_SELECTOR,
                    advanced(
                        { field: "eventCategory", equals: ["Data"] },
                        { field: "resources.type", equals: ["AWS::S3::Object"] },
                        { field: "resources.ARN", startsWiths: ["arn:aws:s3:::b/"] },
                    ),
                ],
            }),
        ],
        ["a classic selector for reads and writes", t({ eventSelectors: [objects("All")] })],
        [
            "classic read-only and write-only selectors together",
            t({ eventSelectors: [objects("ReadOnly", ["arn:aws:s3:::b/"]), objects("WriteOnly", ["arn:aws:s3:::b/"])] }),
        ],
        ["no selectors when the config does not require data events", t({}, { required: false })],
    ])("passes %s", async (_label, c) => {
        await expectCompliant(cloudtrailS3DataEvents, c);
    });
    it.each([
        ["management events only", t({ advancedEventSelectors: [MGMT_SELECTOR] })],
        ["no selectors", t({})],
        [
            "write-only advanced selector",
            t({
                advancedEventSelectors: [
                    advanced(
                        { field: "eventCategory", equals: ["Data"] },
                        { field: "resources.type", equals: ["AWS::S3::Object"] },
                        { field: "readOnly", equals: ["false"] },
                    ),
                ],
            }),
        ],
        ["read-only classic selector", t({ eventSelectors: [objects("ReadOnly")] })],
        [
            "Lambda data events only",
            t({ eventSelectors: [{ readWriteType: "All", dataResources: [{ type: "AWS::Lambda::Function", values: ["arn:aws:lambda"] }] }] }),
        ],
    ])("reports %s", async (_label, c) => {
        await expectViolations(cloudtrailS3DataEvents, c);
    });
});
