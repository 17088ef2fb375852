import { expect, it } from "vitest";
import { configOrganizationAggregator } from "../../../policy-pack/policies/config/config-organization-aggregator";
import { StackCaseResource, UNKNOWN, runStackPolicy } from "../../harness/policyArgs";
import { describeRule, expectCompliant, expectViolations } from "../../harness/ruleTests";
import { edit, previewed, r, without } from "../fixtures";

const PROVIDER = "pulumi:providers:aws";
const ADMIN = "555555555555";
const config = { delegatedAdministratorAccountIds: [ADMIN] };

/** ConfigAggregator in the delegated administrator account: an organisation source with its role. */
const adminStack = (account = ADMIN): StackCaseResource[] => [
    r(PROVIDER, "log-archive", { allowedAccountIds: JSON.stringify([account]) }),
    { ...r("aws:iam/role:Role", "aggregator-role", { name: "acme-prod-config-aggregator" }), provider: "log-archive" },
    r(
        "aws:cfg/configurationAggregator:ConfigurationAggregator",
        "aggregator",
        {
            name: "acme-prod-organization",
            organizationAggregationSource: { allRegions: true, roleArn: `arn:aws:iam::${ADMIN}:role/acme-prod-config-aggregator` },
        },
        { organizationAggregationSource: ["aggregator-role"] },
    ),
];

describeRule(configOrganizationAggregator, () => {
    it("passes an organisation aggregator over all regions, or named ones, in a preview too", async () => {
        await expectCompliant(configOrganizationAggregator, adminStack(), config);
        // A first preview: the source is known, its role's ARN (a new role's) is not.
        const preview = previewed(adminStack()).map((x) =>
            x.name === "aggregator" ? { ...x, props: { ...x.props, organizationAggregationSource: { allRegions: true, roleArn: UNKNOWN } } } : x,
        );
        await expectCompliant(configOrganizationAggregator, preview, config);
        await expectCompliant(
            configOrganizationAggregator,
            edit(
                adminStack(),
                "aggregator",
                (x) => (x.props.organizationAggregationSource = { regions: ["eu-central-1"], roleArn: "arn:aws:iam::555555555555:role/r" }),
            ),
            config,
        );
    });
    it("does not apply to another account's stack", async () => {
        expect(await runStackPolicy(configOrganizationAggregator, without(adminStack("444444444444"), "aggregator"), config)).toEqual([]);
    });
    it.each<[string, StackCaseResource[]]>([
        ["no aggregator", without(adminStack(), "aggregator")],
        [
            "an aggregator of named accounts instead of the organisation",
            edit(adminStack(), "aggregator", (x) => {
                x.props.organizationAggregationSource = undefined;
                x.props.accountAggregationSource = { accountIds: ["444444444444"], allRegions: true };
                x.propertyDependencies = {};
            }),
        ],
        [
            "an organisation source over no region",
            edit(adminStack(), "aggregator", (x) => (x.props.organizationAggregationSource = { roleArn: "arn:aws:iam::555555555555:role/r" })),
        ],
        ["an organisation source without its role", edit(adminStack(), "aggregator", (x) => (x.props.organizationAggregationSource = { allRegions: true }))],
    ])("reports %s", async (_label, resources) => {
        const v = await expectViolations(configOrganizationAggregator, resources, config);
        expect(v[0]).toContain(`Account ${ADMIN} (delegated administrator)`);
    });
});
