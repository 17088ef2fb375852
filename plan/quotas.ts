/**
 * The quota plan: counts, per account, what the planned resources use of each quota in the
 * catalogue (components/network/quotaPlanner.ts) and holds it against the stack's declared
 * values or the defaults. Counted from the plan rather than predicted from the config, so a
 * component that adds a role or a rule is counted without anyone updating a formula.
 */
import { LAMBDA_UNRESERVED_MINIMUM, QuotaPlanRow, QuotaUse, planQuotas } from "../components/network/quotaPlanner";
import { PLAN_UNKNOWN, PlanResource } from "./types";

const T = {
    domain: "aws:sagemaker/domain:Domain",
    userProfile: "aws:sagemaker/userProfile:UserProfile",
    space: "aws:sagemaker/space:Space",
    lambda: "aws:lambda/function:Function",
    trail: "aws:cloudtrail/trail:Trail",
    sg: "aws:ec2/securityGroup:SecurityGroup",
    ingressRule: "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
    egressRule: "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule",
    endpoint: "aws:ec2/vpcEndpoint:VpcEndpoint",
    role: "aws:iam/role:Role",
    serviceLinkedRole: "aws:iam/serviceLinkedRole:ServiceLinkedRole",
    policy: "aws:iam/policy:Policy",
    codebuild: "aws:codebuild/project:Project",
} as const;

const OPERATORS = ["equals", "notEquals", "startsWiths", "notStartsWiths", "endsWiths", "notEndsWiths"] as const;

function isRecord(value: unknown): value is Record<string, unknown> {
    return value !== null && typeof value === "object" && !Array.isArray(value);
}

const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const accountOf = (r: PlanResource): string => r.account ?? "(no provider account)";

/** The largest of `count` over the resources of each account, with the resource that has it. */
function maxPerAccount(key: string, resources: PlanResource[], count: (r: PlanResource) => number | undefined): QuotaUse[] {
    const best = new Map<string, QuotaUse>();
    for (const r of resources) {
        const used = count(r);
        if (used === undefined) continue;
        const account = accountOf(r);
        const current = best.get(account);
        if (!current || used > current.used) best.set(account, { key, account, used, where: `${r.type.split(":").pop() ?? r.type} ${r.name}` });
    }
    return [...best.values()];
}

function countPerAccount(key: string, resources: PlanResource[], types: readonly string[]): QuotaUse[] {
    const counts = new Map<string, number>();
    for (const r of resources) if (types.includes(r.type)) counts.set(accountOf(r), (counts.get(accountOf(r)) ?? 0) + 1);
    return [...counts].map(([account, used]) => ({ key, account, used }));
}

/** Values in all conditions of a trail's advanced event selectors (CloudTrail allows 500). */
function selectorValues(trail: PlanResource): number {
    let n = 0;
    for (const selector of list(trail.inputs.advancedEventSelectors)) {
        for (const field of list(isRecord(selector) ? selector.fieldSelectors : undefined)) {
            if (isRecord(field)) for (const op of OPERATORS) n += list(field[op]).length;
        }
    }
    return n;
}

/** Rules of each direction a security group holds: inline entries (one per CIDR or group) and standalone rules. */
function rulesPerGroup(resources: PlanResource[]): Map<string, { ingress: number; egress: number }> {
    const byGroup = new Map<string, { ingress: number; egress: number }>();
    const sgByUrn = new Map(resources.filter((r) => r.type === T.sg).map((r) => [r.urn, r]));
    for (const sg of sgByUrn.values()) {
        const inline = (direction: "ingress" | "egress") =>
            list(sg.inputs[direction]).reduce<number>((n, rule) => {
                if (!isRecord(rule)) return n;
                const targets = ["cidrBlocks", "ipv6CidrBlocks", "prefixListIds", "securityGroups"].reduce((m, k) => m + list(rule[k]).length, 0);
                return n + Math.max(1, targets + (rule.self === true ? 1 : 0));
            }, 0);
        byGroup.set(sg.urn, { ingress: inline("ingress"), egress: inline("egress") });
    }
    for (const r of resources) {
        if (r.type !== T.ingressRule && r.type !== T.egressRule) continue;
        // The group a standalone rule belongs to is the group resource its securityGroupId came from.
        const group = (r.propertyDependencies.securityGroupId ?? []).find((urn) => sgByUrn.has(urn));
        if (!group) continue;
        const counts = byGroup.get(group) ?? { ingress: 0, egress: 0 };
        if (r.type === T.ingressRule) counts.ingress += 1;
        else counts.egress += 1;
        byGroup.set(group, counts);
    }
    return byGroup;
}

/**
 * Security groups on one network interface. A Studio app's interface gets the profile's groups
 * (else the domain's defaults) plus the NFS group SageMaker adds itself (CreateDomain,
 * UserSettings.SecurityGroups: "the number of security groups that you can specify is one less
 * than the maximum"); an endpoint's and a CodeBuild project's get theirs.
 */
