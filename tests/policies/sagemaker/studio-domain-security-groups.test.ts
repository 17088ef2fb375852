import { expect, it } from "vitest";
import { studioDomainSecurityGroups } from "../../../policy-pack/policies/sagemaker/studio-domain-security-groups";
import { UNKNOWN } from "../../harness/policyArgs";
import { describeRule, expectCompliant, expectViolations } from "../../harness/ruleTests";
import { domain, domainCase, mutate } from "./fixtures";

describeRule(studioDomainSecurityGroups, () => {
    it("passes groups in both domainSettings and defaultUserSettings", async () => {
        await expectCompliant(studioDomainSecurityGroups, domainCase(domain()));
    });
    it("reports groups missing from the default user settings", async () => {
        const v = await expectViolations(studioDomainSecurityGroups, domainCase(mutate((d) => delete d.defaultUserSettings.securityGroups)));
        expect(v).toHaveLength(1);
        expect(v[0]).toContain("lifecycle scripts hang");
        expect(await expectViolations(studioDomainSecurityGroups, domainCase(mutate((d) => (d.defaultUserSettings.securityGroups = []))))).toHaveLength(1);
    });
    it("reports groups missing from the domain settings", async () => {
        expect(await expectViolations(studioDomainSecurityGroups, domainCase(mutate((d) => (d.domainSettings.securityGroupIds = []))))).toHaveLength(1);
        expect(await expectViolations(studioDomainSecurityGroups, domainCase(mutate((d) => delete d.domainSettings)))).toHaveLength(1);
    });
    it("judges a value unknown in a preview by its presence, not its value", async () => {
        await expectCompliant(studioDomainSecurityGroups, {
            type: "aws:sagemaker/domain:Domain",
            props: { defaultUserSettings: { securityGroups: [UNKNOWN] }, domainSettings: { securityGroupIds: [UNKNOWN] } },
        });
        await expectViolations(studioDomainSecurityGroups, {
            type: "aws:sagemaker/domain:Domain",
            props: { defaultUserSettings: { securityGroups: [UNKNOWN] } },
        });
    });
});
