/** One account per stack: stack.layers and stack.upstream are validated before anything is registered. */
import { describe, expect, it } from "vitest";
import { parsePlatformConfig } from "../../stacks/config";
import { stackLayers } from "../../stacks/schema/stack";
import { configProblems, rawStackConfig } from "../harness/configCases";

describe("stack.layers: one account per stack", () => {
    it("dev builds every layer by default, all in its one account", () => {
        expect(stackLayers(parsePlatformConfig(rawStackConfig("dev")))).toEqual(["logArchive", "sharedServices", "workload"]);
    });

    it("a config whose layers span accounts is refused with the fix", () => {
        const raw = rawStackConfig("prod");
        delete raw.stack;
        expect(configProblems(raw)).toContain(
            'secure-ds:platform.stack: this stack would deploy into 5 accounts (organization in 222222222222, networkHub in 666666666666, logArchive in 555555555555, sharedServices in 333333333333, workload in 444444444444); a stack deploys into one account: set stack.layers to the layers of one account and plan the others as their own stacks (docs/configuration.md, "Stacks")',
        );
    });

    it("two listed layers of different accounts are refused; two of one account are accepted", () => {
        const raw = rawStackConfig("prod");
        raw.stack = { layers: ["sharedServices", "workload"], upstream: { logArchive: "log-archive" } };
        expect(configProblems(raw)[0]).toMatch(
            /^secure-ds:platform\.stack\.layers: this stack would deploy into 2 accounts \(sharedServices in 333333333333, workload in 444444444444\)/,
        );
        raw.accounts.sharedServices = { ...raw.accounts.workload };
        // The gate's toolchain image lives in the shared-services account's registry: it moves with the account.
        raw.packages = { ...raw.packages, toolchainImage: raw.packages?.toolchainImage?.replace("333333333333", "444444444444") };
        expect(configProblems(raw)).toEqual([]);
    });

    it("a layer whose account is not configured is refused", () => {
        const raw = rawStackConfig("dev");
        raw.stack = { layers: ["organization"] };
        expect(configProblems(raw)).toContain(
            "secure-ds:platform.stack.layers: layer organization is listed but accounts.management is not set; add that account or drop the layer",
        );
    });
});

describe("stack.upstream: every input is built here or read from a named stack", () => {
    it("a workload stack without the archive's and the package index's stacks names both", () => {
        const raw = rawStackConfig("prod");
        raw.stack = { layers: ["workload"] };
        expect(configProblems(raw)).toEqual([
            "secure-ds:platform.stack.upstream.logArchive: missing; layer workload reads the logArchive stack's outputs (its trail and AWS Config deliver to the audit archive): name that stack, or build layer logArchive here",
            "secure-ds:platform.stack.upstream.sharedServices: missing; layer workload reads the sharedServices stack's outputs (its teams install packages from the approved index): name that stack, or build layer sharedServices here",
        ]);
    });

    it("without packages the workload needs no shared-services stack", () => {
        const raw = rawStackConfig("prod");
        raw.stack = { layers: ["workload"], upstream: { logArchive: "log-archive" } };
        raw.packages = { enabled: false };
        expect(configProblems(raw)).toEqual([]);
    });

    it("a reference to a layer the stack builds itself is refused", () => {
        const raw = rawStackConfig("dev");
        raw.stack = { upstream: { logArchive: "log-archive" } };
        expect(configProblems(raw)).toEqual([
            'secure-ds:platform.stack.upstream.logArchive: "log-archive" is named but this stack builds layer logArchive itself; drop the reference',
        ]);
    });

    it("a stack name Pulumi would not accept is refused", () => {
        const raw = rawStackConfig("prod");
        raw.stack = { layers: ["workload"], upstream: { logArchive: "log archive!", sharedServices: "acme/secure-ds/shared-services" } };
        expect(configProblems(raw)).toEqual([
            `secure-ds:platform.stack.upstream.logArchive: "log archive!" is not a stack name (<stack> or <organization>/<project>/<stack>, letters, digits, '-', '_' and '.')`,
        ]);
    });

    it("a management stack needs the SCP's instance-type ceiling, having no teams", () => {
        const raw = rawStackConfig("management");
        delete raw.governance?.instanceTypeCeiling;
        expect(configProblems(raw)).toEqual([
            "secure-ds:platform.governance.instanceTypeCeiling: missing; this stack has no teams to derive the SCP's instance-type allow-list (G2) from: list every type the workload stacks allow",
        ]);
    });
});
