import { defineConfig } from "vitest/config";

export default defineConfig({
    test: {
        include: ["tests/**/*.test.ts"],
        // Each file runs in its own process: Pulumi's runtime state is process-global.
        pool: "forks",
        testTimeout: 120_000,
        hookTimeout: 120_000,
    },
});
