import { expect, it } from "vitest";
import { studioDomainIdleShutdown } from "../../../policy-pack/policies/sagemaker/studio-domain-idle-shutdown";
import { describeRule, expectCompliant, expectViolations } from "../../harness/ruleTests";
import { IDLE, domain, domainCase, mutate } from "./fixtures";

describeRule(studioDomainIdleShutdown, () => {
    it("passes native idle shutdown within the maximum", async () => {
        await expectCompliant(studioDomainIdleShutdown, domainCase(domain()));
    });
    it("reports a domain without JupyterLab settings or idle settings", async () => {
        expect(await expectViolations(studioDomainIdleShutdown, domainCase(mutate((d) => delete d.defaultUserSettings.jupyterLabAppSettings)))).toHaveLength(1);
        expect(await expectViolations(studioDomainIdleShutdown, domainCase(mutate((d) => (d.defaultUserSettings.jupyterLabAppSettings = {}))))).toHaveLength(1);
    });
    it("reports idle shutdown turned off or not turned on", async () => {
        const off = await expectViolations(
            studioDomainIdleShutdown,
            domainCase(mutate((d) => (d.defaultUserSettings.jupyterLabAppSettings.appLifecycleManagement.idleSettings.lifecycleManagement = "DISABLED"))),
        );
        expect(off).toHaveLength(1);
        expect(off[0]).toContain("DISABLED");
        expect(
            await expectViolations(
                studioDomainIdleShutdown,
                domainCase(mutate((d) => delete d.defaultUserSettings.jupyterLabAppSettings.appLifecycleManagement.idleSettings.lifecycleManagement)),
            ),
        ).toHaveLength(1);
    });
    it("reports timeouts above the configured maximum, for users and spaces", async () => {
        expect(await expectViolations(studioDomainIdleShutdown, domainCase(domain(), { maxIdleMinutes: 90 }))).toHaveLength(4);
        expect(
            await expectViolations(
                studioDomainIdleShutdown,
                domainCase(mutate((d) => (d.defaultUserSettings.jupyterLabAppSettings.appLifecycleManagement.idleSettings.maxIdleTimeoutInMinutes = 10000))),
            ),
        ).toHaveLength(1);
        expect(
            await expectViolations(
                studioDomainIdleShutdown,
                domainCase(mutate((d) => (d.defaultSpaceSettings.jupyterLabAppSettings.appLifecycleManagement.idleSettings = { idleTimeoutInMinutes: 5000 }))),
            ),
        ).toHaveLength(1);
    });
    it("checks Code Editor when the domain configures it", async () => {
        expect(
            await expectViolations(
                studioDomainIdleShutdown,
                domainCase(mutate((d) => (d.defaultUserSettings.codeEditorAppSettings = { lifecycleConfigArns: [] }))),
            ),
        ).toHaveLength(1);
        await expectCompliant(
            studioDomainIdleShutdown,
            domainCase(mutate((d) => (d.defaultUserSettings.codeEditorAppSettings = { appLifecycleManagement: { idleSettings: IDLE } }))),
        );
    });
});
