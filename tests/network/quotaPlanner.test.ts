/**
 * The quota planner (components/network/quotaPlanner.ts) and the config's `quotas` key
 * (stacks/schema/quotas.ts): a default the config would exceed is a config error that names the
 * quota, its Service Quotas code and how to raise it, unless the raised value is declared.
 */
import { describe, expect, it } from "vitest";
import { generatedConfig } from "../../bench/generatedConfig";
import { QUOTAS, planQuotas, quotaRefusal } from "../../components/network/quotaPlanner";
import { configProblems, rawStackConfig } from "../harness/configCases";

const platformOf = (config: Record<string, unknown>) => config["secure-ds:platform"] as Record<string, unknown>;

describe("quota catalogue", () => {
    it("keys every adjustable quota by its Service Quotas service and code, and cites where AWS states it", () => {
        for (const q of QUOTAS) {
            if (q.code) expect(q.key).toBe(`${q.service}/${q.code}`);
            if (q.code) expect(q.code).toMatch(/^L-[0-9A-F]{8}$/);
            expect(q.source).toMatch(/^https:\/\/docs\.aws\.amazon\.com\//);
        }
        expect(QUOTAS.map((q) => q.key)).toEqual(
            expect.arrayContaining(["lambda/L-B99A9384", "vpc/L-2AFB9258", "vpc/L-0EA8095F", "iam/L-FE177D64", "iam/L-E95E4862"]),
        );
    });
});

describe("planQuotas", () => {
    const account = "111111111111";

    it("holds a use against the default, or the declared value when the stack declares one", () => {
        const [byDefault] = planQuotas([{ key: "vpc/L-0EA8095F", account, used: 61 }], {});
        expect(byDefault).toMatchObject({ limit: 60, limitFrom: "default", exceeded: true });
        const [declared] = planQuotas([{ key: "vpc/L-0EA8095F", account, used: 61 }], { "vpc/L-0EA8095F": 120 });
        expect(declared).toMatchObject({ limit: 120, limitFrom: "declared", exceeded: false });
    });

    it("never refuses a quota whose default varies per account unless a value is declared", () => {
        const [row] = planQuotas([{ key: "sagemaker/L-B683BCB0", account, used: 500 }], {});
        expect(row).toMatchObject({ limitFrom: "unknown", exceeded: false });
        expect(row.limit).toBeUndefined();
        expect(planQuotas([{ key: "sagemaker/L-B683BCB0", account, used: 500 }], { "sagemaker/L-B683BCB0": 100 })[0].exceeded).toBe(true);
    });

    it("refuses a use of a quota the catalogue does not know (a counter out of step with the catalogue)", () => {
        expect(() => planQuotas([{ key: "ec2/L-NOPE", account, used: 1 }], {})).toThrow(/not in the quota catalogue/);
    });

    it("says how to raise an adjustable quota, and that a fixed limit needs a smaller config", () => {
        const [roles] = planQuotas([{ key: "iam/L-FE177D64", account, used: 1400 }], {});
        expect(quotaRefusal(roles, "eu-west-1")).toBe(
            'account 111111111111 needs 1,400 of iam "Roles per account" per account, above the default 1,000; raise it first (aws service-quotas request-service-quota-increase --service-code iam --quota-code L-FE177D64 --desired-value 1400 --region eu-west-1), then declare the granted value under quotas."iam/L-FE177D64" in the stack config',
        );
        const [trail] = planQuotas([{ key: "cloudtrail/advanced-event-selector-values", account, used: 501, where: "Trail audit-trail" }], {});
        expect(quotaRefusal(trail, "eu-west-1", "split the teams")).toMatch(
            /\(Trail audit-trail\), above the default 500; AWS does not raise this limit \(https:.*\): split the teams$/,
        );
    });
});

describe("config: quotas", () => {
    it("refuses 200 teams for the default 1,000 IAM roles only: the trail's S3 selector matches a bucket-name prefix, not 3 values per team", () => {
        const problems = configProblems(platformOf(generatedConfig(200, 10)));
        expect(problems).toHaveLength(1);
        expect(problems[0]).toMatch(/^secure-ds:platform\.quotas\.iam\/L-FE177D64: account 111111111111 needs 1,400 of iam "Roles per account"/);
        expect(problems[0]).toMatch(/request-service-quota-increase --service-code iam --quota-code L-FE177D64 --desired-value 1400 --region eu-west-1/);
    });

    it("accepts the generated 100 teams × 10 users, and 200 teams once the raise is declared and data events are off", () => {
        expect(configProblems(platformOf(generatedConfig(100, 10)))).toEqual([]);
        const big = platformOf(generatedConfig(200, 10));
        big.quotas = { ...(big.quotas as Record<string, number>), "iam/L-FE177D64": 2000 };
        big.governance = { ...(big.governance as Record<string, unknown>), trail: { s3DataEvents: false } };
        expect(configProblems(big)).toEqual([]);
    });

    it("refuses the detective function's reserved concurrency on a new account's 10 executions unless the raise is declared", () => {
        const raw = rawStackConfig("dev");
        delete raw.quotas;
        expect(configProblems(raw)).toEqual([
            expect.stringMatching(
                /^secure-ds:platform\.quotas\.lambda\/L-B99A9384: account 111111111111 needs 105 of lambda "Concurrent executions" .* above the default 10; raise it first .*--quota-code L-B99A9384 --desired-value 105/,
            ),
        ]);
        raw.governance = { ...raw.governance, detectiveControls: false };
        expect(configProblems(raw)).toEqual([]);
    });

    it("names an unknown quota key and a limit AWS does not raise", () => {
        const raw = rawStackConfig("dev");
        raw.quotas = { ...raw.quotas, "ec2/L-12345678": 5, "cloudtrail/advanced-event-selector-values": 1000, "iam/L-FE177D64": 0 };
        expect(configProblems(raw)).toEqual([
            expect.stringMatching(/^secure-ds:platform\.quotas\.cloudtrail\/advanced-event-selector-values: .* cannot be raised/),
            expect.stringMatching(
                /^secure-ds:platform\.quotas\.ec2\/L-12345678: "ec2\/L-12345678" is not a quota the planner knows; use one of lambda\/L-B99A9384, /,
            ),
            "secure-ds:platform.quotas.iam/L-FE177D64: 0 is not a positive quota value",
        ]);
    });
});
