/**
 * Quota planning, the capacity planner's sibling (capacityPlanner.ts sizes subnets; this sizes
 * the account): the AWS quotas the platform's resources count against, their defaults and the
 * Service Quotas codes that raise them. A default that the planned use exceeds is found here,
 * before `pulumi up` stops half-way with a LimitExceeded error.
 *
 * The use itself is counted by whoever knows the resources (the offline plan counts them in
 * plan/quotas.ts); this module holds the catalogue and the judgement. Pure: no Pulumi, no I/O,
 * so the config schema can check declared values against the catalogue.
 */

export interface QuotaDefinition {
    /** `<service code>/<quota code>`, the key a stack declares a raised value under (`quotas` in the config). */
    key: string;
    /** Service Quotas service code. */
    service: string;
    /** Service Quotas quota code; undefined for a limit AWS does not let you raise. */
    code?: string;
    name: string;
    /** What one unit of the quota is counted over. */
    per: "account and Region" | "account" | "VPC" | "security group" | "network interface" | "trail";
    /**
     * The value an account has unless raised. Undefined where AWS documents none that holds for
     * every account (it differs per account and Region): such a quota is printed, and enforced
     * only against a declared value.
     */
    defaultValue?: number;
    /** Why the default is what it is, where that is not obvious. */
    note?: string;
    /** Where AWS states the quota. */
    source: string;
}

const VPC_QUOTAS = "https://docs.aws.amazon.com/vpc/latest/userguide/amazon-vpc-limits.html";
const IAM_QUOTAS = "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html";
const SAGEMAKER_QUOTAS = "https://docs.aws.amazon.com/general/latest/gr/sagemaker.html";

/** Lambda keeps this much of the account's concurrency unreserved: reserved concurrency can use only the rest. */
export const LAMBDA_UNRESERVED_MINIMUM = 100;

export const QUOTAS: readonly QuotaDefinition[] = [
    {
        key: "lambda/L-B99A9384",
        service: "lambda",
        code: "L-B99A9384",
        name: "Concurrent executions",
        per: "account and Region",
        defaultValue: 10,
        note: `the documented default is 1,000, but new accounts start lower (10); reserved concurrency needs it plus the ${LAMBDA_UNRESERVED_MINIMUM} Lambda keeps unreserved`,
        source: "https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html",
    },
    {
        key: "cloudtrail/advanced-event-selector-values",
        service: "cloudtrail",
        name: "Values in all advanced event selectors of a trail",
        per: "trail",
        defaultValue: 500,
        source: "https://docs.aws.amazon.com/awscloudtrail/latest/userguide/WhatIsCloudTrail-Limits.html",
    },
    {
        key: "sagemaker/L-B683BCB0",
        service: "sagemaker",
        code: "L-B683BCB0",
        name: "Total domains",
        per: "account and Region",
        source: SAGEMAKER_QUOTAS,
    },
    {
        key: "sagemaker/L-AC46C40F",
        service: "sagemaker",
        code: "L-AC46C40F",
        name: "Maximum number of Studio user profiles allowed per account",
        per: "account and Region",
        source: SAGEMAKER_QUOTAS,
    },
    {
        key: "sagemaker/L-8E5333B4",
        service: "sagemaker",
        code: "L-8E5333B4",
        name: "Maximum number of Studio spaces allowed per account",
        per: "account and Region",
        source: SAGEMAKER_QUOTAS,
    },
    {
        key: "vpc/L-2AFB9258",
        service: "vpc",
        code: "L-2AFB9258",
        name: "Security groups per network interface",
        per: "network interface",
        defaultValue: 5,
        source: VPC_QUOTAS,
    },
    {
        key: "vpc/L-0EA8095F",
        service: "vpc",
        code: "L-0EA8095F",
        name: "Inbound or outbound rules per security group",
        per: "security group",
        defaultValue: 60,
        source: VPC_QUOTAS,
    },
    {
        key: "vpc/L-29B6F2EB",
        service: "vpc",
        code: "L-29B6F2EB",
        name: "Interface VPC endpoints per VPC",
        per: "VPC",
        defaultValue: 50,
        source: VPC_QUOTAS,
    },
    {
        key: "vpc/L-E79EC296",
        service: "vpc",
        code: "L-E79EC296",
        name: "VPC security groups per Region",
        per: "account and Region",
        defaultValue: 2500,
        source: VPC_QUOTAS,
    },
    {
        key: "iam/L-FE177D64",
        service: "iam",
        code: "L-FE177D64",
        name: "Roles per account",
        per: "account",
        defaultValue: 1000,
        source: IAM_QUOTAS,
    },
    {
        key: "iam/L-E95E4862",
        service: "iam",
        code: "L-E95E4862",
        name: "Customer managed policies per account",
        per: "account",
        defaultValue: 1500,
        source: IAM_QUOTAS,
    },
];

