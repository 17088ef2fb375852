import { expect, it } from "vitest";
import { organizationSecurityServicesAutoEnable } from "../../../policy-pack/policies/security-services/organization-security-services-auto-enable";
import { StackCaseResource, runStackPolicy } from "../../harness/policyArgs";
import { describeRule, expectCompliant, expectViolations } from "../../harness/ruleTests";
import { edit, previewed, r, without } from "../fixtures";

const PROVIDER = "pulumi:providers:aws";
const ADMIN = "555555555555";
const config = { delegatedAdministratorAccountIds: [ADMIN] };

/** The log-archive account's services and their organisation-wide auto-enable (OrganizationSecurityServices). */
const adminStack = (account = ADMIN): StackCaseResource[] => [
    r(PROVIDER, "log-archive", { allowedAccountIds: JSON.stringify([account]) }),
    { ...r("aws:guardduty/detector:Detector", "detector", { enable: true }), provider: "log-archive" },
    r("aws:guardduty/organizationConfiguration:OrganizationConfiguration", "gd-org", { autoEnableOrganizationMembers: "ALL" }, { detectorId: ["detector"] }),
    r("aws:securityhub/account:Account", "hub", {}),
    r("aws:securityhub/organizationConfiguration:OrganizationConfiguration", "hub-org", { autoEnable: true, autoEnableStandards: "NONE" }),
    r("aws:macie2/account:Account", "macie", {}),
    r("aws:macie2/organizationConfiguration:OrganizationConfiguration", "macie-org", { autoEnable: true }),
];

describeRule(organizationSecurityServicesAutoEnable, () => {
    it("passes the delegated administrator with every service auto-enabled organisation-wide, in a preview too", async () => {
        await expectCompliant(organizationSecurityServicesAutoEnable, adminStack(), config);
        await expectCompliant(organizationSecurityServicesAutoEnable, previewed(adminStack()), config);
        // Security Hub off in this account: its organisation configuration is not asked for.
        await expectCompliant(organizationSecurityServicesAutoEnable, without(without(adminStack(), "hub"), "hub-org"), config);
    });
    it("does not apply to another account, nor without configured administrators", async () => {
        expect(await runStackPolicy(organizationSecurityServicesAutoEnable, without(adminStack("444444444444"), "gd-org"), config)).toEqual([]);
        expect(await runStackPolicy(organizationSecurityServicesAutoEnable, without(adminStack(), "gd-org"))).toEqual([]);
    });
    it.each<[string, StackCaseResource[]]>([
        ["GuardDuty auto-enabling only NEW members", edit(adminStack(), "gd-org", (x) => (x.props.autoEnableOrganizationMembers = "NEW"))],
        ["no GuardDuty organisation configuration", without(adminStack(), "gd-org")],
        ["no GuardDuty detector at all", without(without(adminStack(), "gd-org"), "detector")],
        ["Security Hub without auto-enable", edit(adminStack(), "hub-org", (x) => (x.props.autoEnable = false))],
        ["Macie without an organisation configuration", without(adminStack(), "macie-org")],
    ])("reports %s", async (_label, resources) => {
        const v = await expectViolations(organizationSecurityServicesAutoEnable, resources, config);
        expect(v[0]).toContain(`account ${ADMIN} (delegated administrator)`);
    });
});
