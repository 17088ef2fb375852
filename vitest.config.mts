import { defineConfig } from "vitest/config";

export default defineConfig({
    test: {
        include: ["tests/**/*.test.ts"],
        // Each file runs in its own process: Pulumi's runtime state is process-global.
        pool: "forks",
        // Builds the dev and prod plans once per run for the tests that only read them.
        globalSetup: ["tests/harness/stackPlans.globalSetup.ts"],
        testTimeout: 120_000,
        hookTimeout: 120_000,
        // The JSON report lets .ci/run print a plain "N passed, N failed" line.
        reporters: ["default", "json"],
        outputFile: { json: ".vitest/results.json" },
    },
});