function groupsPerInterface(resources: PlanResource[]): QuotaUse[] {
    const domainDefaults = new Map<string, number>();
    for (const d of resources.filter((r) => r.type === T.domain)) {
        const settings = d.inputs.defaultUserSettings;
        domainDefaults.set(d.urn, list(isRecord(settings) ? settings.securityGroups : undefined).length);
    }
    return maxPerAccount("vpc/L-2AFB9258", resources, (r) => {
        if (r.type === T.userProfile) {
            const settings = r.inputs.userSettings;
            const own = list(isRecord(settings) ? settings.securityGroups : undefined).length;
            const domain = (r.propertyDependencies.domainId ?? []).map((urn) => domainDefaults.get(urn) ?? 0)[0] ?? 0;
            return (own > 0 ? own : domain) + 1;
        }
        if (r.type === T.endpoint && r.inputs.vpcEndpointType === "Interface") return list(r.inputs.securityGroupIds).length;
        if (r.type === T.codebuild) {
            const vpc = r.inputs.vpcConfig;
            return isRecord(vpc) ? list(vpc.securityGroupIds).length : undefined;
        }
        return undefined;
    });
}

/** Interface endpoints per VPC: endpoints are grouped by the VPC resource their vpcId came from. */
function endpointsPerVpc(resources: PlanResource[]): QuotaUse[] {
    const counts = new Map<string, { account: string; vpc: string; used: number }>();
    for (const r of resources) {
        if (r.type !== T.endpoint || r.inputs.vpcEndpointType !== "Interface") continue;
        const vpcId = r.inputs.vpcId;
        const vpc = r.propertyDependencies.vpcId?.[0] ?? (typeof vpcId === "string" && vpcId !== PLAN_UNKNOWN ? vpcId : r.urn);
        const entry = counts.get(vpc) ?? { account: accountOf(r), vpc: vpc.split("::").pop() ?? vpc, used: 0 };
        entry.used += 1;
        counts.set(vpc, entry);
    }
    const best = new Map<string, QuotaUse>();
    for (const e of counts.values()) {
        const current = best.get(e.account);
        if (!current || e.used > current.used) best.set(e.account, { key: "vpc/L-29B6F2EB", account: e.account, used: e.used, where: `VPC ${e.vpc}` });
    }
    return [...best.values()];
}

/** What the plan's resources use of each quota, per account. */
export function quotaUses(resources: PlanResource[]): QuotaUse[] {
    const custom = resources.filter((r) => r.custom);
    const reserved = new Map<string, number>();
    for (const r of custom) {
        const n = r.type === T.lambda ? r.inputs.reservedConcurrentExecutions : undefined;
        if (typeof n === "number" && n > 0) reserved.set(accountOf(r), (reserved.get(accountOf(r)) ?? 0) + n);
    }
    const rules = rulesPerGroup(custom);
    const groups = new Map(custom.filter((r) => r.type === T.sg).map((r) => [r.urn, r]));
    const ruleUses = new Map<string, QuotaUse>();
    for (const [urn, counts] of rules) {
        const sg = groups.get(urn);
        if (!sg) continue;
        const used = Math.max(counts.ingress, counts.egress);
        const current = ruleUses.get(accountOf(sg));
        if (!current || used > current.used)
            ruleUses.set(accountOf(sg), { key: "vpc/L-0EA8095F", account: accountOf(sg), used, where: `SecurityGroup ${sg.name}` });
    }
    return [
        ...[...reserved].map(([account, used]) => ({
            key: "lambda/L-B99A9384",
            account,
            used: used + LAMBDA_UNRESERVED_MINIMUM,
            where: `${used} reserved + ${LAMBDA_UNRESERVED_MINIMUM} unreserved`,
        })),
        ...maxPerAccount("cloudtrail/advanced-event-selector-values", custom, (r) => (r.type === T.trail ? selectorValues(r) : undefined)),
        ...countPerAccount("sagemaker/L-B683BCB0", custom, [T.domain]),
        ...countPerAccount("sagemaker/L-AC46C40F", custom, [T.userProfile]),
        ...countPerAccount("sagemaker/L-8E5333B4", custom, [T.space]),
        ...groupsPerInterface(custom),
        ...ruleUses.values(),
        ...endpointsPerVpc(custom),
        // A VPC's default group counts too; the program adopts it as a DefaultSecurityGroup.
        ...countPerAccount("vpc/L-E79EC296", custom, [T.sg, "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup"]),
        ...countPerAccount("iam/L-FE177D64", custom, [T.role, T.serviceLinkedRole]),
        ...countPerAccount("iam/L-E95E4862", custom, [T.policy]),
    ];
}

/** The quota plan of a set of resources under the stack's declared quota values. */
export function quotaPlan(resources: PlanResource[], declared: Readonly<Record<string, number>>): QuotaPlanRow[] {
    return planQuotas(quotaUses(resources), declared);
}