const BY_KEY = new Map(QUOTAS.map((q) => [q.key, q]));

/** The catalogue entry of a key, or undefined. */
export function quotaDefinition(key: string): QuotaDefinition | undefined {
    return BY_KEY.get(key);
}

/** The planned use of one quota in one account: the largest count over what it is counted per. */
export interface QuotaUse {
    key: string;
    account: string;
    used: number;
    /** The VPC, group, interface or trail with that count, where the quota is not per account. */
    where?: string;
}

export interface QuotaPlanRow {
    key: string;
    service: string;
    code?: string;
    name: string;
    per: QuotaDefinition["per"];
    account: string;
    used: number;
    where?: string;
    /** The value the use is held against: the declared one, else the default; undefined when neither is known. */
    limit?: number;
    limitFrom: "declared" | "default" | "unknown";
    defaultValue?: number;
    exceeded: boolean;
    note?: string;
    source: string;
}

/**
 * Holds each use against the stack's declared value for its quota (the applied value after a
 * raise), else the default. Throws on a use of a quota not in the catalogue: a counter and the
 * catalogue out of step is a bug, not a config problem.
 */
export function planQuotas(uses: readonly QuotaUse[], declared: Readonly<Record<string, number>>): QuotaPlanRow[] {
    return uses.map((use) => {
        const q = BY_KEY.get(use.key);
        if (!q) throw new Error(`planQuotas: ${use.key} is not in the quota catalogue (components/network/quotaPlanner.ts)`);
        const declaredValue = declared[use.key];
        const limit = declaredValue ?? q.defaultValue;
        return {
            key: q.key,
            service: q.service,
            ...(q.code ? { code: q.code } : {}),
            name: q.name,
            per: q.per,
            account: use.account,
            used: use.used,
            ...(use.where ? { where: use.where } : {}),
            ...(limit !== undefined ? { limit } : {}),
            limitFrom: declaredValue !== undefined ? "declared" : q.defaultValue !== undefined ? "default" : "unknown",
            ...(q.defaultValue !== undefined ? { defaultValue: q.defaultValue } : {}),
            exceeded: limit !== undefined && use.used > limit,
            ...(q.note ? { note: q.note } : {}),
            source: q.source,
        };
    });
}

const fmt = (n: number): string => n.toLocaleString("en-US");

/**
 * The refusal of an exceeded row, to follow its key (`quotas.<key>: ...`): what is exceeded, by
 * how much, and how to raise it (or, for a limit AWS does not raise, that the config must change).
 */
export function quotaRefusal(row: QuotaPlanRow, region: string, fix = "change the config so the plan needs less"): string {
    const at = row.where ? ` (${row.where})` : "";
    const against = row.limitFrom === "declared" ? `the declared value ${fmt(row.limit ?? 0)}` : `the default ${fmt(row.limit ?? 0)}`;
    const head = `account ${row.account} needs ${fmt(row.used)} of ${row.service} "${row.name}" per ${row.per}${at}, above ${against}`;
    if (!row.code) {
        return `${head}; AWS does not raise this limit (${row.source}): ${fix}`;
    }
    return (
        `${head}; raise it first (aws service-quotas request-service-quota-increase --service-code ${row.service} --quota-code ${row.code} ` +
        `--desired-value ${row.used} --region ${region}), then declare the granted value under quotas."${row.key}" in the stack config`
    );
}
