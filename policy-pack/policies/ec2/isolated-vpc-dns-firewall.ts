import type { PolicyResource } from "@pulumi/policy";
import { NOT_KNOWN, SecureDsStackPolicy, TYPES, known, linked, ofType, propsOf, referencing, strings, text } from "../common";
import { isIsolatedVpc } from "./common";

/** Whether a rule group blocks every name: a BLOCK rule on a domain list of `*` (an unknown list in a preview is judged by its link alone). */
function blocksEverything(group: PolicyResource, rules: PolicyResource[], lists: PolicyResource[]): boolean {
    return referencing(rules, "firewallRuleGroupId", group).some((rule) => {
        const p = propsOf(rule, TYPES.route53FirewallRule);
        if (text(known(() => p?.action)) !== "BLOCK") return false;
        return linked(rule, "firewallDomainListId", lists).some((list) => {
            const domains = known(() => propsOf(list, TYPES.route53FirewallDomainList)?.domains);
            return domains !== NOT_KNOWN && strings(domains).includes("*");
        });
    });
}

/**
 * N11: DNS is no way out of an isolated VPC. Each VPC tagged isolated has a DNS Firewall rule
 * group association whose group blocks every name not allowed before it (a BLOCK rule on `*`),
 * a firewall config that fails closed (`firewallFailOpen: DISABLED`, set explicitly), and a
 * Resolver query log association. Related through property dependencies (ids are unknown in a
 * preview).
 */
export const isolatedVpcDnsFirewall: SecureDsStackPolicy = {
    name: "isolated-vpc-dns-firewall",
    description:
        "A VPC tagged secure-ds:network-isolation=isolated must have a Route 53 Resolver DNS Firewall rule group association whose group blocks `*` (walled garden), a firewall config with firewallFailOpen DISABLED, and a query log config association (N11).",
    controls: ["N11"],
    remediation:
        "Build the VPC with IsolatedNetwork (components/network/IsolatedNetwork.ts), which always adds the DnsFirewall component; add allowed names in network.dnsAllowedDomains.",
    enforcementLevel: "mandatory",
    validateStack: (args, reportViolation) => {
        const associations = ofType(args.resources, TYPES.route53FirewallRuleGroupAssociation);
        const configs = ofType(args.resources, TYPES.route53FirewallConfig);
        const queryLogs = ofType(args.resources, TYPES.route53QueryLogConfigAssociation);
        const rules = ofType(args.resources, TYPES.route53FirewallRule);
        const lists = ofType(args.resources, TYPES.route53FirewallDomainList);
        const groups = ofType(args.resources, TYPES.route53FirewallRuleGroup);
        for (const vpc of ofType(args.resources, TYPES.ec2Vpc).filter(isIsolatedVpc)) {
            const associated = referencing(associations, "vpcId", vpc).flatMap((a) => linked(a, "firewallRuleGroupId", groups));
            if (associated.length === 0) {
                reportViolation(`Isolated VPC ${vpc.name} has no DNS Firewall rule group association: any name resolves, DNS is a channel out (N11).`, vpc.urn);
            } else if (!associated.some((g) => blocksEverything(g, rules, lists))) {
                reportViolation(
                    `Isolated VPC ${vpc.name}: no associated DNS Firewall rule group blocks "*"; names off the allow-list still resolve (N11).`,
                    vpc.urn,
                );
            }
            const failOpen = referencing(configs, "resourceId", vpc).map((c) => known(() => propsOf(c, TYPES.route53FirewallConfig)?.firewallFailOpen));
            if (!failOpen.some((v) => v === "DISABLED")) {
                reportViolation(
                    `Isolated VPC ${vpc.name} has no DNS Firewall config with firewallFailOpen DISABLED: the firewall may let queries through when it fails (N11).`,
                    vpc.urn,
                );
            }
            if (referencing(queryLogs, "resourceId", vpc).length === 0) {
                reportViolation(
                    `Isolated VPC ${vpc.name} has no Resolver query log association: blocked exfiltration attempts leave no evidence (N11).`,
                    vpc.urn,
                );
            }
        }
    },
};
