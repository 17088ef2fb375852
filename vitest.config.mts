import { defineConfig } from "vitest/config";
import { suiteLayout } from "./tests/harness/suiteLayout";

// Each test file's project follows from what it imports (tests/harness/suiteLayout.ts).
const layout = suiteLayout(import.meta.dirname);

export default defineConfig({
    test: {
        testTimeout: 120_000,
        hookTimeout: 120_000,
        // The JSON report lets .ci/run print a plain "N passed, N failed" line.
        reporters: ["default", "json"],
        outputFile: { json: ".vitest/results.json" },
        projects: [
            {
                // Plain functions: no Pulumi runtime, no plan. The files share worker threads and the
                // modules they load (@pulumi/aws once per worker instead of once per file).
                extends: true,
                test: { name: "unit", include: layout.unit, pool: "threads", isolate: false },
            },
            {
                // Components under the mock runtime. Pulumi's runtime state is process-global: one process per file.
                extends: true,
                test: { name: "components", include: layout.components, pool: "forks", isolate: true },
            },
            {
                // The whole program and its dev and prod plans (up and preview), which the global setup builds once per run.
                extends: true,
                test: {
                    name: "stack",
                    include: layout.stack,
                    pool: "forks",
                    isolate: true,
                    globalSetup: ["tests/harness/stackPlans.globalSetup.ts"],
                },
            },
        ],
    },
});
