import { expect, it } from "vitest";
import { studioDomainDockerDisabled } from "../../../policy-pack/policies/sagemaker/studio-domain-docker-disabled";
import { describeRule, expectCompliant, expectViolations } from "../../harness/ruleTests";
import { domain, domainCase, mutate } from "./fixtures";

describeRule(studioDomainDockerDisabled, () => {
    it("passes Docker access DISABLED", async () => {
        await expectCompliant(studioDomainDockerDisabled, domainCase(domain()));
    });
    it("reports Docker enabled and an implicit setting", async () => {
        expect(
            await expectViolations(studioDomainDockerDisabled, domainCase(mutate((d) => (d.domainSettings.dockerSettings.enableDockerAccess = "ENABLED")))),
        ).toHaveLength(1);
        expect(await expectViolations(studioDomainDockerDisabled, domainCase(mutate((d) => delete d.domainSettings.dockerSettings)))).toHaveLength(1);
    });
});
