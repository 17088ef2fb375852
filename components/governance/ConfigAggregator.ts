import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { AccountContext } from "../guardrails/arns";
import { toPolicyJson } from "../guardrails/document";
import { serviceTrustPolicy } from "../guardrails/governance";
import { NamingContext, iamRoleName, namePrefix } from "../naming";

export interface ConfigAggregatorArgs {
    /** Organization and environment: prefix of the aggregator and role names. Required. */
    naming: NamingContext;
    /** The AWS Config delegated administrator (log-archive) account this deploys into. Required. */
    account: AccountContext;
    /** Regions aggregated. Default: every region (`allRegions`), so a resource in an unused region still shows. */
    regions?: string[];
    /** The DelegatedAdministrators registration for AWS Config, when in the same program (ordering only). Default none. */
    dependsOn?: pulumi.Input<pulumi.Resource>[];
}

/**
 * G11: an organisation-wide AWS Config aggregator in the delegated administrator account, so the
 * audit account sees every account's configuration and compliance. Its role is AWS Config's,
 * scoped to this account (`aws:SourceAccount`), with the AWS managed policy
 * AWSConfigRoleForOrganizations (AWS Config Developer Guide, "Setting up an aggregator using the
 * AWS CLI": organization aggregators need a role with that policy).
 */
export class ConfigAggregator extends pulumi.ComponentResource {
    readonly aggregator: aws.cfg.ConfigurationAggregator;
    readonly role: aws.iam.Role;

    constructor(name: string, args: ConfigAggregatorArgs, opts?: pulumi.ComponentResourceOptions) {
        super("secure-ds:governance:ConfigAggregator", name, {}, opts);
        const { partition, accountId } = args.account;
        if (args.regions !== undefined && args.regions.length === 0) {
            throw new Error(`ConfigAggregator ${name}: regions is empty; omit it to aggregate every region.`);
        }
        this.role = new aws.iam.Role(
            `${name}-role`,
            {
                name: iamRoleName(args.naming, "config-aggregator"),
                description: "AWS Config organisation aggregator (G11)",
                assumeRolePolicy: toPolicyJson(serviceTrustPolicy("config", partition, accountId)),
            },
            { parent: this },
        );
        const attachment = new aws.iam.RolePolicyAttachment(
            `${name}-role-policy`,
            { role: this.role.name, policyArn: `arn:${partition}:iam::aws:policy/service-role/AWSConfigRoleForOrganizations` },
            { parent: this },
        );
        this.aggregator = new aws.cfg.ConfigurationAggregator(
            name,
            {
                name: `${namePrefix(args.naming)}-organization`,
                organizationAggregationSource: {
                    roleArn: this.role.arn,
                    ...(args.regions ? { regions: args.regions } : { allRegions: true }),
                },
            },
            { parent: this, dependsOn: [attachment, ...(args.dependsOn ?? [])] },
        );
        this.registerOutputs({ aggregatorArn: this.aggregator.arn });
    }
}
