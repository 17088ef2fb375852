import { it } from "vitest";
import { isolatedVpcDnsFirewall } from "../../../policy-pack/policies/ec2/isolated-vpc-dns-firewall";
import { StackCaseResource } from "../../harness/policyArgs";
import { describeRule, expectCompliant, expectViolations } from "../../harness/ruleTests";
import { edit, previewed, r } from "../fixtures";
import { EC2, ISOLATED } from "./fixtures";

const R53 = {
    domainList: "aws:route53/resolverFirewallDomainList:ResolverFirewallDomainList",
    ruleGroup: "aws:route53/resolverFirewallRuleGroup:ResolverFirewallRuleGroup",
    rule: "aws:route53/resolverFirewallRule:ResolverFirewallRule",
    association: "aws:route53/resolverFirewallRuleGroupAssociation:ResolverFirewallRuleGroupAssociation",
    config: "aws:route53/resolverFirewallConfig:ResolverFirewallConfig",
    queryLogs: "aws:route53/resolverQueryLogConfigAssociation:ResolverQueryLogConfigAssociation",
} as const;

/** An isolated VPC with the walled garden DnsFirewall registers. */
const WALLED: StackCaseResource[] = [
    r(EC2.vpc, "vpc", { cidrBlock: "10.20.0.0/16", tags: ISOLATED }),
    r(R53.domainList, "allowed", { domains: ["sts.eu-west-1.amazonaws.com"] }),
    r(R53.domainList, "everything", { domains: ["*"] }),
    r(R53.ruleGroup, "rules", {}),
    r(R53.rule, "allow", { action: "ALLOW", priority: 100 }, { firewallRuleGroupId: ["rules"], firewallDomainListId: ["allowed"] }),
    r(
        R53.rule,
        "block",
        { action: "BLOCK", blockResponse: "NXDOMAIN", priority: 200 },
        { firewallRuleGroupId: ["rules"], firewallDomainListId: ["everything"] },
    ),
    r(R53.association, "association", { priority: 101, mutationProtection: "ENABLED" }, { vpcId: ["vpc"], firewallRuleGroupId: ["rules"] }),
    r(R53.config, "config", { firewallFailOpen: "DISABLED" }, { resourceId: ["vpc"] }),
    r(R53.queryLogs, "query-logs", {}, { resourceId: ["vpc"] }),
];

describeRule(isolatedVpcDnsFirewall, () => {
    it("passes an isolated VPC with a walled garden, failing closed and logged, also in a preview", async () => {
        await expectCompliant(isolatedVpcDnsFirewall, WALLED);
        await expectCompliant(isolatedVpcDnsFirewall, previewed(WALLED));
    });
    it("passes a VPC that is not isolated without a DNS firewall", async () => {
        await expectCompliant(isolatedVpcDnsFirewall, [r(EC2.vpc, "other", { tags: { Name: "scan" } })]);
    });
    it.each<[string, StackCaseResource[]]>([
        ["no association", WALLED.filter((x) => x.name !== "association")],
        [
            "an association with another VPC",
            [...edit(WALLED, "association", (x) => (x.propertyDependencies = { vpcId: ["other"], firewallRuleGroupId: ["rules"] })), r(EC2.vpc, "other")],
        ],
        ["a group that only allows (no block of *)", WALLED.filter((x) => x.name !== "block")],
        ["a block rule on a list without *", edit(WALLED, "everything", (x) => (x.props.domains = ["attacker.example"]))],
        ["a rule that alerts instead of blocking", edit(WALLED, "block", (x) => (x.props.action = "ALERT"))],
        ["fail open", edit(WALLED, "config", (x) => (x.props.firewallFailOpen = "ENABLED"))],
        ["no firewall config (fail mode left implicit)", WALLED.filter((x) => x.name !== "config")],
        ["no query logging", WALLED.filter((x) => x.name !== "query-logs")],
    ])("reports %s", async (_label, resources) => {
        await expectViolations(isolatedVpcDnsFirewall, resources);
    });
});
