import { expect, it } from "vitest";
import { studioDomainUserIdentity } from "../../../policy-pack/policies/sagemaker/studio-domain-user-identity";
import { describeRule, expectCompliant, expectViolations } from "../../harness/ruleTests";
import { domain, domainCase, mutate } from "./fixtures";

describeRule(studioDomainUserIdentity, () => {
    it("passes the compliant domain (USER_PROFILE_NAME)", async () => {
        await expectCompliant(studioDomainUserIdentity, domainCase(domain()));
    });
    it("reports DISABLED and absent identity config", async () => {
        expect(
            await expectViolations(studioDomainUserIdentity, domainCase(mutate((d) => (d.domainSettings.executionRoleIdentityConfig = "DISABLED")))),
        ).toHaveLength(1);
        expect(await expectViolations(studioDomainUserIdentity, domainCase(mutate((d) => delete d.domainSettings.executionRoleIdentityConfig)))).toHaveLength(
            1,
        );
        expect(await expectViolations(studioDomainUserIdentity, domainCase(mutate((d) => delete d.domainSettings)))).toHaveLength(1);
    });
});
