import { expect, it } from "vitest";
import { cloudtrailNoMemberTrail } from "../../../policy-pack/policies/cloudtrail/cloudtrail-no-member-trail";
import { StackCaseResource, runStackPolicy } from "../../harness/policyArgs";
import { describeRule, expectCompliant, expectViolations } from "../../harness/ruleTests";
import { previewed, r } from "../fixtures";

const PROVIDER = "pulumi:providers:aws";
const WORKLOAD = "444444444444";
const config = { memberAccountIds: ["333333333333", WORKLOAD] };

const workloadStack = (withTrail: boolean, account = WORKLOAD): StackCaseResource[] => [
    r(PROVIDER, "workload", { allowedAccountIds: JSON.stringify([account]) }),
    { ...r("aws:s3/bucket:Bucket", "data", { bucket: "acme-prod-fraud-data-444444444444" }), provider: "workload" },
    ...(withTrail ? [r("aws:cloudtrail/trail:Trail", "workload-trail", { name: "acme-prod-audit-trail", isMultiRegionTrail: true })] : []),
];

describeRule(cloudtrailNoMemberTrail, () => {
    it("passes a member account's stack that relies on the organisation trail, in a preview too", async () => {
        await expectCompliant(cloudtrailNoMemberTrail, workloadStack(false), config);
        await expectCompliant(cloudtrailNoMemberTrail, previewed(workloadStack(false)), config);
    });
    it("does not apply outside the configured member accounts (a single-account sandbox keeps its trail)", async () => {
        expect(await runStackPolicy(cloudtrailNoMemberTrail, workloadStack(true, "111111111111"), config)).toEqual([]);
        expect(await runStackPolicy(cloudtrailNoMemberTrail, workloadStack(true))).toEqual([]);
    });
    it("reports a member account's own trail", async () => {
        const v = await expectViolations(cloudtrailNoMemberTrail, workloadStack(true), config);
        expect(v).toEqual([expect.stringContaining(`Trail workload-trail is a trail of member account ${WORKLOAD}`)]);
        await expectViolations(cloudtrailNoMemberTrail, previewed(workloadStack(true)), config);
    });
});
