import { describe, expect, it } from "vitest";
import { childUrn, defaultProviderName, newUrn, qualifiedType } from "../../plan/engine/urn";
import { goJson, pulumiConfigEnv, stackConfig } from "../../plan/engine/pulumiConfig";
import { canonicalOrder } from "../../plan/engine/order";
import { PlanResource } from "../../plan/types";

describe("URNs as the engine computes them", () => {
    it("names the stack with its own type and leaves the root stack type out of children's chains", () => {
        const stack = newUrn("dev", "secure-ds", "", "pulumi:pulumi:Stack", "secure-ds-dev");
        expect(stack).toBe("urn:pulumi:dev::secure-ds::pulumi:pulumi:Stack::secure-ds-dev");
        const layer = childUrn("dev", "secure-ds", stack, "secure-ds:stacks:WorkloadLayer", "workload");
        expect(layer).toBe("urn:pulumi:dev::secure-ds::secure-ds:stacks:WorkloadLayer::workload");
        const key = childUrn("dev", "secure-ds", childUrn("dev", "secure-ds", layer, "secure-ds:kms:CustomerKey", "logs"), "aws:kms/key:Key", "logs-key");
        expect(key).toBe("urn:pulumi:dev::secure-ds::secure-ds:stacks:WorkloadLayer$secure-ds:kms:CustomerKey$aws:kms/key:Key::logs-key");
        expect(qualifiedType(key)).toBe("secure-ds:stacks:WorkloadLayer$secure-ds:kms:CustomerKey$aws:kms/key:Key");
    });

    it("names default providers after the package version (ProviderRequest.DefaultName)", () => {
        expect(defaultProviderName("3.9.0")).toBe("default_3_9_0");
        expect(defaultProviderName("0.17.7-dev.1555435978+gb7030aa4.dirty")).toBe("default_0_17_7_dev_1555435978_gb7030aa4_dirty");
        expect(defaultProviderName("")).toBe("default");
    });
});

describe("config as the CLI hands it to the program", () => {
    it("merges project config into keys the stack lacks and writes objects as Go's json.Marshal does", () => {
        const config = stackConfig(
            "secure-ds",
            { "secure-ds:platform": { b: 1, a: [{ z: true, y: "x" }] }, "aws:region": "eu-west-1" },
            {
                "pulumi:tags": { "pulumi:template": "secure-ds" },
                "aws:region": "us-east-1",
                plain: 3,
            },
        );
        expect(config).toEqual({
            "secure-ds:platform": '{"a":[{"y":"x","z":true}],"b":1}',
            "aws:region": "eu-west-1",
            "pulumi:tags": '{"pulumi:template":"secure-ds"}',
            "secure-ds:plain": "3",
        });
        expect(JSON.parse(pulumiConfigEnv(config))).toEqual({
            "secure-ds:config:platform": '{"a":[{"y":"x","z":true}],"b":1}',
            "aws:config:region": "eu-west-1",
            "pulumi:config:tags": '{"pulumi:template":"secure-ds"}',
            "secure-ds:config:plain": "3",
        });
        expect(goJson({ b: { d: 1, c: 2 }, a: null })).toBe('{"a":null,"b":{"c":2,"d":1}}');
    });
});

describe("canonical order", () => {
    const r = (urn: string, parent?: string, dependsOn: string[] = []): PlanResource => ({
        urn,
        type: urn.endsWith("stack") ? "pulumi:pulumi:Stack" : "t:m:R",
        name: urn,
        parent,
        custom: false,
        inputs: {},
        outputs: {},
        options: { protect: false, retainOnDelete: false, dependsOn, ignoreChanges: [], deleteBeforeReplace: false },
        propertyDependencies: {},
    });

    it("puts the stack first and every resource after its parent and dependencies, whatever the arrival order", () => {
        const rs = [r("c", "stack", ["d"]), r("d", "stack"), r("a", "c"), r("stack")];
        const order = canonicalOrder(rs).map((x) => x.urn);
        expect(order).toEqual(["stack", "d", "c", "a"]);
        expect(canonicalOrder([...rs].reverse()).map((x) => x.urn)).toEqual(order);
    });
});
