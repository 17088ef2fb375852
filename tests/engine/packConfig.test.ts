import { describe, expect, it } from "vitest";
import { PackConfigError, PolicyMeta, parsePackConfig, reconcilePackConfig } from "../../plan/packConfig";

const policies: PolicyMeta[] = [
    {
        name: "retention",
        enforcementLevel: "mandatory",
        configSchema: { properties: { minimumRetentionDays: { type: "integer", minimum: 1, default: 365 } } },
    },
    { name: "plain", enforcementLevel: "advisory" },
];

const reconcile = (text: string) => reconcilePackConfig(policies, {}, parsePackConfig(text, "x.json"), "x.json");

describe("pack config as strict as the CLI (pkg/resource/analyzer/config.go)", () => {
    it("refuses an enforcement level that is not advisory, mandatory, remediate or disabled, naming the key", () => {
        expect(() => parsePackConfig('{"all":"mandatry"}', "x.json")).toThrow(PackConfigError);
        expect(() => parsePackConfig('{"all":"mandatry"}', "x.json")).toThrow(/x\.json: "all": "mandatry" is not a valid enforcement level/);
        expect(() => parsePackConfig('{"retention":{"enforcementLevel":"strict"}}', "x.json")).toThrow(/"retention\.enforcementLevel": "strict"/);
        expect(() => parsePackConfig('{"retention":3}', "x.json")).toThrow(/must be a string or object/);
    });

    it("validates each policy's properties against its configSchema, after the schema defaults", () => {
        expect(() => reconcile('{"retention":{"minimumRetentionDays":"lots"}}')).toThrow(/"retention"\.minimumRetentionDays: must be integer/);
        expect(() => reconcile('{"retention":{"minimumRetentionDays":0}}')).toThrow(/must be >= 1/);
        expect(reconcile("{}").retention).toEqual({ enforcementLevel: "mandatory", properties: { minimumRetentionDays: 365 } });
    });

    it("applies `all` first, then each policy's own entry", () => {
        const r = reconcile('{"all":"disabled","plain":"advisory","retention":{"minimumRetentionDays":30}}');
        expect(r.plain.enforcementLevel).toBe("advisory");
        expect(r.retention).toEqual({ enforcementLevel: "disabled", properties: { minimumRetentionDays: 30 } });
    });

    it("and stricter: an unknown policy name or an undeclared property is an error, not silently ignored", () => {
        expect(() => reconcile('{"retentoin":"advisory"}')).toThrow(/"retentoin" is not a policy of the pack/);
        expect(() => reconcile('{"retention":{"minimumRetentionDay":30}}')).toThrow(/minimumRetentionDay: not a property of the policy's configSchema/);
        expect(() => reconcile('{"plain":{"threshold":1}}')).toThrow(/"plain".threshold: not a property/);
        expect(() => parsePackConfig('{"environments":["x"]}', "x.json")).toThrow(/cannot be resolved offline/);
    });
});
