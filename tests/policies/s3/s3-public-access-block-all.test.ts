import { expect, it } from "vitest";
import { s3PublicAccessBlockAll } from "../../../policy-pack/policies/s3/s3-public-access-block-all";
import { ResourceCase } from "../../harness/policyArgs";
import { describeRule, expectCompliant, expectViolations } from "../../harness/ruleTests";

const pab = (props: Record<string, unknown>): ResourceCase => ({ type: "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", props });
const all = { bucket: "b", blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true };

describeRule(s3PublicAccessBlockAll, () => {
    it("passes all four on", async () => {
        await expectCompliant(s3PublicAccessBlockAll, pab(all));
    });
    it("reports each setting off or missing", async () => {
        for (const key of ["blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets"]) {
            const v = await expectViolations(s3PublicAccessBlockAll, pab({ ...all, [key]: false }));
            expect(v).toHaveLength(1);
            expect(v[0]).toContain(key);
        }
        expect(await expectViolations(s3PublicAccessBlockAll, pab({ bucket: "b" }))).toHaveLength(1);
    });
});
