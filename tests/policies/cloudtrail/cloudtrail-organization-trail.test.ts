import { expect, it } from "vitest";
import { cloudtrailOrganizationTrail } from "../../../policy-pack/policies/cloudtrail/cloudtrail-organization-trail";
import { StackCaseResource, runStackPolicy } from "../../harness/policyArgs";
import { describeRule, expectCompliant, expectViolations } from "../../harness/ruleTests";
import { edit, previewed, r } from "../fixtures";

const PROVIDER = "pulumi:providers:aws";
const ADMIN = "555555555555";
const config = { delegatedAdministratorAccountIds: [ADMIN] };

/** The organisation trail AuditTrail creates in the log-archive account (CloudTrail's delegated administrator). */
const adminStack = (account = ADMIN): StackCaseResource[] => [
    r(PROVIDER, "log-archive", { allowedAccountIds: JSON.stringify([account]) }),
    r("aws:s3/bucket:Bucket", "archive", { bucket: "acme-prod-audit-555555555555" }),
    {
        ...r(
            "aws:cloudtrail/trail:Trail",
            "trail",
            { name: "acme-prod-organization-trail", isOrganizationTrail: true, isMultiRegionTrail: true, enableLogFileValidation: true },
            { s3BucketName: ["archive"] },
        ),
        provider: "log-archive",
    },
];

describeRule(cloudtrailOrganizationTrail, () => {
    it("passes the organisation trail, multi-region and validated, in a preview too", async () => {
        await expectCompliant(cloudtrailOrganizationTrail, adminStack(), config);
        await expectCompliant(cloudtrailOrganizationTrail, previewed(adminStack()), config);
    });
    it("does not apply to another account's own trail", async () => {
        expect(
            await runStackPolicy(
                cloudtrailOrganizationTrail,
                edit(adminStack("444444444444"), "trail", (x) => (x.props.isOrganizationTrail = false)),
                config,
            ),
        ).toEqual([]);
    });
    it.each<[string, StackCaseResource[], RegExp]>([
        [
            "the trail turned into this account's own",
            edit(adminStack(), "trail", (x) => (x.props.isOrganizationTrail = undefined)),
            /has no organisation trail.*trail log this account only/,
        ],
        ["no trail at all", adminStack().filter((x) => x.name !== "trail"), /has no organisation trail/],
        ["an organisation trail in one region", edit(adminStack(), "trail", (x) => (x.props.isMultiRegionTrail = false)), /does not set isMultiRegionTrail/],
        [
            "an organisation trail without log file validation",
            edit(adminStack(), "trail", (x) => (x.props.enableLogFileValidation = false)),
            /does not set enableLogFileValidation/,
        ],
    ])("reports %s", async (_label, resources, message) => {
        const v = await expectViolations(cloudtrailOrganizationTrail, resources, config);
        expect(v[0]).toMatch(message);
    });
});
