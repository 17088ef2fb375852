/**
 * The accounts an environment judgement trusts besides the union's own: those the planned
 * stacks' configs declare. shared-services planned with its upstream grants its packages to the
 * workload account, which no planned stack deploys into but every config declares.
 */
import { describe, expect, it } from "vitest";
import { declaredAccountIds } from "../../plan/environment";
import { readStackConfigFile, stackConfigPath } from "../../plan/stackConfig";

describe("declaredAccountIds", () => {
    it("collects the accounts of every planned stack's config, once each", () => {
        const configs = ["log-archive", "shared-services"].map((s) => readStackConfigFile(stackConfigPath(s)));
        expect(declaredAccountIds(configs)).toEqual(expect.arrayContaining(["333333333333", "444444444444", "555555555555"]));
        expect(new Set(declaredAccountIds(configs)).size).toBe(declaredAccountIds(configs).length);
    });

    it("ignores configs without accounts and account entries without an id", () => {
        expect(declaredAccountIds([{}, { "secure-ds:platform": { accounts: { workload: {}, management: { accountId: 222222222222 } } } }])).toEqual([]);
    });
});
