import { expect, it } from "vitest";
import { mandatoryTags } from "../../../policy-pack/policies/tagging/mandatory-tags";
import { runResourcePolicy } from "../../harness/policyArgs";
import { describeRule, expectCompliant, expectViolations } from "../../harness/ruleTests";

const KMS_KEY = "aws:kms/key:Key";
const ALL = { team: "fraud", environment: "dev", owner: "o", "cost-center": "cc" };

describeRule(mandatoryTags, () => {
    it("passes tags on the resource", async () => {
        await expectCompliant(mandatoryTags, { type: KMS_KEY, props: { tags: ALL } });
    });
    it("counts provider defaultTags, JSON-encoded as the engine sends provider config", async () => {
        await expectCompliant(mandatoryTags, { type: KMS_KEY, props: {}, providerProps: { defaultTags: JSON.stringify({ tags: ALL }) } });
        await expectCompliant(mandatoryTags, {
            type: KMS_KEY,
            props: { tags: { team: "x" } },
            providerProps: { defaultTags: { tags: { environment: "dev", owner: "o", "cost-center": "cc" } } },
        });
    });
    it("reports each missing tag", async () => {
        const v = await expectViolations(mandatoryTags, { type: KMS_KEY, props: { tags: { team: "fraud", environment: "dev" } } });
        expect(v).toHaveLength(1);
        expect(v[0]).toContain("owner, cost-center");
        expect(await expectViolations(mandatoryTags, { type: KMS_KEY, props: { tags: { ...ALL, owner: "" } } })).toHaveLength(1);
    });
    it("ignores resources that cannot be tagged", async () => {
        expect(await runResourcePolicy(mandatoryTags, { type: "aws:kms/alias:Alias", props: {} })).toEqual([]);
    });
    it("reads autoscaling-group style { key, value } tags", async () => {
        const ASG = "aws:autoscaling/group:Group";
        const tag = (key: string, value: string) => ({ key, value, propagateAtLaunch: true });
        const full = [tag("team", "fraud"), tag("environment", "dev"), tag("owner", "o"), tag("cost-center", "cc")];
        await expectCompliant(mandatoryTags, { type: ASG, props: { tags: full } });
        expect(await expectViolations(mandatoryTags, { type: ASG, props: { tags: full.slice(0, 3) } })).toEqual([
            `${ASG} test is missing the tag cost-center (G1).`,
        ]);
    });
});
