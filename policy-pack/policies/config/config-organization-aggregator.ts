import { NOT_KNOWN, SecureDsStackPolicy, TYPES, accountScopedStackPolicy, known, list, ofType, propsOf, strings, text } from "../common";

/**
 * G11: the delegated administrator account aggregates AWS Config of the whole organisation, so one
 * place sees every account's compliance, and an account cannot leave the view by changing its
 * own settings: an organisation aggregation source (allRegions, or named regions) with the role
 * AWS Config assumes to read the organisation (AWS::Config::ConfigurationAggregator
 * OrganizationAggregationSource: RoleArn required, AllAwsRegions or AwsRegions).
 */
export const configOrganizationAggregator: SecureDsStackPolicy = accountScopedStackPolicy(
    "delegatedAdministratorAccountIds",
    {
        name: "config-organization-aggregator",
        description:
            "A stack of a delegated administrator account (delegatedAdministratorAccountIds) must deploy an AWS Config aggregator with an organisation aggregation source covering all regions or named ones, with its role (G11).",
        controls: ["G11"],
        remediation:
            "Keep governance.awsConfig.enabled on in the log-archive stack of an organisation: LogArchiveLayer then adds ConfigAggregator. A stack whose organisation aggregates elsewhere leaves its account out of this policy's delegatedAdministratorAccountIds.",
        enforcementLevel: "mandatory",
    },
    (args, reportViolation, administrators) => {
        const aggregators = ofType(args.resources, TYPES.configAggregator);
        const organizationWide = aggregators.filter((a) => {
            const source = propsOf(a, TYPES.configAggregator)?.organizationAggregationSource;
            if (!source) return false;
            const regions = source.allRegions === true || strings(list(source.regions)).length > 0;
            // The role is a new resource's ARN: unknown in a preview, where it is set all the same.
            const role = known(() => text(source.roleArn));
            return regions && (role === NOT_KNOWN || role !== undefined);
        });
        if (organizationWide.length === 0) {
            reportViolation(
                `Account ${administrators.join(", ")} (delegated administrator) has no AWS Config aggregator with an organisation source over all or named regions and its role${aggregators.length > 0 ? ` (${aggregators.map((a) => a.name).join(", ")} aggregate otherwise)` : ""} (G11).`,
            );
        }
    },
);
