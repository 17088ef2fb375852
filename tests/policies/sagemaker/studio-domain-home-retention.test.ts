import { expect, it } from "vitest";
import { studioDomainHomeRetention } from "../../../policy-pack/policies/sagemaker/studio-domain-home-retention";
import { UNKNOWN, runResourcePolicy } from "../../harness/policyArgs";
import { describeRule, expectCompliant, expectViolations } from "../../harness/ruleTests";
import { domain, domainCase, mutate } from "./fixtures";

describeRule(studioDomainHomeRetention, () => {
    it("passes the compliant domain (Retain)", async () => {
        await expectCompliant(studioDomainHomeRetention, domainCase(domain()));
    });
    it("reports Delete and a missing retention policy", async () => {
        const del = await expectViolations(studioDomainHomeRetention, domainCase(mutate((d) => (d.retentionPolicy.homeEfsFileSystem = "Delete"))));
        expect(del).toHaveLength(1);
        expect(del[0]).toContain("Delete");
        expect(await expectViolations(studioDomainHomeRetention, domainCase(mutate((d) => delete d.retentionPolicy)))).toHaveLength(1);
        expect(await expectViolations(studioDomainHomeRetention, domainCase(mutate((d) => (d.retentionPolicy = {}))))).toHaveLength(1);
    });
    it("skips unknown values and other types", async () => {
        expect(await runResourcePolicy(studioDomainHomeRetention, domainCase(mutate((d) => (d.retentionPolicy = UNKNOWN))))).toEqual([]);
        expect(await runResourcePolicy(studioDomainHomeRetention, { type: "aws:kms/key:Key", props: {} })).toEqual([]);
    });
});
